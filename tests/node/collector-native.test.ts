/**
 * Local collector: mParticle's native SDK endpoint (POST /v2/{apiKey}/events). The request signature is checked
 * as the service checks it (401 for a wrong secret, a changed body or path, a missing signature, an unknown key),
 * the native batch is stored in the Events API model, and the answer carries cookies for the next batches.
 * The signature itself is checked against Node's crypto with the fixture the Rooibos specs sign too.
 */
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createHmac } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { startCollector, type Collector } from '../../tools/collector';
import { postJson, postSigned } from '../../tools/collector/client';
import { requestSignature, signatureDate, signedHeaders, SIGNATURE_DATE_WINDOW_SEC } from '../../tools/collector/auth';
import { sampleNativeBatch, sampleNativeMessage } from '../../tools/collector/samples';

const FIXTURE = path.join(__dirname, '..', 'specs', 'task', 'fixtures', 'native-signature.json');
const CREDENTIALS = { apiKey: 'test-api-key', apiSecret: 'test-api-secret' };
const PATH = '/v2/test-api-key/events';

describe('request signature', () => {
    const fixture = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as {
        dateMs: number; date: string;
        vectors: Array<{ secret: string; method: string; date: string; path: string; body: string; signature: string }>;
    };

    test('the fixture the SDK is checked against is HMAC-SHA256 as Node computes it', () => {
        assert.ok(fixture.vectors.length >= 3);
        for (const v of fixture.vectors) {
            const expected = createHmac('sha256', Buffer.from(v.secret, 'utf8')).update(`${v.method}\n${v.date}\n${v.path}${v.body}`, 'utf8').digest('hex');
            assert.equal(v.signature, expected, v.path);
            assert.equal(requestSignature(v.secret, v.method, v.date, v.path, v.body), expected);
        }
        assert.ok(fixture.vectors.some((v) => /[^\x00-\x7f]/.test(v.body + v.secret)), 'UTF-8 beyond ASCII is covered');
        assert.equal(signatureDate(fixture.dateMs), fixture.date);
    });
});

describe('collector: native SDK endpoint', () => {
    let c: Collector;
    before(async () => {
        c = await startCollector({ quiet: true });
    });
    after(() => c.close());

    const post = (body: unknown, headers?: Record<string, string>, apiKeyInPath = 'test-api-key') =>
        postSigned(`${c.url}/v2/${apiKeyInPath}/events`, body, CREDENTIALS, headers);

    test('stores a signed native batch in the Events API model and answers 202 with cookies', async () => {
        const batch = sampleNativeBatch();
        const res = await post(batch);
        assert.equal(res.status, 202, res.text);
        assert.equal(res.json.ci.mpid, '8675309');
        assert.equal(res.json.ci.das, 'das-sample');
        assert.match(res.json.ci.ck.uid.c, /^[0-9a-f]{24}$/);
        assert.ok(Date.parse(res.json.ci.ck.uid.e) > Date.now(), 'the cookie is valid for a while');
        const stored = c.batches().find((b) => b.batchId === batch.id);
        assert.ok(stored);
        assert.equal(stored.batch.environment, 'development');
        assert.equal(stored.batch.mp_deviceid, 'das-sample');
        assert.deepEqual(stored.batch.user_identities, { customer_id: 'cust-1' });
        assert.deepEqual(stored.batch.application_info, { os: 'Roku', application_name: 'Sample Channel', application_version: '1.0.0', package: 'dev' });
        const event = c.events().find((e) => e.batchId === batch.id);
        assert.equal(event?.eventType, 'custom_event');
        assert.equal(event?.eventName, 'Play');
        assert.equal(event?.customEventType, 'media');
        assert.deepEqual(event?.attributes, { content_id: 'ABC123', playhead_position: '1900' });
        const again = await post(batch);
        assert.equal(again.status, 202, 'a re-send is answered the same');
        assert.equal(c.batches().filter((b) => b.batchId === batch.id).length, 1, 'and stored once');
    });

    test('401 for a wrong secret, a changed body, path or Date, a missing signature or an unknown key', async () => {
        const batch = sampleNativeBatch();
        const text = JSON.stringify(batch);
        const before = c.stats();
        const old = signatureDate(Date.now() - (SIGNATURE_DATE_WINDOW_SEC + 60) * 1000);
        const replies = [
            await postSigned(`${c.url}${PATH}`, batch, { ...CREDENTIALS, apiSecret: 'wrong secret' }),
            await post({ ...batch, mpid: '1' }, signedHeaders(CREDENTIALS, PATH, text)),
            await post(batch, signedHeaders(CREDENTIALS, '/v2/another/events', text)),
            await post(batch, { Date: signatureDate(Date.now() - 5000) }),
            await postJson(`${c.url}${PATH}`, batch),
            await post(batch, {}, 'another-key'),
            await postJson(`${c.url}${PATH}`, text, { 'Content-Type': 'application/json', 'x-mp-signature': requestSignature(CREDENTIALS.apiSecret, 'POST', old, PATH, text) })
        ];
        assert.deepEqual(replies.map((r) => r.status), [401, 401, 401, 401, 401, 401, 401]);
        assert.equal(c.stats().unauthorized, before.unauthorized + replies.length);
        assert.equal(c.batches().filter((b) => b.batchId === batch.id).length, 0, 'nothing stored');
    });

    test('without a Date header (a browser drops it) a signature made within the window is accepted', async () => {
        const batch = sampleNativeBatch();
        const text = JSON.stringify(batch);
        const date = signatureDate(Date.now() - 30_000);
        const headers = signedHeaders(CREDENTIALS, PATH, text, date);
        delete headers.Date;
        const res = await postJson(`${c.url}${PATH}`, text, headers);
        assert.equal(res.status, 202, res.text);
    });

    test('400 and listed as malformed: bad native batches, even when signed', async () => {
        const before = c.stats();
        const cases: Array<[unknown, RegExp]> = [
            [sampleNativeBatch({ dt: 'x' }), /^dt: "x" is not one of h$/],
            [sampleNativeBatch({ msgs: [sampleNativeMessage('Play', {}, { dt: 'zz' })] }), /^msgs\[0\]\.dt: "zz" is not a message type/],
            [sampleNativeBatch({ msgs: [sampleNativeMessage('Play', { n: 5 as unknown as string })] }), /^msgs\[0\]\.attrs\.n: expected string/],
            [sampleNativeBatch({ msgs: [sampleNativeMessage('Play', {}, { et: 'Bogus' })] }), /^msgs\[0\]\.et: "Bogus" is not one of/],
            [sampleNativeBatch({ ui: [{ n: 8, i: 'x' }] }), /^ui\[0\]\.n: 8 is not one of/],
            [sampleNativeBatch({ msgs: [sampleNativeMessage('Buy', {}, { dt: 'cm', n: undefined, et: undefined, pd: { an: 'steal', pl: [] } })] }), /^msgs\[0\]\.pd\.an: "steal" is not one of/],
            [sampleNativeBatch({ msgs: [sampleNativeMessage('Buy', {}, { dt: 'cm', n: undefined, et: undefined, pd: { an: 'purchase', pl: [{ pr: '9' }] } })] }), /^msgs\[0\]\.pd\.pl\[0\]\.pr: expected finite number/],
            [sampleNativeBatch({ msgs: [sampleNativeMessage('Buy', {}, { dt: 'cm', n: undefined, et: undefined })] }), /^msgs\[0\]: cm needs pd, pm or pi/],
            [sampleNativeBatch({ msgs: [sampleNativeMessage('Crumb', {}, { dt: 'b', n: undefined, et: undefined })] }), /^msgs\[0\]\.l: required field missing/],
            [sampleNativeBatch({ con: { ccpa: { data_sale_opt_out: { c: 'yes' } } } }), /^con\.ccpa\.data_sale_opt_out\.c: expected boolean/],
            [sampleNativeBatch({ ctx: { dpln: { v: 2 } } }), /^ctx\.dpln\.id: required field missing/],
            ['{not json', /invalid JSON/]
        ];
        for (const [body, reason] of cases) {
            const res = await post(body);
            assert.equal(res.status, 400, `${JSON.stringify(body).slice(0, 80)}: ${res.text}`);
            assert.match(String(res.json.errors[0]), reason);
        }
        assert.equal(c.stats().malformed, before.malformed + cases.length);
    });
});
