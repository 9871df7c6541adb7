/**
 * npm run bench: prints figures, asserts nothing. Runs tests/bench/throughput.brs headlessly and
 * reports the bridge's cost per call on the calling thread, how long the Task thread takes to work
 * through a burst, and what went over the wire. Engine figures are relative: a Roku is slower.
 */
import { runScenario } from './simulate/runScenario';
import { uploadTransport } from './collector';
import { Progress } from './util/progress';

async function main() {
    const figures: Array<[string, string]> = [];
    const progress = new Progress('bench');
    const result = await runScenario({
        scenario: 'tests/bench/throughput.brs',
        options: { logLevel: 0, batchSize: 100 },
        timeoutMs: 180_000,
        onOutput: (line) => {
            const match = /^\[bench\] (\S+) (.+)$/.exec(line.trim());
            if (match) {
                figures.push([match[1], match[2]]);
                progress.update(`${figures.length} figures, last ${match[1]}`);
            }
        }
    }).finally(() => progress.done());
    const posts = result.wireLog.filter((r) => uploadTransport(r) !== undefined);
    const bytes = posts.map((r) => JSON.stringify(r.body).length);
    const events = result.events.length;
    figures.push(['wire.eventBatches', `${posts.length} requests`]);
    figures.push(['wire.eventsStored', `${events} events`]);
    if (bytes.length > 0) {
        figures.push(['wire.batchBytesMean', `${Math.round(bytes.reduce((a, b) => a + b, 0) / bytes.length)} bytes`]);
        figures.push(['wire.bytesPerEvent', `${events > 0 ? Math.round(bytes.reduce((a, b) => a + b, 0) / events) : 0} bytes`]);
    }
    const width = Math.max(...figures.map(([name]) => name.length));
    console.log('bench (brs-engine in headless Chromium on this machine):');
    for (const [name, value] of figures) {
        console.log(`  ${name.padEnd(width)}  ${value}`);
    }
    if (result.failure) {
        console.error(`bench: the run did not finish cleanly: ${result.failure}`);
        process.exitCode = 1;
    }
}

main().catch((err) => {
    console.error(err);
    process.exit(1);
});
