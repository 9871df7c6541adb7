/**
 * npm run bench: prints figures, asserts nothing. Runs headlessly:
 *   tests/bench/throughput.brs  the bridge's cost per call on the calling thread (and what it adds to its
 *                               one field write, by argument size, with and without a cycle), how long the Task
 *                               thread takes to work through a burst, and what went over the wire;
 *   tests/bench/autotrack.brs   media.trackVideo: the cost of a tracked Video field event on the
 *                               thread handling the tracker's observers, and a 10-minute session
 *                               tracked automatically against the same session logged by hand
 *                               (uploads and events per minute of playback).
 * Engine figures are relative: a Roku is slower.
 */
import { runScenario, type ScenarioResult } from './simulate/runScenario';
import { uploadTransport } from './collector';
import { Progress } from './util/progress';

type Figures = Array<[string, string]>;

async function run(scenario: string, options: Record<string, unknown>, figures: Figures, progress: Progress, prefix = ''): Promise<ScenarioResult> {
    const result = await runScenario({
        scenario,
        options: { logLevel: 0, ...options },
        timeoutMs: 900_000,
        onOutput: (line) => {
            const match = /^\[bench\] (\S+) (.+)$/.exec(line.trim());
            if (match) {
                figures.push([`${prefix}${match[1]}`, match[2]]);
                progress.update(`${figures.length} figures, last ${prefix}${match[1]}`);
            }
        }
    });
    if (result.failure) {
        throw new Error(`${scenario} ${JSON.stringify(options)}: the run did not finish cleanly: ${result.failure}`);
    }
    return result;
}

function uploads(result: ScenarioResult): number {
    return result.wireLog.filter((r) => uploadTransport(r) !== undefined).length;
}

function mediaEvents(result: ScenarioResult): number {
    return result.events.filter((e) => e.customEventType === 'media').length;
}

async function measure(figures: Figures, progress: Progress) {
    const throughput = await run('tests/bench/throughput.brs', { batchSize: 100 }, figures, progress);
    const posts = throughput.wireLog.filter((r) => uploadTransport(r) !== undefined);
    const bytes = posts.map((r) => JSON.stringify(r.body).length);
    const events = throughput.events.length;
    figures.push(['wire.eventBatches', `${posts.length} requests`]);
    figures.push(['wire.eventsStored', `${events} events`]);
    if (bytes.length > 0) {
        figures.push(['wire.batchBytesMean', `${Math.round(bytes.reduce((a, b) => a + b, 0) / bytes.length)} bytes`]);
        figures.push(['wire.bytesPerEvent', `${events > 0 ? Math.round(bytes.reduce((a, b) => a + b, 0) / events) : 0} bytes`]);
    }

    await run('tests/bench/autotrack.brs', { benchMode: 'cost' }, figures, progress);
    const sessions: Record<string, ScenarioResult> = {};
    for (const mode of ['tracked', 'hand']) {
        sessions[mode] = await run('tests/bench/autotrack.brs', { benchMode: mode, useVirtualClock: true }, figures, progress, `${mode}.`);
        figures.push([`${mode}.uploadsPerMinute`, `${(uploads(sessions[mode]) / 10).toFixed(1)} requests/min (${uploads(sessions[mode])} in 10 min of playback)`]);
        figures.push([`${mode}.mediaEventsPerMinute`, `${(mediaEvents(sessions[mode]) / 10).toFixed(1)} events/min (${mediaEvents(sessions[mode])} uploaded)`]);
    }
    const more = uploads(sessions.tracked) - uploads(sessions.hand);
    figures.push(['tracked.vs.hand', more <= 0 ? `no more uploads than by hand (${more})` : `${more} more uploads than by hand`]);
}

async function main() {
    const figures: Figures = [];
    const progress = new Progress('bench');
    try {
        await measure(figures, progress);
    } finally {
        progress.done();
        const width = Math.max(0, ...figures.map(([name]) => name.length));
        console.log('bench (brs-engine in headless Chromium on this machine):');
        for (const [name, value] of figures) {
            console.log(`  ${name.padEnd(width)}  ${value}`);
        }
    }
}

main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
});
