/**
 * npm start [-- --port N] [--host H] [--verbose]: builds the sample channel, starts the collector with
 * its live viewer (checking batches against the generated data plan), prints the viewer's address,
 * plays the sample headlessly (about 35 s, in real time) and keeps serving until Ctrl-C. Enter plays
 * the sample again. A channel on a real Roku can send to the same collector (--host 0.0.0.0 and the
 * SDK's eventsBaseUrl / identityBaseUrl / adobeMedia.edgeBaseUrl pointed at it).
 */
import { startCollector, type Collector } from './collector';
import { loadDataPlan } from './codegen/artifacts';
import { ChromiumMissingError } from './runner/headless';
import { buildSample, runSample, sampleMedia, START_PORT } from './runner/sample';
import { parseArgs } from './util/args';
import { viewerBundle } from './viewer/bundle';

const USAGE = 'usage: npm start [-- --port N] [--host H] [--verbose]';

function isPortTaken(err: unknown): boolean {
    return (err as NodeJS.ErrnoException)?.code === 'EADDRINUSE';
}

async function open(port: number, host: string | undefined, verbose: boolean): Promise<Collector> {
    const options = { host, dataPlan: loadDataPlan(), media: sampleMedia(), log: verbose ? (line: string) => console.log(`  collector ${line}`) : () => undefined };
    try {
        return await startCollector({ ...options, port });
    } catch (err) {
        if (!isPortTaken(err)) {
            throw err;
        }
        console.log(`start: port ${port} is taken; using a free one`);
        return startCollector({ ...options, port: 0 });
    }
}

async function playSample(stagingDir: string, collector: Collector, verbose: boolean): Promise<void> {
    const before = collector.stats();
    console.log('start: playing the sample channel headlessly (about 35 s; watch it in the viewer)');
    const run = await runSample(stagingDir, collector, (line, level) => {
        if (verbose || level === 'error') {
            (level === 'print' ? console.log : console.error)(`  channel ${line}`);
        }
    });
    const after = collector.stats();
    const counts = `${after.events - before.events} mParticle events, ${after.adobeEvents - before.adobeEvents} Adobe calls, ` +
        `${after.identityCalls - before.identityCalls} IDSync calls, ${after.planViolations - before.planViolations} plan violations`;
    if (run.status === 'exited') {
        console.log(`start: the sample finished: ${counts}`);
    } else {
        console.error(`start: the sample ${run.status}${run.errors.length ? `: ${run.errors.join(' | ')}` : ''} (${counts})`);
    }
}

async function main(): Promise<void> {
    const { options } = parseArgs(process.argv.slice(2), { port: 'number', host: 'string', verbose: 'boolean', help: 'boolean' });
    if (options.help) {
        console.log(USAGE);
        return;
    }
    const verbose = options.verbose === true;
    console.log('start: building the sample channel and the viewer');
    const [stagingDir] = await Promise.all([buildSample(), viewerBundle()]);
    const collector = await open((options.port as number | undefined) ?? START_PORT, options.host as string | undefined, verbose);
    console.log(`\n  Live viewer:  ${collector.viewerUrl}\n  Collector:    ${collector.url}  (mParticle /v2/events, IDSync /v1/*, Adobe /ee/va/v1/*)\n`);

    let stopping = false;
    const stop = () => {
        if (stopping) {
            return;
        }
        stopping = true;
        console.log('\nstart: stopping');
        void collector.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);

    let playing = playSample(stagingDir, collector, verbose);
    await playing;
    const again = process.stdin.isTTY ? 'Enter plays the sample again, ' : '';
    console.log(`start: still serving ${collector.viewerUrl}: ${again}Ctrl-C stops`);
    if (process.stdin.isTTY) {
        process.stdin.on('data', () => {
            playing = playing
                .then(() => playSample(stagingDir, collector, verbose))
                .then(() => console.log(`start: still serving ${collector.viewerUrl}`))
                .catch((err: unknown) => console.error(`start: ${err instanceof Error ? err.message : String(err)}`));
        });
    }
}

main().catch((err: unknown) => {
    console.error(err instanceof ChromiumMissingError ? err.message : `start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
});
