/**
 * The core on the real Task against a collector that fails requests at random (HTTP 500, 429 and 503
 * with Retry-After, dropped connections): every event the scenario logged is stored exactly once, a
 * batch that got a 2xx is never sent again, re-sends keep their batch_id, and nothing is malformed.
 * Scenario: tests/scenarios/core-delivery.brs.
 */
import { before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { runScenario, type ScenarioResult } from '../../tools/simulate/runScenario';

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

function postedBatchId(entry: ScenarioResult['wireLog'][number]): string | undefined {
    const body = entry.body as { batch_id?: unknown };
    return entry.path === '/v2/events' && typeof body === 'object' && body !== null ? String(body.batch_id) : undefined;
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
    // A batch is never sent again once it was accepted.
    const accepted = new Set<string>();
    for (const entry of result.wireLog) {
        const id = postedBatchId(entry);
        if (id === undefined) {
            continue;
        }
        assert.ok(!accepted.has(id), `batch ${id} was sent again after a 2xx`);
        if (entry.status !== undefined && entry.status >= 200 && entry.status < 300 && entry.fault === undefined) {
            accepted.add(id);
        }
    }
    assert.equal(accepted.size, result.batches.length, 'every stored batch was accepted once');
}

describe('core delivery', { timeout: 600_000 }, () => {
    let clean: ScenarioResult;
    let faulty: ScenarioResult;

    before(async () => {
        clean = await runScenario({ scenario: SCENARIO, timeoutMs: 240_000 });
        faulty = await runScenario({
            scenario: SCENARIO,
            timeoutMs: 400_000,
            collector: { faults: { rate: 0.4, kinds: ['500', '429', '503', 'drop'], seed: 20261122, retryAfterSec: 2 } }
        });
    });

    test('a clean run stores every logged event once', () => {
        checkDelivery(clean);
    });

    test('with 40% of requests failing, every logged event is still stored exactly once', () => {
        checkDelivery(faulty);
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
