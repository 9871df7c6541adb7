/**
 * Views of the schema that several emitters share, so the data plan, the typings and the API
 * reference agree on which attributes each media event carries.
 */
import type { BridgeKind, BridgeMethod, BridgeNamespace, Builder, BuilderField, LocalMember, MediaAttribute, MediaEventSpec, Schema } from './schema/types';
import { BRIDGE_NAMESPACES } from './schema/types';

/**
 * Optional parameters every generated render-thread function (bridge members, builders, setters,
 * constant functions) declares after its own, all ignored: BrightScript stops the channel when a
 * call passes more arguments than the signature has, and a call with one or two too many is a
 * common porting mistake. A call with more than this many extra arguments still fails.
 */
export const EXTRA_ARGUMENTS = 4;

/** `extraArg1 = invalid as dynamic, ...`: the trailing parameters of EXTRA_ARGUMENTS. */
export function extraParams(): string[] {
    return Array.from({ length: EXTRA_ARGUMENTS }, (_, i) => `extraArg${i + 1} = invalid as dynamic`);
}

export function pascal(name: string): string {
    return name.charAt(0).toUpperCase() + name.slice(1);
}

/** LOG_LEVEL -> LogLevel, SESSION_START -> SessionStart. */
export function pascalFromConstant(name: string): string {
    return name.toLowerCase().split('_').filter(Boolean).map(pascal).join('');
}

export interface EventAttributes {
    event: MediaEventSpec;
    /** Always present on the event. */
    required: MediaAttribute[];
    /** Present when the app set them: the event's optional list, then every unlisted attribute. */
    optional: MediaAttribute[];
}

/**
 * Media attributes that no event lists (content metadata, player details, ...): the app may set
 * them on the session or per call, so every media event may carry them.
 */
export function descriptiveAttributes(schema: Schema): MediaAttribute[] {
    const listed = new Set(schema.mediaEvents.flatMap((e) => [...e.attributes, ...(e.optional ?? [])]));
    return schema.mediaAttributes.filter((a) => !listed.has(a.key));
}

export function eventAttributes(schema: Schema): EventAttributes[] {
    const byKey = new Map(schema.mediaAttributes.map((a) => [a.key, a]));
    const descriptive = descriptiveAttributes(schema);
    const lookup = (keys: string[]) => keys.map((k) => byKey.get(k)).filter((a): a is MediaAttribute => a !== undefined);
    return schema.mediaEvents.map((event) => ({
        event,
        required: lookup(event.attributes),
        optional: [...lookup(event.optional ?? []), ...descriptive]
    }));
}

/** Methods of one bridge namespace, in schema order. */
export function bridgeMembers(schema: Schema, namespace: BridgeNamespace): BridgeMethod[] {
    return schema.bridge.filter((m) => m.namespace === namespace);
}

/** Calling-thread members of one bridge namespace (no Task handler), in schema order. */
export function localMembersOf(schema: Schema, namespace: BridgeNamespace): LocalMember[] {
    return schema.localMembers.filter((m) => m.namespace === namespace);
}

/** Namespaces below the top level that mParticleSGBridge() returns (always all of them). */
export function bridgeNamespaces(): Exclude<BridgeNamespace, ''>[] {
    return BRIDGE_NAMESPACES.filter((ns): ns is Exclude<BridgeNamespace, ''> => ns !== '');
}

/** The builder an object field holds, by name (adBreak -> AdBreak), if there is one. */
export function builderOfField(schema: Schema, field: Pick<BuilderField, 'name' | 'type'>): Builder | undefined {
    if (field.type !== 'object') {
        return undefined;
    }
    return schema.builders.find((b) => b.name === pascal(field.name));
}

/** setX name of a builder field's setter. */
export function setterName(field: BuilderField): string {
    return `set${pascal(field.name)}`;
}

/** The object-valued constant groups (everything but scalars), DEFAULT_OPTIONS included. */
export function constantGroups(schema: Schema) {
    return schema.constants.filter((g): g is typeof g & { value: Record<string, string | number | boolean> } => typeof g.value === 'object');
}

export function bridgeKind(method: BridgeMethod): BridgeKind {
    return method.kind ?? 'call';
}

/** Bridge methods the Task runs (kind call): the entries of its dispatch table. */
export function dispatchedMethods(schema: Schema): Array<BridgeMethod & { handler: NonNullable<BridgeMethod['handler']> }> {
    return schema.bridge.filter((m): m is BridgeMethod & { handler: NonNullable<BridgeMethod['handler']> } => bridgeKind(m) === 'call' && m.handler !== undefined);
}

/** The key of a builder field in the built AA (mParticle's short key, or the field name). */
export function builderKey(field: BuilderField): string {
    return field.key ?? field.name;
}

/** What a bridge method or a builder call reaches, in one line (docs and typings). */
export function bridgeTarget(method: BridgeMethod): string {
    switch (bridgeKind(method)) {
        case 'sync':
            return `answered on the render thread by ${method.sync?.fn ?? '?'}`;
        case 'invoke':
            return 'dispatched by its name argument';
        default:
            return `Task handler: ${method.handler?.target}.${method.handler?.method}`;
    }
}

/**
 * The Events API value of each value of a builder's constant group ("ProductAction.ACTION_TYPE"):
 * the value itself unless the group's wire table renames it.
 */
export function wireValues(schema: Schema, builderName: string, groupName: string): Record<string, string> {
    const group = schema.builders.find((b) => b.name === builderName)?.constants?.find((c) => c.name === groupName);
    const out: Record<string, string> = {};
    for (const value of Object.values(group?.value ?? {})) {
        out[String(value)] = group?.wire?.[String(value)] ?? String(value);
    }
    return out;
}
