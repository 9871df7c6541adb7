/**
 * BrighterScript typedefs (.d.bs) of the public API: mParticleSGBridge(task) with its
 * namespaces, mParticleConstants() with its groups and builders. Channels that ship the SDK as
 * compiled .brs get completion and call checks from this file; the bodies are empty because a
 * typedef only declares.
 */
import type { BridgeMethod, BridgeParam, BuilderFieldType, ConstantValue, LocalMember, ParamType, Schema, ValueReturnType } from '../schema/types';
import { bridgeMethodId } from '../validate';
import { BS_HEADER } from './brightscript';
import { builderKey, builderOfField, bridgeKind, bridgeMembers, bridgeNamespaces, bridgeTarget, localMembersOf, pascal, pascalFromConstant, setterName } from '../model';

const I = '    ';

function comment(lines: Array<string | undefined>, indent: string): string {
    return lines.filter((l): l is string => !!l).map((l) => `${indent}' ${l}\n`).join('');
}

function bsLiteral(value: ConstantValue): string {
    if (typeof value === 'string') {
        return `"${value.replace(/"/g, '""')}"`;
    }
    return String(value);
}

function bsValueType(value: ConstantValue): string {
    if (typeof value === 'string') {
        return 'string';
    }
    if (typeof value === 'boolean') {
        return 'boolean';
    }
    return Number.isInteger(value) ? 'integer' : 'float';
}

function paramType(type: ParamType): string {
    switch (type) {
        case 'string': return 'string';
        case 'integer': return 'integer';
        case 'boolean': return 'boolean';
        case 'attributes':
        case 'object':
        case 'array':
        case 'IdentityApiRequest':
        case 'node': return 'object';
        case 'MediaSession': return 'mParticle.MediaSession';
        case 'number':
        case 'dynamic': return 'dynamic';
    }
}

function fieldType(schema: Schema, field: { name: string; type: BuilderFieldType }): string {
    switch (field.type) {
        case 'string': return 'string';
        case 'integer': return 'integer';
        case 'boolean': return 'boolean';
        case 'array': return 'object';
        case 'object': {
            const builder = builderOfField(schema, field);
            return builder ? `mParticle.${builder.name}` : 'object';
        }
        case 'number':
        case 'timestamp': return 'dynamic';
    }
}

function bridgeParam(p: BridgeParam): string {
    if (!p.optional) {
        return `${p.name} as ${paramType(p.type)}`;
    }
    return `${p.name} = ${p.default !== undefined ? bsLiteral(p.default) : 'invalid'} as ${paramType(p.type)}`;
}

function returnType(type: ValueReturnType): string {
    return type;
}

function bridgeMethod(method: BridgeMethod, indent: string): string {
    const where = bridgeKind(method) === 'call' ? `${bridgeTarget(method)} (call id "${bridgeMethodId(method)}").` : `${bridgeTarget(method)}.`;
    const head = comment([
        method.description,
        where.replace(/^./, (c) => c.toUpperCase()),
        ...method.params.map((p) => `@param {${p.type}} ${p.optional ? `[${p.name}]` : p.name} ${p.description}`)
    ], indent);
    const params = method.params.map(bridgeParam).join(', ');
    if (bridgeKind(method) === 'sync' && method.sync) {
        return `${head}${indent}function ${method.name}(${params}) as ${returnType(method.sync.returns)}\n`;
    }
    return `${head}${indent}sub ${method.name}(${params})\n`;
}

function localMember(member: LocalMember, indent: string): string {
    return comment([
        member.description,
        'Runs on the calling thread (no Task handler).',
        ...member.params.map((p) => `@param {${p.type}} ${p.optional ? `[${p.name}]` : p.name} ${p.description}`)
    ], indent) + `${indent}function ${member.name}(${member.params.map(bridgeParam).join(', ')}) as mParticle.${member.returns.name}\n`;
}

export function emitTypedefs(schema: Schema): string {
    const out: string[] = [BS_HEADER];
    out.push(`' Typedefs of the SDK's public API for BrighterScript. Include the SDK's compiled files as usual;
' this file only tells the compiler and the editor what they contain.

' The render-thread API. Each call does O(1) work and one field write on the Task node.
' @param {roSGNode} task an mParticleTask node
function mParticleSGBridge(task = invalid as object) as mParticle.SGBridge
end function

' Constant groups and the MediaSession, AdBreak, AdContent and Segment builders. The groups are
' shared per component (read-only); DEFAULT_OPTIONS is a fresh copy on every call.
function mParticleConstants() as mParticle.Constants
end function

namespace mParticle

`);
    // Bridge
    out.push(comment(['The object mParticleSGBridge(task) returns.'], I));
    out.push(`${I}interface SGBridge\n`);
    out.push(comment(['The mParticleTask node the bridge writes to.'], I + I));
    out.push(`${I}${I}mParticleTask as object\n`);
    for (const ns of bridgeNamespaces()) {
        out.push(`${I}${I}${ns} as mParticle.${pascal(ns)}Bridge\n`);
    }
    for (const method of bridgeMembers(schema, '')) {
        out.push(bridgeMethod(method, I + I));
    }
    out.push(`${I}end interface\n`);
    for (const ns of bridgeNamespaces()) {
        out.push('\n');
        out.push(comment([`mParticleSGBridge(task).${ns}`], I));
        out.push(`${I}interface ${pascal(ns)}Bridge\n`);
        for (const method of bridgeMembers(schema, ns)) {
            out.push(bridgeMethod(method, I + I));
        }
        for (const member of localMembersOf(schema, ns)) {
            out.push(localMember(member, I + I));
        }
        out.push(`${I}end interface\n`);
    }
    for (const member of schema.localMembers) {
        out.push('\n');
        out.push(comment([member.returns.description], I));
        out.push(`${I}interface ${member.returns.name}\n`);
        for (const field of member.returns.fields) {
            out.push(comment([field.description], I + I));
            out.push(field.type === 'function'
                ? `${I}${I}sub ${field.name}()\n`
                : `${I}${I}${field.name} as ${field.type === 'node' ? 'object' : field.type}\n`);
        }
        out.push(`${I}end interface\n`);
    }

    // Constants
    out.push('\n');
    out.push(comment(['The object mParticleConstants() returns.'], I));
    out.push(`${I}interface Constants\n`);
    for (const group of schema.constants) {
        out.push(comment([group.description], I + I));
        const type = typeof group.value === 'object' ? `mParticle.${pascalFromConstant(group.name)}Constants` : bsValueType(group.value);
        out.push(`${I}${I}${group.name} as ${type}\n`);
    }
    for (const builder of schema.builders) {
        out.push(comment([builder.description], I + I));
        out.push(`${I}${I}${builder.name} as mParticle.${builder.name}Builder\n`);
    }
    out.push(`${I}end interface\n`);
    for (const group of schema.constants) {
        if (typeof group.value !== 'object') {
            continue;
        }
        out.push('\n');
        out.push(comment([`mParticleConstants().${group.name}: ${group.description}`], I));
        out.push(`${I}interface ${pascalFromConstant(group.name)}Constants\n`);
        for (const [key, value] of Object.entries(group.value)) {
            out.push(comment([`= ${bsLiteral(value)}`], I + I));
            out.push(`${I}${I}${key} as ${bsValueType(value)}\n`);
        }
        for (const fn of group.functions ?? []) {
            out.push(comment([fn.description], I + I));
            out.push(`${I}${I}function ${fn.name}(${fn.param.name} as dynamic) as ${returnType(fn.returns)}\n`);
        }
        out.push(`${I}end interface\n`);
    }

    // Builders
    for (const builder of schema.builders) {
        out.push('\n');
        out.push(comment([`${builder.description} Built by mParticleConstants().${builder.name}.build().`], I));
        out.push(`${I}interface ${builder.name}\n`);
        for (const field of builder.fields) {
            const key = builderKey(field);
            out.push(comment([key !== field.name ? `${field.name}: ${field.description}` : field.description], I + I));
            out.push(`${I}${I}${key} as ${fieldType(schema, field)}\n`);
        }
        out.push(`${I}end interface\n\n`);
        out.push(comment([`mParticleConstants().${builder.name}`], I));
        out.push(`${I}interface ${builder.name}Builder\n`);
        const params = builder.params.map((p) => (p.optional
            ? `${p.name} = ${p.default ?? 'invalid'} as ${fieldType(schema, p)}`
            : `${p.name} as ${fieldType(schema, p)}`));
        out.push(comment([
            `Builds a ${builder.name}.`,
            ...builder.params.map((p) => `@param {${p.type}} ${p.optional ? `[${p.name}]` : p.name} ${p.description}`)
        ], I + I));
        out.push(`${I}${I}function build(${params.join(', ')}) as mParticle.${builder.name}\n`);
        for (const group of builder.constants ?? []) {
            out.push(comment([group.description], I + I));
            out.push(`${I}${I}${group.name} as mParticle.${builder.name}${pascalFromConstant(group.name)}Constants\n`);
        }
        for (const field of builder.fields.filter((f) => f.setter)) {
            out.push(comment([`Sets ${field.name}${builderKey(field) !== field.name ? ` (key ${builderKey(field)})` : ''}: ${field.description}`], I + I));
            out.push(`${I}${I}sub ${setterName(field)}(target as mParticle.${builder.name}, value as ${fieldType(schema, field)})\n`);
        }
        for (const method of builder.methods ?? []) {
            const params = [`target as mParticle.${builder.name}`, ...method.params.map((p) => `${p.name} as ${fieldType(schema, p)}`)].join(', ');
            out.push(comment([method.description], I + I));
            out.push(method.kind === 'get' ? `${I}${I}function ${method.name}(${params}) as object\n` : `${I}${I}sub ${method.name}(${params})\n`);
        }
        out.push(`${I}end interface\n`);
        for (const group of builder.constants ?? []) {
            out.push('\n');
            out.push(comment([`mParticleConstants().${builder.name}.${group.name}: ${group.description}`], I));
            out.push(`${I}interface ${builder.name}${pascalFromConstant(group.name)}Constants\n`);
            for (const [key, value] of Object.entries(group.value)) {
                out.push(comment([`= ${bsLiteral(value)}`], I + I));
                out.push(`${I}${I}${key} as ${bsValueType(value)}\n`);
            }
            out.push(`${I}end interface\n`);
        }
    }
    out.push('\nend namespace\n');
    return out.join('');
}
