/**
 * Decides, per request, whether to answer with an injected fault instead of the real handler: first any
 * responses queued with force(), then a seeded PRNG so a given seed and request sequence always fault alike.
 */
import {
    DEFAULT_FAULT_SEED,
    DEFAULT_RETRY_AFTER_SEC,
    DEFAULT_SLOW_MS,
    FAULT_KINDS,
    type FaultKind,
    type FaultOptions,
    type ForcedResponse
} from './options';
import { seededRandom } from '../util/random';

export { seededRandom };

export type FaultDecision =
    | { action: 'status'; status: number; retryAfterSec?: number; source: FaultKind | 'forced' }
    | { action: 'drop'; source: 'drop' | 'forced' }
    | { action: 'slow'; ms: number; source: 'slow' | 'forced' }
    /** A forced 2xx: let the real handler answer, and skip random faults for this request. */
    | { action: 'pass'; source: 'forced' };

/** Paths that serve humans and tooling, not the SDK: no random faults unless FaultOptions.paths says so. */
const UNFAULTED_BY_DEFAULT = new Set(['/health', '/summary', '/query/batches']);

export function validateFaultOptions(options: FaultOptions): void {
    if (!(options.rate >= 0 && options.rate <= 1)) {
        throw new Error(`fault rate must be within 0..1, got ${options.rate}`);
    }
    if (options.rate > 0 && options.kinds.length === 0) {
        throw new Error('fault kinds must not be empty');
    }
    for (const kind of options.kinds) {
        if (!FAULT_KINDS.includes(kind)) {
            throw new Error(`unknown fault kind "${kind}" (use ${FAULT_KINDS.join(', ')})`);
        }
    }
}

function pathMatches(matcher: RegExp | string, path: string): boolean {
    if (typeof matcher === 'string') {
        return path.startsWith(matcher);
    }
    matcher.lastIndex = 0;
    return matcher.test(path);
}

export class FaultInjector {
    private options: FaultOptions | undefined;
    private random: () => number = seededRandom(DEFAULT_FAULT_SEED);
    private readonly forced: Array<{ path: string | RegExp; queue: ForcedResponse[] }> = [];

    constructor(options?: FaultOptions) {
        this.set(options);
    }

    /** Replaces the random fault settings and restarts the PRNG from the seed; undefined turns them off. */
    set(options: FaultOptions | undefined): void {
        if (options) {
            validateFaultOptions(options);
        }
        this.options = options ? { ...options, kinds: [...options.kinds] } : undefined;
        this.random = seededRandom(options?.seed ?? DEFAULT_FAULT_SEED);
    }

    get retryAfterSec(): number {
        return this.options?.retryAfterSec ?? DEFAULT_RETRY_AFTER_SEC;
    }

    /** Queues responses for the next requests to a path: an exact path string, or a RegExp. */
    force(path: string | RegExp, responses: ForcedResponse[]): void {
        for (const response of responses) {
            if (typeof response === 'object' && 'slowMs' in response) {
                if (!(Number.isFinite(response.slowMs) && response.slowMs >= 0)) {
                    throw new Error(`forced slowMs must be a non-negative number of ms, got ${JSON.stringify(response)}`);
                }
                continue;
            }
            const status = typeof response === 'object' ? response.status : response;
            if (status !== 'drop' && !(Number.isInteger(status) && status >= 200 && status <= 599)) {
                throw new Error(`forced response must be an HTTP status, 'drop' or { slowMs }, got ${JSON.stringify(response)}`);
            }
        }
        this.forced.push({ path, queue: [...responses] });
    }

    decide(path: string): FaultDecision | undefined {
        const forced = this.nextForced(path);
        if (forced) {
            return forced;
        }
        const options = this.options;
        if (!options || options.rate <= 0 || options.kinds.length === 0) {
            return undefined;
        }
        const eligible = options.paths === undefined ? !UNFAULTED_BY_DEFAULT.has(path) : pathMatches(options.paths, path);
        if (!eligible || this.random() >= options.rate) {
            return undefined;
        }
        const kind = options.kinds[Math.floor(this.random() * options.kinds.length)];
        switch (kind) {
            case 'drop':
                return { action: 'drop', source: 'drop' };
            case 'slow':
                return { action: 'slow', ms: options.slowMs ?? DEFAULT_SLOW_MS, source: 'slow' };
            case '429':
            case '503':
                return { action: 'status', status: Number(kind), retryAfterSec: this.retryAfterSec, source: kind };
            default:
                return { action: 'status', status: Number(kind), source: kind };
        }
    }

    private nextForced(path: string): FaultDecision | undefined {
        const entry = this.forced.find((f) => f.queue.length > 0 && (typeof f.path === 'string' ? f.path === path : pathMatches(f.path, path)));
        const response = entry?.queue.shift();
        if (response === undefined) {
            return undefined;
        }
        if (response === 'drop') {
            return { action: 'drop', source: 'forced' };
        }
        if (typeof response === 'object' && 'slowMs' in response) {
            return { action: 'slow', ms: response.slowMs, source: 'forced' };
        }
        const status = typeof response === 'object' ? response.status : response;
        if (status >= 200 && status < 300) {
            return { action: 'pass', source: 'forced' };
        }
        const retryAfterSec = typeof response === 'object' && response.retryAfterSec !== undefined
            ? response.retryAfterSec
            : status === 429 || status === 503 ? this.retryAfterSec : undefined;
        return { action: 'status', status, retryAfterSec, source: 'forced' };
    }
}
