/**
 * npm run demo: the main job. Builds the sample channel (SDK included), runs it headlessly against
 * a local collector standing in for mParticle and Adobe Media Edge, and shows what arrived.
 * The sample plays a short scripted session in real time (about 20 s). Non-interactive: it says
 * where the live viewer is while it runs; `npm start` keeps it open.
 */
import { startCollector, uploadTransport, type Collector } from './collector';
import { ChromiumMissingError } from './runner/headless';
import { buildSample, runSample, START_PORT } from './runner/sample';

function section(title: string) {
    console.log(`\n${title}\n${'-'.repeat(title.length)}`);
}

function report(collector: Collector) {
    const events = collector.events();
    const batches = collector.batches();
    const transports = [...new Set(collector.wireLog().map(uploadTransport).filter((t) => t !== undefined))];
    section(`mParticle (${transports.join(', ') || 'no uploads'}): ${events.length} events in ${batches.length} batches`);
    for (const event of events) {
        const attrs = event.attributes ?? {};
        const detail = ['playhead_position', 'media_content_time_spent', 'media_total_ad_time_spent', 'media_content_complete', 'milestone', 'ad_content_id', 'segment_title', 'error_name']
            .filter((k) => attrs[k] !== undefined)
            .map((k) => `${k}=${attrs[k]}`)
            .join(' ');
        console.log(`  ${event.eventType.padEnd(22)} ${String(event.eventName ?? '').padEnd(26)} ${detail}`);
    }
    const identity = collector.identityCalls();
    section(`IDSync: ${identity.length} calls`);
    for (const call of identity) {
        console.log(`  ${call.call.padEnd(10)} -> mpid ${call.mpid}${call.isLoggedIn ? " (logged in)" : ""}`);
    }
    const adobe = collector.adobeEvents();
    section(`Adobe Media Edge: ${adobe.length} calls`);
    const start = adobe.length > 0 ? Date.parse(adobe[0].timestamp) : 0;
    for (const call of adobe) {
        const elapsed = ((Date.parse(call.timestamp) - start) / 1000).toFixed(1).padStart(5);
        console.log(`  +${elapsed}s  ${call.eventType.padEnd(24)} playhead ${call.playhead}`);
    }
    const stats = collector.stats();
    section('collector');
    console.log(`  ${JSON.stringify(stats)}`);
}

async function main() {
    console.log('demo: building the sample channel');
    const stagingDir = await buildSample();
    const collector = await startCollector({ log: (line) => console.log(`  collector ${line}`) });
    console.log(`demo: collector at ${collector.url}; running the channel headlessly`);
    console.log(`demo: live viewer at ${collector.viewerUrl} while the demo runs (npm start keeps it open)`);
    try {
        const run = await runSample(stagingDir, collector,
            (line, level) => (level === 'print' ? console.log(`  channel ${line}`) : console.error(`  channel ${line}`)));
        report(collector);
        const malformed = collector.malformed();
        if (run.status !== 'exited' || malformed.length > 0) {
            console.error(`\ndemo: FAILED (${run.status}${run.errors.length ? `: ${run.errors.join(' | ')}` : ''}; ${malformed.length} malformed requests)`);
            process.exitCode = 1;
        } else {
            console.log('\ndemo: ok');
        }
        console.log(`demo: to watch the sample live, run \`npm start\` and open http://127.0.0.1:${START_PORT}/ (the live viewer; this run's was ${collector.viewerUrl})`);
    } finally {
        await collector.close();
    }
}

main().catch((err) => {
    console.error(err instanceof ChromiumMissingError ? err.message : err);
    process.exit(1);
});
