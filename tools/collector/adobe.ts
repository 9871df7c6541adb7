/**
 * Adobe Edge Network, answered the way Edge answers:
 *   POST /ee[/<region>]/va/v1/{eventType}?configId=<datastream id>   Media Edge API
 *   POST /ee[/<region>]/v1/interact?configId=...                     identity fetch (query.identity.fetch ["ECID"])
 *
 * sessionStart hands out a session id (media-analytics:new-session); it and the identity fetch also
 * answer with a location hint (locationHint:result, scope EdgeNetwork, with a TTL) and state entries
 * (state:store: the visitor's identity and the cluster). A Media Edge session lives in one region:
 * after the hint, a call of that session to another region's path (or to none) is refused. Every other
 * event must carry a session id this collector handed out (unless allowUnknownAdobeSessions), and every
 * field is checked against Adobe's docs (adobe-xdm.ts). Sessions and ECIDs live in the store, so they
 * stay valid across a restart with a db file.
 */
import { randomBytes, randomInt, randomUUID } from 'crypto';
import { checkMediaXdm, checkMeta, isLiveContentType } from './adobe-xdm';
import type { CollectorContext } from './context';
import { Checker } from './field-checks';
import { formatAdobe, shortId } from './format';
import { isPlainObject, json, type IncomingCall, type Reply } from './http-io';

export const ADOBE_EVENT_TYPES: readonly string[] = [
    'sessionStart', 'play', 'ping', 'bufferStart', 'pauseStart', 'adBreakStart', 'adBreakComplete', 'adStart',
    'adComplete', 'adSkip', 'chapterStart', 'chapterComplete', 'chapterSkip', 'bitrateChange', 'error',
    'sessionComplete', 'sessionEnd', 'statesUpdate'
];

/** /ee[/<region>]/va/v1/<eventType>: [, region | undefined, eventType] */
export const ADOBE_PATH = /^\/ee\/(?:([^/]+)\/)?va\/v1\/([^/]+)$/;
/** /ee[/<region>]/v1/interact: [, region | undefined] */
export const EDGE_INTERACT_PATH = /^\/ee\/(?:([^/]+)\/)?v1\/interact$/;

/** Where Edge sends this client, and for how long (Adobe's docs: regions like or2, va6, irl1; TTL typically 1800 s). */
export interface EdgeSettings {
    allowUnknownSessions: boolean;
    region: string;
    hintTtlSec: number;
    /** The org in state entry names (kndctr_<org>_identity). */
    orgId: string;
}

export const DEFAULT_EDGE_SETTINGS: EdgeSettings = {
    allowUnknownSessions: false,
    region: 'or2',
    hintTtlSec: 1800,
    orgId: '0123456789ABCDEF01234567@AdobeOrg'
};

const ENDS_SESSION = new Set(['sessionEnd', 'sessionComplete']);
// The identity the collector puts in the visitor's state entry, so a later fetch echoing it gets the same ECID.
const IDENTITY_VALUE_PREFIX = 'ecid:';

function stateKey(ctx: CollectorContext, name: string): string {
    return `kndctr_${ctx.edge.orgId.replace(/@/g, '_')}_${name}`;
}

/** locationHint:result and state:store, as Edge sends them with every identity and sessionStart answer. */
function edgeHandles(ctx: CollectorContext, region: string, ecid: string | undefined): object[] {
    const ttl = ctx.edge.hintTtlSec;
    const entries: object[] = [{ key: stateKey(ctx, 'cluster'), value: region, maxAge: ttl }];
    if (ecid) {
        entries.unshift({ key: stateKey(ctx, 'identity'), value: Buffer.from(IDENTITY_VALUE_PREFIX + ecid).toString('base64'), maxAge: 34128000 });
    }
    return [
        { payload: [{ scope: 'EdgeNetwork', hint: region, ttlSeconds: ttl }], type: 'locationHint:result' },
        { payload: entries, type: 'state:store' }
    ];
}

/** The ECID a request already identifies (identityMap, or the identity state entry this collector wrote). */
function knownEcid(ctx: CollectorContext, body: Record<string, unknown>, xdm?: Record<string, unknown>): string | undefined {
    const fromMap = isPlainObject(xdm?.identityMap) && Array.isArray(xdm.identityMap.ECID) && isPlainObject(xdm.identityMap.ECID[0])
        ? xdm.identityMap.ECID[0].id : undefined;
    if (typeof fromMap === 'string' && fromMap !== '') {
        return fromMap;
    }
    const entries = isPlainObject(body.meta) && isPlainObject(body.meta.state) ? body.meta.state.entries : undefined;
    for (const entry of Array.isArray(entries) ? entries : []) {
        if (isPlainObject(entry) && entry.key === stateKey(ctx, 'identity') && typeof entry.value === 'string') {
            const decoded = Buffer.from(entry.value, 'base64').toString();
            if (decoded.startsWith(IDENTITY_VALUE_PREFIX)) {
                return decoded.slice(IDENTITY_VALUE_PREFIX.length);
            }
        }
    }
    return undefined;
}

/** An ECID: 38 decimal digits. */
function newEcid(): string {
    let digits = '';
    while (digits.length < 38) {
        digits += String(randomInt(0, 1_000_000_000)).padStart(9, '0');
    }
    return digits.slice(0, 38);
}

function readBody(call: IncomingCall, ctx: CollectorContext): { body: Record<string, unknown> } | { reply: Reply } {
    const configId = call.query.get('configId');
    if (!configId) {
        return { reply: ctx.reject('adobe', call, 400, ['configId query parameter is required']) };
    }
    if (!call.json.ok) {
        return { reply: ctx.reject('adobe', call, 400, [call.json.error]) };
    }
    if (!isPlainObject(call.json.value)) {
        return { reply: ctx.reject('adobe', call, 400, ['body must be a JSON object']) };
    }
    return { body: call.json.value };
}

/** POST /ee[/<region>]/v1/interact with an identity fetch: the visitor's ECID (the same one again for a visitor it knows). */
export function handleEdgeInteract(call: IncomingCall, region: string | undefined, ctx: CollectorContext): Reply {
    const read = readBody(call, ctx);
    if ('reply' in read) {
        return read.reply;
    }
    const body = read.body;
    const checker = new Checker();
    checkMeta(body, checker);
    const events = body.events;
    const fetch = Array.isArray(events) && isPlainObject(events[0]) && isPlainObject(events[0].query) && isPlainObject(events[0].query.identity)
        ? events[0].query.identity.fetch : undefined;
    if (!Array.isArray(fetch) || !fetch.includes('ECID')) {
        checker.add('events[0].query.identity.fetch', 'expected ["ECID"] (this collector answers identity fetches only)');
    }
    if (checker.errors.length > 0) {
        return ctx.reject('adobe', call, 400, checker.errors);
    }
    const configId = call.query.get('configId') as string;
    let ecid = knownEcid(ctx, body);
    const isNew = ecid === undefined;
    ecid ??= newEcid();
    ctx.store.addAdobeIdentity(ecid, configId, call.receivedAt);
    ctx.counters.adobeIdentityFetches++;
    const servedBy = region ?? ctx.edge.region;
    ctx.log(`[adobe] identity ${isNew ? 'new ' : ''}ECID=${ecid.slice(0, 8)}... region=${servedBy}`);
    return json(200, {
        requestId: randomUUID(),
        handle: [
            { payload: [{ id: ecid, namespace: { code: 'ECID' } }], type: 'identity:result' },
            ...edgeHandles(ctx, servedBy, ecid)
        ]
    });
}

export function handleAdobeEvent(call: IncomingCall, region: string | undefined, eventType: string, ctx: CollectorContext): Reply {
    if (!ADOBE_EVENT_TYPES.includes(eventType)) {
        return ctx.reject('adobe', call, 404, [`unknown Media Edge event type "${eventType}" (use ${ADOBE_EVENT_TYPES.join(', ')})`]);
    }
    const read = readBody(call, ctx);
    if ('reply' in read) {
        return read.reply;
    }
    const body = read.body;
    const configId = call.query.get('configId') as string;
    const events = body.events;
    if (!Array.isArray(events) || events.length !== 1 || !isPlainObject(events[0]) || !isPlainObject(events[0].xdm)) {
        return ctx.reject('adobe', call, 400, ['body must be { "events": [ { "xdm": { ... } } ] } with exactly one event']);
    }
    const xdm = events[0].xdm;
    const media = isPlainObject(xdm.mediaCollection) ? xdm.mediaCollection : {};
    const sessionId = typeof media.sessionID === 'string' ? media.sessionID : '';
    const session = eventType === 'sessionStart' || sessionId === '' ? undefined : ctx.store.adobeSession(sessionId);
    const checker = new Checker();
    checkMeta(body, checker);
    checkMediaXdm(eventType, xdm, checker, session);
    if (checker.errors.length > 0) {
        return ctx.reject('adobe', call, 400, checker.errors);
    }
    const playhead = media.playhead as number;
    const timestamp = xdm.timestamp as string;
    const ecid = knownEcid(ctx, body, xdm);
    if (ecid && !ctx.store.hasAdobeIdentity(ecid)) {
        ctx.log(`[adobe] note: ECID ${ecid.slice(0, 8)}... was not handed out here (an app-provided ECID?)`);
    }

    if (eventType === 'sessionStart') {
        const sessionRegion = region ?? ctx.edge.region;
        const newId = randomBytes(32).toString('hex');
        const details = isPlainObject(media.sessionDetails) ? media.sessionDetails : {};
        ctx.store.addAdobeSession(newId, configId, call.receivedAt, sessionRegion, isLiveContentType(details.contentType));
        ctx.store.insertAdobeEvent({ receivedAt: call.receivedAt, configId, eventType, sessionId: newId, timestamp, playhead, xdm });
        ctx.log(formatAdobe(String(xdm.eventType), newId, xdm, true));
        return json(200, {
            requestId: randomUUID(),
            handle: [
                { payload: [{ sessionId: newId }], type: 'media-analytics:new-session', eventIndex: 0 },
                ...edgeHandles(ctx, sessionRegion, ecid)
            ]
        });
    }

    if (!session && !ctx.edge.allowUnknownSessions) {
        return ctx.reject('adobe', call, 400, [`unknown sessionID "${sessionId}": not handed out by sessionStart`]);
    }
    if (session?.region && session.region !== region) {
        const expected = `/ee/${session.region}/va/v1/${eventType}`;
        return ctx.reject('adobe', call, 400, [`wrong region: session ${shortId(sessionId)} lives in ${session.region} (the location hint sessionStart answered); call ${expected}, not ${call.path}`]);
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
