/**
 * The Roku media seed's code samples (../shared/seeds/mparticle-roku-media-sdk.txt), verbatim, as
 * scenarios (tests/scenarios/seed-*.brs) run headlessly through the scenario runner; every
 * assertion is on what the collector stored (the mParticle Events API batches the SDK uploaded).
 *
 * Values are compared as the collector stores them: custom attribute values are strings.
 * The SDK runs on the default (native) transport; `npm test` runs this file once more with
 * MP_TEST_TRANSPORT=eventsApi.
 */
import { before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { uploadedEvents, uploadTransport } from '../../tools/collector';
import { runScenario, type ScenarioResult } from '../../tools/simulate/runScenario';
import type { StoredEvent } from '../../tools/collector/records';
import { QOE_SUMMARY_KEYS } from '../../tools/codegen/schema/media';

const SCENARIOS = path.resolve(__dirname, '..', 'scenarios');

const SESSION_SUMMARY_KEYS = [
    'media_session_id', 'content_id', 'content_title', 'media_session_start_time', 'media_session_end_time',
    'media_time_spent', 'media_content_time_spent', 'media_content_complete', 'media_session_segment_total',
    'media_total_ad_time_spent', 'media_ad_time_spent_rate', 'media_session_ad_total', 'media_session_ad_objects'
];
const AD_SUMMARY_KEYS = [
    'media_session_id', 'ad_break_id', 'ad_content_id', 'ad_content_title', 'ad_content_start_time',
    'ad_content_end_time', 'ad_completed', 'ad_skipped'
];

/** Custom events of type media, in the order the collector stored them. */
function mediaEvents(result: ScenarioResult): StoredEvent[] {
    return result.events.filter((e) => e.eventType === 'custom_event' && e.customEventType === 'media');
}

function byName(events: StoredEvent[], name: string): StoredEvent {
    const found = events.filter((e) => e.eventName === name);
    assert.equal(found.length, 1, `exactly one "${name}" event`);
    return found[0];
}

function sortedKeys(attributes: Record<string, string>): string[] {
    return Object.keys(attributes).sort();
}

const TRANSPORT = process.env.MP_TEST_TRANSPORT === 'eventsApi' ? 'eventsApi' : 'native';

function run(name: string): Promise<ScenarioResult> {
    return runScenario({ scenario: path.join(SCENARIOS, `${name}.brs`), timeoutMs: 300_000, options: { transport: TRANSPORT } });
}

describe(`Roku media seed samples, verbatim, through the scenario runner (${TRANSPORT} transport)`, () => {
    let session: ScenarioResult;
    let advertising: ScenarioResult;
    let custom: ScenarioResult;

    before(async () => {
        [session, advertising, custom] = await Promise.all([run('seed-media-session'), run('seed-advertising'), run('seed-custom-media-event')]);
    });

    test('every scenario ran, delivered everything and sent nothing malformed', () => {
        for (const [name, result] of [['seed-media-session', session], ['seed-advertising', advertising], ['seed-custom-media-event', custom]] as const) {
            assert.equal(result.failure, undefined, `${name}: ${result.failure}`);
            assert.equal(result.exitCode, 0, name);
            const uploads = new Set(result.wireLog.map(uploadTransport).filter((t) => t !== undefined));
            assert.deepEqual([...uploads], [TRANSPORT], `${name}: every upload on the ${TRANSPORT} transport`);
        }
    });

    test('the wire log (what --out writes) carries each sample\'s media events, in order', () => {
        const onTheWire = (result: ScenarioResult) => result.wireLog
            .filter((r) => uploadTransport(r) !== undefined && r.status !== undefined && r.status < 300)
            .flatMap((r) => uploadedEvents(r).map((e) => e.data as { event_name?: string; custom_event_type?: string } | undefined))
            .filter((data) => data?.custom_event_type === 'media')
            .map((data) => data?.event_name);
        assert.deepEqual(onTheWire(session), ['Media Session Start', 'Play', 'Pause', 'Media Content End', 'Media Session End', 'Media Session Summary']);
        assert.deepEqual(onTheWire(advertising), mediaEvents(advertising).map((e) => e.eventName));
        assert.deepEqual(onTheWire(custom), ['Custom Media Event']);
    });

    describe('Logging media events (steps 1 to 6)', () => {
        test('the collector stored the six media events of the sample, in order', () => {
            assert.deepEqual(mediaEvents(session).map((e) => e.eventName), [
                'Media Session Start', 'Play', 'Pause', 'Media Content End', 'Media Session End', 'Media Session Summary'
            ]);
        });

        test('events carry the session attributes and each call\'s custom attributes', () => {
            const events = mediaEvents(session);
            const start = byName(events, 'Media Session Start').attributes;
            assert.equal(start.content_id, 'ABC123');
            assert.equal(start.content_title, 'Space Pilot 3000');
            assert.equal(start.content_type, 'Video');
            assert.equal(start.stream_type, 'LiveStream');
            assert.equal(start.content_duration, '1800000');
            assert.equal(start.playhead_position, '0');
            assert.equal(start['example custom attribute'], 'example custom attribute value');
            assert.match(start.media_session_id, /^[0-9a-f-]{36}$/i);
            for (const event of events) {
                assert.equal(event.attributes.media_session_id, start.media_session_id, event.eventName ?? '');
            }
            assert.equal(byName(events, 'Play').attributes.Source, 'Auto Playback');
            const pause = byName(events, 'Pause').attributes;
            assert.equal(pause.Source, 'Player Controls');
            assert.equal(pause.playhead_position, '1900');
        });

        test('timestamps follow the virtual clock', () => {
            const events = mediaEvents(session);
            const t0 = byName(events, 'Media Session Start').timestampMs as number;
            assert.deepEqual(events.map((e) => (e.timestampMs as number) - t0), [0, 1000, 2900, 3400, 3900, 3900]);
        });

        test('one Media Session Summary (logMediaSessionStart -> End sends it; step 6 does not repeat it) with the table\'s keys and values', () => {
            const summary = byName(mediaEvents(session), 'Media Session Summary').attributes;
            // The seed's table plus the QoE totals, and the startup time (the session had a logPlay).
            assert.deepEqual(sortedKeys(summary), [...SESSION_SUMMARY_KEYS, ...QOE_SUMMARY_KEYS, 'qoe_startup_time'].sort());
            assert.equal(summary.qoe_startup_time, '1000');
            assert.equal(summary.content_id, 'ABC123');
            assert.equal(summary.content_title, 'Space Pilot 3000');
            assert.equal(summary.media_content_time_spent, '1900');
            assert.equal(summary.media_time_spent, '3900');
            assert.equal(Number(summary.media_session_end_time) - Number(summary.media_session_start_time), 3900);
            assert.equal(summary.media_content_complete, 'true');
            assert.equal(summary.media_session_segment_total, '0');
            assert.equal(summary.media_total_ad_time_spent, '0');
            assert.equal(summary.media_ad_time_spent_rate, '0');
            assert.equal(summary.media_session_ad_total, '0');
            assert.equal(summary.media_session_ad_objects, '[]');
        });
    });

    describe('Logging Advertising (steps 1 to 4)', () => {
        test('the collector stored the sample\'s events, in order, with one Ad Session Summary', () => {
            assert.deepEqual(mediaEvents(advertising).map((e) => e.eventName), [
                'Media Session Start', 'Ad Break Start', 'Ad Start', 'Ad End', 'Ad Session Summary', 'Ad Break End',
                'Media Session End', 'Media Session Summary'
            ]);
        });

        test('ad break and ad attributes, including the values the app changed before logAdEnd', () => {
            const events = mediaEvents(advertising);
            const adBreak = byName(events, 'Ad Break Start').attributes;
            assert.equal(adBreak.ad_break_id, 'XYZ123');
            assert.equal(adBreak.ad_break_title, 'Gamer Ad Collection');
            assert.equal(adBreak.ad_break_duration, '32000');
            const adStart = byName(events, 'Ad Start').attributes;
            assert.equal(adStart.ad_break_id, 'XYZ123');
            assert.equal(adStart.ad_content_id, 'ABC890');
            assert.equal(adStart.ad_content_title, 'CP 2077 - Be Cool, Be Anything');
            assert.equal(adStart.ad_content_duration, '16000');
            assert.equal(adStart.ad_content_position, '0');
            assert.equal(adStart.ad_content_campaign, 'CP 2077 Preorder Push');
            const adEnd = byName(events, 'Ad End').attributes;
            assert.equal(adEnd.ad_content_position, '800');
            assert.equal(adEnd.click_timestamp_ms, '1593007533602');
            // The ad ended: the break's end no longer reports it, whatever the session still holds.
            const breakEnd = byName(events, 'Ad Break End').attributes;
            assert.equal(breakEnd.ad_break_id, 'XYZ123');
            assert.equal(breakEnd.ad_content_id, undefined);
        });

        test('Ad Session Summary: the table\'s keys, completed, 16 s of ad', () => {
            const summary = byName(mediaEvents(advertising), 'Ad Session Summary').attributes;
            assert.deepEqual(sortedKeys(summary), [...AD_SUMMARY_KEYS].sort());
            assert.equal(summary.ad_break_id, 'XYZ123');
            assert.equal(summary.ad_content_id, 'ABC890');
            assert.equal(summary.ad_content_title, 'CP 2077 - Be Cool, Be Anything');
            assert.equal(Number(summary.ad_content_end_time) - Number(summary.ad_content_start_time), 16000);
            assert.equal(summary.ad_completed, 'true');
            assert.equal(summary.ad_skipped, 'false');
        });

        test('Media Session Summary: the app-set mediaContentTimeSpent (2750) wins; ad totals are computed', () => {
            const summary = byName(mediaEvents(advertising), 'Media Session Summary').attributes;
            assert.deepEqual(sortedKeys(summary), [...SESSION_SUMMARY_KEYS, ...QOE_SUMMARY_KEYS].sort());
            assert.equal(summary.media_content_time_spent, '2750');
            assert.equal(summary.media_session_ad_total, '1');
            assert.deepEqual(JSON.parse(summary.media_session_ad_objects), ['ABC890']);
            assert.equal(summary.media_total_ad_time_spent, '16000');
            assert.ok(Math.abs(Number(summary.media_ad_time_spent_rate) - (16000 / 2750) * 100) < 0.01, summary.media_ad_time_spent_rate);
            assert.equal(summary.media_content_complete, 'false');
            assert.equal(summary.media_time_spent, '18200');
        });
    });

    describe('Custom Media Events', () => {
        test('logEvent with CUSTOM_EVENT_TYPE.MEDIA stores one media custom event with its attribute', () => {
            const events = mediaEvents(custom);
            assert.deepEqual(events.map((e) => e.eventName), ['Custom Media Event']);
            assert.equal(events[0].attributes['example custom attribute'], 'example custom attribute value');
        });
    });
});
