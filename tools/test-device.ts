/**
 * npm run test:device [-- --spec <file.spec.bs> ...] [--timeout s] [--collector-host IP] [--verbose]
 *
 * Runs the Rooibos specs on a Roku in developer mode (ROKU_HOST, ROKU_PASSWORD; port overrides in
 * tools/device/target.ts): checks the password, builds the test channel (all specs, or the
 * `--spec` files), starts a local collector the device can reach, opens the console on port 8085,
 * sideloads, and reads the console until Rooibos reports. Prints failed tests and, last, the same
 * `N passed, N failed` line as the headless run. Exits non-zero on a failed or crashed test, a
 * rejected password, a device that never finishes (--timeout, default 600 s), or a console that
 * closes before the report.
 */
import * as fs from 'fs';
import * as path from 'path';
import { startCollector } from './collector';
import { ROOT, zipChannel } from './build/channel';
import { DeviceConsole, consoleFinished } from './device/console';
import { checkDeveloperPassword, DeviceError, pressHome, sideload } from './device/sideload';
import { buildTestChannel } from './device/testChannel';
import { deviceFromEnv, lanAddress } from './device/target';
import { isReportHighlight, parseRooibosReport, summarise } from './rooibos/report';
import { collectorOptions, runnerConfigFile } from './runner/runnerConfig';
import { parseArgs } from './util/args';

/** Console lines worth showing without --verbose: the report's highlights and a crash. */
const noteworthy = (line: string) => isReportHighlight(line) || /BrightScript Micro Debugger|Brightscript Debugger>/.test(line);

const log = (text: string) => console.log(`test:device: ${text}`);

async function main(): Promise<number> {
    const args = parseArgs(process.argv.slice(2), { 'collector-host': 'string', timeout: 'number', spec: 'list', verbose: 'boolean' });
    const target = deviceFromEnv();
    const timeoutMs = ((args.options.timeout as number | undefined) ?? 600) * 1000;
    const specs = (args.options.spec as string[] | undefined) ?? [];
    const collectorHost = (args.options['collector-host'] as string | undefined) ?? lanAddress();
    if (!collectorHost) {
        throw new DeviceError('no LAN address found for the collector; pass --collector-host <this machine\'s IP>');
    }
    // Before any build time is spent: a wrong password or an unreachable device fails here.
    await checkDeveloperPassword(target);

    const stagingDir = path.join(ROOT, 'out', `device-test-${process.pid}`);
    const zipPath = path.join(ROOT, 'out', `device-test-${process.pid}.zip`);
    const build = await buildTestChannel(stagingDir, specs);
    if (build.problems.length > 0) {
        console.error(build.problems.join('\n'));
        fs.rmSync(stagingDir, { recursive: true, force: true });
        return 1;
    }
    const collector = await startCollector({ host: '0.0.0.0', quiet: true });
    let deviceConsole: DeviceConsole | undefined;
    try {
        const collectorUrl = `http://${collectorHost}:${collector.port}`;
        fs.writeFileSync(zipPath, zipChannel(build.stagingDir, runnerConfigFile({
            collectorUrl,
            options: collectorOptions(collectorUrl, { useVirtualClock: true })
        })));
        log(`collector at ${collectorUrl} (the device must reach it)`);

        // Connect before sideloading: the console only streams what is printed while connected.
        const verbose = args.options.verbose === true;
        deviceConsole = await DeviceConsole.connect(target.host, target.consolePort, (line) => {
            if (verbose || noteworthy(line)) {
                console.log(line);
            }
        });
        // A new connection is replayed the running channel's output; none of it is this run's.
        await deviceConsole.settle();
        const start = deviceConsole.mark();
        log(`sideloading ${path.relative(ROOT, zipPath)} to ${target.host}`);
        const installed = await sideload(target, zipPath);
        log(`${installed.message}; reading the console at ${target.host}:${target.consolePort}`);

        const { outcome, text } = await deviceConsole.waitFor(consoleFinished, timeoutMs, start);
        const counts = parseRooibosReport(text);
        for (const name of counts.failures) {
            console.error(`failed: ${name}`);
        }
        if (outcome === 'timeout') {
            console.error(`test:device: no Rooibos result within ${timeoutMs / 1000} s; the channel is still running or hung (pressing Home to leave it)`);
            await pressHome(target).catch(() => undefined);
        } else if (outcome === 'closed') {
            console.error(`test:device: the console at ${target.host}:${target.consolePort} closed before Rooibos reported (the console takes one client at a time: did another tool connect?)`);
        } else if (counts.result === undefined) {
            console.error('test:device: the channel crashed before Rooibos reported (see the debugger output above; pressing Home to leave it)');
            await pressHome(target).catch(() => undefined);
        }
        const summary = summarise(counts);
        console.log(`${summary.passed} passed, ${summary.failed} failed`);
        return summary.failed > 0 ? 1 : 0;
    } finally {
        deviceConsole?.close();
        await collector.close();
        fs.rmSync(stagingDir, { recursive: true, force: true });
        fs.rmSync(zipPath, { force: true });
    }
}

main().then((code) => {
    process.exitCode = code;
}, (err: unknown) => {
    console.error(`test:device: ${err instanceof Error ? err.message : err}`);
    process.exitCode = 1;
});
