/** What the page holds: every record the feed sent, by kind, in the order it sent them. */
import type { IdentityCall, MalformedEntry, PlanViolation, StoredAdobeEvent, StoredEvent } from '../../collector/records';
import type { BatchInfo, FeedHello, FeedRecord, RequestInfo } from '../protocol';

export interface FeedState {
    hello: FeedHello | null;
    requests: RequestInfo[];
    batches: BatchInfo[];
    events: StoredEvent[];
    adobe: StoredAdobeEvent[];
    identity: IdentityCall[];
    violations: PlanViolation[];
    malformed: MalformedEntry[];
}

export function emptyState(hello: FeedHello | null = null): FeedState {
    return { hello, requests: [], batches: [], events: [], adobe: [], identity: [], violations: [], malformed: [] };
}

/** Appends records to the state (in place: a long session sends thousands). */
export function applyRecords(state: FeedState, records: readonly FeedRecord[]): void {
    for (const record of records) {
        switch (record.kind) {
            case 'request':
                state.requests.push(record.request);
                break;
            case 'batch':
                state.batches.push(record.batch);
                break;
            case 'event':
                state.events.push(record.event);
                break;
            case 'adobe':
                state.adobe.push(record.event);
                break;
            case 'identity':
                state.identity.push(record.call);
                break;
            case 'violation':
                state.violations.push(record.violation);
                break;
            case 'malformed':
                state.malformed.push(record.entry);
                break;
        }
    }
}
