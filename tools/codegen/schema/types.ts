/**
 * Types of the single schema every generated file derives from. The schema itself is plain
 * TypeScript data in this folder; `npm run codegen` validates it and writes the outputs.
 */

/** Types a bridge parameter may declare; the Task-side handler checks the value at run time. */
export type ParamType =
    | 'string'
    | 'number'
    | 'integer'
    | 'boolean'
    | 'attributes'
    | 'object'
    | 'array'
    | 'dynamic'
    | 'MediaSession'
    | 'IdentityApiRequest'
    | 'node';

export const PARAM_TYPES: readonly ParamType[] = [
    'string', 'number', 'integer', 'boolean', 'attributes', 'object', 'array', 'dynamic', 'MediaSession', 'IdentityApiRequest', 'node'
];

export interface BridgeParam {
    name: string;
    type: ParamType;
    /** Omitted arguments arrive as invalid unless a default is given. */
    optional?: boolean;
    /** Value the Task side uses when the argument is invalid or omitted. */
    default?: string | number | boolean;
    description: string;
}

/** Namespaces of mParticleSGBridge(task): '' is the top level. */
export type BridgeNamespace = '' | 'media' | 'identity' | 'testing' | 'tracking';

export const BRIDGE_NAMESPACES: readonly BridgeNamespace[] = ['', 'media', 'identity', 'testing', 'tracking'];

/** Task-side objects that own handlers (members of the SDK object on the Task thread). */
export type HandlerTarget = 'core' | 'media' | 'identity' | 'testing' | 'tracking';

export const HANDLER_TARGETS: readonly HandlerTarget[] = ['core', 'media', 'identity', 'testing', 'tracking'];

export interface BridgeMethod {
    namespace: BridgeNamespace;
    name: string;
    params: BridgeParam[];
    /** The Task-side method this call reaches: sdk[target][method](args...). */
    handler: { target: HandlerTarget; method: string };
    description: string;
    /** Present in mParticle's own Roku SDK (and so in its documentation). */
    compat?: boolean;
}

/** Field types of what a calling-thread member returns. */
export type ReturnFieldType = 'string' | 'boolean' | 'node' | 'function';

export const RETURN_FIELD_TYPES: readonly ReturnFieldType[] = ['string', 'boolean', 'node', 'function'];

/**
 * A member of mParticleSGBridge() that does its work on the calling thread instead of reaching a
 * Task handler (e.g. media.trackVideo, which creates a render-thread observer node that then
 * makes bridge calls). Declared here so the bridge, the typings and the API reference list it.
 */
export interface LocalMember {
    namespace: BridgeNamespace;
    name: string;
    params: BridgeParam[];
    /** Hand-written BrightScript function the member points at. */
    implementation: string;
    /** pkg: path of the file that defines it (the generated bridge imports it). */
    file: string;
    returns: {
        /** Type name in the typings, e.g. VideoTrackerHandle. */
        name: string;
        description: string;
        /** `ts`: the TypeScript type of a function field, e.g. '(eventType: string) => void'. */
        fields: Array<{ name: string; type: ReturnFieldType; description: string; ts?: string }>;
    };
    description: string;
}

export type FieldType = 'assocarray' | 'array' | 'boolean' | 'integer' | 'float' | 'string' | 'node';

export const FIELD_TYPES: readonly FieldType[] = ['assocarray', 'array', 'boolean', 'integer', 'float', 'string', 'node'];

export interface TaskField {
    id: string;
    type: FieldType;
    /** Observers fire on every write, even when the value is unchanged. */
    alwaysNotify?: boolean;
    /** Which thread writes it. */
    writtenBy: 'render' | 'task';
    description: string;
}

export type ConstantValue = string | number | boolean;

export interface ConstantGroup {
    name: string;
    description: string;
    /** A scalar constant (e.g. SDK_VERSION) or a group of named values. */
    value: ConstantValue | Record<string, ConstantValue>;
}

export type BuilderFieldType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'timestamp';

export const BUILDER_FIELD_TYPES: readonly BuilderFieldType[] = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'timestamp'];

/** A builder in mParticleConstants(): `X.build(...)` plus `X.setField(obj, value)` setters. */
export interface BuilderField {
    name: string;
    /** An `object` field named like a builder (adBreak -> AdBreak) holds what that builder builds. */
    type: BuilderFieldType;
    description: string;
    /** Set by build() from this build() parameter. */
    fromParam?: string;
    /** Initial value set by build() when not from a parameter (BrightScript literal). */
    initial?: string;
    /** Generate setX(obj, value). */
    setter?: boolean;
}

export interface Builder {
    name: string;
    description: string;
    /** `default` is a BrightScript literal used when the argument is omitted. */
    params: Array<{ name: string; type: BuilderFieldType; optional?: boolean; default?: string; description: string }>;
    fields: BuilderField[];
}

export type AttributeType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'timestamp';
export type AttributeUnit = 'ms' | 's' | '%';

export const ATTRIBUTE_TYPES: readonly AttributeType[] = ['string', 'number', 'integer', 'boolean', 'array', 'timestamp'];
export const ATTRIBUTE_UNITS: readonly AttributeUnit[] = ['ms', 's', '%'];

/** A custom attribute a media event carries (uploaded as a string, whatever its type). */
export interface MediaAttribute {
    key: string;
    type: AttributeType;
    unit?: AttributeUnit;
    description: string;
    /** Adobe Media metadata key this attribute maps to, e.g. s:meta:a.media.show. */
    adobeKey?: string;
}

export interface MediaEventSpec {
    /** MEDIA_EVENT_NAME constant name, e.g. PLAY. */
    constant: string;
    /** Uploaded event_name, e.g. "Play". */
    name: string;
    /** Bridge call that logs it (media namespace), if any. */
    loggedBy?: string;
    /** Summary events are also sent automatically. */
    summary?: boolean;
    /** Attribute keys the SDK always sets on this event (the data plan requires them). */
    attributes: string[];
    /**
     * Keys the event carries only when the app set them (e.g. the current ad break). Any media
     * attribute that no event lists is also allowed on every media event, as optional.
     */
    optional?: string[];
    description: string;
}

export interface Schema {
    constants: ConstantGroup[];
    builders: Builder[];
    bridge: BridgeMethod[];
    localMembers: LocalMember[];
    taskFields: TaskField[];
    mediaAttributes: MediaAttribute[];
    mediaEvents: MediaEventSpec[];
}
