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

/**
 * How a bridge member works:
 * - call (default): one field write; the Task runs `handler` with the arguments.
 * - sync: answered on the render thread by `sync.fn` (O(1)); nothing is sent to the Task.
 * - invoke: mParticle's raw protocol, invokeFunction(name, args): the call id is the `name`
 *   argument ("logEvent", "media/logPlay"), dispatched through the same table as every call.
 */
export type BridgeKind = 'call' | 'sync' | 'invoke';

export const BRIDGE_KINDS: readonly BridgeKind[] = ['call', 'sync', 'invoke'];

/** What a sync bridge member returns. */
export type ValueReturnType = 'integer' | 'longinteger' | 'boolean' | 'string';

export const RETURN_TYPES: readonly ValueReturnType[] = ['integer', 'longinteger', 'boolean', 'string'];

export interface BridgeMethod {
    namespace: BridgeNamespace;
    name: string;
    params: BridgeParam[];
    kind?: BridgeKind;
    /** The Task-side method this call reaches: sdk[target][method](args...). Kind call only. */
    handler?: { target: HandlerTarget; method: string };
    /** Kind sync: the render-thread function called with the parameters, and its result type. */
    sync?: { fn: string; returns: ValueReturnType };
    /**
     * A render-thread function run with the call's MediaSession before the call is sent: O(1)
     * bookkeeping on the caller's own AA (mParticle's playback fields), never validation.
     */
    renderHook?: string;
    /**
     * What the Task may do with this call when its backlog of unhandled calls is full
     * (TaskBacklog.bs): 'event', it only logs an event: it is shed and counted as a dropped event
     * (reason backlog); 'sample', a reading the next call supersedes (the playhead): shed and
     * counted. Absent: kept (state the SDK must not miss) up to the backlog's hard limit.
     */
    underLoad?: 'event' | 'sample';
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

/**
 * A function member of a constant group (mParticle's IDENTITY_TYPE.isValidIdentityType,
 * IDENTITY_TYPE_INT.parseString), written from data so it cannot drift from the values:
 * - memberOf: true when the argument is a string equal (case-sensitive) to one of the group's
 *   string values.
 * - lookup: the group's value under the key whose value in group `from` equals the argument
 *   (case-sensitive), else `fallback`.
 */
export interface ConstantFunction {
    name: string;
    description: string;
    kind: 'memberOf' | 'lookup';
    param: { name: string; description: string };
    from?: string;
    fallback?: ConstantValue;
    returns: ValueReturnType;
}

export interface ConstantGroup {
    name: string;
    description: string;
    /** A scalar constant (e.g. SDK_VERSION) or a group of named values. */
    value: ConstantValue | Record<string, ConstantValue>;
    /** Function members (object groups only). */
    functions?: ConstantFunction[];
}

/** An option of m.global.mparticleOptions that has no entry in DEFAULT_OPTIONS. */
export interface ExtraOption {
    name: string;
    type: 'string' | 'integer' | 'boolean' | 'object' | 'array';
    description: string;
}

export type BuilderFieldType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'timestamp';

export const BUILDER_FIELD_TYPES: readonly BuilderFieldType[] = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'timestamp'];

/** A builder in mParticleConstants(): `X.build(...)` plus `X.setField(obj, value)` setters. */
export interface BuilderField {
    name: string;
    /** An `object` field named like a builder (adBreak -> AdBreak) holds what that builder builds. */
    type: BuilderFieldType;
    description: string;
    /**
     * The key in the built AA when it is not the field name: mParticle's short keys (a product's
     * brand is `cs`), which apps read and compare. The setter is still named after the field.
     */
    key?: string;
    /** Set by build() from this build() parameter. */
    fromParam?: string;
    /** Initial value set by build() when not from a parameter (BrightScript literal). */
    initial?: string;
    /** Set by build() to the product of two number parameters (0 when either is not a number). */
    productOf?: [string, string];
    /** Generate setX(obj, value). */
    setter?: boolean;
}

export interface BuilderParam {
    name: string;
    type: BuilderFieldType;
    optional?: boolean;
    /**
     * BrightScript literal used when the argument is omitted or invalid. `{}` and `[]` are fresh
     * per call (the engine ignores AA and array literals as parameter defaults).
     */
    default?: string;
    description: string;
}

/**
 * A builder function that is not a plain setter, working on an AA-valued field of the target
 * (mParticle's ConsentState.addGDPRConsentState and friends):
 * - put: target[field][entry] = value      - remove: deletes target[field][entry]
 * - get: returns target[field]
 * The entry key is fixed (`entryKey`) or a parameter (`entryParam`). Parameters follow the target.
 */
export interface BuilderMethod {
    name: string;
    description: string;
    kind: 'put' | 'remove' | 'get';
    field: string;
    entryKey?: string;
    entryParam?: string;
    valueParam?: string;
    params: Array<{ name: string; type: BuilderFieldType; description: string }>;
}

export interface Builder {
    name: string;
    description: string;
    params: BuilderParam[];
    fields: BuilderField[];
    /**
     * Constant groups nested in the builder, e.g. ProductAction.ACTION_TYPE. `wire` maps a value
     * to what the Events API calls it when the two differ (view -> view_detail); the Task and the
     * data plan read it.
     */
    constants?: Array<{ name: string; description: string; value: Record<string, ConstantValue>; wire?: Record<string, string> }>;
    methods?: BuilderMethod[];
    /** Present in mParticle's own Roku SDK (and so in its documentation). */
    compat?: boolean;
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
    /** Options read from m.global.mparticleOptions beyond DEFAULT_OPTIONS; any other key warns. */
    extraOptions: ExtraOption[];
    builders: Builder[];
    bridge: BridgeMethod[];
    localMembers: LocalMember[];
    taskFields: TaskField[];
    mediaAttributes: MediaAttribute[];
    mediaEvents: MediaEventSpec[];
}
