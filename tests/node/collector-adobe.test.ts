/** Local collector: the Adobe Edge Network (Media Edge sessions, identity, region, state, field checks). */
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { startCollector, type Collector } from '../../tools/collector';
import { postJson } from '../../tools/collector/client';
import { sampleAdobeEvent } from '../../tools/collector/samples';

const CONFIG = 'configId=datastream-123';
const FETCH = { events: [{ query: { identity: { fetch: ['ECID'] } } }] };

describe('collector: Adobe Edge Network', () => {
    let c: Collector;
    const lines: string[] = [];
    before(async () => {
        c = await startCollector({ log: (l) => lines.push(l) });
    });
    after(() => c.close());

    async function startSession(mediaCollection: Record<string, unknown> = {}): Promise<string> {
        const res = await postJson(`${c.url}/ee/va/v1/sessionStart?${CONFIG}`, sampleAdobeEvent('sessionStart', mediaCollection));
        assert.equal(res.status, 200, res.text);
        return res.json.handle[0].payload[0].sessionId as string;
    }

    /** A call of a session started by startSession (the collector's region: or2). */
    function send(eventType: string, mediaCollection: Record<string, unknown>, timestamp?: string) {
        return postJson(`${c.url}/ee/or2/va/v1/${eventType}?${CONFIG}`, sampleAdobeEvent(eventType, mediaCollection, timestamp));
    }

    test('sessionStart answers like Edge: a new session id, the location hint and the state entries', async () => {
        const res = await postJson(`${c.url}/ee/va/v1/sessionStart?${CONFIG}`, sampleAdobeEvent('sessionStart'));
        assert.equal(res.status, 200);
        assert.match(res.json.requestId, /^[0-9a-f-]{36}$/);
        const [session, hint, state] = res.json.handle;
        assert.equal(session.type, 'media-analytics:new-session');
        assert.equal(session.eventIndex, 0);
        assert.match(session.payload[0].sessionId, /^[0-9a-f]{64}$/);
        assert.deepEqual(hint, { payload: [{ scope: 'EdgeNetwork', hint: 'or2', ttlSeconds: 1800 }], type: 'locationHint:result' });
        assert.equal(state.type, 'state:store');
        assert.deepEqual(state.payload, [{ key: 'kndctr_0123456789ABCDEF01234567_AdobeOrg_cluster', value: 'or2', maxAge: 1800 }]);
        assert.notEqual(await startSession(), session.payload[0].sessionId, 'every session id is new');
    });

    test('events with a handed-out session id, in its region, get 204 and are stored', async () => {
        const sid = await startSession();
        const play = await send('play', { sessionID: sid, playhead: 12 });
        assert.equal(play.status, 204);
        assert.equal(play.text, '');
        assert.equal((await send('ping', { sessionID: sid, playhead: 22 }, '2024-05-01T02:00:34.000+00:00')).status, 204);
        const ad = await send('adStart', { sessionID: sid, playhead: 22, advertisingDetails: { name: 'ad-1', podPosition: 1, length: 15, playerName: 'roku-sdk' } });
        assert.equal(ad.status, 204, ad.text);
        assert.equal((await send('sessionComplete', { sessionID: sid, playhead: 600 })).status, 204);

        const stored = c.adobeEvents().filter((e) => e.sessionId === sid);
        assert.deepEqual(stored.map((e) => [e.eventType, e.playhead]), [['sessionStart', 0], ['play', 12], ['ping', 22], ['adStart', 22], ['sessionComplete', 600]]);
        assert.equal(stored[1].configId, 'datastream-123');
        assert.equal(stored[1].timestamp, '2024-05-01T02:00:24.000Z');
        assert.equal(stored[1].xdm.eventType, 'media.play');
        assert.ok(lines.includes(`[adobe] media.play sid=${sid.slice(0, 8)} playhead=12 t=02:00:24.000`), lines.join('\n'));
    });

    test('a session lives in one region: after the hint, a call to another region or to none is refused', async () => {
        const sid = await startSession();
        for (const path of ['/ee/va/v1/play', '/ee/va6/va/v1/play']) {
            const res = await postJson(`${c.url}${path}?${CONFIG}`, sampleAdobeEvent('play', { sessionID: sid, playhead: 1 }));
            assert.equal(res.status, 400, path);
            assert.match(res.json.errors[0], /^wrong region: session [0-9a-f]{8} lives in or2/);
        }
        const started = await postJson(`${c.url}/ee/irl1/va/v1/sessionStart?${CONFIG}`, sampleAdobeEvent('sessionStart'));
        assert.equal(started.json.handle[1].payload[0].hint, 'irl1', 'a session started in a region stays there');
        const irl = started.json.handle[0].payload[0].sessionId;
        assert.equal((await postJson(`${c.url}/ee/irl1/va/v1/play?${CONFIG}`, sampleAdobeEvent('play', { sessionID: irl, playhead: 1 }))).status, 204);
    });

    test('identity fetch: an ECID with the hint and the visitor state; the same ECID for a visitor it knows', async () => {
        const res = await postJson(`${c.url}/ee/v1/interact?${CONFIG}&requestId=r-1`, FETCH);
        assert.equal(res.status, 200, res.text);
        const [identity, hint, state] = res.json.handle;
        assert.equal(identity.type, 'identity:result');
        const ecid = identity.payload[0].id as string;
        assert.match(ecid, /^\d{38}$/);
        assert.deepEqual(identity.payload[0].namespace, { code: 'ECID' });
        assert.equal(hint.type, 'locationHint:result');
        const identityEntry = state.payload.find((e: { key: string }) => e.key.endsWith('_identity'));
        assert.equal(identityEntry.maxAge, 34128000);
        const again = await postJson(`${c.url}/ee/or2/v1/interact?${CONFIG}`, { ...FETCH, meta: { state: { entries: [{ key: identityEntry.key, value: identityEntry.value }] } } });
        assert.equal(again.json.handle[0].payload[0].id, ecid, 'the state entry identifies the visitor');
        const other = await postJson(`${c.url}/ee/v1/interact?${CONFIG}`, FETCH);
        assert.notEqual(other.json.handle[0].payload[0].id, ecid);
        assert.deepEqual(c.adobeIdentities().slice(-2), [ecid, other.json.handle[0].payload[0].id]);
        assert.ok(c.stats().adobeIdentityFetches >= 3);
        const bad = await postJson(`${c.url}/ee/v1/interact?${CONFIG}`, { events: [{ xdm: {} }] });
        assert.equal(bad.status, 400);
        assert.match(bad.json.errors[0], /identity\.fetch/);
    });

    test('unknown session id: 400 and malformed', async () => {
        const before = c.stats();
        const res = await send('play', { sessionID: 'f'.repeat(64), playhead: 1 });
        assert.equal(res.status, 400);
        assert.match(res.json.errors[0], /unknown sessionID/);
        assert.equal(c.malformed().at(-1)?.api, 'adobe');
        assert.equal(c.stats().adobeEvents, before.adobeEvents);
    });

    test('validates configId, event type, timestamp, playhead and required details', async () => {
        const sid = await startSession();
        const at = (type: string) => `/ee/or2/va/v1/${type}?${CONFIG}`;
        const cases: Array<[string, unknown, RegExp]> = [
            ['/ee/or2/va/v1/play', sampleAdobeEvent('play', { sessionID: sid }), /configId query parameter is required/],
            [at('play'), sampleAdobeEvent('pauseStart', { sessionID: sid }), /^xdm\.eventType: expected "media\.play"/],
            [at('play'), sampleAdobeEvent('play', { sessionID: sid }, '2024-05-01T02:00:24Z'), /^xdm\.timestamp: expected ISO 8601 with milliseconds/],
            [at('play'), sampleAdobeEvent('play', { sessionID: sid }, '2024-13-45T02:00:24.000Z'), /^xdm\.timestamp/],
            [at('play'), sampleAdobeEvent('play', { sessionID: sid, playhead: -1 }), /^xdm\.mediaCollection\.playhead: expected non-negative integer/],
            [at('play'), sampleAdobeEvent('play', { sessionID: sid, playhead: 1.5 }), /^xdm\.mediaCollection\.playhead: expected non-negative integer/],
            [at('play'), sampleAdobeEvent('play', {}), /^xdm\.mediaCollection\.sessionID: required field missing/],
            [at('sessionStart'), sampleAdobeEvent('sessionStart', { sessionDetails: { name: 'x' } }), /^xdm\.mediaCollection\.sessionDetails\.playerName: required field missing/],
            [at('adStart'), sampleAdobeEvent('adStart', { sessionID: sid }), /^xdm\.mediaCollection\.advertisingDetails: required field missing/],
            [at('adStart'), sampleAdobeEvent('adStart', { sessionID: sid, advertisingDetails: { name: 'a', length: 15, playerName: 'p' } }), /advertisingDetails\.podPosition: required field missing/],
            [at('chapterStart'), sampleAdobeEvent('chapterStart', { sessionID: sid, chapterDetails: { index: 1, length: 60 } }), /chapterDetails\.offset: required field missing/],
            [at('adBreakStart'), sampleAdobeEvent('adBreakStart', { sessionID: sid, advertisingPodDetails: { index: 0, offset: 1.5 } }), /advertisingPodDetails\.offset: expected non-negative integer/],
            [at('error'), sampleAdobeEvent('error', { sessionID: sid, errorDetails: { name: 'e', source: 'cdn' } }), /errorDetails\.source: "cdn" is not one of player, external/],
            [at('play'), { events: [] }, /exactly one event/],
            [at('play'), '{"events": [', /invalid JSON/]
        ];
        for (const [path, body, reason] of cases) {
            const res = await postJson(`${c.url}${path}`, body, { 'Content-Type': 'application/json' });
            assert.equal(res.status, 400, `${path} ${res.text}`);
            assert.ok(res.json.errors.some((e: string) => reason.test(e)), `${reason} in ${res.text}`);
        }
        const unknownType = await postJson(`${c.url}${at('seek')}`, sampleAdobeEvent('seek', { sessionID: sid }));
        assert.equal(unknownType.status, 404);
    });

    test('checks units: integer seconds, kbps, frames per second; a live playhead is the second of the day', async () => {
        const sid = await startSession();
        const qoe = (qoeDataDetails: Record<string, unknown>) => send('bitrateChange', { sessionID: sid, playhead: 5, qoeDataDetails });
        assert.equal((await qoe({ bitrate: 4500, framesPerSecond: 30, droppedFrames: 2, timeToStart: 1 })).status, 204);
        const refused: Array<[Record<string, unknown>, RegExp]> = [
            [{ timeToStart: 850 }, /timeToStart: is in seconds: 850 is implausible \(milliseconds\?\)/],
            [{ timeToStart: 0.85 }, /timeToStart: expected non-negative integer/],
            [{ bitrate: 4500000 }, /bitrate: is in kbps: 4500000 is implausible \(bits per second\?\)/],
            [{ framesPerSecond: 29.97 }, /framesPerSecond: expected non-negative integer/],
            [{ stallTime: 1500.5 }, /stallTime: expected non-negative integer/]
        ];
        for (const [details, reason] of refused) {
            const res = await qoe(details);
            assert.equal(res.status, 400, JSON.stringify(details));
            assert.ok(res.json.errors.some((e: string) => reason.test(e)), `${reason} in ${res.text}`);
        }
        const live = await startSession({ sessionDetails: { name: 'n', playerName: 'p', contentType: 'Live', channel: 'c', length: 86400 }, playhead: 7200 });
        assert.equal((await send('ping', { sessionID: live, playhead: 86399 })).status, 204);
        const past = await send('ping', { sessionID: live, playhead: 90000 });
        assert.equal(past.status, 400);
        assert.match(past.json.errors[0], /a live session's playhead is the second of the day \(0\.\.86399\), got 90000/);
        assert.equal((await send('ping', { sessionID: sid, playhead: 90000 })).status, 204, 'recorded content: seconds of content');
    });

    test('checks identityMap, implementationDetails and meta.state.entries', async () => {
        const sid = await startSession();
        const body = (xdmExtra: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
            const event = sampleAdobeEvent('play', { sessionID: sid, playhead: 1 });
            Object.assign(event.events[0].xdm, xdmExtra);
            return { ...event, ...extra };
        };
        const good = body({
            _id: 'a1b2',
            identityMap: { ECID: [{ id: '1'.repeat(38), primary: true, authenticatedState: 'ambiguous' }] },
            implementationDetails: { name: 'https://ns.example/sdk', version: '0.1.0', environment: 'app' }
        }, { meta: { state: { entries: [{ key: 'k', value: 'v' }] } } });
        const accepted = await postJson(`${c.url}/ee/or2/va/v1/play?${CONFIG}`, good);
        assert.equal(accepted.status, 204, accepted.text);
        assert.ok(lines.some((l) => /ECID 11111111\.\.\. was not handed out here/.test(l)), 'an ECID it never handed out is noted');
        const refused: Array<[unknown, RegExp]> = [
            [body({ identityMap: { ECID: [{ primary: true }] } }), /identityMap\.ECID\[0\]\.id: required field missing/],
            [body({ identityMap: { ECID: [{ id: 'a', authenticatedState: 'maybe' }] } }), /authenticatedState: "maybe" is not one of/],
            [body({ identityMap: { ECID: [{ id: 'a' }, { id: 'b' }] } }), /identityMap\.ECID: expected the device's one ECID, got 2/],
            [body({ implementationDetails: { name: 'x', version: '1', environment: 'tv' } }), /implementationDetails\.environment: "tv" is not one of browser, app, server, iot/],
            [body({}, { meta: { state: { entries: [{ key: '', value: 'v' }] } } }), /meta\.state\.entries\[0\]\.key: must not be empty/]
        ];
        for (const [request, reason] of refused) {
            const res = await postJson(`${c.url}/ee/or2/va/v1/play?${CONFIG}`, request);
            assert.equal(res.status, 400, JSON.stringify(request));
            assert.ok(res.json.errors.some((e: string) => reason.test(e)), `${reason} in ${res.text}`);
        }
    });

    test('allowUnknownAdobeSessions relaxes the session check', async () => {
        const relaxed = await startCollector({ quiet: true, allowUnknownAdobeSessions: true });
        try {
            const res = await postJson(`${relaxed.url}/ee/va/v1/play?${CONFIG}`, sampleAdobeEvent('play', { sessionID: 'made-up', playhead: 3 }));
            assert.equal(res.status, 204);
            assert.equal(relaxed.adobeEvents()[0].sessionId, 'made-up');
        } finally {
            await relaxed.close();
        }
    });

    test('adobeRegion and adobeHintTtlSec set the hint it answers with', async () => {
        const tokyo = await startCollector({ quiet: true, adobeRegion: 'jpn3', adobeHintTtlSec: 60 });
        try {
            const res = await postJson(`${tokyo.url}/ee/va/v1/sessionStart?${CONFIG}`, sampleAdobeEvent('sessionStart'));
            assert.deepEqual(res.json.handle[1].payload, [{ scope: 'EdgeNetwork', hint: 'jpn3', ttlSeconds: 60 }]);
        } finally {
            await tokyo.close();
        }
    });
});
