/**
 * Each summary the SDK sent, next to the values it was computed from: for every key, the events and
 * spans of the session that make it (e.g. content time = the playing spans), what they add up to, and
 * whether that is the SDK's value. A difference is shown, not judged: an app may set a summary value
 * itself (docs/media.md, "App-set values"), and a call that logs no event (logPlayheadPosition) still
 * moves the end time.
 */
import type { AdSummaryAttributes, SegmentSummaryAttributes, SessionSummaryAttributes } from '../../../typings';
import { clock, num, seconds } from './format';
import { MEDIA_EVENT, SUMMARY_EVENTS, type MediaTimeline, type Span } from './media';
import type { EventView } from './sessions';

export type Check = 'match' | 'differs' | 'info';

export interface SummaryRow {
    key: string;
    label: string;
    /** As uploaded (a string). */
    value: string;
    /** The value for people: "32.0 s", "+5.0 s", "true". */
    shown: string;
    /** A second line under it: the clock time of a time, the raw ms of a duration. */
    sub?: string;
    /** Where it comes from, e.g. "playing 0.0–5.0 s + 9.0–36.0 s". */
    from: string;
    /** What the events add up to, shown like `shown`; absent when not derivable. */
    derived?: string;
    check: Check;
}

export interface SummaryView {
    kind: 'session' | 'segment' | 'ad';
    /** The event name. */
    title: string;
    /** What it summarizes: the segment's title, the ad's title ('' for the session). */
    item: string;
    eventKey: string;
    atMs: number;
    rows: SummaryRow[];
}

type Value = string | number | boolean;

interface Shown {
    shown: string;
    sub?: string;
}

interface RowSpec {
    key: string;
    label: string;
    show: (value: string) => Shown;
    from: string;
    /** The derived value, compared with the uploaded one. */
    derived?: Value | null;
    /** Also accepted as a match (e.g. content time without the ad breaks), with the note that says so. */
    alternative?: { value: Value; note: string };
}

/** An epoch time as its offset on the timeline, with the clock time under it. */
const asTime = (t0: number) => (value: string): Shown => {
    const n = num(value);
    return n === null ? { shown: value } : { shown: `+${seconds(n - t0)}`, sub: `${clock(n)} UTC` };
};
const asDuration = (value: string): Shown => {
    const n = num(value);
    return n === null ? { shown: value } : { shown: seconds(n), sub: `${value} ms` };
};
const asIs = (value: string): Shown => ({ shown: value });
const at = (event: EventView, t0: number) => `${event.name} at +${seconds(event.timestampMs - t0)}`;

function same(uploaded: string, derived: Value): boolean {
    if (typeof derived === 'number') {
        const n = num(uploaded);
        return n !== null && Math.abs(n - derived) < 0.01;
    }
    return uploaded === String(derived);
}

function row(attributes: Record<string, string>, spec: RowSpec): SummaryRow | null {
    const value = attributes[spec.key];
    if (value === undefined) {
        return null;
    }
    let check: Check = 'info';
    let from = spec.from;
    let derived: string | undefined;
    if (spec.derived !== undefined && spec.derived !== null) {
        derived = typeof spec.derived === 'number' ? spec.show(String(spec.derived)).shown : String(spec.derived);
        if (same(value, spec.derived)) {
            check = 'match';
        } else if (spec.alternative && same(value, spec.alternative.value)) {
            check = 'match';
            derived = spec.show(String(spec.alternative.value)).shown;
            from = `${from}; ${spec.alternative.note}`;
        } else {
            check = 'differs';
        }
    }
    return { key: spec.key, label: spec.label, value, ...spec.show(value), from, derived, check };
}

function rows(attributes: Record<string, string>, specs: RowSpec[]): SummaryRow[] {
    return specs.map((spec) => row(attributes, spec)).filter((r): r is SummaryRow => r !== null);
}

function spanList(spans: readonly Span[], describe: (s: Span) => string = (s) => `${seconds(s.startMs)}–${seconds(s.endMs)}`): string {
    return spans.length === 0 ? 'none' : spans.map(describe).join(' + ');
}

function total(spans: readonly Span[]): number {
    return spans.reduce((sum, s) => sum + (s.endMs - s.startMs), 0);
}

/** The part of [start, end) not covered by any of the spans. */
function outside(start: number, end: number, cover: readonly Span[]): number {
    let left = end - start;
    for (const c of cover) {
        left -= Math.max(0, Math.min(end, c.endMs) - Math.max(start, c.startMs));
    }
    return Math.max(0, left);
}

type Key<T> = Extract<keyof T, string>;

function sessionSummary(summary: EventView, events: readonly EventView[], timeline: MediaTimeline, t0: number, durationMs: number | null): SummaryRow[] {
    const a = summary.attributes;
    const before = events.slice(0, Math.max(0, events.indexOf(summary))).filter((e) => !SUMMARY_EVENTS.has(e.name));
    const last = before[before.length - 1];
    const start = events.find((e) => e.name === MEDIA_EVENT.sessionStart);
    const atSummary = summary.timestampMs - t0;
    const spans = timeline.spans.filter((s) => s.startMs <= atSummary).map((s) => ({ ...s, endMs: Math.min(s.endMs, atSummary) }));
    const content = spans.filter((s) => s.lane === 'player' && s.content);
    const breaks = spans.filter((s) => s.lane === 'adBreak');
    const ads = spans.filter((s) => s.lane === 'ad');
    const segments = events.filter((e) => e.name === MEDIA_EVENT.segmentStart && e.timestampMs <= summary.timestampMs);
    const adStarts = events.filter((e) => e.name === MEDIA_EVENT.adStart && e.timestampMs <= summary.timestampMs);
    const contentEnd = events.find((e) => e.name === MEDIA_EVENT.contentEnd && e.timestampMs <= summary.timestampMs);
    const maxPlayhead = Math.max(0, ...timeline.playhead.filter((p) => p.atMs <= atSummary).map((p) => p.playheadMs));
    const contentMs = total(content);
    const contentWithoutBreaks = content.reduce((sum, s) => sum + outside(s.startMs, s.endMs, breaks), 0);
    const adIds = adStarts.map((e) => e.attributes.ad_content_id ?? '');
    const startTime = num(a.media_session_start_time);
    const endTime = num(a.media_session_end_time);
    const adTime = num(a.media_total_ad_time_spent);
    const contentTime = num(a.media_content_time_spent);
    const show = asTime(t0);
    const specs: Array<RowSpec & { key: Key<SessionSummaryAttributes> }> = [
        {
            key: 'media_session_start_time', label: 'session start', show,
            from: start ? at(start, t0) : 'no Media Session Start seen',
            derived: start?.timestampMs ?? null
        },
        {
            key: 'media_session_end_time', label: 'session end', show,
            from: last ? `the latest event before it: ${at(last, t0)}` : 'no events',
            derived: last?.timestampMs ?? null
        },
        {
            key: 'media_time_spent', label: 'time spent', show: asDuration,
            from: 'session end − session start',
            derived: startTime !== null && endTime !== null ? endTime - startTime : null
        },
        {
            key: 'media_content_time_spent', label: 'content time', show: asDuration,
            from: `playing ${spanList(content)}`,
            derived: contentMs,
            alternative: { value: contentWithoutBreaks, note: 'without the ad breaks (excludeAdBreaksFromContentTime)' }
        },
        {
            key: 'media_content_complete', label: 'content complete', show: asIs,
            from: contentEnd
                ? `Media Content End at +${seconds(contentEnd.timestampMs - t0)}`
                : durationMs ? `playhead reached ${Math.round((maxPlayhead / durationMs) * 100)} % of ${seconds(durationMs)}` : 'no Media Content End',
            // Without Media Content End the limit (mediaContentCompleteLimit, a session option) decides: not derivable here.
            derived: contentEnd ? 'true' : null
        },
        {
            key: 'media_session_segment_total', label: 'segments', show: asIs,
            from: segments.length === 0 ? 'no Segment Start' : `Segment Start × ${segments.length}: ${segments.map((e) => e.attributes.segment_title ?? e.attributes.segment_index).join(', ')}`,
            derived: segments.length
        },
        {
            key: 'media_total_ad_time_spent', label: 'ad time', show: asDuration,
            from: `ads ${spanList(ads, (s) => `${s.label} ${seconds(s.startMs)}–${seconds(s.endMs)}`)}`,
            derived: total(ads)
        },
        {
            key: 'media_ad_time_spent_rate', label: 'ad time rate', show: (v) => ({ shown: `${v} %` }),
            from: 'ad time ÷ content time × 100',
            derived: adTime !== null && contentTime !== null ? (contentTime > 0 ? Math.round((adTime / contentTime) * 100 * 100000) / 100000 : 0) : null
        },
        {
            key: 'media_session_ad_total', label: 'ads', show: asIs,
            from: adStarts.length === 0 ? 'no Ad Start' : `Ad Start × ${adStarts.length}`,
            derived: adStarts.length
        },
        {
            key: 'media_session_ad_objects', label: 'ad ids', show: asIs,
            from: 'ad_content_id of each Ad Start',
            derived: JSON.stringify(adIds)
        }
    ];
    return rows(a, specs);
}

function boundaryRows(
    a: Record<string, string>,
    t0: number,
    keys: { start: string; end: string; spent?: string; completed: string; skipped: string },
    startEvent: EventView | undefined,
    endEvent: EventView | undefined,
    names: { start: string; end: string; skip: string }
): RowSpec[] {
    const show = asTime(t0);
    const start = num(a[keys.start]);
    const end = num(a[keys.end]);
    const specs: RowSpec[] = [
        { key: keys.start, label: 'start', show, from: startEvent ? at(startEvent, t0) : `no ${names.start} seen`, derived: startEvent?.timestampMs ?? null },
        { key: keys.end, label: 'end', show, from: endEvent ? at(endEvent, t0) : 'the last call before the summary', derived: endEvent?.timestampMs ?? null }
    ];
    if (keys.spent) {
        specs.push({ key: keys.spent, label: 'time spent', show: asDuration, from: 'end − start', derived: start !== null && end !== null ? end - start : null });
    }
    specs.push(
        { key: keys.completed, label: 'completed', show: asIs, from: endEvent?.name === names.end ? `${names.end} seen` : `no ${names.end}`, derived: String(endEvent?.name === names.end) },
        { key: keys.skipped, label: 'skipped', show: asIs, from: endEvent?.name === names.skip ? `${names.skip} seen` : `no ${names.skip}`, derived: String(endEvent?.name === names.skip) }
    );
    return specs;
}

/** The start event matching a summary (the latest one before it with the same id) and what ended it. */
function bounds(events: readonly EventView[], summary: EventView, startName: string, endNames: string[], sameItem: (e: EventView) => boolean) {
    const earlier = events.slice(0, Math.max(0, events.indexOf(summary)));
    let from = -1;
    earlier.forEach((e, i) => {
        if (e.name === startName && sameItem(e)) {
            from = i;
        }
    });
    const startEvent = from >= 0 ? earlier[from] : undefined;
    const endEvent = from >= 0 ? earlier.slice(from + 1).find((e) => endNames.includes(e.name) && sameItem(e)) : undefined;
    return { startEvent, endEvent };
}

function segmentSummary(summary: EventView, events: readonly EventView[], t0: number): SummaryRow[] {
    const a = summary.attributes;
    const { startEvent, endEvent } = bounds(events, summary, MEDIA_EVENT.segmentStart, [MEDIA_EVENT.segmentEnd, MEDIA_EVENT.segmentSkip],
        (e) => e.attributes.segment_index === a.segment_index);
    const keys: Record<'start' | 'end' | 'spent' | 'completed' | 'skipped', Key<SegmentSummaryAttributes>> = {
        start: 'segment_start_time', end: 'segment_end_time', spent: 'media_segment_time_spent', completed: 'segment_completed', skipped: 'segment_skipped'
    };
    return rows(a, boundaryRows(a, t0, keys, startEvent, endEvent, { start: MEDIA_EVENT.segmentStart, end: MEDIA_EVENT.segmentEnd, skip: MEDIA_EVENT.segmentSkip }));
}

function adSummary(summary: EventView, events: readonly EventView[], t0: number): SummaryRow[] {
    const a = summary.attributes;
    const { startEvent, endEvent } = bounds(events, summary, MEDIA_EVENT.adStart, [MEDIA_EVENT.adEnd, MEDIA_EVENT.adSkip],
        (e) => e.attributes.ad_content_id === a.ad_content_id);
    const keys: Record<'start' | 'end' | 'completed' | 'skipped', Key<AdSummaryAttributes>> = {
        start: 'ad_content_start_time', end: 'ad_content_end_time', completed: 'ad_completed', skipped: 'ad_skipped'
    };
    return rows(a, boundaryRows(a, t0, keys, startEvent, endEvent, { start: MEDIA_EVENT.adStart, end: MEDIA_EVENT.adEnd, skip: MEDIA_EVENT.adSkip }));
}

/** Every summary among a media session's events (sorted by time, as the timeline sorts them). */
export function buildSummaries(events: readonly EventView[], timeline: MediaTimeline, t0: number, durationMs: number | null): SummaryView[] {
    const out: SummaryView[] = [];
    for (const event of events) {
        const atMs = event.timestampMs - t0;
        const a = event.attributes;
        if (event.name === MEDIA_EVENT.sessionSummary) {
            out.push({ kind: 'session', title: event.name, item: '', eventKey: event.key, atMs, rows: sessionSummary(event, events, timeline, t0, durationMs) });
        } else if (event.name === MEDIA_EVENT.segmentSummary) {
            out.push({ kind: 'segment', title: event.name, item: a.segment_title ?? a.segment_index ?? '', eventKey: event.key, atMs, rows: segmentSummary(event, events, t0) });
        } else if (event.name === MEDIA_EVENT.adSummary) {
            out.push({ kind: 'ad', title: event.name, item: a.ad_content_title ?? a.ad_content_id ?? '', eventKey: event.key, atMs, rows: adSummary(event, events, t0) });
        }
    }
    return out;
}
