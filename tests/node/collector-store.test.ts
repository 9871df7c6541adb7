/** Local collector: db file persistence (dedupe, Adobe sessions across restarts), the wire log, waitFor. */
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startCollector, toJsonLines, type Collector } from '../../tools/collector';
import { postJson, postSigned, request } from '../../tools/collector/client';
import { basicAuth, sampleAdobeEvent, sampleBatch, sampleIdentityRequest } from '../../tools/collector/samples';

const AUTH = { Authorization: basicAuth() };

describe('collector: db file', () => {
    let dir: string;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'collector-test-'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    test('persists after each write and dedupes across a restart', async () => {
        const dbPath = path.join(dir, 'nested', 'collector.sqlite');
        const batch = sampleBatch();
        let sid: string;
        let mpid: string;

        const first = await startCollector({ quiet: true, dbPath });
        try {
            assert.equal((await postJson(`${first.url}/v2/events`, batch, AUTH)).status, 202);
            const start = await postJson(`${first.url}/ee/va/v1/sessionStart?configId=x`, sampleAdobeEvent('sessionStart'));
            sid = start.json.handle[0].payload[0].sessionId;
            const login = await postSigned(`${first.url}/v1/login`, sampleIdentityRequest({ email: 'persist@example.com' }));
            mpid = login.json.mpid;
            // Written before the answer went out, not only at close: a copy taken now already holds the batch.
            fs.copyFileSync(dbPath, `${dbPath}.copy`);
            const copy = await startCollector({ quiet: true, dbPath: `${dbPath}.copy` });
            try {
                assert.deepEqual(copy.batches().map((b) => b.batchId), [batch.batch_id]);
            } finally {
                await copy.close();
            }
        } finally {
            await first.close();
        }
        assert.deepEqual(fs.readdirSync(path.dirname(dbPath)).filter((f) => f.endsWith('.tmp')), [], 'no temp files left behind');

        const second = await startCollector({ quiet: true, dbPath });
        try {
            assert.deepEqual(second.batches().map((b) => b.batchId), [batch.batch_id]);
            assert.equal(second.events().length, 1);
            assert.equal(second.identityCalls().length, 1);
            assert.equal((await postJson(`${second.url}/v2/events`, batch, AUTH)).status, 202);
            assert.equal(second.batches().length, 1, 're-sent batch not stored again');
            assert.equal(second.stats().duplicates, 1);
            const play = await postJson(`${second.url}/ee/or2/va/v1/play?configId=x`, sampleAdobeEvent('play', { sessionID: sid, playhead: 5 }));
            assert.equal(play.status, 204, 'sessions handed out before the restart stay valid');
            const again = await postSigned(`${second.url}/v1/identify`, sampleIdentityRequest({ email: 'persist@example.com' }));
            assert.equal(again.json.mpid, mpid);
            assert.equal(second.stats().batches, 1);
        } finally {
            await second.close();
        }
    });

    test('refuses a file that is not a SQLite db', async () => {
        const bogus = path.join(dir, 'bogus.sqlite');
        fs.writeFileSync(bogus, 'definitely not sqlite, but long enough to look like a header of some file');
        await assert.rejects(startCollector({ quiet: true, dbPath: bogus }), /cannot open collector db/);
    });
});

describe('collector: wire log', () => {
    let c: Collector;
    before(async () => {
        c = await startCollector({ quiet: true });
    });
    after(() => c.close());

    test('keeps every request but OPTIONS, in order, with parsed or raw bodies', async () => {
        const batch = sampleBatch();
        await request(`${c.url}/v2/events`, { method: 'OPTIONS', headers: { 'Access-Control-Request-Method': 'POST' } });
        await postJson(`${c.url}/v2/events`, batch, AUTH);
        await request(`${c.url}/v2/events`, { method: 'OPTIONS' });
        await postJson(`${c.url}/v2/events`, batch, AUTH);
        await postJson(`${c.url}/ee/va/v1/sessionStart?configId=abc&x=1&x=2`, 'not json', { 'Content-Type': 'text/plain' });
        await request(`${c.url}/health`);

        const log = c.wireLog();
        assert.deepEqual(log.map((w) => `${w.method} ${w.path}`), ['POST /v2/events', 'POST /v2/events', 'POST /ee/va/v1/sessionStart', 'GET /health']);
        assert.deepEqual(log[0].body, batch);
        assert.deepEqual(log[1].body, batch, 'a re-send is on the wire again');
        assert.equal(log[0].headers.authorization, AUTH.Authorization);
        assert.equal(log[0].headers['content-type'], 'application/json');
        assert.ok(Object.keys(log[0].headers).every((h) => h === h.toLowerCase()));
        assert.deepEqual(log[0].query, {});
        assert.deepEqual(log[2].query, { configId: 'abc', x: ['1', '2'] });
        assert.equal(log[2].body, 'not json');
        assert.equal(log[3].body, '');
        assert.deepEqual(log.map((w) => w.status), [202, 202, 400, 200]);
        assert.ok(log.every((w) => !Number.isNaN(Date.parse(w.receivedAt)) && w.receivedAt.endsWith('Z')));
        assert.ok(log.every((w, i) => i === 0 || w.receivedAt >= log[i - 1].receivedAt));
    });

    test('writes JSON Lines, one request per line', () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'collector-wire-')), 'wire.jsonl');
        try {
            c.writeWireLog(file);
            const text = fs.readFileSync(file, 'utf8');
            assert.equal(text, toJsonLines(c.wireLog()));
            const lines = text.split('\n');
            assert.equal(lines.pop(), '', 'ends with a newline');
            assert.deepEqual(lines.map((l) => JSON.parse(l)), c.wireLog());
        } finally {
            fs.rmSync(path.dirname(file), { recursive: true, force: true });
        }
    });

    test('snapshots do not change under later requests', async () => {
        const snapshot = c.wireLog();
        await request(`${c.url}/health`);
        assert.equal(c.wireLog().length, snapshot.length + 1);
    });
});

describe('collector: waitFor', () => {
    test('resolves with the first truthy value once a request makes it true', async () => {
        const c = await startCollector({ quiet: true });
        try {
            const waiting = c.waitFor((x) => x.events().find((e) => e.eventName === 'Play'));
            await postJson(`${c.url}/v2/events`, sampleBatch(), AUTH);
            const event = await waiting;
            assert.equal(event.eventName, 'Play');
            assert.equal(await c.waitFor(() => 42), 42, 'already true: resolves at once');
            await assert.rejects(c.waitFor(() => false, 20), /waitFor: condition not met within 20 ms/);
        } finally {
            await c.close();
        }
    });
});
