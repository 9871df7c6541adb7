/**
 * npm run demo: the main job. Builds the sample channel (SDK included), runs it headlessly against
 * a local collector standing in for mParticle and Adobe Media Edge, and shows what arrived.
 * The sample plays a 16-second H.264 clip (made here, served by the collector) in a real Video
 * node with a pre-roll pod and a mid-roll, tracked by media.trackVideo and media.rafAdapter alone
 * (about 35 s of real time). Non-interactive: it says where the live viewer is while it runs;
 * `npm start` keeps it open.
 */
import { startCollector, uploadTransport, type Collector } from './collector';
import type { StoredEvent } from './collector/records';
import { ChromiumMissingError } from './runner/headless';
import { buildSample, runSample, sampleMedia, START_PORT } from './runner/sample';

function section(title: string) {
    console.log(`\n${title}\n${'-'.repeat(title.length)}`);
}

/** Attributes worth a glance per event (the summaries get their own sections). */
const EVENT_DETAIL = ['playhead_position', 'milestone', 'ad_break_title', 'ad_content_id', 'seek_position', 'buffer_duration', 'qoe_startup_time', 'qoe_seek_count', 'qoe_rebuffer_count', 'error_name'];

function attributesOf(event: StoredEvent): Record<string, string> {
    return (event.attributes ?? {}) as Record<string, string>;
}

function report(collector: Collector) {
    const events = collector.events();
    const batches = collector.batches();
    const transports = [...new Set(collector.wireLog().map(uploadTransport).filter((t) => t !== undefined))];
    section(`mParticle (${transports.join(', ') || 'no uploads'}): ${events.length} events in ${batches.length} batches`);
    for (const event of events) {
        const attrs = attributesOf(event);
        const detail = event.eventName?.endsWith('Summary') ? '' : EVENT_DETAIL
            .filter((k) => attrs[k] !== undefined)
            .map((k) => `${k}=${attrs[k]}`)
            .join(' ');
        console.log(`  ${event.eventType.padEnd(22)} ${String(event.eventName ?? '').padEnd(26)} ${detail}`);
    }
    const summaries = events.filter((e) => e.eventName === 'Media Session Summary' || e.eventName === 'Ad Session Summary');
    section(`summaries: ${summaries.length}`);
    for (const summary of summaries) {
        const attrs = attributesOf(summary);
        const keys = summary.eventName === 'Media Session Summary'
            ? ['content_id', 'media_time_spent', 'media_content_time_spent', 'media_content_complete', 'media_total_ad_time_spent', 'media_session_ad_total', 'media_session_ad_objects']
            : ['ad_content_id', 'ad_break_id', 'ad_completed', 'ad_skipped'];
        console.log(`  ${String(summary.eventName).padEnd(22)} ${keys.filter((k) => attrs[k] !== undefined).map((k) => `${k}=${attrs[k]}`).join(' ')}`);
    }
    const session = summaries.find((e) => e.eventName === 'Media Session Summary');
    if (session) {
        const attrs = attributesOf(session);
        section('QoE (Media Session Summary)');
        for (const key of Object.keys(attrs).filter((k) => k.startsWith('qoe_')).sort()) {
            console.log(`  ${key.padEnd(22)} ${attrs[key]}`);
        }
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
        const media = (call.xdm as { mediaCollection?: Record<string, unknown> } | undefined)?.mediaCollection ?? {};
        const extra = ['advertisingPodDetails', 'advertisingDetails', 'qoeDataDetails', 'errorDetails']
            .filter((k) => media[k] !== undefined)
            .map((k) => `${k} ${JSON.stringify(media[k])}`)
            .join(' ');
        console.log(`  +${elapsed}s  ${call.eventType.padEnd(24)} playhead ${String(call.playhead).padEnd(4)} ${extra}`);
    }
    const stats = collector.stats();
    section('collector');
    console.log(`  ${JSON.stringify(stats)}`);
}

async function main() {
    console.log('demo: building the sample channel');
    const stagingDir = await buildSample();
    const collector = await startCollector({ log: (line) => console.log(`  collector ${line}`), media: sampleMedia() });
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
