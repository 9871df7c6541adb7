/**
 * What the collector streams to the live viewer (GET /viewer/stream, Server-Sent Events), shared by the
 * server (tools/viewer/feed.ts) and the page (tools/viewer/app). Records are the collector's normalized
 * model (what the store holds, findings, finished requests), never raw request bodies, so the viewer keeps
 * working whatever endpoint or wire format a record came in through.
 *
 * SSE events: `hello` (JSON FeedHello) once per connection, then `records` (JSON FeedRecord[]) as they
 * arrive, and `bye` when the collector stops (after its last records). A connection always starts from
 * the first record: on `hello` the page drops what it had.
 */
import type { IdentityCall, MalformedEntry, PlanViolation, StoredAdobeEvent, StoredEvent } from '../collector/records';

export const VIEWER_STREAM_PATH = '/viewer/stream';
export const VIEWER_ASSET_PREFIX = '/viewer/';

export interface FeedHello {
    /** Changes when the collector restarts, so a reconnecting page knows its records are stale. */
    instance: string;
    startedAt: string;
    /** Batches are checked against a data plan (violations can appear). */
    dataPlan: boolean;
}

/** A stored batch without its events (they come as `event` records). */
export interface BatchInfo {
    batchId: string;
    receivedAt: string;
    environment: string;
    mpid: string;
    eventCount: number;
    /** From the batch: application_info.application_name / version, device_info.platform / device_model. */
    app: string | null;
    device: string | null;
}

/** One request the collector finished (answered, or dropped by a fault), in the order they finished. */
export interface RequestInfo {
    seq: number;
    method: string;
    path: string;
    receivedAt: string;
    /** Absent when the connection was dropped. */
    status?: number;
    /** Set when the answer was an injected fault (random or forced). */
    fault?: string;
    /** The batch id of an upload (Events API batch_id, native id), to show re-sends. */
    batchId?: string;
}

export type FeedRecord =
    | { kind: 'request'; request: RequestInfo }
    | { kind: 'batch'; batch: BatchInfo }
    | { kind: 'event'; event: StoredEvent }
    | { kind: 'adobe'; event: StoredAdobeEvent }
    | { kind: 'identity'; call: IdentityCall }
    | { kind: 'violation'; violation: PlanViolation }
    | { kind: 'malformed'; entry: MalformedEntry };
