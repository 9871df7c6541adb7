/** Local collector: seeded random faults, forceResponses and down mode. */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { startCollector, type Collector, type FaultOptions } from '../../tools/collector';
import { postJson, request } from '../../tools/collector/client';
import { seededRandom } from '../../tools/collector/faults';
import { basicAuth, sampleBatch } from '../../tools/collector/samples';

const AUTH = { Authorization: basicAuth() };

async function withCollector(options: Parameters<typeof startCollector>[0], fn: (c: Collector) => Promise<void>) {
    const c = await startCollector({ quiet: true, ...options });
    try {
        await fn(c);
    } finally {
        await c.close();
    }
}

/** Sends n fresh batches one after another; a dropped connection shows as 'drop'. */
async function sendBatches(c: Collector, n: number): Promise<Array<{ batchId: string; outcome: number | 'drop' }>> {
    const results: Array<{ batchId: string; outcome: number | 'drop' }> = [];
    for (let i = 0; i < n; i++) {
        const batch = sampleBatch();
        const outcome = await postJson(`${c.url}/v2/events`, batch, AUTH).then((r) => r.status, () => 'drop' as const);
        results.push({ batchId: batch.batch_id, outcome });
    }
    return results;
}

describe('collector: random faults', () => {
    const faults: FaultOptions = { rate: 0.5, kinds: ['500', '429', '503', 'drop'], seed: 42, retryAfterSec: 3 };

    test('the PRNG is deterministic per seed', () => {
        const a = seededRandom(7);
        const b = seededRandom(7);
        const c = seededRandom(8);
        const seqA = Array.from({ length: 5 }, a);
        assert.deepEqual(seqA, Array.from({ length: 5 }, b));
        assert.notDeepEqual(seqA, Array.from({ length: 5 }, c));
        assert.ok(seqA.every((x) => x >= 0 && x < 1));
    });

    test('the same seed faults the same requests the same way; faulted batches are not stored', async () => {
        const runs: Array<Array<number | 'drop'>> = [];
        for (let run = 0; run < 2; run++) {
            await withCollector({ faults }, async (c) => {
                const results = await sendBatches(c, 24);
                runs.push(results.map((r) => r.outcome));
                const accepted = results.filter((r) => r.outcome === 202).map((r) => r.batchId);
                assert.deepEqual(c.batches().map((b) => b.batchId), accepted, 'exactly the accepted batches are stored');
                const faulted = results.length - accepted.length;
                assert.ok(faulted > 0 && accepted.length > 0, `a mix at rate 0.5: ${JSON.stringify(runs[run])}`);
                assert.equal(c.stats().faultsInjected.total, faulted);
                assert.equal(c.wireLog().length, 24, 'faulted requests are still on the wire');
                assert.equal(c.wireLog().filter((w) => w.fault !== undefined).length, faulted);
            });
        }
        assert.deepEqual(runs[0], runs[1]);
    });

    test('429 and 503 carry Retry-After (readable cross-origin)', async () => {
        await withCollector({ faults: { rate: 1, kinds: ['429'], retryAfterSec: 2 } }, async (c) => {
            const res = await postJson(`${c.url}/v2/events`, sampleBatch(), AUTH);
            assert.equal(res.status, 429);
            assert.equal(res.headers['retry-after'], '2');
            assert.equal(res.headers['access-control-allow-origin'], '*');
            assert.match(String(res.headers['access-control-expose-headers']), /Retry-After/);
            assert.equal(c.batches().length, 0);
            c.setFaults({ rate: 1, kinds: ['503'] });
            const unavailable = await postJson(`${c.url}/v2/events`, sampleBatch(), AUTH);
            assert.equal(unavailable.status, 503);
            assert.equal(unavailable.headers['retry-after'], '1', 'default Retry-After is 1');
        });
    });

    test('drop destroys the connection: fetch sees a network error', async () => {
        await withCollector({ faults: { rate: 1, kinds: ['drop'] } }, async (c) => {
            await assert.rejects(fetch(`${c.url}/v2/events`, { method: 'POST', headers: { ...AUTH, 'Content-Type': 'application/json' }, body: JSON.stringify(sampleBatch()) }), TypeError);
            assert.equal(c.batches().length, 0);
            assert.equal(c.stats().faultsInjected.drop, 1);
            assert.equal(c.wireLog()[0].fault, 'drop');
            assert.equal(c.wireLog()[0].status, undefined);
        });
    });

    test('a drop after earlier traffic still reaches fetch (no keep-alive to retry on)', async () => {
        await withCollector({}, async (c) => {
            const first = await fetch(`${c.url}/health`);
            assert.equal(first.headers.get('connection'), 'close');
            await first.text();
            c.forceResponses('/v2/events', ['drop']);
            await assert.rejects(fetch(`${c.url}/v2/events`, { method: 'POST', headers: { ...AUTH, 'Content-Type': 'application/json' }, body: JSON.stringify(sampleBatch()) }), TypeError);
            assert.equal(c.wireLog().filter((w) => w.path === '/v2/events').length, 1, 'sent once, not retried behind our back');
        });
    });

    test('slow stores at once but answers late', async () => {
        await withCollector({ faults: { rate: 1, kinds: ['slow'], slowMs: 300 } }, async (c) => {
            let answered = false;
            const pending = postJson(`${c.url}/v2/events`, sampleBatch(), AUTH).then((r) => {
                answered = true;
                return r;
            });
            await c.waitFor((x) => x.batches().length === 1);
            assert.equal(answered, false, 'stored before the response went out');
            assert.equal((await pending).status, 202);
            assert.equal(c.stats().faultsInjected.slow, 1);
        });
    });

    test('paths limits faults; /health is left alone by default', async () => {
        await withCollector({ faults: { rate: 1, kinds: ['500'], paths: '/ee/' } }, async (c) => {
            assert.equal((await postJson(`${c.url}/v2/events`, sampleBatch(), AUTH)).status, 202);
            assert.equal((await postJson(`${c.url}/ee/va/v1/play?configId=x`, {})).status, 500);
        });
        await withCollector({ faults: { rate: 1, kinds: ['500'] } }, async (c) => {
            assert.equal((await request(`${c.url}/health`)).status, 200);
        });
    });

    test('setFaults switches faults on and off at runtime; bad settings throw', async () => {
        await withCollector({}, async (c) => {
            assert.equal((await postJson(`${c.url}/v2/events`, sampleBatch(), AUTH)).status, 202);
            c.setFaults({ rate: 1, kinds: ['500'] });
            assert.equal((await postJson(`${c.url}/v2/events`, sampleBatch(), AUTH)).status, 500);
            c.setFaults(undefined);
            assert.equal((await postJson(`${c.url}/v2/events`, sampleBatch(), AUTH)).status, 202);
            assert.throws(() => c.setFaults({ rate: 2, kinds: ['500'] }), /within 0\.\.1/);
            assert.throws(() => c.setFaults({ rate: 0.5, kinds: ['418' as never] }), /unknown fault kind/);
        });
    });
});

describe('collector: forceResponses', () => {
    test('[500, 500, 202]: fails twice, then processes the third for real', async () => {
        await withCollector({}, async (c) => {
            c.forceResponses('/v2/events', [500, 500, 202]);
            const batch = sampleBatch();
            const statuses: number[] = [];
            for (let i = 0; i < 4; i++) {
                statuses.push((await postJson(`${c.url}/v2/events`, batch, AUTH)).status);
            }
            assert.deepEqual(statuses, [500, 500, 202, 202]);
            assert.equal(c.batches().length, 1);
            assert.equal(c.stats().duplicates, 1, 'the fourth send was the real dedupe path');
            assert.equal(c.stats().faultsInjected.forced, 2);
            assert.deepEqual(c.wireLog().map((w) => w.fault), ['forced', 'forced', undefined, undefined]);
        });
    });

    test('only the given path, RegExp paths, Retry-After, drop, and 2xx still validating', async () => {
        await withCollector({}, async (c) => {
            c.forceResponses('/v2/events', [{ status: 429, retryAfterSec: 9 }, 503, 'drop']);
            c.forceResponses(/^\/v1\/(identify|login)$/, [500]);
            assert.equal((await request(`${c.url}/health`)).status, 200, 'other paths untouched');
            const limited = await postJson(`${c.url}/v2/events`, sampleBatch(), AUTH);
            assert.deepEqual([limited.status, limited.headers['retry-after']], [429, '9']);
            const unavailable = await postJson(`${c.url}/v2/events`, sampleBatch(), AUTH);
            assert.deepEqual([unavailable.status, unavailable.headers['retry-after']], [503, '1']);
            await assert.rejects(postJson(`${c.url}/v2/events`, sampleBatch(), AUTH));
            assert.equal((await postJson(`${c.url}/v1/login`, {}, { 'x-mp-key': 'test-api-key' })).status, 500);
            assert.equal((await postJson(`${c.url}/v2/events`, sampleBatch(), AUTH)).status, 202, 'queue used up');
            c.forceResponses('/v2/events', [202]);
            assert.equal((await postJson(`${c.url}/v2/events`, { bad: true }, AUTH)).status, 400, 'a forced 2xx still goes through validation');
            assert.throws(() => c.forceResponses('/v2/events', [99]), /HTTP status/);
            assert.throws(() => c.forceResponses('/v2/events', [{ slowMs: -1 }]), /slowMs/);
        });
    });

    test('{ slowMs }: stored at once, the real answer sent late; the next request is answered at once', async () => {
        await withCollector({}, async (c) => {
            c.forceResponses('/v2/events', [{ slowMs: 400 }]);
            const batch = sampleBatch();
            let answered = false;
            const late = postJson(`${c.url}/v2/events`, batch, AUTH).then((r) => {
                answered = true;
                return r;
            });
            await c.waitFor((x) => x.batches().length === 1);
            assert.equal(answered, false, 'stored before the answer went out');
            // A client that gave up re-sends: answered at once, kept once.
            assert.equal((await postJson(`${c.url}/v2/events`, batch, AUTH)).status, 202);
            assert.equal(answered, false, 'the re-send was answered before the slow one');
            assert.equal((await late).status, 202);
            assert.equal(c.batches().length, 1);
            assert.equal(c.stats().faultsInjected.forced, 1);
            assert.deepEqual(c.wireLog().map((w) => w.fault), ['forced', undefined]);
        });
    });
});

describe('collector: down mode', () => {
    test('setDown(true) refuses everything until setDown(false)', async () => {
        await withCollector({}, async (c) => {
            assert.equal((await request(`${c.url}/health`)).status, 200);
            c.setDown(true);
            await assert.rejects(request(`${c.url}/health`));
            await assert.rejects(fetch(`${c.url}/v2/events`, { method: 'POST', headers: AUTH, body: JSON.stringify(sampleBatch()) }), TypeError);
            assert.equal(c.stats().refusedConnections >= 2, true);
            assert.equal(c.batches().length, 0);
            c.setDown(false);
            assert.equal((await postJson(`${c.url}/v2/events`, sampleBatch(), AUTH)).status, 202);
            assert.deepEqual(c.wireLog().map((w) => w.path), ['/health', '/v2/events'], 'refused connections never reach the wire log');
        });
    });

    test('setDown(true) also cuts responses still in flight', async () => {
        await withCollector({ faults: { rate: 1, kinds: ['slow'], slowMs: 60_000 } }, async (c) => {
            const pending = postJson(`${c.url}/v2/events`, sampleBatch(), AUTH);
            await c.waitFor((x) => x.batches().length === 1);
            c.setDown(true);
            await assert.rejects(pending);
        });
    });
});
