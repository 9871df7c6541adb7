/** Options accepted by startCollector and the defaults the collector falls back to. */

export type FaultKind = '500' | '429' | '503' | 'drop' | 'slow';

export const FAULT_KINDS: readonly FaultKind[] = ['500', '429', '503', 'drop', 'slow'];

export interface FaultOptions {
    /** Probability (0..1) that a request gets a fault. */
    rate: number;
    /** Which faults to pick from, uniformly. */
    kinds: FaultKind[];
    /** Retry-After value sent with 429/503 (default 1). */
    retryAfterSec?: number;
    /** Delay added to the real response for 'slow' (default 1500). */
    slowMs?: number;
    /** PRNG seed; the same seed and request sequence give the same faults (default 1). */
    seed?: number;
    /** Only requests whose path matches get faults: a RegExp, or a string taken as a path prefix. Default: every route but /health, /summary and /query/batches. */
    paths?: RegExp | string;
}

/**
 * One forced response for forceResponses(). A 2xx status lets the request through to the real handler
 * (so [500, 500, 202] means "fail twice, then accept"); any other status is sent instead of processing it.
 * `{ slowMs }` processes the request at once (stored as usual) and sends the real answer that much later,
 * like the random 'slow' fault: a client that times out and re-sends must be deduplicated.
 */
export type ForcedResponse = number | 'drop' | { status: number; retryAfterSec?: number } | { slowMs: number };

export interface CollectorOptions {
    /** Interface to bind (default 127.0.0.1). */
    host?: string;
    /** Port to bind; 0 picks a free one (default 0). */
    port?: number;
    /** Expected Basic-auth user / x-mp-key (default test-api-key). */
    apiKey?: string;
    /** Expected Basic-auth password (default test-api-secret). */
    apiSecret?: string;
    /** SQLite file: loaded if present, rewritten after every write. In-memory when omitted. */
    dbPath?: string;
    /**
     * mParticle data plan to check batches against: a data plan version ({ version_document: { data_points } }),
     * a bare version document ({ data_points }), or a whole data plan ({ data_plan_versions: [...] }, newest version used).
     */
    dataPlan?: object;
    faults?: FaultOptions;
    /** Files served at GET /media/<name> (e.g. the demo's clips); not recorded. */
    media?: Record<string, Uint8Array>;
    /** Accept Adobe events whose sessionID this collector never handed out (default false: 400). */
    allowUnknownAdobeSessions?: boolean;
    /** The Edge region (location hint) this collector answers with (default or2). */
    adobeRegion?: string;
    /** ttlSeconds of the location hint and the cluster state entry (default 1800). */
    adobeHintTtlSec?: number;
    /** Where readable lines go (default console.log). */
    log?: (line: string) => void;
    /** Drop all readable lines (same as log: () => {}). */
    quiet?: boolean;
}

export const DEFAULT_API_KEY = 'test-api-key';
export const DEFAULT_API_SECRET = 'test-api-secret';
export const DEFAULT_RETRY_AFTER_SEC = 1;
export const DEFAULT_SLOW_MS = 1500;
export const DEFAULT_FAULT_SEED = 1;
