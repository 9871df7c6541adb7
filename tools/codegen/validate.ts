/** Rejects a schema that would generate inconsistent code; every message names the entry. */
import {
    FIELD_TYPES, HANDLER_TARGETS, PARAM_TYPES,
    type BridgeMethod, type Schema
} from './schema/types';

export class SchemaError extends Error {
    constructor(readonly problems: string[]) {
        super(`invalid schema:\n  - ${problems.join('\n  - ')}`);
    }
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function bridgeMethodId(method: Pick<BridgeMethod, 'namespace' | 'name'>): string {
    return method.namespace ? `${method.namespace}.${method.name}` : method.name;
}

function duplicates(values: string[]): string[] {
    // BrightScript names are case-insensitive, so "logPlay" and "logplay" collide.
    const seen = new Set<string>();
    const dups = new Set<string>();
    for (const value of values) {
        const key = value.toLowerCase();
        if (seen.has(key)) {
            dups.add(value);
        }
        seen.add(key);
    }
    return [...dups];
}

export function validateSchema(schema: Schema): void {
    const problems: string[] = [];
    const report = (list: string[], what: string) => list.forEach((name) => problems.push(`duplicate ${what} "${name}"`));

    report(duplicates(schema.constants.map((c) => c.name).concat(schema.builders.map((b) => b.name))), 'constant group or builder');
    report(duplicates(schema.bridge.map(bridgeMethodId)), 'bridge method');
    report(duplicates(schema.taskFields.map((f) => f.id)), 'task field');
    report(duplicates(schema.mediaAttributes.map((a) => a.key)), 'media attribute');
    report(duplicates(schema.mediaEvents.map((e) => e.name)), 'media event name');
    report(duplicates(schema.mediaEvents.map((e) => e.constant)), 'media event constant');

    for (const group of schema.constants) {
        if (!IDENTIFIER.test(group.name)) {
            problems.push(`constant group "${group.name}": not a valid BrightScript identifier`);
        }
        if (typeof group.value === 'object') {
            report(duplicates(Object.keys(group.value)).map((k) => `${group.name}.${k}`), 'constant');
        }
    }

    for (const method of schema.bridge) {
        const id = bridgeMethodId(method);
        if (!IDENTIFIER.test(method.name)) {
            problems.push(`bridge method "${id}": not a valid BrightScript identifier`);
        }
        if (!method.handler || !method.handler.method) {
            problems.push(`bridge method "${id}": has no Task handler`);
        } else if (!HANDLER_TARGETS.includes(method.handler.target)) {
            problems.push(`bridge method "${id}": unknown handler target "${method.handler.target}"`);
        } else if (!IDENTIFIER.test(method.handler.method)) {
            problems.push(`bridge method "${id}": handler method "${method.handler.method}" is not a valid identifier`);
        }
        report(duplicates(method.params.map((p) => p.name)).map((p) => `${id}(${p})`), 'parameter');
        let optionalSeen = false;
        for (const param of method.params) {
            if (!PARAM_TYPES.includes(param.type)) {
                problems.push(`bridge method "${id}": parameter "${param.name}" has unknown type "${param.type}"`);
            }
            if (optionalSeen && !param.optional) {
                problems.push(`bridge method "${id}": required parameter "${param.name}" follows an optional one`);
            }
            optionalSeen = optionalSeen || !!param.optional;
        }
    }

    for (const field of schema.taskFields) {
        if (!FIELD_TYPES.includes(field.type)) {
            problems.push(`task field "${field.id}": unknown type "${field.type}"`);
        }
    }

    for (const builder of schema.builders) {
        const paramNames = new Set(builder.params.map((p) => p.name));
        for (const field of builder.fields) {
            if (field.fromParam && !paramNames.has(field.fromParam)) {
                problems.push(`builder "${builder.name}": field "${field.name}" comes from unknown parameter "${field.fromParam}"`);
            }
        }
        report(duplicates(builder.fields.map((f) => f.name)).map((f) => `${builder.name}.${f}`), 'builder field');
    }

    const attributeKeys = new Set(schema.mediaAttributes.map((a) => a.key));
    const mediaCalls = new Set(schema.bridge.filter((m) => m.namespace === 'media').map((m) => m.name));
    for (const event of schema.mediaEvents) {
        for (const key of event.attributes) {
            if (!attributeKeys.has(key)) {
                problems.push(`media event "${event.name}": unknown attribute "${key}"`);
            }
        }
        if (event.loggedBy && !mediaCalls.has(event.loggedBy)) {
            problems.push(`media event "${event.name}": logged by unknown bridge call "media.${event.loggedBy}"`);
        }
    }

    if (problems.length > 0) {
        throw new SchemaError(problems);
    }
}
