/**
 * The viewer's model, on records made here: how a media session's events become timeline spans, how a
 * summary is set next to what its values come from, how plan findings find their event, the Adobe ping
 * rhythm, re-sends and faults, and the filter. The page only draws what these functions return.
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { PlanViolation, StoredAdobeEvent, StoredEvent } from '../../tools/collector/records';
import { buildAdobeSessions, linkAdobeSessions } from '../../tools/viewer/model/adobe';
import { buildTimeline } from '../../tools/viewer/model/media';
import { batchAttempts, buildProblems, buildRequests } from '../../tools/viewer/model/requests';
import { toEventViews } from '../../tools/viewer/model/sessions';
import { applyRecords, emptyState } from '../../tools/viewer/model/state';
import { buildSummaries } from '../../tools/viewer/model/summaries';
import { linkViolations } from '../../tools/viewer/model/violations';
import { buildView } from '../../tools/viewer/model/view';
import type { RequestInfo } from '../../tools/viewer/protocol';

const T0 = 1_800_000_000_000;
const MEDIA_ID = 'media-1';

let nextIdx = 0;
function media(name: string, atMs: number, attrs: Record<string, string> = {}, batchId = 'b1'): StoredEvent {
    const attributes = { media_session_id: MEDIA_ID, content_id: 'clip', content_title: 'Clip', content_duration: '20000', ...attrs };
    return {
        batchId,
        idx: nextIdx++,
        receivedAt: new Date(T0 + atMs).toISOString(),
        environment: 'development',
        mpid: '42',
        eventType: 'custom_event',
        eventName: name,
        customEventType: 'media',
        timestampMs: T0 + atMs,
        sessionUuid: 'session-1',
        attributes,
        event: { event_type: 'custom_event', data: { event_name: name, custom_event_type: 'media', custom_attributes: attributes } } as StoredEvent['event']
    };
}

function spansOf(events: StoredEvent[]) {
    return buildTimeline(toEventViews(events, []), T0).spans.map((s) => [s.lane, s.kind, s.startMs, s.endMs, s.how ?? (s.open ? 'open' : '')]);
}

describe('timeline', () => {
    test('player states, ad breaks, ads and segments become spans on the SDK clock', () => {
        const spans = spansOf([
            media('Media Session Start', 0), media('Play', 0), media('Segment Start', 0, { segment_index: '1', segment_title: 'One' }),
            media('Buffer Start', 2000), media('Buffer End', 3000),
            media('Seek Start', 4000, { seek_position: '4000' }), media('Seek End', 4500, { seek_position: '8000' }),
            media('Pause', 6000),
            media('Ad Break Start', 7000, { ad_break_id: 'br' }), media('Ad Start', 7000, { ad_content_id: 'a1' }),
            media('Ad Skip', 9000, { ad_content_id: 'a1' }), media('Ad Break End', 9000), media('Play', 9000),
            media('Segment End', 12000, { segment_index: '1' }), media('Media Content End', 12000), media('Media Session End', 12500)
        ]);
        assert.deepEqual(spans, [
            ['player', 'playing', 0, 2000, ''],
            ['player', 'buffering', 2000, 3000, ''],
            ['player', 'playing', 3000, 4000, ''],
            ['player', 'seeking', 4000, 4500, ''],
            ['player', 'playing', 4500, 6000, ''],
            ['player', 'paused', 6000, 9000, ''],
            ['player', 'playing', 9000, 12000, ''],
            ['player', 'ended', 12000, 12500, ''],
            ['adBreak', 'adBreak', 7000, 9000, 'completed'],
            ['ad', 'ad', 7000, 9000, 'skipped'],
            ['segment', 'segment', 0, 12000, 'completed']
        ]);
    });

    test('a session that has not ended leaves its last spans open at the latest event', () => {
        const spans = spansOf([media('Media Session Start', 0), media('Play', 1000), media('Ad Start', 5000, { ad_content_id: 'a1' })]);
        assert.deepEqual(spans, [
            ['player', 'starting', 0, 1000, ''],
            ['player', 'playing', 1000, 5000, 'open'],
            ['ad', 'ad', 5000, 5000, 'open']
        ]);
    });

    test('playheads and point events: milestones, errors and QoS are markers; summaries are not', () => {
        const timeline = buildTimeline(toEventViews([
            media('Media Session Start', 0, { playhead_position: '0' }), media('Milestone', 5000, { milestone: '25', playhead_position: '5000' }),
            media('Media Error', 6000, { error_name: 'timeout', error_source: 'external' }), media('Update QoS', 7000, { qos_bitrate: '4500000' }),
            media('Media Session Summary', 8000, { media_time_spent: '8000' })
        ], []), T0);
        assert.deepEqual(timeline.markers.map((m) => [m.kind, m.label, m.atMs]), [['milestone', '25 %', 5000], ['error', 'timeout (external)', 6000], ['qos', '4500 kbps', 7000]]);
        assert.deepEqual(timeline.playhead, [{ atMs: 0, playheadMs: 0 }, { atMs: 5000, playheadMs: 5000 }]);
    });
});

describe('summaries next to their sources', () => {
    const session = (contentTime: string, rate: string) => [
        media('Media Session Start', 0), media('Play', 0),
        media('Ad Break Start', 4000), media('Ad Start', 4000, { ad_content_id: 'a1', ad_content_title: 'Promo' }),
        media('Ad End', 6000, { ad_content_id: 'a1' }), media('Ad Break End', 6000),
        media('Pause', 10000), media('Media Session End', 12000),
        media('Media Session Summary', 12000, {
            media_session_start_time: String(T0), media_session_end_time: String(T0 + 12000), media_time_spent: '12000',
            media_content_time_spent: contentTime, media_total_ad_time_spent: '2000', media_ad_time_spent_rate: rate,
            media_session_ad_total: '1', media_session_ad_objects: '["a1"]', media_session_segment_total: '0', media_content_complete: 'false'
        })
    ];
    const rowsOf = (events: StoredEvent[]) => {
        const views = toEventViews(events, []);
        const [summary] = buildSummaries(views, buildTimeline(views, T0), T0, 20000);
        return Object.fromEntries(summary.rows.map((r) => [r.key, r]));
    };

    test('each value comes with the spans and events it is made of, and matches them', () => {
        const rows = rowsOf(session('10000', '20'));
        assert.equal(rows.media_content_time_spent.from, 'playing 0.0 s–10.0 s');
        assert.equal(rows.media_content_time_spent.check, 'match');
        assert.equal(rows.media_total_ad_time_spent.from, 'ads Promo 4.0 s–6.0 s');
        assert.equal(rows.media_session_end_time.from, 'the latest event before it: Media Session End at +12.0 s');
        assert.equal(rows.media_ad_time_spent_rate.check, 'match');
        assert.equal(rows.media_session_ad_objects.check, 'match');
        // Without Media Content End the completion limit decides: shown, not judged.
        assert.equal(rows.media_content_complete.check, 'info');
        assert.equal(rows.media_content_complete.from, 'playhead reached 0 % of 20.0 s');
    });

    test('content time without the ad breaks (excludeAdBreaksFromContentTime) matches too, and says so', () => {
        const row = rowsOf(session('8000', '25')).media_content_time_spent;
        assert.equal(row.check, 'match');
        assert.match(row.from, /without the ad breaks/);
    });

    test('a value the events do not give (an app-set one) is shown as differing, with what the events give', () => {
        const row = rowsOf(session('2750', '72.72727')).media_content_time_spent;
        assert.equal(row.check, 'differs');
        assert.equal(row.derived, '10.0 s');
    });

    test('segment and ad summaries take their start and end from the matching events', () => {
        const views = toEventViews([
            media('Media Session Start', 0), media('Ad Start', 1000, { ad_content_id: 'a1' }), media('Ad Skip', 3000, { ad_content_id: 'a1' }),
            media('Ad Session Summary', 3000, { ad_content_id: 'a1', ad_content_start_time: String(T0 + 1000), ad_content_end_time: String(T0 + 3000), ad_completed: 'false', ad_skipped: 'true' })
        ], []);
        const [ad] = buildSummaries(views, buildTimeline(views, T0), T0, null);
        assert.deepEqual(ad.rows.map((r) => [r.key, r.from, r.check]), [
            ['ad_content_start_time', 'Ad Start at +1.0 s', 'match'],
            ['ad_content_end_time', 'Ad Skip at +3.0 s', 'match'],
            ['ad_completed', 'no Ad End', 'match'],
            ['ad_skipped', 'Ad Skip seen', 'match']
        ]);
    });
});

describe('plan findings', () => {
    test('a finding lands on the event of its batch that it describes, not on its look-alikes', () => {
        const plain = media('Pause', 1000, {}, 'b2');
        const extra = media('Pause', 2000, { pause_reason: 'remote' }, 'b2');
        const violation: PlanViolation = {
            batchId: 'b2',
            receivedAt: new Date(T0).toISOString(),
            match: { type: 'custom_event', criteria: { event_name: 'Pause', custom_event_type: 'media' } },
            errors: [{ validation_error_type: 'unplanned' as never, key: 'pause_reason', error_pointer: '#/data/custom_attributes' }]
        };
        const userAttributes: PlanViolation = { ...violation, match: { type: 'user_attributes' }, errors: [{ validation_error_type: 'invalid_value' as never, key: 'plan', expected: 'string' }] };
        const [linked, batchLevel] = linkViolations([violation, userAttributes], [plain, extra]);
        assert.deepEqual(linked.eventKeys, ['b2:' + extra.idx]);
        assert.equal(linked.target, 'custom_event "Pause" (media)');
        assert.deepEqual(linked.findings.map((f) => f.text), ['unplanned attribute "pause_reason"']);
        assert.deepEqual(batchLevel.eventKeys, []);
        const views = toEventViews([plain, extra], [linked]);
        assert.deepEqual(views.map((v) => v.findings.length), [0, 1]);
    });
});

function adobe(eventType: string, atMs: number, playhead: number, mediaCollection: Record<string, unknown> = {}): StoredAdobeEvent {
    return {
        receivedAt: new Date(T0 + atMs).toISOString(),
        configId: 'cfg',
        eventType,
        sessionId: 'sid-1',
        timestamp: new Date(T0 + atMs).toISOString(),
        playhead,
        xdm: { eventType: `media.${eventType}`, mediaCollection: { playhead, ...mediaCollection } }
    };
}

describe('Adobe calls', () => {
    test('each ping carries the interval before it; one well past the usual interval is late', () => {
        const [session] = buildAdobeSessions([
            adobe('sessionStart', 0, 0, { sessionDetails: { name: 'clip', friendlyName: 'Clip' } }), adobe('play', 10, 0),
            adobe('ping', 10000, 10), adobe('ping', 20000, 20), adobe('ping', 35000, 35), adobe('sessionEnd', 36000, 36)
        ]);
        assert.deepEqual(session.calls.filter((c) => c.eventType === 'ping').map((c) => [c.sincePingMs, c.late]), [[10000, false], [10000, false], [15000, true]]);
        assert.equal(session.pingIntervalMs, 10000);
        assert.equal(session.endedBy, 'sessionEnd');
        assert.equal(session.contentId, 'clip');
        linkAdobeSessions([session], [
            { id: 'other', contentId: 'another', startMs: T0, endMs: T0 + 40000, ended: true },
            { id: MEDIA_ID, contentId: 'clip', startMs: T0 - 1, endMs: T0 + 36000, ended: true }
        ]);
        assert.equal(session.mediaSessionId, MEDIA_ID);
    });
});

describe('requests and problems', () => {
    const request = (seq: number, path: string, status: number | undefined, extra: Partial<RequestInfo> = {}): RequestInfo =>
        ({ seq, method: 'POST', path, receivedAt: new Date(T0 + seq).toISOString(), status, ...extra });

    test('a re-sent batch and injected faults are marked, and faults are problems', () => {
        const requests = buildRequests([
            request(1, '/v2/events', 500, { fault: '500', batchId: 'b1' }),
            request(2, '/v2/events', undefined, { fault: 'drop', batchId: 'b1' }),
            request(3, '/v2/events', 202, { batchId: 'b1' }),
            request(4, '/ee/va/v1/ping', 204),
            request(5, '/v1/42/modify', 200),
            request(6, '/v2/test-api-key/events', 202, { batchId: 'n1' })
        ]);
        assert.deepEqual(requests.map((r) => [r.api, r.label, r.resend, r.problem]), [
            ['events', 'batch b1', false, 'fault'], ['events', 'batch b1', true, 'fault'], ['events', 'batch b1', true, null],
            ['adobe', 'ping', false, null], ['idsync', 'modify', false, null], ['events', 'batch n1', false, null]
        ]);
        assert.deepEqual(batchAttempts(requests).get('b1'), { posts: 3, failed: 2 });
        // Edge calls with a location hint in the path, and the ECID fetch, are Adobe's too.
        assert.deepEqual(buildRequests([request(6, '/ee/or2/va/v1/play', 204), request(7, '/ee/v1/interact', 200), request(8, '/ee/va6/v1/interact', 200)])
            .map((r) => [r.api, r.label]), [['adobe', 'play'], ['adobe', 'identity'], ['adobe', 'identity']]);
        assert.deepEqual(buildProblems([], [], requests).map((p) => p.title), ['Fault: 500 on events batch b1', 'Fault: connection dropped on events batch b1']);
    });
});

describe('the filter', () => {
    test('by event name and by media session', () => {
        const state = emptyState();
        const other = { ...media('Play', 500), attributes: { media_session_id: 'media-2', content_id: 'other' } };
        applyRecords(state, [media('Media Session Start', 0), media('Play', 100), media('Pause', 200), other].map((event) => ({ kind: 'event' as const, event })));
        const names = (eventName: string, mediaSession = '') => buildView(state, { eventName, mediaSession }).mpSessions.flatMap((s) => s.events.map((e) => e.name));
        assert.deepEqual(names('pla'), ['Play', 'Play']);
        assert.deepEqual(names('', 'media-2'), ['Play']);
        const view = buildView(state, { eventName: '', mediaSession: MEDIA_ID });
        assert.deepEqual(view.mediaSessions.map((m) => m.id), [MEDIA_ID]);
        assert.deepEqual(view.mediaChoices.map((c) => c.label), ['Clip · media-1', 'other · media-2']);
    });
});
