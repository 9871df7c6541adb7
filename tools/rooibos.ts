/**
 * npm run test:rooibos [-- --verbose] [--timeout s] [--only name[,name...]]
 * Runs every Rooibos spec headlessly (or, with --only, the spec files whose names contain one of
 * the names) and prints `N passed, N failed`.
 */
import { reportRooibosProblems, ROOIBOS_TIMEOUT_MS, runRooibosHeadless } from './rooibos/headlessRun';
import { parseArgs } from './util/args';
import { ChromiumMissingError } from './runner/headless';
import { Progress } from './util/progress';

async function main() {
    const args = parseArgs(process.argv.slice(2), { verbose: 'boolean', timeout: 'number', only: 'string' });
    const verbose = args.options.verbose === true;
    const progress = new Progress('rooibos');
    const result = await runRooibosHeadless({
        timeoutMs: args.options.timeout === undefined ? ROOIBOS_TIMEOUT_MS : (args.options.timeout as number) * 1000,
        only: typeof args.options.only === 'string' ? args.options.only.split(',') : undefined,
        progress,
        onOutput: (line) => {
            if (verbose || /FAIL|CRASH|Error|error|\[Rooibos Result\]/.test(line)) {
                progress.log(line);
            }
        }
    });
    reportRooibosProblems(result);
    console.log(`${result.passed} passed, ${result.failed} failed`);
    process.exit(result.failed > 0 ? 1 : 0);
}

main().catch((err) => {
    console.error(err instanceof ChromiumMissingError ? err.message : err);
    process.exit(1);
});
