/**
 * npm run test:device [-- --collector-host IP] [--timeout s]
 * Runs the same Rooibos specs on a real Roku: builds the test channel, starts a local collector
 * the device can reach, sideloads to ROKU_HOST, reads the console on port 8085 and prints the
 * same `N passed, N failed` line as the headless run.
 */
import * as fs from 'fs';
import * as path from 'path';
import { startCollector } from './collector';
import { buildChannel, ROOT, zipChannel } from './build/channel';
import { cleanConsole, consoleFinished, deviceFromEnv, lanAddress, openConsole, sideload } from './device/roku';
import { parseRooibosReport, summarise } from './rooibos/report';
import { collectorOptions, runnerConfigFile } from './runner/runnerConfig';
import { parseArgs } from './util/args';

async function main() {
    const args = parseArgs(process.argv.slice(2), { 'collector-host': 'string', timeout: 'number' });
    const target = deviceFromEnv();
    const collectorHost = (args.options['collector-host'] as string | undefined) ?? lanAddress();
    if (!collectorHost) {
        throw new Error('no LAN address found for the collector; pass --collector-host <this machine\'s IP>');
    }
    const build = await buildChannel({ project: 'bsconfig.test.json', stagingDir: path.join(ROOT, 'out', 'device-test') });
    if (build.problems.length > 0) {
        console.error(build.problems.join('\n'));
        process.exit(1);
    }
    const collector = await startCollector({ host: '0.0.0.0', quiet: true });
    const collectorUrl = `http://${collectorHost}:${collector.port}`;
    const zipPath = path.join(ROOT, 'out', 'device-test.zip');
    fs.writeFileSync(zipPath, zipChannel(build.stagingDir, runnerConfigFile({
        collectorUrl,
        options: collectorOptions(collectorUrl, { useVirtualClock: true })
    })));
    const consoleReader = openConsole(target.host);
    try {
        await sideload(target, zipPath);
        const text = cleanConsole(await consoleReader.until(consoleFinished, ((args.options.timeout as number | undefined) ?? 600) * 1000));
        const counts = parseRooibosReport(text);
        for (const name of counts.failures) {
            console.error(`failed: ${name}`);
        }
        const summary = summarise(counts);
        console.log(`${summary.passed} passed, ${summary.failed} failed`);
        process.exitCode = summary.failed > 0 ? 1 : 0;
    } finally {
        consoleReader.close();
        await collector.close();
    }
}

main().catch((err) => {
    console.error(`test:device: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
});
