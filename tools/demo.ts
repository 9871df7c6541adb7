/**
 * npm run demo: the main job. Builds the sample channel (SDK included), runs it headlessly against
 * a local collector standing in for mParticle and Adobe Media Edge, and shows what arrived.
 * The sample plays a short scripted session in real time (about 20 s).
 */
import { startCollector, uploadTransport, type Collector } from './collector';
import { buildChannel, zipChannel } from './build/channel';
import { ChromiumMissingError, runChannel } from './runner/headless';
import { collectorOptions, runnerConfigFile } from './runner/runnerConfig';

const DEMO_ADOBE = {
    configId: 'demo-datastream',
    channel: 'sample-channel',
    playerName: 'roku-sample-player',
    appVersion: 'roku-media-sdk-demo'
};

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
    const build = await buildChannel({ project: 'bsconfig.json' });
    if (build.problems.length > 0) {
        console.error(build.problems.join('\n'));
        process.exit(1);
    }
    const collector = await startCollector({ log: (line) => console.log(`  collector ${line}`) });
    console.log(`demo: collector at ${collector.url}; running the channel headlessly`);
    try {
        const zip = zipChannel(build.stagingDir, runnerConfigFile({
            collectorUrl: collector.url,
            options: collectorOptions(collector.url, { adobeMedia: DEMO_ADOBE })
        }));
        const run = await runChannel({
            zip,
            timeoutMs: 90_000,
            onOutput: (line, level) => (level === 'print' ? console.log(`  channel ${line}`) : console.error(`  channel ${line}`))
        });
        report(collector);
        const malformed = collector.malformed();
        if (run.status !== 'exited' || malformed.length > 0) {
            console.error(`\ndemo: FAILED (${run.status}${run.errors.length ? `: ${run.errors.join(' | ')}` : ''}; ${malformed.length} malformed requests)`);
            process.exitCode = 1;
        } else {
            console.log('\ndemo: ok');
        }
    } finally {
        await collector.close();
    }
}

main().catch((err) => {
    console.error(err instanceof ChromiumMissingError ? err.message : err);
    process.exit(1);
});
