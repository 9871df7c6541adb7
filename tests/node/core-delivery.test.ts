/**
 * The core on the real Task against a collector that fails requests at random (HTTP 500, 429 and 503
 * with Retry-After, dropped connections), with a restart of the channel half-way, on both transports
 * (native, the default, and the Events API): every event the scenario logged is stored exactly once, a
 * batch that got a 2xx is never sent again by the same Task, re-sends keep their batch_id, and nothing is
 * malformed. Scenario: tests/scenarios/core-delivery.brs.
 */
import { before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { runScenario, type ScenarioResult } from '../../tools/simulate/runScenario';
import { uploadedBatchId, uploadTransport, type Transport } from '../../tools/collector';
import { nativeCookies } from '../../tools/collector/native-api';

const SCENARIO = path.join(__dirname, '..', 'scenarios', 'core-delivery.brs');
const LOGGED = [...Array.from({ length: 40 }, (_, i) => `Delivery ${i + 1}`), 'Delivery after timeout'];
const SCREENS = ['Screen 10', 'Screen 20', 'Screen 30', 'Screen 40'];

function countBy(names: Array<string | null>): Map<string, number> {
    const counts = new Map<string, number>();
    for (const name of names) {
        if (name !== null) {
            counts.set(name, (counts.get(name) ?? 0) + 1);
        }
    }
    return counts;
}

const postedBatchId = uploadedBatchId;

/** The wire log split at the restart marker (GET /health?restart=1): what each Task sent. */
function byTask(result: ScenarioResult): Array<ScenarioResult['wireLog']> {
    const runs: Array<ScenarioResult['wireLog']> = [[]];
    for (const entry of result.wireLog) {
        if (entry.path === '/health' && entry.query.restart !== undefined) {
            runs.push([]);
        } else {
            runs[runs.length - 1].push(entry);
        }
    }
    return runs;
}

function faultyRun(transport: Transport): Promise<ScenarioResult> {
    return runScenario({
        scenario: SCENARIO,
        timeoutMs: 900_000,
        options: { transport, persistenceBudgetBytes: 12288 },
        collector: { faults: { rate: 0.4, kinds: ['500', '429', '503', 'drop'], seed: 20261122, retryAfterSec: 2 } }
    });
}

function checkDelivery(result: ScenarioResult) {
    assert.equal(result.exitCode, 0, result.failure);
    assert.deepEqual(result.malformed, []);
    const custom = countBy(result.events.filter((e) => e.eventType === 'custom_event').map((e) => e.eventName));
    for (const name of LOGGED) {
        assert.equal(custom.get(name), 1, `${name} stored ${custom.get(name) ?? 0} times`);
    }
    const screens = countBy(result.events.filter((e) => e.eventType === 'screen_view').map((e) => e.eventName));
    for (const name of SCREENS) {
        assert.equal(screens.get(name), 1, `${name} stored ${screens.get(name) ?? 0} times`);
    }
    // Each event is in exactly one batch (no event was put into two batches under different ids).
    const messageIds = result.events.map((e) => (e.event.data as { source_message_id?: string } | undefined)?.source_message_id);
    assert.equal(new Set(messageIds).size, messageIds.length, 'every source_message_id stored once');
    // Every attribute value is a string (the collector's validator also refuses anything else).
    const delivery = result.events.find((e) => e.eventName === 'Delivery 2');
    assert.deepEqual(delivery?.attributes, { index: '2', even: 'true', ratio: '0.5', title: 'Say "hi"' });
    // A batch is never sent again by the Task that saw its 2xx; the next launch may re-send one whose 2xx came
    // after the last registry write (same batch_id, stored once: checked above).
    const runs = byTask(result);
    assert.equal(runs.length, 2, 'the scenario restarted the channel once');
    const accepted = new Set<string>();
    for (const run of runs) {
        const acceptedHere = new Set<string>();
        for (const entry of run) {
            const id = postedBatchId(entry);
            if (id === undefined) {
                continue;
            }
            assert.ok(!acceptedHere.has(id), `batch ${id} was sent again after a 2xx`);
            if (entry.status !== undefined && entry.status >= 200 && entry.status < 300 && entry.fault === undefined) {
                acceptedHere.add(id);
                accepted.add(id);
            }
        }
    }
    assert.equal(accepted.size, result.batches.length, 'every stored batch was accepted');
}

describe('core delivery', { timeout: 2_400_000 }, () => {
    let clean: ScenarioResult;
    let faulty: ScenarioResult;
    let faultyEventsApi: ScenarioResult;

    before(async () => {
        clean = await runScenario({ scenario: SCENARIO, timeoutMs: 600_000, options: { persistenceBudgetBytes: 12288 } });
        [faulty, faultyEventsApi] = await Promise.all([faultyRun('native'), faultyRun('eventsApi')]);
    });

    test('a clean run stores every logged event once', () => {
        checkDelivery(clean);
    });

    test('on the Events API transport too, with 40% of requests failing and a restart', () => {
        checkDelivery(faultyEventsApi);
        assert.ok(faultyEventsApi.wireLog.some((e) => e.path === '/v2/events'), 'uploads went to the Events API');
    });

    test('with 40% of requests failing and a restart, every logged event is still stored exactly once', () => {
        checkDelivery(faulty);
        assert.ok(faulty.wireLog.some((e) => e.path === '/v2/test-api-key/events'), 'uploads went to the native endpoint');
        const faults = faulty.wireLog.filter((e) => e.fault !== undefined);
        assert.ok(faults.length >= 3, `faults were injected (${faults.length})`);
        const faultedBatches = faults.map(postedBatchId).filter((id): id is string => id !== undefined);
        assert.ok(faultedBatches.length > 0, 'some batch uploads failed');
        // A failed batch came back with the same batch_id and was stored.
        const stored = new Set(faulty.batches.map((b) => b.batchId));
        for (const id of faultedBatches) {
            assert.ok(stored.has(id), `batch ${id} was retried under the same id and stored`);
        }
    });

    test('native uploads send back the cookies of the first answer, after the restart too', () => {
        const uploads = faulty.wireLog.filter((e) => uploadTransport(e) === 'native');
        const firstAnswered = uploads.findIndex((e) => e.status === 202 && e.fault === undefined);
        assert.ok(firstAnswered >= 0);
        const das = (uploads[firstAnswered].body as { das: string }).das;
        const cookie = nativeCookies(das, Date.now()).uid.c;
        const later = uploads.slice(firstAnswered + 1);
        const restartAt = faulty.wireLog.findIndex((e) => e.path === '/health' && e.query.restart !== undefined);
        assert.ok(later.some((e) => faulty.wireLog.indexOf(e) > restartAt), 'uploads after the restart are checked');
        for (const entry of later) {
            assert.equal((entry.body as { ck?: { uid?: { c?: string } } }).ck?.uid?.c, cookie, `batch ${uploadedBatchId(entry)}`);
        }
    });

    test('failed batches were attempted again (Retry-After and backoff timing: Rooibos specs)', () => {
        const attempts = new Map<string, number>();
        for (const entry of faulty.wireLog) {
            const id = postedBatchId(entry);
            if (id !== undefined) {
                attempts.set(id, (attempts.get(id) ?? 0) + 1);
            }
        }
        assert.ok([...attempts.values()].some((n) => n > 1), 'at least one batch needed more than one attempt');
    });

    test('identity calls survive the faults too: one login, and the user switches once, in order', () => {
        const identify = faulty.identityCalls.filter((c) => c.call === 'identify');
        const login = faulty.identityCalls.filter((c) => c.call === 'login');
        assert.equal(login.length, 1);
        assert.ok(identify.length >= 1);
        assert.notEqual(login[0].mpid, identify[0].mpid);
        // Events belong to the user current when the SDK logged them: the guest until the login
        // answer arrived, the member after; never back.
        const mpids = LOGGED.map((name) => faulty.events.find((e) => e.eventName === name)?.mpid);
        assert.ok(mpids.every((mpid) => mpid === identify[0].mpid || mpid === login[0].mpid), JSON.stringify(mpids));
        const firstMember = mpids.indexOf(login[0].mpid);
        if (firstMember >= 0) {
            assert.ok(mpids.slice(firstMember).every((mpid) => mpid === login[0].mpid), JSON.stringify(mpids));
        }
        assert.equal(mpids[0], identify[0].mpid);
    });
});
