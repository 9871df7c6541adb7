/**
 * Differential test of the media summary logic: seeded random media sessions (play, pause, seek,
 * buffering, ad breaks with ads, clicks, skips, segments, explicit summaries, content end, session
 * end, with clock advances) run through this SDK — one generated scenario that plays every session
 * in turn, each with its own content id, in one headless run — and through npm
 * @mparticle/web-media-sdk on a controlled Date.now (tests/node/media/webReference.ts). Per
 * session it asserts the same media event names in the same order and the same summary values
 * (content time, ad time, ad count and ids, segment count, completion, time spent; each segment's
 * and each ad's summary).
 *
 * What is read on this SDK's side: what the collector stored, for every session — the media
 * events as uploaded (every value a string), grouped by media_session_id and matched to the
 * script by the content_id of the session's Media Session Start. The scenario pauses for
 * delivery about once a batch (diffSettle), so nothing waits long in the core's queue.
 *
 * Seed and size: MEDIA_DIFF_SEED (default 20261105), MEDIA_DIFF_SESSIONS (default 200).
 *
 * Deliberate differences, and how the comparison handles them:
 *   1. Summary event names: the web SDK logs "Media Segment Summary" and "Media Ad Summary"; this
 *      SDK uses the Roku seed's names, "Segment Session Summary" and "Ad Session Summary". The
 *      web names are mapped before comparing.
 *   2. Milestones: this SDK logs a "Milestone" event when the playhead first reaches each
 *      milestone (25/50/75/95 % by default); the web SDK has no milestones. Milestone events are
 *      left out of the name comparison (their count is checked against the playheads instead).
 *   3. Content time: this SDK stops media_content_time_spent while buffering, after
 *      logMediaContentEnd (the content is over; a later logPlay restarts it) and, when
 *      excludeAdBreaksFromContentTime is set (a Roku SDK option the web SDK lacks), during ad
 *      breaks and ads; the web SDK counts from logPlay to logPause only, so a stall, a post-roll or
 *      idle time after the end would count as content watched. The reference's play clock is set
 *      to this SDK's rule after each call (counted as adjustments.contentClock).
 *   4. Completion at mediaContentCompleteLimit = 100 (the default): the web SDK skips the playhead
 *      check at 100, so only logMediaContentEnd completes; this SDK also completes when the
 *      playhead reaches the duration. Applied to the reference before each call
 *      (adjustments.completeAt100).
 *   Found by this test and not a difference of behaviour: the web SDK's session summary holds its
 *   live ad-id array, so a summary logged mid-session would show ads started after it once
 *   serialized later; the reference's stub records a copy of each event as logged. And an
 *   explicit mid-session summary reports media_session_end_time as the last call before it (the
 *   web SDK's reading of "most recent valid event"), which this SDK now does too.
 *   Not exercised here (the scripts are well-formed; Rooibos specs cover them): calls out of
 *   order are ignored with a warning by this SDK while the web SDK logs them; a session ended
 *   during an ad or segment gets their summaries from this SDK, none from the web SDK; this SDK's
 *   summaries carry exactly the seed's summary keys, the web SDK's page events add the content
 *   attributes to them.
 */
import { before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { uploadTransport } from '../../tools/collector';
import { runScenario, type ScenarioResult } from '../../tools/simulate/runScenario';
import type { StoredEvent } from '../../tools/collector/records';
import { brightScriptScenario, generateSessions, type SessionScript } from './media/differentialModel';
import { rokuName, runOnWebSdk, type WebEvent, type WebRun } from './media/webReference';

const SEED = Number(process.env.MEDIA_DIFF_SEED ?? 20261105);
const SESSIONS = Number(process.env.MEDIA_DIFF_SESSIONS ?? 200);
const DEFAULT_MILESTONES = [25, 50, 75, 95];

/** A media event as the collector stored it (attribute values are strings, as uploaded). */
interface MediaEvent {
    name: string;
    timestamp: number;
    mediaSessionId: string;
    attributes: Record<string, string>;
}

interface Pair {
    script: SessionScript;
    /** This SDK's logged media events for the session, in order. */
    roku: MediaEvent[];
    web: WebRun;
}

/** The media events the collector stored, in upload order (each batch in arrival order). */
function storedMediaEvents(stored: StoredEvent[]): MediaEvent[] {
    return stored
        .filter((e) => e.customEventType === 'media')
        .map((e) => ({
            name: String(e.eventName),
            timestamp: Number(e.timestampMs),
            mediaSessionId: e.attributes.media_session_id,
            attributes: e.attributes
        }));
}

const num = (value: unknown) => Number(value);
const bool = (value: unknown) => value === true || value === 'true';

function ofName(events: MediaEvent[], name: string): MediaEvent[] {
    return events.filter((e) => e.name === name);
}

function webOfName(run: WebRun, name: string): WebEvent[] {
    return run.events.filter((e) => rokuName(e.name) === name);
}

/** Collects every mismatch (so a failure lists them all), then asserts there are none. */
class Mismatches {
    readonly list: string[] = [];
    check(where: string, what: string, roku: unknown, web: unknown) {
        const same = typeof web === 'number' && typeof roku === 'number' && !Number.isInteger(web)
            ? Math.abs(roku - web) <= Math.max(1e-6, Math.abs(web) * 1e-6)
            : JSON.stringify(roku) === JSON.stringify(web);
        if (!same) {
            this.list.push(`${where} ${what}: roku ${JSON.stringify(roku)} != web ${JSON.stringify(web)}`);
        }
    }
    assertNone(what: string) {
        assert.equal(this.list.length, 0, `${this.list.length} ${what} mismatch(es):\n  ${this.list.slice(0, 25).join('\n  ')}`);
    }
}

describe(`media differential: ${SESSIONS} seeded sessions (seed ${SEED}) through this SDK and @mparticle/web-media-sdk`, () => {
    const scripts = generateSessions(SEED, SESSIONS);
    let result: ScenarioResult;
    let uploaded: MediaEvent[] = [];
    const pairs: Pair[] = [];

    before(async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'media-differential-'));
        const file = path.join(dir, 'differential.brs');
        fs.writeFileSync(file, brightScriptScenario(scripts, SEED));
        try {
            // Delivery is not what this test compares: large batches (fewer round trips) and no
            // registry writes keep its one headless run short.
            result = await runScenario({
                scenario: file,
                options: { uploadIntervalMillis: 3_600_000, batchSize: 100, persistenceBudgetBytes: 0 },
                // A hang guard, not a speed check: 48 s on an idle 2-core machine, 134 s beside
                // another headless run, and more on a slower machine.
                timeoutMs: 900_000
            });
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
        uploaded = storedMediaEvents(result.events);
        // This SDK's events by media session, then by content id (each session has its own).
        const bySession = new Map<string, MediaEvent[]>();
        for (const event of uploaded) {
            bySession.set(event.mediaSessionId, [...(bySession.get(event.mediaSessionId) ?? []), event]);
        }
        const byContent = new Map<string, MediaEvent[]>();
        for (const events of bySession.values()) {
            const start = events.find((e) => e.name === 'Media Session Start');
            if (start) {
                byContent.set(String(start.attributes.content_id), events);
            }
        }
        for (const script of scripts) {
            pairs.push({ script, roku: byContent.get(script.contentId) ?? [], web: runOnWebSdk(script, 1_700_000_000_000 + script.index * 86_400_000) });
        }
    });

    test('the scenario ran in one headless run, delivered everything and sent nothing malformed', () => {
        assert.equal(result.failure, undefined, result.failure);
        assert.equal(result.exitCode, 0);
        const stalled = result.lines.filter((l) => l.includes('[differential] settle timed out'));
        assert.deepEqual(stalled, [], 'every pause for delivery ended with the Task caught up');
        const statusLine = result.lines.map((l) => /^\[differential\] status (.+)$/.exec(l.trim())?.[1]).find((s) => s !== undefined);
        assert.ok(statusLine, 'the scenario printed the Task\'s last status');
        const status = JSON.parse(statusLine) as { lostCalls: number; dropped: number };
        assert.deepEqual({ lostCalls: status.lostCalls, dropped: status.dropped }, { lostCalls: 0, dropped: 0 }, statusLine);
    });

    test('every session produced its media events', () => {
        const missing = pairs.filter((p) => p.roku.length === 0).map((p) => p.script.contentId);
        assert.deepEqual(missing, []);
    });

    test('every media event was stored once: no batch posted twice, no event lost to the queue', () => {
        const posted = result.wireLog.filter((r) => uploadTransport(r) !== undefined && r.status !== undefined && r.status >= 200 && r.status < 300).length;
        assert.equal(posted, result.batches.length, 'each accepted batch posted once');
        const dropped = result.events.filter((e) => e.eventName === 'mParticle SDK Dropped Events');
        assert.deepEqual(dropped.map((e) => e.attributes), [], 'the core dropped nothing');
        assert.ok(uploaded.length > SESSIONS * 5, `the sessions' media events reached the collector (${uploaded.length})`);
    });

    test('the same media event names in the same order (milestones aside, summary names mapped)', () => {
        const mismatches = new Mismatches();
        for (const pair of pairs) {
            const roku = pair.roku.map((e) => e.name).filter((n) => n !== 'Milestone');
            const web = pair.web.events.map((e) => rokuName(e.name));
            mismatches.check(pair.script.contentId, 'event names', roku, web);
        }
        mismatches.assertNone('event order');
    });

    test('Media Session Summary values', () => {
        const mismatches = new Mismatches();
        for (const pair of pairs) {
            const where = pair.script.contentId;
            const roku = ofName(pair.roku, 'Media Session Summary');
            const web = webOfName(pair.web, 'Media Session Summary');
            mismatches.check(where, 'session summary count', roku.length, web.length);
            if (roku.length !== 1 || web.length !== 1) {
                continue;
            }
            const r = roku[0].attributes;
            const w = web[0].data;
            mismatches.check(where, 'media_content_time_spent', num(r.media_content_time_spent), w.media_content_time_spent);
            mismatches.check(where, 'media_total_ad_time_spent', num(r.media_total_ad_time_spent), w.media_total_ad_time_spent);
            mismatches.check(where, 'media_session_ad_total', num(r.media_session_ad_total), w.media_session_ad_total);
            mismatches.check(where, 'media_session_ad_objects', JSON.parse(r.media_session_ad_objects), w.media_session_ad_objects);
            mismatches.check(where, 'media_session_segment_total', num(r.media_session_segment_total), w.media_session_segment_total);
            mismatches.check(where, 'media_content_complete', bool(r.media_content_complete), w.media_content_complete);
            mismatches.check(where, 'media_time_spent', num(r.media_time_spent), w.media_time_spent);
            mismatches.check(where, 'end - start', num(r.media_session_end_time) - num(r.media_session_start_time), num(w.media_session_end_time) - num(w.media_session_start_time));
            if (num(w.media_content_time_spent) > 0) {
                mismatches.check(where, 'media_ad_time_spent_rate', num(r.media_ad_time_spent_rate), w.media_ad_time_spent_rate);
            }
        }
        mismatches.assertNone('session summary');
    });

    test('each Segment Session Summary', () => {
        const mismatches = new Mismatches();
        for (const pair of pairs) {
            const where = pair.script.contentId;
            const roku = ofName(pair.roku, 'Segment Session Summary');
            const web = webOfName(pair.web, 'Segment Session Summary');
            mismatches.check(where, 'segment summary count', roku.length, web.length);
            roku.forEach((event, i) => {
                const r = event.attributes;
                const w = web[i]?.data ?? {};
                mismatches.check(where, `segment ${i} title`, r.segment_title, w.segment_title);
                mismatches.check(where, `segment ${i} index`, num(r.segment_index), w.segment_index);
                mismatches.check(where, `segment ${i} time spent`, num(r.media_segment_time_spent), w.media_segment_time_spent);
                mismatches.check(where, `segment ${i} completed`, bool(r.segment_completed), w.segment_completed);
                mismatches.check(where, `segment ${i} skipped`, bool(r.segment_skipped), w.segment_skipped);
            });
        }
        mismatches.assertNone('segment summary');
    });

    test('each Ad Session Summary', () => {
        const mismatches = new Mismatches();
        for (const pair of pairs) {
            const where = pair.script.contentId;
            const roku = ofName(pair.roku, 'Ad Session Summary');
            const web = webOfName(pair.web, 'Ad Session Summary');
            mismatches.check(where, 'ad summary count', roku.length, web.length);
            roku.forEach((event, i) => {
                const r = event.attributes;
                const w = web[i]?.data ?? {};
                mismatches.check(where, `ad ${i} id`, r.ad_content_id, w.ad_content_id);
                mismatches.check(where, `ad ${i} break id`, r.ad_break_id, w.ad_break_id);
                mismatches.check(where, `ad ${i} title`, r.ad_content_title, w.ad_content_title);
                mismatches.check(where, `ad ${i} time`, num(r.ad_content_end_time) - num(r.ad_content_start_time), num(w.ad_content_end_time) - num(w.ad_content_start_time));
                // The web SDK leaves the flags undefined for an ad summarized before it ended.
                mismatches.check(where, `ad ${i} completed`, bool(r.ad_completed), w.ad_completed === true);
                mismatches.check(where, `ad ${i} skipped`, bool(r.ad_skipped), w.ad_skipped === true);
            });
        }
        mismatches.assertNone('ad summary');
    });

    test('milestones (this SDK only): one per default milestone the playhead reached, never twice', () => {
        const mismatches = new Mismatches();
        for (const pair of pairs) {
            const reached = Math.max(0, ...pair.script.steps.map((s) => (s.op === 'advance' ? 0 : s.playhead)));
            const expected = DEFAULT_MILESTONES.filter((p) => reached * 100 >= p * pair.script.duration);
            const logged = ofName(pair.roku, 'Milestone').map((e) => num(e.attributes.milestone));
            mismatches.check(pair.script.contentId, 'milestones', logged, expected);
        }
        mismatches.assertNone('milestone');
    });

    test('the deliberate differences were exercised, and many sessions needed no adjustment', (t) => {
        const adjusted = pairs.filter((p) => p.web.adjustments.contentClock + p.web.adjustments.completeAt100 > 0).length;
        const clock = pairs.reduce((n, p) => n + p.web.adjustments.contentClock, 0);
        const complete = pairs.reduce((n, p) => n + p.web.adjustments.completeAt100, 0);
        const ads = pairs.reduce((n, p) => n + ofName(p.roku, 'Ad Session Summary').length, 0);
        const segments = pairs.reduce((n, p) => n + ofName(p.roku, 'Segment Session Summary').length, 0);
        t.diagnostic(`${adjusted} of ${pairs.length} sessions adjusted (content clock ${clock}, complete at 100 % ${complete}); ${ads} ad and ${segments} segment summaries compared`);
        assert.ok(clock > 0 && complete > 0, 'both adjustments occur');
        assert.ok(adjusted < pairs.length * 0.9, 'a good share of sessions is compared without any adjustment');
        assert.ok(ads > SESSIONS / 2, `ads were exercised (${ads} ad summaries)`);
        assert.ok(segments > SESSIONS / 5, `segments were exercised (${segments} segment summaries)`);
    });
});
