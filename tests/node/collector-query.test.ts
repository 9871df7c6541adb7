/** Local collector: GET /query/batches, the read-back endpoint for specs that run inside the channel. */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { startCollector } from '../../tools/collector';
import { postJson, request } from '../../tools/collector/client';
import { basicAuth, sampleBatch, sampleCustomEvent } from '../../tools/collector/samples';

const AUTH = { Authorization: basicAuth() };

describe('collector: /query/batches', () => {
    test('returns stored batches, filtered by batch_id and event_name, with how often each was posted', async () => {
        const c = await startCollector({ quiet: true });
        try {
            const first = sampleBatch({ events: [sampleCustomEvent('First Thing')] });
            const second = sampleBatch({ events: [sampleCustomEvent('Second Thing')] });
            assert.equal((await postJson(`${c.url}/v2/events`, first, AUTH)).status, 202);
            assert.equal((await postJson(`${c.url}/v2/events`, first, AUTH)).status, 202, 'a re-send is accepted');
            assert.equal((await postJson(`${c.url}/v2/events`, second, AUTH)).status, 202);

            const all = await request(`${c.url}/query/batches`);
            assert.equal(all.status, 200);
            assert.equal(all.headers['access-control-allow-origin'], '*');
            assert.deepEqual(all.json.batches.map((b: { batchId: string }) => b.batchId), [first.batch_id, second.batch_id]);

            const byId = await request(`${c.url}/query/batches?batch_id=${encodeURIComponent(first.batch_id)}`);
            assert.equal(byId.json.batches.length, 1);
            assert.equal(byId.json.batches[0].posts, 2);
            assert.equal(byId.json.batches[0].batch.events[0].data.event_name, 'First Thing');

            const byName = await request(`${c.url}/query/batches?event_name=${encodeURIComponent('Second Thing')}`);
            assert.deepEqual(byName.json.batches.map((b: { batchId: string }) => b.batchId), [second.batch_id]);

            const none = await request(`${c.url}/query/batches?batch_id=nope`);
            assert.deepEqual(none.json.batches, []);
        } finally {
            await c.close();
        }
    });

    test('takes GET only and never gets random faults', async () => {
        const c = await startCollector({ quiet: true, faults: { rate: 1, kinds: ['500'], seed: 3 } });
        try {
            assert.equal((await request(`${c.url}/query/batches`)).status, 200);
            assert.equal((await request(`${c.url}/query/batches`, { method: 'POST', body: {} })).status, 405);
            assert.equal(c.stats().faultsInjected.total, 0);
        } finally {
            await c.close();
        }
    });
});
