/**
 * npm run simulate -- <scenario.brs|.bs> [--out requests.jsonl] [--option key=value ...] [--timeout s] [--quiet]
 *
 * Runs a scenario headlessly against a local collector and exits 0 when it ran, everything was
 * delivered and nothing crashed; non-zero on a BrightScript crash (message printed), a timeout,
 * or a malformed request. The full contract is in README.md.
 */
import { writeJsonLines } from './collector';
import { ChromiumMissingError } from './runner/headless';
import { parseOptionArg, runScenario } from './simulate/runScenario';
import { parseArgs } from './util/args';
import { Progress, type StatusStream } from './util/progress';
import type { Collector } from './collector';

async function main() {
    const args = parseArgs(process.argv.slice(2), { out: 'string', option: 'list', timeout: 'number', quiet: 'boolean' });
    const scenario = args.positional[0];
    if (!scenario) {
        console.error('usage: npm run simulate -- <scenario.brs|.bs> [--out requests.jsonl] [--option key=value ...] [--timeout s]');
        process.exit(64);
    }
    const options: Record<string, unknown> = {};
    for (const arg of (args.options.option as string[] | undefined) ?? []) {
        const [key, value] = parseOptionArg(arg);
        options[key] = value;
    }
    const quiet = args.options.quiet === true;
    // On a terminal, a status line says what has arrived so far (a run with many sessions is long).
    const progress = new Progress('simulate');
    let collector: Collector | undefined;
    const poll = setInterval(() => {
        const stats = collector?.stats();
        if (stats) {
            progress.update(`${stats.requests} requests, ${stats.events} mParticle events, ${stats.adobeEvents} Adobe calls`);
        }
    }, 500);
    poll.unref();
    const result = await runScenario({
        scenario,
        options,
        timeoutMs: ((args.options.timeout as number | undefined) ?? 60) * 1000,
        onCollector: (running) => {
            collector = running;
        },
        onOutput: (line, level) => {
            if (level !== 'print') {
                progress.log(line, process.stderr as StatusStream);
            } else if (!quiet) {
                progress.log(line);
            }
        }
    }).finally(() => {
        clearInterval(poll);
        progress.done();
    });
    if (typeof args.options.out === 'string') {
        writeJsonLines(args.options.out, result.wireLog);
    }
    const counts = `${result.wireLog.length} requests, ${result.events.length} mParticle events in ${result.batches.length} batches, ${result.adobeEvents.length} Adobe calls, ${result.identityCalls.length} identity calls`;
    if (result.failure) {
        console.error(`\nsimulate: FAILED: ${result.failure}\n(${counts})`);
    } else {
        console.log(`\nsimulate: ok (${counts})`);
    }
    process.exit(result.exitCode);
}

main().catch((err) => {
    console.error(err instanceof ChromiumMissingError ? err.message : `simulate: ${err instanceof Error ? err.message : err}`);
    process.exit(2);
});
