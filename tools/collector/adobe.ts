/**
 * Adobe Media Edge API: POST /ee/va/v1/{eventType}?configId=<datastream id>. sessionStart hands out a session
 * id in the real API's response shape; every other event must carry one this collector handed out (unless
 * allowUnknownAdobeSessions). Sessions live in the store, so they stay valid across a restart with a db file.
 */
import { randomBytes, randomUUID } from 'crypto';
import type { CollectorContext } from './context';
import { Checker, type Rule } from './field-checks';
import { formatAdobe, shortId } from './format';
import { isPlainObject, json, type IncomingCall, type Reply } from './http-io';

export const ADOBE_EVENT_TYPES: readonly string[] = [
    'sessionStart', 'play', 'ping', 'bufferStart', 'pauseStart', 'adBreakStart', 'adBreakComplete', 'adStart',
    'adComplete', 'adSkip', 'chapterStart', 'chapterComplete', 'chapterSkip', 'bitrateChange', 'error',
    'sessionComplete', 'sessionEnd', 'statesUpdate'
];

export const ADOBE_PATH = /^\/ee\/va\/v1\/([^/]+)$/;

// Full date, time with milliseconds, and a zone: what the SDK promises (Adobe itself also takes no fraction).
const ISO_WITH_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(Z|[+-]\d{2}:?\d{2})$/;

/** sessionDetails fields the Media Edge API requires on sessionStart. */
const SESSION_DETAILS_RULES: Record<string, Rule> = {
    name: { kind: 'nonEmptyString', required: true },
    playerName: { kind: 'nonEmptyString', required: true },
    contentType: { kind: 'nonEmptyString', required: true },
    channel: { kind: 'nonEmptyString', required: true },
    length: { kind: 'nonNegativeInteger', required: true }
};

/** The details object each event type cannot do without. */
const REQUIRED_DETAILS: Record<string, string> = {
    adBreakStart: 'advertisingPodDetails',
    adStart: 'advertisingDetails',
    chapterStart: 'chapterDetails',
    error: 'errorDetails'
};

const ENDS_SESSION = new Set(['sessionEnd', 'sessionComplete']);

function checkXdm(eventType: string, xdm: Record<string, unknown>, checker: Checker) {
    const expectedType = `media.${eventType}`;
    if (xdm.eventType !== expectedType) {
        checker.add('xdm.eventType', `expected "${expectedType}" (the path's event type), got ${JSON.stringify(xdm.eventType ?? null)}`);
    }
    if (typeof xdm.timestamp !== 'string' || !ISO_WITH_MS.test(xdm.timestamp) || Number.isNaN(Date.parse(xdm.timestamp))) {
        checker.add('xdm.timestamp', `expected ISO 8601 with milliseconds (e.g. 2024-01-02T03:04:05.678Z), got ${JSON.stringify(xdm.timestamp ?? null)}`);
    }
    const media = xdm.mediaCollection;
    if (!isPlainObject(media)) {
        checker.add('xdm.mediaCollection', 'required object missing');
        return;
    }
    checker.fields(media, { playhead: { kind: 'nonNegativeInteger', required: true } }, 'xdm.mediaCollection');
    if (eventType === 'sessionStart') {
        checker.fields(media, { sessionDetails: { kind: 'object', required: true, fields: SESSION_DETAILS_RULES } }, 'xdm.mediaCollection');
    } else {
        checker.fields(media, { sessionID: { kind: 'nonEmptyString', required: true } }, 'xdm.mediaCollection');
    }
    const details = REQUIRED_DETAILS[eventType];
    if (details) {
        checker.fields(media, { [details]: { kind: 'object', required: true } }, 'xdm.mediaCollection');
    }
    if (eventType === 'statesUpdate' && !Array.isArray(media.statesStart) && !Array.isArray(media.statesEnd)) {
        checker.add('xdm.mediaCollection', 'statesUpdate needs statesStart or statesEnd');
    }
}

export function handleAdobeEvent(call: IncomingCall, eventType: string, ctx: CollectorContext): Reply {
    if (!ADOBE_EVENT_TYPES.includes(eventType)) {
        return ctx.reject('adobe', call, 404, [`unknown Media Edge event type "${eventType}" (use ${ADOBE_EVENT_TYPES.join(', ')})`]);
    }
    const configId = call.query.get('configId');
    if (!configId) {
        return ctx.reject('adobe', call, 400, ['configId query parameter is required']);
    }
    if (!call.json.ok) {
        return ctx.reject('adobe', call, 400, [call.json.error]);
    }
    const body = call.json.value;
    const events = isPlainObject(body) ? body.events : undefined;
    if (!Array.isArray(events) || events.length !== 1 || !isPlainObject(events[0]) || !isPlainObject(events[0].xdm)) {
        return ctx.reject('adobe', call, 400, ['body must be { "events": [ { "xdm": { ... } } ] } with exactly one event']);
    }
    const xdm = events[0].xdm;
    const checker = new Checker();
    checkXdm(eventType, xdm, checker);
    if (checker.errors.length > 0) {
        return ctx.reject('adobe', call, 400, checker.errors);
    }
    const media = xdm.mediaCollection as Record<string, unknown>;
    const playhead = media.playhead as number;
    const timestamp = xdm.timestamp as string;

    if (eventType === 'sessionStart') {
        const sessionId = randomBytes(32).toString('hex');
        ctx.store.addAdobeSession(sessionId, configId, call.receivedAt);
        ctx.store.insertAdobeEvent({ receivedAt: call.receivedAt, configId, eventType, sessionId, timestamp, playhead, xdm });
        ctx.log(formatAdobe(String(xdm.eventType), sessionId, xdm, true));
        return json(200, {
            requestId: randomUUID(),
            handle: [{ payload: [{ sessionId }], type: 'media-analytics:new-session', eventIndex: 0 }]
        });
    }

    const sessionId = media.sessionID as string;
    const session = ctx.store.adobeSession(sessionId);
    if (!session && !ctx.allowUnknownAdobeSessions) {
        return ctx.reject('adobe', call, 400, [`unknown sessionID "${sessionId}": not handed out by sessionStart`]);
    }
    if (session?.ended) {
        ctx.log(`[adobe] warning: ${eventType} after the session ended, sid=${shortId(sessionId)}`);
    }
    ctx.store.insertAdobeEvent({ receivedAt: call.receivedAt, configId, eventType, sessionId, timestamp, playhead, xdm });
    if (ENDS_SESSION.has(eventType) && session) {
        ctx.store.endAdobeSession(sessionId, call.receivedAt);
    }
    ctx.log(formatAdobe(String(xdm.eventType), sessionId, xdm, false));
    return { status: 204 };
}
