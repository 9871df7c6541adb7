/** Local collector: Adobe Media Edge API (sessions, validation, storage). */
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { startCollector, type Collector } from '../../tools/collector';
import { postJson } from '../../tools/collector/client';
import { sampleAdobeEvent } from '../../tools/collector/samples';

const CONFIG = 'configId=datastream-123';

describe('collector: Adobe Media Edge API', () => {
    let c: Collector;
    const lines: string[] = [];
    before(async () => {
        c = await startCollector({ log: (l) => lines.push(l) });
    });
    after(() => c.close());

    async function startSession(): Promise<string> {
        const res = await postJson(`${c.url}/ee/va/v1/sessionStart?${CONFIG}`, sampleAdobeEvent('sessionStart'));
        assert.equal(res.status, 200, res.text);
        return res.json.handle[0].payload[0].sessionId as string;
    }

    test('sessionStart answers the real API shape with a new session id', async () => {
        const res = await postJson(`${c.url}/ee/va/v1/sessionStart?${CONFIG}`, sampleAdobeEvent('sessionStart'));
        assert.equal(res.status, 200);
        assert.match(res.json.requestId, /^[0-9a-f-]{36}$/);
        assert.equal(res.json.handle.length, 1);
        const [handle] = res.json.handle;
        assert.equal(handle.type, 'media-analytics:new-session');
        assert.equal(handle.eventIndex, 0);
        assert.match(handle.payload[0].sessionId, /^[0-9a-f]{64}$/);
        assert.notEqual(await startSession(), handle.payload[0].sessionId, 'every session id is new');
    });

    test('events with a handed-out session id get 204 and are stored', async () => {
        const sid = await startSession();
        const play = await postJson(`${c.url}/ee/va/v1/play?${CONFIG}`, sampleAdobeEvent('play', { sessionID: sid, playhead: 12 }));
        assert.equal(play.status, 204);
        assert.equal(play.text, '');
        const ping = await postJson(`${c.url}/ee/va/v1/ping?${CONFIG}`, sampleAdobeEvent('ping', { sessionID: sid, playhead: 22 }, '2024-05-01T02:00:34.000+00:00'));
        assert.equal(ping.status, 204);
        const ad = await postJson(`${c.url}/ee/va/v1/adStart?${CONFIG}`,
            sampleAdobeEvent('adStart', { sessionID: sid, playhead: 22, advertisingDetails: { name: 'ad-1', podPosition: 1, length: 15, playerName: 'roku-sdk' } }));
        assert.equal(ad.status, 204, ad.text);
        const end = await postJson(`${c.url}/ee/va/v1/sessionComplete?${CONFIG}`, sampleAdobeEvent('sessionComplete', { sessionID: sid, playhead: 600 }));
        assert.equal(end.status, 204);

        const stored = c.adobeEvents().filter((e) => e.sessionId === sid);
        assert.deepEqual(stored.map((e) => [e.eventType, e.playhead]), [['sessionStart', 0], ['play', 12], ['ping', 22], ['adStart', 22], ['sessionComplete', 600]]);
        assert.equal(stored[1].configId, 'datastream-123');
        assert.equal(stored[1].timestamp, '2024-05-01T02:00:24.000Z');
        assert.equal(stored[1].xdm.eventType, 'media.play');
        assert.ok(lines.includes(`[adobe] media.play sid=${sid.slice(0, 8)} playhead=12 t=02:00:24.000`), lines.join('\n'));
    });

    test('unknown session id: 400 and malformed', async () => {
        const before = c.stats();
        const res = await postJson(`${c.url}/ee/va/v1/play?${CONFIG}`, sampleAdobeEvent('play', { sessionID: 'f'.repeat(64), playhead: 1 }));
        assert.equal(res.status, 400);
        assert.match(res.json.errors[0], /unknown sessionID/);
        assert.equal(c.malformed().at(-1)?.api, 'adobe');
        assert.equal(c.stats().adobeEvents, before.adobeEvents);
    });

    test('validates configId, event type, timestamp, playhead and required details', async () => {
        const sid = await startSession();
        const cases: Array<[string, unknown, RegExp]> = [
            ['/ee/va/v1/play', sampleAdobeEvent('play', { sessionID: sid }), /configId query parameter is required/],
            [`/ee/va/v1/play?${CONFIG}`, sampleAdobeEvent('pauseStart', { sessionID: sid }), /^xdm\.eventType: expected "media\.play"/],
            [`/ee/va/v1/play?${CONFIG}`, sampleAdobeEvent('play', { sessionID: sid }, '2024-05-01T02:00:24Z'), /^xdm\.timestamp: expected ISO 8601 with milliseconds/],
            [`/ee/va/v1/play?${CONFIG}`, sampleAdobeEvent('play', { sessionID: sid }, '2024-13-45T02:00:24.000Z'), /^xdm\.timestamp/],
            [`/ee/va/v1/play?${CONFIG}`, sampleAdobeEvent('play', { sessionID: sid, playhead: -1 }), /^xdm\.mediaCollection\.playhead: expected non-negative integer/],
            [`/ee/va/v1/play?${CONFIG}`, sampleAdobeEvent('play', { sessionID: sid, playhead: 1.5 }), /^xdm\.mediaCollection\.playhead: expected non-negative integer/],
            [`/ee/va/v1/play?${CONFIG}`, sampleAdobeEvent('play', {}), /^xdm\.mediaCollection\.sessionID: required field missing/],
            [`/ee/va/v1/sessionStart?${CONFIG}`, sampleAdobeEvent('sessionStart', { sessionDetails: { name: 'x' } }), /^xdm\.mediaCollection\.sessionDetails\.playerName: required field missing/],
            [`/ee/va/v1/adStart?${CONFIG}`, sampleAdobeEvent('adStart', { sessionID: sid }), /^xdm\.mediaCollection\.advertisingDetails: required field missing/],
            [`/ee/va/v1/play?${CONFIG}`, { events: [] }, /exactly one event/],
            [`/ee/va/v1/play?${CONFIG}`, '{"events": [', /invalid JSON/]
        ];
        for (const [path, body, reason] of cases) {
            const res = await postJson(`${c.url}${path}`, body, { 'Content-Type': 'application/json' });
            assert.equal(res.status, 400, `${path} ${res.text}`);
            assert.ok(res.json.errors.some((e: string) => reason.test(e)), `${reason} in ${res.text}`);
        }
        const unknownType = await postJson(`${c.url}/ee/va/v1/seek?${CONFIG}`, sampleAdobeEvent('seek', { sessionID: sid }));
        assert.equal(unknownType.status, 404);
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
});
