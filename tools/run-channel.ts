/**
 * npm run run-channel -- <channel.zip> [--timeout s] [--profile dir]
 * Runs a channel headlessly and streams what it prints. Exit 0 on a clean exit, 1 on a
 * BrightScript crash (error and backtrace printed), 2 on timeout, 3 when Chromium is missing.
 */
import { ChromiumMissingError, runChannel } from './runner/headless';
import { parseArgs } from './util/args';

async function main() {
    const args = parseArgs(process.argv.slice(2), { timeout: 'number', profile: 'string' });
    const zip = args.positional[0];
    if (!zip) {
        console.error('usage: npm run run-channel -- <channel.zip> [--timeout s] [--profile dir]');
        process.exit(64);
    }
    const result = await runChannel({
        zip,
        timeoutMs: (args.options.timeout as number | undefined ?? 60) * 1000,
        profileDir: args.options.profile as string | undefined,
        onOutput: (line, level) => (level === 'print' ? console.log(line) : console.error(line))
    });
    if (result.status === 'crashed') {
        console.error(`\nBrightScript crash (${result.exitReason}):\n${result.errors.join('\n')}`);
        process.exit(1);
    }
    if (result.status === 'timeout') {
        console.error(`\nTimed out after ${Math.round(result.durationMs / 1000)} s`);
        process.exit(2);
    }
}

main().catch((err) => {
    console.error(err instanceof ChromiumMissingError ? err.message : err);
    process.exit(err instanceof ChromiumMissingError ? 3 : 1);
});
