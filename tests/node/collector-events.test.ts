/** Local collector: CORS, the mParticle Events API (auth, validation, storage, dedupe) and data-plan checks. */
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { startCollector, type Collector } from '../../tools/collector';
import { postJson, request } from '../../tools/collector/client';
import { basicAuth, sampleBatch, sampleCustomEvent } from '../../tools/collector/samples';

const AUTH = { Authorization: basicAuth() };

describe('collector: CORS', () => {
    let c: Collector;
    before(async () => {
        c = await startCollector({ quiet: true });
    });
    after(() => c.close());

    test('answers a preflight with 204 and the requested headers', async () => {
        const res = await request(`${c.url}/v2/events`, {
            method: 'OPTIONS',
            headers: { Origin: 'http://127.0.0.1:9999', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type, x-custom-thing' }
        });
        assert.equal(res.status, 204);
        assert.equal(res.headers['access-control-allow-origin'], '*');
        const allowHeaders = String(res.headers['access-control-allow-headers']).toLowerCase();
        for (const h of ['*', 'authorization', 'content-type', 'x-custom-thing']) {
            assert.ok(allowHeaders.split(', ').includes(h), `${h} in ${allowHeaders}`);
        }
        assert.equal(res.headers['access-control-allow-methods'], 'GET, POST, OPTIONS, PUT, DELETE');
    });

    test('puts CORS headers on successes and errors alike', async () => {
        const ok = await postJson(`${c.url}/v2/events`, sampleBatch(), AUTH);
        const unauthorized = await postJson(`${c.url}/v2/events`, sampleBatch());
        const notFound = await request(`${c.url}/nope`);
        for (const res of [ok, unauthorized, notFound]) {
            assert.equal(res.headers['access-control-allow-origin'], '*');
            assert.match(String(res.headers['access-control-expose-headers']), /Retry-After/);
        }
        assert.deepEqual([ok.status, unauthorized.status, notFound.status], [202, 401, 404]);
    });

    test('answers health and summary', async () => {
        assert.deepEqual((await request(`${c.url}/health`)).json, { ok: true });
        const summary = (await request(`${c.url}/summary`)).json;
        assert.equal(typeof summary.batches, 'number');
        assert.equal(typeof summary.faultsInjected.total, 'number');
    });
});

describe('collector: mParticle Events API', () => {
    let c: Collector;
    const lines: string[] = [];
    before(async () => {
        c = await startCollector({ log: (line) => lines.push(line) });
    });
    after(() => c.close());

    test('stores a valid batch and answers 202 {}', async () => {
        const batch = sampleBatch();
        const res = await postJson(`${c.url}/v2/events`, batch, AUTH);
        assert.equal(res.status, 202);
        assert.deepEqual(res.json, {});
        const stored = c.batches().find((b) => b.batchId === batch.batch_id);
        assert.ok(stored);
        assert.equal(stored.mpid, '8675309');
        assert.equal(stored.environment, 'development');
        const events = c.events().filter((e) => e.batchId === batch.batch_id);
        assert.equal(events.length, 1);
        assert.equal(events[0].eventType, 'custom_event');
        assert.equal(events[0].eventName, 'Play');
        assert.equal(events[0].customEventType, 'media');
        assert.deepEqual(events[0].attributes, { content_id: 'ABC123', playhead_position: '1900' });
        assert.ok(lines.some((l) => l.startsWith('[mp] custom_event media "Play"') && l.includes('content_id=ABC123')), lines.join('\n'));
    });

    test('flattens every event type the SDK sends, in order', async () => {
        const batch = sampleBatch({
            events: [
                { event_type: 'session_start', data: { timestamp_unixtime_ms: 1, session_uuid: 's-1' } },
                { event_type: 'screen_view', data: { timestamp_unixtime_ms: 2, screen_name: 'Home', custom_attributes: { row: '1' } } },
                sampleCustomEvent('Pause', { content_id: 'ABC123' }),
                { event_type: 'user_attribute_change', data: { timestamp_unixtime_ms: 3, user_attribute_name: 'plan', old: null, new: 'gold', deleted: false, is_new_attribute: true } },
                {
                    event_type: 'user_identity_change',
                    data: { timestamp_unixtime_ms: 4, old: null, new: { identity_type: 'email', identity: 'a@b.c', timestamp_unixtime_ms: 4, created_this_batch: true } }
                },
                { event_type: 'opt_out', data: { timestamp_unixtime_ms: 5, is_opted_out: false } },
                { event_type: 'session_end', data: { timestamp_unixtime_ms: 6, session_uuid: 's-1', session_duration_ms: 5 } }
            ]
        });
        const res = await postJson(`${c.url}/v2/events`, batch, AUTH);
        assert.equal(res.status, 202, res.text);
        const events = c.events().filter((e) => e.batchId === batch.batch_id);
        assert.deepEqual(events.map((e) => e.eventType),
            ['session_start', 'screen_view', 'custom_event', 'user_attribute_change', 'user_identity_change', 'opt_out', 'session_end']);
        assert.deepEqual(events.map((e) => e.idx), [0, 1, 2, 3, 4, 5, 6]);
        assert.equal(events[1].eventName, 'Home');
        assert.equal(events[0].sessionUuid, 's-1');
        assert.equal(events[6].timestampMs, 6);
    });

    test('stores a re-sent batch_id once but answers 202 again', async () => {
        const batch = sampleBatch();
        const before = c.stats();
        const first = await postJson(`${c.url}/v2/events`, batch, AUTH);
        const second = await postJson(`${c.url}/v2/events`, batch, AUTH);
        assert.deepEqual([first.status, second.status], [202, 202]);
        assert.equal(c.batches().filter((b) => b.batchId === batch.batch_id).length, 1);
        assert.equal(c.events().filter((e) => e.batchId === batch.batch_id).length, 1);
        assert.equal(c.stats().duplicates, before.duplicates + 1);
        assert.ok(lines.includes(`[dup] batch ${batch.batch_id} already stored`));
        // The wire log is the wire: both sends are there.
        assert.equal(c.wireLog().filter((w) => (w.body as { batch_id?: string }).batch_id === batch.batch_id).length, 2);
    });

    test('401 for missing or wrong credentials, counted apart from malformed', async () => {
        const before = c.stats();
        const missing = await postJson(`${c.url}/v2/events`, sampleBatch());
        const wrong = await postJson(`${c.url}/v2/events`, sampleBatch(), { Authorization: basicAuth('test-api-key', 'nope') });
        const bearer = await postJson(`${c.url}/v2/events`, sampleBatch(), { Authorization: 'Bearer abc' });
        assert.deepEqual([missing.status, wrong.status, bearer.status], [401, 401, 401]);
        const after = c.stats();
        assert.equal(after.unauthorized, before.unauthorized + 3);
        assert.equal(after.malformed, before.malformed);
        assert.equal(after.batches, before.batches);
    });

    async function expectMalformed(body: unknown, reason: RegExp, headers: Record<string, string> = {}) {
        const before = c.stats();
        const res = await postJson(`${c.url}/v2/events`, body, { 'Content-Type': 'application/json', ...AUTH, ...headers });
        assert.equal(res.status, 400, res.text);
        assert.ok(Array.isArray(res.json.errors));
        assert.ok(res.json.errors.some((e: string) => reason.test(e)), `${reason} in ${JSON.stringify(res.json.errors)}`);
        const entry = c.malformed().at(-1);
        assert.ok(entry);
        assert.equal(entry.api, 'mparticle');
        assert.equal(entry.status, 400);
        assert.ok(entry.reasons.some((r) => reason.test(r)));
        assert.equal(c.stats().batches, before.batches, 'nothing stored');
        assert.equal(c.stats().malformed, before.malformed + 1);
    }

    test('400 + malformed for invalid JSON', async () => {
        await expectMalformed('{"environment": "development",', /invalid JSON/);
    });

    test('400 + malformed for missing required fields', async () => {
        const { batch_id: _omit, ...noBatchId } = sampleBatch();
        await expectMalformed(noBatchId, /^batch_id: required field missing$/);
        const { mpid: _mpid, ...noMpid } = sampleBatch();
        await expectMalformed(noMpid, /^mpid: required field missing$/);
        await expectMalformed(sampleBatch({ events: [sampleCustomEvent('Play', {}, { session_uuid: undefined })] }),
            /^events\[0\]\.data\.session_uuid: required field missing$/);
        await expectMalformed(sampleBatch({ events: [{ event_type: 'custom_event' }] }), /^events\[0\]\.data: required field missing$/);
    });

    test('400 + malformed for a non-string custom attribute value', async () => {
        const event = sampleCustomEvent('Play');
        (event.data.custom_attributes as Record<string, unknown>) = { content_id: 'ABC123', playhead_position: 1900 };
        await expectMalformed(sampleBatch({ events: [event] }), /^events\[0\]\.data\.custom_attributes\.playhead_position: expected string, got number 1900$/);
    });

    test('400 + malformed for values outside the event-models enums and wrong types', async () => {
        await expectMalformed(sampleBatch({ environment: 'staging' }), /^environment: "staging" is not one of development, production$/);
        await expectMalformed(sampleBatch({ events: [sampleCustomEvent('Play', {}, { custom_event_type: 'video' })] }), /custom_event_type: "video" is not one of/);
        await expectMalformed(sampleBatch({ events: [{ event_type: 'media_event', data: { timestamp_unixtime_ms: 1 } }] }), /event_type: "media_event" is not a valid event_type/);
        await expectMalformed(sampleBatch({ timestamp_unixtime_ms: '1700000000000' }), /^timestamp_unixtime_ms: expected non-negative 64-bit integer \(ms\)/);
        await expectMalformed(sampleBatch({ events: [sampleCustomEvent('Play', {}, { timestamp_unixtime_ms: 1.7e12 + 0.5 })] }), /timestamp_unixtime_ms: expected non-negative 64-bit integer/);
        // Beyond int64 (a clock that wrapped, a Double written as a number): refused.
        await expectMalformed(sampleBatch({ events: [sampleCustomEvent('Play', {}, { timestamp_unixtime_ms: 1e300 })] }), /timestamp_unixtime_ms: expected non-negative 64-bit integer/);
        await expectMalformed(sampleBatch({ mpid: 'abc' }), /^mpid: expected signed 64-bit integer/);
        await expectMalformed(sampleBatch({ user_identities: { customerid: 'x' } }), /^user_identities\.customerid: not an identity type/);
        await expectMalformed([sampleBatch()], /expected a JSON object/);
    });

    test('stores and shows commerce events, consent, integration attributes and the data plan context', async () => {
        const commerce = {
            event_type: 'commerce_event',
            data: {
                timestamp_unixtime_ms: 1700000000000,
                source_message_id: 'm-commerce',
                session_uuid: 's-1',
                session_start_unixtime_ms: 1699999990000,
                custom_event_type: 'purchase',
                currency_code: 'USD',
                screen_name: 'Checkout',
                custom_attributes: { coupon: 'yes' },
                product_action: {
                    action: 'purchase', total_amount: 123.45, checkout_step: 5, shipping_amount: 33.42,
                    products: [{ id: 'foo-sku', name: 'foo-name', price: 123.45, quantity: 1, total_product_amount: 123.45, custom_attributes: {} }]
                },
                promotion_action: { action: 'view', promotions: [{ id: 'p', name: 'n', creative: 'c', position: 'top' }] },
                product_impressions: [{ product_impression_list: 'foo-list', products: [{ id: 'foo-sku' }] }]
            }
        };
        const batch = sampleBatch({
            events: [commerce],
            consent_state: {
                gdpr: { functional: { consented: false, timestamp_unixtime_ms: 1700000000000, document: 'agreement.v2' } },
                ccpa: { data_sale_opt_out: { consented: true, timestamp_unixtime_ms: 1700000000000 } }
            },
            integration_attributes: { 160: { app_instance_id: 'x' } },
            context: { data_plan: { plan_id: 'roku_media_sdk', plan_version: 1 } }
        });
        const res = await postJson(`${c.url}/v2/events`, batch, AUTH);
        assert.equal(res.status, 202, res.text);
        const stored = c.events().find((e) => e.batchId === batch.batch_id);
        assert.equal(stored?.eventType, 'commerce_event');
        assert.equal(stored?.customEventType, 'purchase');
        assert.equal(stored?.eventName, null);
        assert.ok(lines.some((l) => l.includes('commerce_event product_action=purchase products=1 total=123.45 promotion_action=view promotions=1 impressions=1')), lines.join('\n'));
        assert.ok(lines.some((l) => l.includes('gdpr=functional:no ccpa=yes ia.160.app_instance_id=x plan=roku_media_sdk@1')), lines.join('\n'));
    });

    test('400 + malformed for commerce, consent and integration attributes outside the Events API model', async () => {
        const commerce = (data: Record<string, unknown>) => sampleBatch({
            events: [{ event_type: 'commerce_event', data: { timestamp_unixtime_ms: 1, source_message_id: 'm', session_uuid: 's', session_start_unixtime_ms: 1, ...data } }]
        });
        await expectMalformed(commerce({}), /commerce_event needs product_action, promotion_action or product_impressions/);
        await expectMalformed(commerce({ product_action: { action: 'view' } }), /product_action\.action: "view" is not one of/);
        await expectMalformed(commerce({ product_action: { action: 'purchase', products: [{ price: '12' }] } }), /products\[0\]\.price: expected finite number/);
        await expectMalformed(commerce({ promotion_action: { action: 'view' } }), /promotion_action\.promotions: required field missing/);
        await expectMalformed(sampleBatch({ consent_state: { gdpr: { Functional: { consented: true } } } }), /consent_state\.gdpr\.Functional: purposes are lowercase/);
        await expectMalformed(sampleBatch({ consent_state: { ccpa: { data_sale_opt_out: { consented: 'yes' } } } }), /consented: expected boolean/);
        await expectMalformed(sampleBatch({ integration_attributes: { ga4: { id: 'x' } } }), /integration_attributes\.ga4: integration ids are whole numbers/);
        await expectMalformed(sampleBatch({ integration_attributes: { 160: { id: 7 } } }), /integration_attributes\.160\.id: expected string/);
        await expectMalformed(sampleBatch({ context: { data_plan: { plan_version: 1 } } }), /context\.data_plan\.plan_id: required field missing/);
    });

    test('400 + malformed for a wrong Content-Type', async () => {
        await expectMalformed(JSON.stringify(sampleBatch()), /Content-Type must be application\/json/, { 'Content-Type': 'text/plain' });
    });

    test('accepts mpid as a number and Content-Type with a charset', async () => {
        const res = await postJson(`${c.url}/v2/events`, sampleBatch({ mpid: -42 }), { ...AUTH, 'Content-Type': 'application/json; charset=utf-8' });
        assert.equal(res.status, 202, res.text);
    });

    test('405 for the wrong method, 404 for unknown paths (both recorded as malformed)', async () => {
        const get = await request(`${c.url}/v2/events`, { headers: AUTH });
        assert.equal(get.status, 405);
        const unknown = await postJson(`${c.url}/v2/eventz`, sampleBatch(), AUTH);
        assert.equal(unknown.status, 404);
        assert.deepEqual(c.malformed().slice(-2).map((m) => [m.status, m.path]), [[405, '/v2/events'], [404, '/v2/eventz']]);
    });

    test('checks configured credentials', async () => {
        const custom = await startCollector({ quiet: true, apiKey: 'k', apiSecret: 's' });
        try {
            assert.equal((await postJson(`${custom.url}/v2/events`, sampleBatch(), AUTH)).status, 401);
            assert.equal((await postJson(`${custom.url}/v2/events`, sampleBatch(), { Authorization: basicAuth('k', 's') })).status, 202);
        } finally {
            await custom.close();
        }
    });
});

describe('collector: data plan', () => {
    const plan = {
        version_document: {
            data_points: [
                {
                    match: { type: 'custom_event', criteria: { event_name: 'Play', custom_event_type: 'media' } },
                    validator: {
                        type: 'json_schema',
                        definition: {
                            properties: {
                                data: {
                                    properties: {
                                        custom_attributes: {
                                            additionalProperties: false,
                                            properties: { content_id: { type: 'string' }, playhead_position: { type: 'string' } },
                                            required: ['content_id']
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            ]
        }
    };

    test('accepts violating batches (202) but records and prints the violations', async () => {
        const lines: string[] = [];
        const c = await startCollector({ dataPlan: plan, log: (l) => lines.push(l) });
        try {
            const planned = await postJson(`${c.url}/v2/events`, sampleBatch(), AUTH);
            assert.equal(planned.status, 202);
            assert.deepEqual(c.planViolations(), [], 'a planned, valid event and a batch without a user_attributes point raise nothing');

            const batch = sampleBatch({
                events: [
                    sampleCustomEvent('Play', { content_id: 'ABC123', extra: 'x' }),
                    sampleCustomEvent('Pause', {}),
                    { event_type: 'user_attribute_change', data: { timestamp_unixtime_ms: 3, user_attribute_name: 'plan', old: null, new: 'gold', deleted: false, is_new_attribute: true } }
                ]
            });
            const res = await postJson(`${c.url}/v2/events`, batch, AUTH);
            assert.equal(res.status, 202);
            assert.equal(c.events().filter((e) => e.batchId === batch.batch_id).length, 3, 'stored despite violations');
            const violations = c.planViolations();
            assert.equal(violations.length, 2, JSON.stringify(violations));
            assert.ok(violations.every((v) => v.batchId === batch.batch_id));
            assert.ok(violations[0].errors.some((e) => e.validation_error_type === 'unplanned' && e.key === 'extra'));
            assert.ok(violations[1].errors.some((e) => e.validation_error_type === 'unplanned' && e.key === 'Pause'));
            assert.equal(c.stats().planViolations, 2);
            assert.ok(lines.some((l) => l.startsWith('[plan]') && l.includes('Pause')));
        } finally {
            await c.close();
        }
    });

    test('takes a bare version document too, and refuses a plan without data points', async () => {
        const c = await startCollector({ quiet: true, dataPlan: plan.version_document });
        try {
            await postJson(`${c.url}/v2/events`, sampleBatch({ events: [sampleCustomEvent('Stop', {})] }), AUTH);
            assert.equal(c.planViolations().length, 1);
        } finally {
            await c.close();
        }
        await assert.rejects(startCollector({ quiet: true, dataPlan: { name: 'nothing' } }), /data plan must be/);
    });
});
