/**
 * The SDK's own fuzz test (issue 15): a seeded program of at least 5,000 calls over every bridge
 * method, builder and setter the codegen schema declares, with bad values (cycles, empty keys,
 * extra and missing arguments, huge numbers and strings, nodes and other objects), interleaved
 * with known good events, run headlessly against the local collector (tools/fuzz/). A new seed
 * each run, printed: FUZZ_SEED=<seed> repeats a run, also with `npm run fuzz -- --seed <seed>`.
 */
import { before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { describeReport, runFuzz, type FuzzReport } from '../../tools/fuzz/run';
import { fuzzSeed } from '../../tools/fuzz/generate';
import { fuzzTargets } from '../../tools/fuzz/targets';

describe('fuzz: nothing a caller passes crashes the channel or loses someone else\'s events', { timeout: 1_200_000 }, () => {
    const seed = fuzzSeed();
    let report: FuzzReport;

    before(async () => {
        console.log(`fuzz seed ${seed} (repeat with FUZZ_SEED=${seed})`);
        report = await runFuzz(seed);
        console.log(describeReport(report));
    });

    test('the program has at least 5,000 calls and reaches every function of the schema', () => {
        assert.ok(report.program.calls >= 5000, `${report.program.calls} calls`);
        const missing = fuzzTargets().map((t) => t.id).filter((id) => !(id in report.program.perTarget));
        assert.deepEqual(missing, []);
        assert.ok(report.program.good.events.length + report.program.good.screens.length > 0 && report.program.good.sessions.length > 0);
    });

    test(`no crash, no failed handler, no malformed request, every good event stored exactly once (FUZZ_SEED=${seed})`, () => {
        assert.deepEqual(report.problems, [], `FUZZ_SEED=${seed}\n${describeReport(report)}`);
    });
});
