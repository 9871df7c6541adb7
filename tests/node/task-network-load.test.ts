/**
 * The Task loop never waits on the network (tests/scenarios/task-network-load.brs, the real Task
 * and transfer threads in the engine, against the collector):
 * - a batch answered 45 s late times out at the configured 30 s, is retried once under the same
 *   batch_id and stored once, and the calls made meanwhile are handled (the status keeps moving);
 * - under a flood of calls (600 at 470 a second) batches keep reaching the collector while calls
 *   still wait, and every flooded event is stored once.
 * The figures (when the timeout fired, how many calls waited at each delivery) are printed, not
 * asserted.
 */
import { before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { runScenario, type ScenarioResult } from '../../tools/simulate/runScenario';
import { UPLOAD_PATH, uploadedBatchId, uploadTransport } from '../../tools/collector';

const SCENARIO = path.join(__dirname, '..', 'scenarios', 'task-network-load.brs');
const LATE_MS = 45_000;
const TIMEOUT_MS = 30_000;

interface LoadRecord {
    phase: string;
    handled: number;
    timeouts: number;
    lateAnswers: number;
    deliveredBatches: number;
    inFlight: number;
    lastUploadError: string;
    ms?: number;
    tick?: number;
    before?: number;
    total?: number;
}

function records(result: ScenarioResult): LoadRecord[] {
    return result.lines.filter((l) => l.startsWith('[load] ')).map((l) => JSON.parse(l.slice(7)) as LoadRecord);
}

function eventBatchIds(result: ScenarioResult): string[] {
    return result.wireLog.filter((w) => uploadTransport(w) !== undefined).map((w) => String(uploadedBatchId(w)));
}

describe('Task loop under a slow network and a flood of calls', { timeout: 1_200_000 }, () => {
    let result: ScenarioResult;
    let log: LoadRecord[];

    before(async () => {
        result = await runScenario({
            scenario: SCENARIO,
            timeoutMs: 900_000,
            options: { batchSize: 20, requestTimeoutMillis: TIMEOUT_MS },
            onCollector: (collector) => collector.forceResponses(UPLOAD_PATH, [{ slowMs: LATE_MS }])
        });
        log = records(result);
    });

    test('the run finished and nothing malformed reached the collector', () => {
        assert.equal(result.exitCode, 0, result.failure);
        assert.deepEqual(result.malformed, []);
    });

    test('a 45 s-late answer: timed out at the limit, retried once under the same batch_id, stored once', () => {
        const slow = log.filter((r) => r.phase === 'slow');
        const timedOut = slow.findIndex((r) => r.timeouts === 1);
        const lateSeen = slow.findIndex((r) => r.lateAnswers === 1);
        assert.ok(timedOut >= 0, `the request timed out: ${JSON.stringify(slow.at(-1))}`);
        // Ordering, not time: the timeout was reported while the answer was still on its way.
        assert.equal(slow[timedOut].lateAnswers, 0, 'timed out before the answer came');
        assert.ok(lateSeen > timedOut, 'the late answer came afterwards and was dropped');
        assert.match(slow[timedOut].lastUploadError, /network failure \(-28\)/);
        assert.ok((slow[timedOut].ms ?? 0) >= TIMEOUT_MS, 'not before the configured limit');
        console.log(`[figures] timeout reported within the interval ending ${slow[timedOut].ms} ms after the upload (limit ${TIMEOUT_MS} ms, answer after ${LATE_MS} ms)`);

        const firstBatch = eventBatchIds(result)[0];
        const attempts = eventBatchIds(result).filter((id) => id === firstBatch).length;
        assert.equal(attempts, 2, 'sent, timed out, sent once more');
        assert.equal(result.batches.filter((b) => b.batchId === firstBatch).length, 1, 'stored once');
        assert.equal(result.events.filter((e) => e.eventName === 'slow answer').length, 1);
    });

    test('while the answer was pending, every call was handled within its 2.5 s interval (the status kept moving)', () => {
        const slow = log.filter((r) => r.phase === 'slow');
        assert.ok(slow.length >= 18, `${slow.length} intervals: until the late answer and the retry`);
        for (let i = 1; i < slow.length; i++) {
            assert.ok(slow[i].handled > slow[i - 1].handled, `status moved in interval ${slow[i].tick}: ${JSON.stringify(slow.slice(i - 1, i + 1))}`);
        }
    });

    test('a flood of calls: batches keep reaching the collector while calls wait, each event stored once', () => {
        const sent = log.find((r) => r.phase === 'floodSent');
        assert.ok(sent?.before !== undefined && sent.total !== undefined);
        const flood = log.filter((r) => r.phase === 'flood');
        const start = flood[0]?.deliveredBatches ?? 0;
        const end = sent.before + sent.total;
        const deliveredWhileWaiting = flood.filter((r) => r.deliveredBatches > start && r.handled < end);
        assert.ok(deliveredWhileWaiting.length > 0, `a batch was delivered before the last call was handled: ${JSON.stringify(flood.slice(0, 5))}`);
        const waiting = deliveredWhileWaiting.map((r) => `${r.deliveredBatches - start} batches with ${end - r.handled} calls waiting`);
        console.log(`[figures] flood of ${sent.total} calls: ${waiting.slice(0, 3).join('; ')} ... ${waiting.at(-1)}`);
        for (let index = 1; index <= sent.total; index++) {
            const stored = result.events.filter((e) => e.eventName === `flood ${index}`).length;
            assert.equal(stored, 1, `flood ${index} stored ${stored} times`);
        }
    });
});
