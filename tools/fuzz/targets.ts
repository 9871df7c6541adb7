/**
 * What the fuzzer calls: every render-thread function a channel can reach, read from the codegen
 * schema (so a new bridge method, builder or setter is fuzzed without touching the fuzzer):
 * mParticleSGBridge members (Task calls, render-thread answers, invokeFunction, the calling-thread
 * members), every builder's build, setters and methods, constant functions, and the two entry
 * points themselves.
 */
import { schema } from '../codegen/schema';
import { bridgeKind, EXTRA_ARGUMENTS, pascal } from '../codegen/model';
import { bridgeMethodId } from '../codegen/validate';
import type { BuilderFieldType, ParamType, Schema } from '../codegen/schema/types';

/** The kind of value a parameter wants, for the share of arguments that are plausible. */
export type ValueKind = ParamType | BuilderFieldType | 'target' | 'builderTarget' | 'task';

export interface FuzzTarget {
    /** Unique id, e.g. "media.logPlay", "MediaSession.setDuration", "mParticleConstants". */
    id: string;
    /** Path of the AA that holds the function in the channel: "mp", "mp.media", "c.MediaSession", "global". */
    holder: string;
    name: string;
    params: Array<{ name: string; kind: ValueKind }>;
    /** The call reaches the Task (one field write): it costs the Task time. */
    reachesTask: boolean;
    /** What a build() returns is worth keeping for later calls (as a builder's target). */
    builds?: string;
    /** The builder whose objects this function takes as its first argument. */
    targetOf?: string;
}

/** Arguments a call may pass beyond its own: what every generated function accepts. */
export const MAX_EXTRA_ARGUMENTS = EXTRA_ARGUMENTS;

export function fuzzTargets(source: Schema = schema): FuzzTarget[] {
    const targets: FuzzTarget[] = [
        { id: 'mParticleSGBridge', holder: 'global', name: 'mParticleSGBridge', params: [{ name: 'task', kind: 'task' }], reachesTask: false },
        { id: 'mParticleConstants', holder: 'global', name: 'mParticleConstants', params: [], reachesTask: false }
    ];
    for (const method of source.bridge) {
        const kind = bridgeKind(method);
        targets.push({
            id: bridgeMethodId(method),
            holder: method.namespace ? `mp.${method.namespace}` : 'mp',
            name: method.name,
            params: method.params.map((p) => ({ name: p.name, kind: p.type })),
            reachesTask: kind !== 'sync'
        });
    }
    for (const member of source.localMembers) {
        targets.push({
            id: bridgeMethodId(member),
            holder: member.namespace ? `mp.${member.namespace}` : 'mp',
            name: member.name,
            params: member.params.map((p) => ({ name: p.name, kind: p.type })),
            reachesTask: true
        });
    }
    for (const builder of source.builders) {
        const holder = `c.${builder.name}`;
        targets.push({
            id: `${builder.name}.build`, holder, name: 'build',
            params: builder.params.map((p) => ({ name: p.name, kind: p.type })),
            reachesTask: false,
            builds: builder.name
        });
        for (const field of builder.fields.filter((f) => f.setter)) {
            targets.push({
                id: `${builder.name}.set${pascal(field.name)}`, holder, name: `set${pascal(field.name)}`,
                params: [{ name: 'target', kind: 'builderTarget' }, { name: 'value', kind: field.type }],
                reachesTask: false,
                targetOf: builder.name
            });
        }
        for (const method of builder.methods ?? []) {
            targets.push({
                id: `${builder.name}.${method.name}`, holder, name: method.name,
                params: [{ name: 'target', kind: 'builderTarget' }, ...method.params.map((p) => ({ name: p.name, kind: p.type }))],
                reachesTask: false,
                targetOf: builder.name
            });
        }
    }
    for (const group of source.constants) {
        for (const fn of group.functions ?? []) {
            targets.push({
                id: `${group.name}.${fn.name}`, holder: `c.${group.name}`, name: fn.name,
                params: [{ name: fn.param.name, kind: 'string' }],
                reachesTask: false
            });
        }
    }
    return targets;
}

/** Call ids the Task dispatches (for invokeFunction's name argument). */
export function dispatchedIds(source: Schema = schema): string[] {
    return source.bridge.filter((m) => bridgeKind(m) === 'call').map(bridgeMethodId);
}
