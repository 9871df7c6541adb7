/**
 * Batch uploads as the wire log holds them, on either transport: an Events API batch (POST /v2/events, events in
 * `events`) or a native batch (POST /v2/{apiKey}/events, messages in `msgs`). Tests and the query endpoint read
 * uploads through these, so they need not know which transport a run used.
 */
import type { BaseEvent } from '@mparticle/event-models';
import { isPlainObject } from './http-io';
import { translateMessage, NATIVE_MESSAGE_TYPES } from './native';
import { NATIVE_EVENTS_PATH } from './native-api';
import type { WireLogEntry } from './records';

export type Transport = 'native' | 'eventsApi';

/** The path of a batch upload on either transport (for forceResponses and the like). */
export const UPLOAD_PATH = /^\/v2\/(?:[^/]+\/)?events$/;

/** Which transport a request is a batch upload of, or undefined when it is none. */
export function uploadTransport(entry: Pick<WireLogEntry, 'method' | 'path'>): Transport | undefined {
    if (entry.method !== 'POST') {
        return undefined;
    }
    if (entry.path === '/v2/events') {
        return 'eventsApi';
    }
    return NATIVE_EVENTS_PATH.test(entry.path) ? 'native' : undefined;
}

/** The batch id of an upload (batch_id, or the native id). */
export function uploadedBatchId(entry: WireLogEntry): string | undefined {
    const transport = uploadTransport(entry);
    if (!transport || !isPlainObject(entry.body)) {
        return undefined;
    }
    const id = transport === 'native' ? entry.body.id : entry.body.batch_id;
    return id === undefined ? undefined : String(id);
}

/** The events of an upload in the Events API model (native messages translated), in order. */
export function uploadedEvents(entry: WireLogEntry): BaseEvent[] {
    const transport = uploadTransport(entry);
    if (!transport || !isPlainObject(entry.body)) {
        return [];
    }
    if (transport === 'eventsApi') {
        return Array.isArray(entry.body.events) ? entry.body.events as BaseEvent[] : [];
    }
    const messages = Array.isArray(entry.body.msgs) ? entry.body.msgs : [];
    return messages
        .filter((m): m is Record<string, unknown> => isPlainObject(m) && typeof m.dt === 'string' && m.dt in NATIVE_MESSAGE_TYPES)
        .map(translateMessage);
}
