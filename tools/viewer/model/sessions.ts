/** mParticle sessions (session_uuid) with their events in time order, each event with its plan findings. */
import type { StoredEvent } from '../../collector/records';
import type { BatchInfo } from '../protocol';
import { eventKey, type Finding, type LinkedViolation } from './violations';

export interface EventView {
    key: string;
    /** Position in arrival order (batch, then index in the batch): breaks ties between equal timestamps. */
    arrival: number;
    batchId: string;
    eventType: string;
    /** event_name, screen_name, or the event type for events without a name. */
    name: string;
    customEventType: string | null;
    /** The SDK's timestamp (its clock: virtual in tests); falls back to the arrival time. */
    timestampMs: number;
    receivedAt: string;
    mpid: string;
    sessionUuid: string | null;
    attributes: Record<string, string>;
    mediaSessionId: string | null;
    findings: Finding[];
}

export interface MpSessionView {
    /** session_uuid, or '' for events outside any session. */
    id: string;
    mpids: string[];
    startMs: number;
    endMs: number;
    events: EventView[];
    /** Media sessions logged in this session, in order of first event. */
    mediaSessionIds: string[];
    app: string | null;
    device: string | null;
    environment: string | null;
}

export function byTime(a: EventView, b: EventView): number {
    return a.timestampMs - b.timestampMs || a.arrival - b.arrival;
}

export function toEventViews(events: readonly StoredEvent[], violations: readonly LinkedViolation[]): EventView[] {
    const findings = new Map<string, Finding[]>();
    for (const linked of violations) {
        for (const key of linked.eventKeys) {
            const list = findings.get(key);
            if (list) {
                list.push(...linked.findings);
            } else {
                findings.set(key, [...linked.findings]);
            }
        }
    }
    return events.map((event, arrival) => {
        const key = eventKey(event);
        return {
            key,
            arrival,
            batchId: event.batchId,
            eventType: event.eventType,
            name: event.eventName ?? event.eventType,
            customEventType: event.customEventType,
            timestampMs: event.timestampMs ?? Date.parse(event.receivedAt),
            receivedAt: event.receivedAt,
            mpid: event.mpid,
            sessionUuid: event.sessionUuid,
            attributes: event.attributes,
            mediaSessionId: event.customEventType === 'media' && typeof event.attributes.media_session_id === 'string' ? event.attributes.media_session_id : null,
            findings: findings.get(key) ?? []
        };
    });
}

export function groupSessions(events: readonly EventView[], batches: readonly BatchInfo[]): MpSessionView[] {
    const batchById = new Map(batches.map((b) => [b.batchId, b]));
    const sessions = new Map<string, MpSessionView>();
    for (const event of [...events].sort(byTime)) {
        const id = event.sessionUuid ?? '';
        let session = sessions.get(id);
        if (!session) {
            const batch = batchById.get(event.batchId);
            session = {
                id,
                mpids: [],
                startMs: event.timestampMs,
                endMs: event.timestampMs,
                events: [],
                mediaSessionIds: [],
                app: batch?.app ?? null,
                device: batch?.device ?? null,
                environment: batch?.environment ?? null
            };
            sessions.set(id, session);
        }
        session.events.push(event);
        session.endMs = Math.max(session.endMs, event.timestampMs);
        if (!session.mpids.includes(event.mpid)) {
            session.mpids.push(event.mpid);
        }
        if (event.mediaSessionId && !session.mediaSessionIds.includes(event.mediaSessionId)) {
            session.mediaSessionIds.push(event.mediaSessionId);
        }
    }
    return [...sessions.values()].sort((a, b) => a.startMs - b.startMs);
}
