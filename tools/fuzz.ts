/**
 * npm run fuzz [-- --seed N] [--calls N]
 *
 * The SDK's own fuzz test (tools/fuzz/): a seeded program of calls over every bridge method,
 * builder and setter with bad values, interleaved with known good events, run headlessly
 * against the local collector. Prints the seed (FUZZ_SEED=N or --seed N repeats a run) and
 * exits non-zero on any problem. tests/node/fuzz.test.ts runs the same in CI.
 */
import { describeReport, runFuzz } from './fuzz/run';
import { fuzzSeed } from './fuzz/generate';
import { parseArgs } from './util/args';
import { ChromiumMissingError } from './runner/headless';

async function main() {
    const args = parseArgs(process.argv.slice(2), { seed: 'number', calls: 'number' });
    const seed = typeof args.options.seed === 'number' ? args.options.seed : fuzzSeed();
    console.log(`fuzz seed ${seed}`);
    const started = Date.now();
    const report = await runFuzz(seed, {
        calls: args.options.calls as number | undefined,
        onOutput: (line) => {
            if (/^\[(fuzz|scenario)\]|mParticle\] ERROR/.test(line.trim())) {
                console.log(`${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${line.trim()}`);
            }
        }
    });
    console.log(describeReport(report));
    process.exit(report.problems.length > 0 ? 1 : 0);
}

main().catch((err) => {
    console.error(err instanceof ChromiumMissingError ? err.message : err);
    process.exit(1);
});
