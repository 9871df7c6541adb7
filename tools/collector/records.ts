/** Shapes of what the collector records and hands back from its query helpers. */
import type { BaseEvent, Batch } from '@mparticle/event-models';
import type { ValidationError } from '@mparticle/data-planning-models';
import type { FaultKind } from './options';

/** One request as it arrived. OPTIONS preflights are not kept: a real Roku never sends them. */
export interface WireLogEntry {
    method: string;
    path: string;
    query: Record<string, string | string[]>;
    /** Lower-case names; repeated headers joined with ', '. */
    headers: Record<string, string>;
    /** Parsed JSON when the body is JSON, else the raw string ('' when there was none). */
    body: unknown;
    receivedAt: string;
    /** Status sent back; absent when the connection was dropped. */
    status?: number;
    /** Set when the response was injected (random fault or forceResponses) rather than produced by the handler. */
    fault?: FaultKind | 'forced';
}

export type Api = 'mparticle' | 'idsync' | 'adobe' | 'collector';

export interface MalformedEntry {
    api: Api;
    method: string;
    path: string;
    status: number;
    reasons: string[];
    receivedAt: string;
    body: unknown;
}

export interface StoredBatch {
    batchId: string;
    receivedAt: string;
    environment: string;
    mpid: string;
    batch: Batch;
}

/** One stored mParticle event, flattened with the batch it came in. Ordered by batch arrival, then position. */
export interface StoredEvent {
    batchId: string;
    /** Position in the batch's events array. */
    idx: number;
    receivedAt: string;
    environment: string;
    mpid: string;
    eventType: string;
    /** data.event_name, or data.screen_name for screen_view. */
    eventName: string | null;
    customEventType: string | null;
    timestampMs: number | null;
    sessionUuid: string | null;
    /** data.custom_attributes, {} when absent. */
    attributes: Record<string, string>;
    event: BaseEvent;
}

export type IdentityCallKind = 'identify' | 'login' | 'logout' | 'modify';

export interface IdentityCall {
    call: IdentityCallKind;
    receivedAt: string;
    /** The mpid answered (for modify: the one modified). */
    mpid: string;
    isLoggedIn: boolean;
    requestId: string | null;
    request: Record<string, unknown>;
    response: Record<string, unknown>;
}

export interface StoredAdobeEvent {
    receivedAt: string;
    configId: string;
    /** Path event type, e.g. 'play'. */
    eventType: string;
    sessionId: string;
    timestamp: string;
    playhead: number;
    /** The event's xdm object. */
    xdm: Record<string, unknown>;
}

/** Data-plan findings for one batch; the batch itself was accepted (202). */
export interface PlanViolation {
    batchId: string;
    receivedAt: string;
    /** What the plan matched on, e.g. { type: 'custom_event', criteria: { event_name, custom_event_type } }. */
    match: unknown;
    errors: ValidationError[];
}

export interface FaultCounts {
    total: number;
    '500': number;
    '429': number;
    '503': number;
    drop: number;
    slow: number;
    forced: number;
}

/** Stored totals (batches, events, identityCalls, adobeEvents) come from the store, so they include what a loaded db file held; the rest count this process only. */
export interface CollectorStats {
    requests: number;
    batches: number;
    events: number;
    duplicates: number;
    malformed: number;
    unauthorized: number;
    planViolations: number;
    identityCalls: number;
    adobeEvents: number;
    adobeSessions: number;
    /** Edge identity fetches answered (this process). */
    adobeIdentityFetches: number;
    refusedConnections: number;
    faultsInjected: FaultCounts;
}
