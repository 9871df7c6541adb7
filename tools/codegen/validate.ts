/**
 * Rejects a schema that would generate inconsistent code; every message names the entry.
 * BrightScript names are case-insensitive, so names that differ only in case collide.
 */
import {
    ATTRIBUTE_TYPES, ATTRIBUTE_UNITS, BRIDGE_KINDS, BRIDGE_NAMESPACES, BUILDER_FIELD_TYPES, FIELD_TYPES, HANDLER_TARGETS, PARAM_TYPES, RETURN_FIELD_TYPES, RETURN_TYPES,
    type BridgeMethod, type BridgeParam, type Schema
} from './schema/types';

export class SchemaError extends Error {
    constructor(readonly problems: string[]) {
        super(`invalid schema:\n  - ${problems.join('\n  - ')}`);
    }
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A (namespaced) BrightScript function name, e.g. mParticle.tracking.trackVideo. */
const FUNCTION_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
/** mParticle attribute keys as the SDK writes them: lower snake case. */
const ATTRIBUTE_KEY = /^[a-z][a-z0-9_]*$/;
/** A BrightScript function reference such as mParticle.playback.onPlay. */
const QUALIFIED_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const OPTION_TYPES = ['string', 'integer', 'boolean', 'object', 'array'];
/** Members of the object mParticleSGBridge() returns that are not bridge methods. */
const RESERVED_BRIDGE_MEMBERS = ['mParticleTask', '_transport'];

export function bridgeMethodId(method: Pick<BridgeMethod, 'namespace' | 'name'>): string {
    return method.namespace ? `${method.namespace}.${method.name}` : method.name;
}

interface Duplicate {
    name: string;
    /** The earlier entry it collides with (differs from name only in case, or equals it). */
    first: string;
}

/** Values seen before, ignoring case. */
function duplicates(values: string[]): Duplicate[] {
    const seen = new Map<string, string>();
    const dups: Duplicate[] = [];
    for (const value of values) {
        const key = value.toLowerCase();
        const first = seen.get(key);
        if (first === undefined) {
            seen.set(key, value);
        } else if (!dups.some((d) => d.name === value)) {
            dups.push({ name: value, first });
        }
    }
    return dups;
}

/** Parameter rules shared by bridge methods and calling-thread members. */
function checkParams(id: string, params: BridgeParam[], builderNames: Set<string>, problem: (message: string) => void): void {
    let optionalSeen = false;
    for (const param of params) {
        if (typeof param.name !== 'string' || !IDENTIFIER.test(param.name)) {
            problem(`bridge method "${id}": parameter "${String(param.name)}": "${String(param.name)}" is not a valid BrightScript identifier`);
        }
        if (!PARAM_TYPES.includes(param.type)) {
            problem(`bridge method "${id}": parameter "${param.name}" has unknown type "${param.type}"`);
        }
        if (param.type === 'MediaSession' && !builderNames.has('MediaSession')) {
            problem(`bridge method "${id}": parameter "${param.name}" is a MediaSession, but no builder MediaSession exists`);
        }
        if (optionalSeen && !param.optional) {
            problem(`bridge method "${id}": required parameter "${param.name}" follows an optional one`);
        }
        if (param.default !== undefined && !param.optional) {
            problem(`bridge method "${id}": parameter "${param.name}" has a default but is not optional`);
        }
        optionalSeen = optionalSeen || !!param.optional;
    }
}

export function validateSchema(schema: Schema): void {
    const problems: string[] = [];
    const problem = (message: string) => problems.push(message);
    const report = (list: Duplicate[], what: string, label = (name: string) => name) => list.forEach(({ name, first }) => {
        problem(`duplicate ${what} "${label(name)}"${first === name ? '' : ` (same name as "${label(first)}")`}`);
    });
    const identifier = (name: unknown, what: string) => {
        if (typeof name !== 'string' || !IDENTIFIER.test(name)) {
            problem(`${what}: "${String(name)}" is not a valid BrightScript identifier`);
        }
    };

    // --- names that must be unique ------------------------------------------------------------
    report(duplicates(schema.constants.map((c) => c.name).concat(schema.builders.map((b) => b.name))), 'constant group or builder');
    report(duplicates(schema.bridge.map(bridgeMethodId)), 'bridge method');
    report(duplicates(schema.taskFields.map((f) => f.id)), 'task field');
    report(duplicates(schema.mediaAttributes.map((a) => a.key)), 'media attribute');
    report(duplicates(schema.mediaEvents.map((e) => e.name)), 'media event name');
    report(duplicates(schema.mediaEvents.map((e) => e.constant)), 'media event constant');

    // --- constants ----------------------------------------------------------------------------
    for (const group of schema.constants) {
        identifier(group.name, `constant group "${group.name}"`);
        if (typeof group.value === 'object' && group.value !== null) {
            report(duplicates(Object.keys(group.value)), 'constant', (k) => `${group.name}.${k}`);
            for (const [key, value] of Object.entries(group.value)) {
                identifier(key, `constant "${group.name}.${key}"`);
                if (!['string', 'number', 'boolean'].includes(typeof value)) {
                    problem(`constant "${group.name}.${key}": unknown type "${typeof value}" (string, number or boolean)`);
                }
            }
        } else if (!['string', 'number', 'boolean'].includes(typeof group.value)) {
            problem(`constant group "${group.name}": unknown type "${typeof group.value}" (string, number, boolean or a group of them)`);
        }
        for (const fn of group.functions ?? []) {
            const at = `constant function "${group.name}.${fn.name}"`;
            identifier(fn.name, at);
            identifier(fn.param.name, `${at}: parameter`);
            if (typeof group.value !== 'object') {
                problem(`${at}: only a group of values can have functions`);
            } else if (Object.keys(group.value).some((k) => k.toLowerCase() === fn.name.toLowerCase())) {
                problem(`${at}: the group has a value with the same name`);
            }
            if (!RETURN_TYPES.includes(fn.returns)) {
                problem(`${at}: unknown return type "${fn.returns}"`);
            }
            if (fn.kind === 'lookup') {
                const from = schema.constants.find((g) => g.name === fn.from);
                if (!from || typeof from.value !== 'object') {
                    problem(`${at}: looks up in unknown group "${String(fn.from)}"`);
                } else if (typeof group.value === 'object') {
                    for (const key of Object.keys(from.value).filter((k) => !(k in (group.value as object)))) {
                        problem(`${at}: ${fn.from}.${key} has no value in ${group.name}`);
                    }
                }
                if (fn.fallback === undefined) {
                    problem(`${at}: a lookup needs a fallback`);
                }
            } else if (fn.kind !== 'memberOf') {
                problem(`${at}: unknown kind "${String(fn.kind)}"`);
            }
        }
    }
    const defaults = schema.constants.find((g) => g.name === 'DEFAULT_OPTIONS');
    if (!defaults || typeof defaults.value !== 'object') {
        problem('constant group "DEFAULT_OPTIONS": missing or not a group (the Task reads mParticle.generated.defaultOptions())');
    }
    report(duplicates(schema.extraOptions.map((o) => o.name)), 'extra option');
    for (const option of schema.extraOptions) {
        identifier(option.name, `extra option "${option.name}"`);
        if (!OPTION_TYPES.includes(option.type)) {
            problem(`extra option "${option.name}": unknown type "${option.type}" (one of ${OPTION_TYPES.join(', ')})`);
        }
        if (defaults && typeof defaults.value === 'object' && Object.keys(defaults.value).some((k) => k.toLowerCase() === option.name.toLowerCase())) {
            problem(`extra option "${option.name}": already in DEFAULT_OPTIONS`);
        }
    }

    // --- builders -----------------------------------------------------------------------------
    const builderNames = new Set(schema.builders.map((b) => b.name));
    for (const builder of schema.builders) {
        identifier(builder.name, `builder "${builder.name}"`);
        report(duplicates(builder.params.map((p) => p.name)), 'builder parameter', (p) => `${builder.name}.build(${p})`);
        report(duplicates(builder.fields.map((f) => f.name)), 'builder field', (f) => `${builder.name}.${f}`);
        const paramNames = new Set(builder.params.map((p) => p.name));
        let optionalSeen = false;
        for (const param of builder.params) {
            identifier(param.name, `builder "${builder.name}": parameter "${param.name}"`);
            if (!BUILDER_FIELD_TYPES.includes(param.type)) {
                problem(`builder "${builder.name}": parameter "${param.name}" has unknown type "${param.type}"`);
            }
            if (optionalSeen && !param.optional) {
                problem(`builder "${builder.name}": required parameter "${param.name}" follows an optional one`);
            }
            optionalSeen = optionalSeen || !!param.optional;
        }
        for (const field of builder.fields) {
            identifier(field.name, `builder "${builder.name}": field "${field.name}"`);
            if (!BUILDER_FIELD_TYPES.includes(field.type)) {
                problem(`builder "${builder.name}": field "${field.name}" has unknown type "${field.type}"`);
            }
            if (field.fromParam && !paramNames.has(field.fromParam)) {
                problem(`builder "${builder.name}": field "${field.name}" comes from unknown parameter "${field.fromParam}"`);
            }
            if ([field.fromParam, field.initial, field.productOf].filter((v) => v !== undefined).length > 1) {
                problem(`builder "${builder.name}": field "${field.name}" has more than one of fromParam, initial and productOf`);
            }
            for (const operand of field.productOf ?? []) {
                if (!paramNames.has(operand)) {
                    problem(`builder "${builder.name}": field "${field.name}" multiplies unknown parameter "${operand}"`);
                }
            }
            if (field.key !== undefined && !IDENTIFIER.test(field.key)) {
                problem(`builder "${builder.name}": field "${field.name}" has key "${field.key}", not an identifier`);
            }
        }
        report(duplicates(builder.fields.map((f) => f.key ?? f.name)), 'builder key', (k) => `${builder.name}.${k}`);
        const members = [
            'build',
            ...builder.fields.filter((f) => f.setter).map((f) => `set${f.name.charAt(0).toUpperCase()}${f.name.slice(1)}`),
            ...(builder.methods ?? []).map((m) => m.name),
            ...(builder.constants ?? []).map((c) => c.name)
        ];
        report(duplicates(members), 'builder member', (n) => `${builder.name}.${n}`);
        const fieldNames = new Set(builder.fields.map((f) => f.name));
        for (const method of builder.methods ?? []) {
            const at = `builder "${builder.name}": method "${method.name}"`;
            identifier(method.name, at);
            const params = new Set(method.params.map((p) => p.name));
            method.params.forEach((p) => identifier(p.name, `${at}: parameter`));
            if (!fieldNames.has(method.field)) {
                problem(`${at}: works on unknown field "${method.field}"`);
            }
            if (method.kind !== 'get' && (method.entryKey === undefined) === (method.entryParam === undefined)) {
                problem(`${at}: needs exactly one of entryKey and entryParam`);
            }
            if (method.entryParam !== undefined && !params.has(method.entryParam)) {
                problem(`${at}: entry parameter "${method.entryParam}" is not a parameter`);
            }
            if (method.kind === 'put' && (method.valueParam === undefined || !params.has(method.valueParam))) {
                problem(`${at}: a put needs a valueParam that is a parameter`);
            }
            if (!['put', 'remove', 'get'].includes(method.kind)) {
                problem(`${at}: unknown kind "${String(method.kind)}"`);
            }
        }
        for (const group of builder.constants ?? []) {
            identifier(group.name, `builder "${builder.name}": constant group`);
            Object.keys(group.value).forEach((k) => identifier(k, `builder constant "${builder.name}.${group.name}.${k}"`));
            const values = new Set(Object.values(group.value).map(String));
            for (const from of Object.keys(group.wire ?? {}).filter((v) => !values.has(v))) {
                problem(`builder constant group "${builder.name}.${group.name}": wire renames "${from}", which is not one of its values`);
            }
        }
    }

    // --- bridge -------------------------------------------------------------------------------
    const namespaces = BRIDGE_NAMESPACES.filter((ns) => ns !== '') as string[];
    for (const method of schema.bridge) {
        const id = bridgeMethodId(method);
        identifier(method.name, `bridge method "${id}"`);
        if (!BRIDGE_NAMESPACES.includes(method.namespace)) {
            problem(`bridge method "${id}": unknown namespace "${method.namespace}" (one of ${namespaces.join(', ')} or '' for the top level)`);
        }
        if (method.namespace === '' && [...namespaces, ...RESERVED_BRIDGE_MEMBERS].some((n) => n.toLowerCase() === method.name.toLowerCase())) {
            problem(`bridge method "${id}": the name is taken by a member of mParticleSGBridge()`);
        }
        const kind = method.kind ?? 'call';
        if (!BRIDGE_KINDS.includes(kind)) {
            problem(`bridge method "${id}": unknown kind "${kind}" (one of ${BRIDGE_KINDS.join(', ')})`);
        }
        if (kind === 'call') {
            if (!method.handler || !method.handler.method) {
                problem(`bridge method "${id}": has no Task handler`);
            } else if (!HANDLER_TARGETS.includes(method.handler.target)) {
                problem(`bridge method "${id}": unknown handler target "${method.handler.target}" (one of ${HANDLER_TARGETS.join(', ')})`);
            } else {
                identifier(method.handler.method, `bridge method "${id}": handler method`);
            }
        } else if (method.handler) {
            problem(`bridge method "${id}": a ${kind} member has no Task handler`);
        }
        if (kind === 'sync') {
            if (!method.sync || !QUALIFIED_NAME.test(method.sync.fn) || !RETURN_TYPES.includes(method.sync.returns)) {
                problem(`bridge method "${id}": a sync member needs sync.fn (a function name) and sync.returns (one of ${RETURN_TYPES.join(', ')})`);
            }
        } else if (method.sync) {
            problem(`bridge method "${id}": only a sync member has sync`);
        }
        if (kind === 'invoke' && (method.params.length !== 2 || method.params[0].type !== 'string')) {
            problem(`bridge method "${id}": an invoke member takes (name as string, args)`);
        }
        if (method.renderHook !== undefined) {
            if (!QUALIFIED_NAME.test(method.renderHook)) {
                problem(`bridge method "${id}": renderHook "${method.renderHook}" is not a function name`);
            }
            if (kind !== 'call' || !method.params.some((p) => p.type === 'MediaSession')) {
                problem(`bridge method "${id}": a renderHook needs a call with a MediaSession parameter`);
            }
        }
        if (!method.description) {
            problem(`bridge method "${id}": has no description (the API reference needs one)`);
        }
        report(duplicates(method.params.map((p) => p.name)), 'parameter', (p) => `${id}(${p})`);
        checkParams(id, method.params, builderNames, problem);
    }

    // --- render-thread members ----------------------------------------------------------------
    const localMembers = schema.localMembers ?? [];
    report(duplicates([...schema.bridge, ...localMembers].map(bridgeMethodId)), 'bridge member');
    for (const member of localMembers) {
        const id = bridgeMethodId(member);
        identifier(member.name, `bridge member "${id}"`);
        if (!BRIDGE_NAMESPACES.includes(member.namespace)) {
            problem(`bridge member "${id}": unknown namespace "${member.namespace}"`);
        }
        if (member.namespace === '' && [...namespaces, ...RESERVED_BRIDGE_MEMBERS].some((n) => n.toLowerCase() === member.name.toLowerCase())) {
            problem(`bridge member "${id}": the name is taken by a member of mParticleSGBridge()`);
        }
        if (typeof member.implementation !== 'string' || !FUNCTION_NAME.test(member.implementation)) {
            problem(`bridge member "${id}": implementation "${String(member.implementation)}" is not a BrightScript function name`);
        }
        if (!member.description) {
            problem(`bridge member "${id}": has no description (the API reference needs one)`);
        }
        if (typeof member.file !== 'string' || !/^pkg:\/source\/.+\.bs$/.test(member.file)) {
            problem(`bridge member "${id}": file "${String(member.file)}" is not a pkg:/source/... .bs path`);
        }
        identifier(member.returns?.name, `bridge member "${id}": return type`);
        for (const field of member.returns?.fields ?? []) {
            identifier(field.name, `bridge member "${id}": return field "${field.name}"`);
            if (!RETURN_FIELD_TYPES.includes(field.type)) {
                problem(`bridge member "${id}": return field "${field.name}" has unknown type "${field.type}"`);
            }
        }
        report(duplicates(member.params.map((p) => p.name)), 'parameter', (p) => `${id}(${p})`);
        checkParams(id, member.params, builderNames, problem);
    }

    // --- Task fields --------------------------------------------------------------------------
    for (const field of schema.taskFields) {
        identifier(field.id, `task field "${field.id}"`);
        if (!FIELD_TYPES.includes(field.type)) {
            problem(`task field "${field.id}": unknown type "${field.type}" (one of ${FIELD_TYPES.join(', ')})`);
        }
    }
    const fieldIds = new Set(schema.taskFields.map((f) => f.id));
    const nodes = schema.constants.find((g) => g.name === 'SCENEGRAPH_NODES');
    if (nodes && typeof nodes.value === 'object') {
        for (const [key, value] of Object.entries(nodes.value)) {
            if (typeof value !== 'string' || !fieldIds.has(value)) {
                problem(`constant "SCENEGRAPH_NODES.${key}": "${String(value)}" is not a task field`);
            }
        }
    }

    // --- media attributes and events ----------------------------------------------------------
    for (const attribute of schema.mediaAttributes) {
        if (!ATTRIBUTE_KEY.test(attribute.key)) {
            problem(`media attribute "${attribute.key}": keys are lower snake case`);
        }
        if (!ATTRIBUTE_TYPES.includes(attribute.type)) {
            problem(`media attribute "${attribute.key}": unknown type "${attribute.type}" (one of ${ATTRIBUTE_TYPES.join(', ')})`);
        }
        if (attribute.unit !== undefined && !ATTRIBUTE_UNITS.includes(attribute.unit)) {
            problem(`media attribute "${attribute.key}": unknown unit "${attribute.unit}"`);
        }
    }
    const attributeKeys = new Set(schema.mediaAttributes.map((a) => a.key));
    const mediaCalls = new Set(schema.bridge.filter((m) => m.namespace === 'media').map((m) => m.name));
    for (const event of schema.mediaEvents) {
        identifier(event.constant, `media event "${event.name}": constant`);
        const listed = [...event.attributes, ...(event.optional ?? [])];
        for (const key of listed) {
            if (!attributeKeys.has(key)) {
                problem(`media event "${event.name}": unknown attribute "${key}"`);
            }
        }
        for (const { name: key } of duplicates(listed)) {
            problem(`media event "${event.name}": attribute "${key}" is listed twice`);
        }
        if (event.loggedBy && !mediaCalls.has(event.loggedBy)) {
            problem(`media event "${event.name}": logged by unknown bridge call "media.${event.loggedBy}"`);
        }
    }
    // MEDIA_EVENT_NAME is what the Task code looks names up in, so it must match the events.
    const eventNames = schema.constants.find((g) => g.name === 'MEDIA_EVENT_NAME');
    if (schema.mediaEvents.length > 0) {
        if (!eventNames || typeof eventNames.value !== 'object') {
            problem('constant group "MEDIA_EVENT_NAME": missing (it must list every media event)');
        } else {
            const group = eventNames.value;
            for (const event of schema.mediaEvents) {
                if (group[event.constant] !== event.name) {
                    problem(`media event "${event.name}": MEDIA_EVENT_NAME.${event.constant} is ${JSON.stringify(group[event.constant])}, expected "${event.name}"`);
                }
            }
            const constants = new Set(schema.mediaEvents.map((e) => e.constant));
            for (const key of Object.keys(group).filter((k) => !constants.has(k))) {
                problem(`constant "MEDIA_EVENT_NAME.${key}": no media event has this constant`);
            }
        }
    }

    if (problems.length > 0) {
        throw new SchemaError(problems);
    }
}
