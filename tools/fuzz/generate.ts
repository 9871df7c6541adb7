/**
 * The fuzz program: a seeded list of calls over every target of targets.ts, with arguments that
 * are plausible or bad (wrong types, cycles, empty keys, huge numbers and strings, nodes and other
 * objects, arguments too many or too few), interleaved with known good events whose delivery the
 * test checks. The same seed always gives the same program. tools/fuzz/scenario.brs runs it.
 *
 * Program (pkg:/config/fuzz.json):
 *   { seed, ops: [op] } where op is one of
 *     { h: holder, f: name, a: [value], x?: [i], r?: slot }  a call; its result is kept in
 *                                                  slot r; x lists the arguments to build
 *     { g: n, k: "e" | "v" }                       good custom event / screen view n
 *     { gm: n, s: "start" | "play" | "pause" | "end" }  a step of good media session n
 *     { o: 1 }                                     setOptOut(true) then setOptOut(false)
 *     { w: ms }                                    wait on the screen port (the Task runs)
 *   A value is JSON, except an AA with a "$" key, which the scenario builds:
 *     { $: "cyc" } the AA or array that holds it   { $: "root" } the outermost one of the argument
 *     { $: "s", c, n } a string of n times c        { $: "n", v } a special number (scenario.brs)
 *     { $: "slot", v } what a call kept             { $: "node" } a ContentNode
 *     { $: "task" } the mParticleTask node          { $: "obj", v } CreateObject(v)
 *     { $: "fn" } a function                      { $: "range", n } the array [0 .. n - 1]
 */
import { seededRandom } from '../util/random';
import { dispatchedIds, fuzzTargets, MAX_EXTRA_ARGUMENTS, type FuzzTarget, type ValueKind } from './targets';

export type Value = unknown;

export interface FuzzOp {
    h?: string;
    f?: string;
    a?: Value[];
    /** Indexes of the arguments the scenario must build (they hold a "$" value); the others are used as parsed. */
    x?: number[];
    r?: string;
    g?: number;
    k?: 'e' | 'v';
    gm?: number;
    s?: 'start' | 'play' | 'pause' | 'end';
    o?: 1;
    w?: number;
}

export interface FuzzProgram {
    seed: number;
    ops: FuzzOp[];
    /** Fuzz calls (good events, waits and opt-out pairs not counted). */
    calls: number;
    /** Calls per target id: every target is called at least once. */
    perTarget: Record<string, number>;
    /** What must arrive exactly once. */
    good: { events: number[]; screens: number[]; sessions: number[] };
}

export interface GenerateOptions {
    calls?: number;
    /** A good event or media session step after about this many fuzz calls. */
    goodEvery?: number;
    /**
     * A wait (WAIT_MS) after about this many fuzz calls: the Task gets calls only while the
     * scenario's thread waits on the screen's port, and works through them while it goes on.
     */
    waitEvery?: number;
    /**
     * Share of the calls (after each target's first) that reach the Task. Handling a call on the
     * Task costs this engine 10-100 times what a builder or setter costs the render thread.
     */
    taskShare?: number;
}

/** Special numbers the scenario builds (BrightScript literals cannot all go through JSON). */
export const SPECIAL_NUMBERS = ['int64max', 'int64min', 'nan', 'inf', 'ninf', 'hugeDouble', 'tinyDouble', 'negZero', 'epochMs', 'int32max', 'int32min', 'fraction', 'float'] as const;
const OBJECT_TYPES = ['roDateTime', 'roList', 'roByteArray', 'roTimespan', 'roRegex', 'roMessagePort'];
// Keys that are AA method names (the SDK counts and iterates app AAs so they cannot shadow them).
// brs-engine's own JavaScript fails on an AA key named like an Object.prototype member
// (hasOwnProperty); the fuzzer leaves those out: that is the engine's bug, not the SDK's.
const SHADOWING_KEYS = ['count', 'keys', 'items', 'lookup', 'delete', 'append', 'clear', 'doesExist', 'addReplace', 'ifAssociativeArray'];
// Strings an app might pass, with names of AA methods among them: brs-engine answers a lookup of
// a missing key "count" with the method, so a table read by an app's string must not trust it.
const TEXTS = ['', ' ', 'x', 'Play', 'Movie "with quotes"', 'back\\slash', 'line\nbreak\ttab', 'ünïcødé ✓', '\u0001\u001f', 'media/logPlay', '{"json": true}', '<xml/>', 'null', '0', 'count', 'delete', 'Lookup', 'keys', 'append'];
const KEYS = ['a', 'b', 'title', 'content_id', 'media_session_id', 'playhead_position', 'Mixed Case', 'a.b', ' ', 'ünï', 'cost$', 'k1', 'k2', 'nested'];
const SEED_LIMIT = 2 ** 31;
const WAIT_MS = 80;

class Generator {
    private readonly rnd: () => number;
    private readonly targets = fuzzTargets();
    private readonly callIds = dispatchedIds().filter((id) => !/optout/i.test(id));
    private readonly slots = new Map<string, string[]>();
    private slotCounter = 0;

    constructor(seed: number) {
        this.rnd = seededRandom(seed);
    }

    private int(n: number): number {
        return Math.floor(this.rnd() * n);
    }

    private chance(p: number): boolean {
        return this.rnd() < p;
    }

    private pick<T>(items: readonly T[]): T {
        return items[this.int(items.length)];
    }

    // --- values ------------------------------------------------------------------------

    private special(name: typeof SPECIAL_NUMBERS[number] = this.pick(SPECIAL_NUMBERS)): Value {
        return { $: 'n', v: name };
    }

    private number(): Value {
        return this.chance(0.3) ? this.special() : this.pick([0, 1, -1, 42, 1500, 1800000, 2.5, 0.001, 100, 99.99, 86400000, 2147483647, -2147483648, 1e15, 3e9]);
    }

    private text(): Value {
        if (this.chance(0.03)) {
            // Huge: cut on the Task at 4096 characters; rare, or the events made from them
            // would crowd the memory cap.
            return { $: 's', c: this.pick(['x', '"', 'é', '\\']), n: this.pick([5000, 20000, 100000]) };
        }
        return this.chance(0.7) ? this.pick(TEXTS) : `fuzz ${this.int(1000)}`;
    }

    private key(): string {
        return this.chance(0.1) ? this.pick(SHADOWING_KEYS) : this.pick(KEYS);
    }

    private scalar(): Value {
        switch (this.int(5)) {
            case 0: return this.text();
            case 1: return this.number();
            case 2: return this.chance(0.5);
            case 3: return null;
            default: return this.chance(0.5) ? this.text() : this.number();
        }
    }

    /** A small AA of plausible attribute values, sometimes with an empty key or a nested AA. */
    private attributes(): Value {
        const aa: Record<string, Value> = {};
        const count = this.int(5);
        for (let i = 0; i < count; i++) {
            aa[this.key()] = this.chance(0.15) ? this.container(2) : this.scalar();
        }
        if (this.chance(0.15)) {
            aa[''] = this.scalar();
        }
        return aa;
    }

    private container(depth: number): Value {
        if (depth <= 0) {
            return this.scalar();
        }
        if (this.chance(0.5)) {
            return Array.from({ length: this.int(4) }, () => (this.chance(0.3) ? this.container(depth - 1) : this.scalar()));
        }
        const aa: Record<string, Value> = {};
        for (let i = this.int(4); i > 0; i--) {
            aa[this.key()] = this.chance(0.3) ? this.container(depth - 1) : this.scalar();
        }
        return aa;
    }

    private deep(levels: number): Value {
        let value: Value = 'bottom';
        for (let i = 0; i < levels; i++) {
            value = this.chance(0.5) ? { next: value } : [value];
        }
        return value;
    }

    private slotOf(builder?: string): Value {
        const names = builder ? this.slots.get(builder) ?? [] : [...this.slots.values()].flat();
        return names.length > 0 ? { $: 'slot', v: this.pick(names) } : null;
    }

    /** Anything a caller might pass by mistake. */
    private bad(): Value {
        switch (this.int(16)) {
            case 0: return null;
            case 1: return this.chance(0.5);
            case 2: return this.special();
            case 3: return this.number();
            case 4: return this.text();
            case 5: return { self: { $: 'cyc' }, name: 'loop' };
            case 6: return [1, { $: 'cyc' }, 'x'];
            case 7: return { a: { b: [{ c: { $: 'root' } }] } };
            case 8: return { '': this.scalar(), kept: this.scalar() };
            case 9: return this.deep(this.pick([9, 20, 40]));
            case 10: return this.chance(0.5) ? { $: 'node' } : { $: 'obj', v: this.pick(OBJECT_TYPES) };
            case 11: return this.chance(0.5) ? { $: 'fn' } : { $: 'task' };
            case 12: return this.slotOf();
            case 13: return this.chance(0.1) ? { $: 'range', n: 1500 } : [];
            case 14: return Object.fromEntries(SHADOWING_KEYS.map((k) => [k, this.scalar()]));
            default: return this.container(3);
        }
    }

    /** A value of the kind a parameter wants. */
    private plausible(kind: ValueKind, target: FuzzTarget): Value {
        switch (kind) {
            case 'string': return target.id.endsWith('invokeFunction') ? this.callName() : this.text();
            case 'number':
            case 'integer':
            case 'timestamp': return this.number();
            case 'boolean': return target.id === 'setOptOut' ? false : this.chance(0.5);
            case 'attributes': return this.attributes();
            case 'object': return target.id === 'logMessage' ? this.message() : this.chance(0.5) ? this.slotOf() : this.attributes();
            case 'array': return target.id.endsWith('invokeFunction') ? Array.from({ length: this.int(4) }, () => this.scalar()) : this.container(2);
            case 'MediaSession': return this.slotOf('MediaSession');
            case 'builderTarget': return this.slotOf(target.targetOf);
            case 'IdentityApiRequest': return { userIdentities: { email: `fuzz${this.int(50)}@example.com`, customerid: this.scalar(), ...(this.chance(0.3) ? { '': 'empty' } : {}) } };
            case 'node': return { $: 'node' };
            case 'task': return { $: 'task' };
            default: return this.bad();
        }
    }

    private callName(): Value {
        if (this.chance(0.15)) {
            return this.pick(['', 'noSuchCall', 'media/noSuch', 'media.', '.', 'count', 'media.count', 'delete']);
        }
        const id = this.pick(this.callIds);
        return this.chance(0.3) ? id.replace('.', '/') : id;
    }

    private message(): Value {
        return { dt: this.pick(['e', 'v', 'cm', 'b', 'x', 'o', 'ss', 'se', '', 7]), n: this.text(), et: this.pick(['other', 'navigation', 'bogus', 3]), attrs: this.attributes(), ct: this.number() };
    }

    private argument(kind: ValueKind, target: FuzzTarget): Value {
        const value = this.chance(0.55) ? this.plausible(kind, target) : this.bad();
        // setOptOut(true) would hold back the good events logged after it: the test opts out
        // only in pairs ({ o: 1 }).
        return target.id === 'setOptOut' && value === true ? false : value;
    }

    /** The call's arguments: its own, a few too many, or too few. */
    private arguments(target: FuzzTarget): Value[] {
        const own = target.params.length;
        let count = own;
        const roll = this.rnd();
        if (roll < 0.15 && own > 0) {
            count = this.int(own);
        } else if (roll < 0.3) {
            count = own + 1 + this.int(MAX_EXTRA_ARGUMENTS);
        }
        return Array.from({ length: count }, (_, i) => this.argument(i < own ? target.params[i].kind : 'dynamic', target));
    }

    call(target: FuzzTarget): FuzzOp {
        const op: FuzzOp = { h: target.holder, f: target.name, a: this.arguments(target) };
        markBuilt(op);
        if (target.builds) {
            const names = this.slots.get(target.builds) ?? [];
            // A few of each kind, reused: later calls get built objects, set and mutated.
            const slot = names.length < 4 ? `${target.builds}#${++this.slotCounter}` : this.pick(names);
            if (!names.includes(slot)) {
                names.push(slot);
                this.slots.set(target.builds, names);
            }
            op.r = slot;
        }
        return op;
    }

    /** A session that holds itself in its own mediaSessionAttributes. */
    selfHoldingSession(): FuzzOp | undefined {
        const session = this.slotOf('MediaSession');
        return session ? markBuilt({ h: 'c.MediaSession', f: 'setMediaSessionAttributes', a: [session, { me: session, show: 'x' }] }) : undefined;
    }

    program(seed: number, options: Required<GenerateOptions>): FuzzProgram {
        const ops: FuzzOp[] = [];
        const perTarget: Record<string, number> = {};
        const good = { events: [] as number[], screens: [] as number[], sessions: [] as number[] };
        // Every target once, builders first (later calls use what they built), then at random.
        const first = [...this.targets].sort((a, b) => Number(Boolean(b.builds)) - Number(Boolean(a.builds)));
        const sessionSteps: Array<'start' | 'play' | 'pause' | 'end'> = ['start', 'play', 'pause', 'end'];
        const open: Array<{ id: number; step: number }> = [];
        let goodCounter = 0;
        let calls = 0;
        const taskTargets = this.targets.filter((t) => t.reachesTask);
        const localTargets = this.targets.filter((t) => !t.reachesTask && !t.builds);
        // Builds often: a built object that bad setters filled with junk is soon replaced, as
        // every later call that passes it pays for its size.
        const builds = this.targets.filter((t) => t.builds);
        const next = () => {
            if (this.chance(options.taskShare)) {
                return this.pick(taskTargets);
            }
            return this.pick(this.chance(0.2) ? builds : localTargets);
        };
        // (its own index: the extra ops below count as calls too, and must not skip a target)
        let firstIndex = 0;
        while (calls < options.calls) {
            const target = firstIndex < first.length ? first[firstIndex++] : next();
            ops.push(this.call(target));
            perTarget[target.id] = (perTarget[target.id] ?? 0) + 1;
            calls++;
            if (this.chance(0.01)) {
                const op = this.selfHoldingSession();
                if (op) {
                    ops.push(op);
                    calls++;
                    perTarget['MediaSession.setMediaSessionAttributes'] = (perTarget['MediaSession.setMediaSessionAttributes'] ?? 0) + 1;
                }
            }
            if (this.chance(1 / options.goodEvery)) {
                const n = ++goodCounter;
                const roll = this.int(3);
                if (roll === 0) {
                    ops.push({ g: n, k: 'e' });
                    good.events.push(n);
                } else if (roll === 1) {
                    ops.push({ g: n, k: 'v' });
                    good.screens.push(n);
                } else if (open.length < 2 && (open.length === 0 || this.chance(0.5))) {
                    open.push({ id: n, step: 0 });
                    good.sessions.push(n);
                    ops.push({ gm: n, s: 'start' });
                } else if (open.length > 0) {
                    const session = this.pick(open);
                    session.step++;
                    ops.push({ gm: session.id, s: sessionSteps[session.step] });
                    if (session.step === sessionSteps.length - 1) {
                        open.splice(open.indexOf(session), 1);
                    }
                }
            }
            if (this.chance(0.0006)) {
                ops.push({ o: 1 });
            }
            if (this.chance(1 / options.waitEvery)) {
                ops.push({ w: WAIT_MS });
            }
        }
        for (const session of open) {
            while (session.step < sessionSteps.length - 1) {
                session.step++;
                ops.push({ gm: session.id, s: sessionSteps[session.step] });
            }
        }
        return { seed, ops, calls, perTarget, good };
    }
}

function hasTag(value: Value): boolean {
    if (Array.isArray(value)) {
        return value.some(hasTag);
    }
    if (value !== null && typeof value === 'object') {
        return '$' in value || Object.values(value).some(hasTag);
    }
    return false;
}

/** Building a value in BrightScript costs a function call per array or AA: only tagged ones are. */
function markBuilt(op: FuzzOp): FuzzOp {
    const built = (op.a ?? []).map((value, i) => (hasTag(value) ? i : -1)).filter((i) => i >= 0);
    if (built.length > 0) {
        op.x = built;
    }
    return op;
}

export function generateProgram(seed: number, options: GenerateOptions = {}): FuzzProgram {
    return new Generator(seed).program(seed, {
        calls: options.calls ?? 5000,
        goodEvery: options.goodEvery ?? 60,
        waitEvery: options.waitEvery ?? 25,
        taskShare: options.taskShare ?? 0.04
    });
}

/** FUZZ_SEED when set (a failing run's seed reproduces it), else a new one. */
export function fuzzSeed(env: NodeJS.ProcessEnv = process.env): number {
    const given = env.FUZZ_SEED;
    if (given !== undefined && given !== '') {
        const seed = Number(given);
        if (!Number.isInteger(seed) || seed < 0 || seed >= SEED_LIMIT) {
            throw new Error(`FUZZ_SEED must be an integer from 0 to ${SEED_LIMIT - 1}, got "${given}"`);
        }
        return seed;
    }
    return Math.floor(Math.random() * SEED_LIMIT);
}
