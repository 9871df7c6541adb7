/**
 * A media session (media_session_id) as a timeline: the player's state (starting, playing, paused,
 * buffering, seeking, ended), ad breaks, ads and segments as spans on the SDK's clock, point events
 * (milestones, errors, QoS, seeks, clicks) as markers, and the playhead each event reported. Offsets are
 * ms from the session's start, so the page can draw playhead against wall clock as the Adobe seed's
 * diagrams do.
 */
import type { LoggedMediaEventName } from '../../../typings';
import { num } from './format';
import { byTime, type EventView } from './sessions';

/** The media events the timeline reads (checked against the generated typings). */
export const MEDIA_EVENT = {
    sessionStart: 'Media Session Start',
    sessionEnd: 'Media Session End',
    contentEnd: 'Media Content End',
    play: 'Play',
    pause: 'Pause',
    seekStart: 'Seek Start',
    seekEnd: 'Seek End',
    bufferStart: 'Buffer Start',
    bufferEnd: 'Buffer End',
    adClick: 'Ad Click',
    adBreakStart: 'Ad Break Start',
    adBreakEnd: 'Ad Break End',
    adStart: 'Ad Start',
    adEnd: 'Ad End',
    adSkip: 'Ad Skip',
    segmentStart: 'Segment Start',
    segmentEnd: 'Segment End',
    segmentSkip: 'Segment Skip',
    qos: 'Update QoS',
    error: 'Media Error',
    milestone: 'Milestone',
    sessionSummary: 'Media Session Summary',
    segmentSummary: 'Segment Session Summary',
    adSummary: 'Ad Session Summary'
} as const satisfies Record<string, LoggedMediaEventName>;

export const SUMMARY_EVENTS: ReadonlySet<string> = new Set([MEDIA_EVENT.sessionSummary, MEDIA_EVENT.segmentSummary, MEDIA_EVENT.adSummary]);

export type PlayerState = 'starting' | 'playing' | 'paused' | 'buffering' | 'seeking' | 'ended';
export type Lane = 'player' | 'adBreak' | 'ad' | 'segment';

export interface Span {
    lane: Lane;
    /** The player state, or 'adBreak' / 'ad' / 'segment'. */
    kind: PlayerState | 'adBreak' | 'ad' | 'segment';
    label: string;
    startMs: number;
    endMs: number;
    /** Still running: the session has not ended yet (the span ends at the latest event). */
    open: boolean;
    /** How an ad, break or segment ended: 'completed' (End), 'skipped' (Skip), 'cut' (something else closed it). */
    how?: 'completed' | 'skipped' | 'cut';
    /** Player spans: content time runs (playing, or seeking from playing). */
    content?: boolean;
    /** Ads: ad_content_id; segments: segment_index; breaks: ad_break_id. */
    id?: string;
    eventKey: string;
}

export type MarkerKind = 'milestone' | 'error' | 'qos' | 'seek' | 'click' | 'other';

export interface Marker {
    kind: MarkerKind;
    label: string;
    atMs: number;
    eventKey: string;
}

export interface PlayheadPoint {
    atMs: number;
    playheadMs: number;
}

export interface MediaTimeline {
    spans: Span[];
    markers: Marker[];
    playhead: PlayheadPoint[];
    /** Offset of Media Session End, or null while the session is open. */
    endedAtMs: number | null;
    /** Offset of the latest event. */
    lastMs: number;
}

interface Open {
    label: string;
    id?: string;
    startMs: number;
    eventKey: string;
}

function adLabel(a: Record<string, string>): string {
    return a.ad_content_title || a.ad_content_id || 'ad';
}

function segmentLabel(a: Record<string, string>): string {
    return a.segment_title || (a.segment_index ? `segment ${a.segment_index}` : 'segment');
}

/** Builds the timeline of one media session's events (any order; sorted here), offsets from t0. */
export function buildTimeline(events: readonly EventView[], t0: number): MediaTimeline {
    const sorted = [...events].sort(byTime);
    const spans: Span[] = [];
    const markers: Marker[] = [];
    const playhead: PlayheadPoint[] = [];

    let state = 'starting' as PlayerState;
    let since = 0;
    let sinceKey = sorted[0]?.key ?? '';
    let resumeTo = 'starting' as PlayerState;
    const playerSpan = (endMs: number, open: boolean) => {
        if (endMs > since || open) {
            const content = state === 'playing' || (state === 'seeking' && resumeTo === 'playing');
            spans.push({ lane: 'player', kind: state, label: state, startMs: since, endMs, open, content, eventKey: sinceKey });
        }
    };
    const enter = (next: PlayerState, at: number, key: string) => {
        if (next !== state) {
            playerSpan(at, false);
            state = next;
            since = at;
            sinceKey = key;
        }
    };

    const open: Record<'adBreak' | 'ad' | 'segment', Open | null> = { adBreak: null, ad: null, segment: null };
    const close = (lane: 'adBreak' | 'ad' | 'segment', at: number, how: Span['how'], stillOpen = false) => {
        const o = open[lane];
        if (o) {
            spans.push({ lane, kind: lane, label: o.label, id: o.id, startMs: o.startMs, endMs: at, open: stillOpen, how: stillOpen ? undefined : how, eventKey: o.eventKey });
            open[lane] = null;
        }
    };
    const start = (lane: 'adBreak' | 'ad' | 'segment', at: number, item: Omit<Open, 'startMs'>) => {
        close(lane, at, 'cut');
        open[lane] = { ...item, startMs: at };
    };

    let endedAtMs: number | null = null;
    let lastMs = 0;
    for (const event of sorted) {
        const at = event.timestampMs - t0;
        lastMs = Math.max(lastMs, at);
        const a = event.attributes;
        const ph = num(a.playhead_position);
        if (ph !== null && !SUMMARY_EVENTS.has(event.name)) {
            playhead.push({ atMs: at, playheadMs: ph });
        }
        const marker = (kind: MarkerKind, label: string) => markers.push({ kind, label, atMs: at, eventKey: event.key });
        switch (event.name) {
            case MEDIA_EVENT.sessionStart:
                break;
            case MEDIA_EVENT.play:
                enter('playing', at, event.key);
                break;
            case MEDIA_EVENT.pause:
                enter('paused', at, event.key);
                break;
            case MEDIA_EVENT.bufferStart:
                if (state !== 'buffering') {
                    resumeTo = state;
                    enter('buffering', at, event.key);
                }
                break;
            case MEDIA_EVENT.bufferEnd:
                if (state === 'buffering') {
                    enter(resumeTo, at, event.key);
                }
                break;
            case MEDIA_EVENT.seekStart:
                marker('seek', `seek from ${a.seek_position ?? '?'} ms`);
                if (state !== 'seeking') {
                    resumeTo = state;
                    enter('seeking', at, event.key);
                }
                break;
            case MEDIA_EVENT.seekEnd:
                marker('seek', `seek to ${a.seek_position ?? '?'} ms`);
                if (state === 'seeking') {
                    enter(resumeTo, at, event.key);
                }
                break;
            case MEDIA_EVENT.contentEnd:
                enter('ended', at, event.key);
                break;
            case MEDIA_EVENT.sessionEnd:
                endedAtMs = at;
                break;
            case MEDIA_EVENT.adBreakStart:
                start('adBreak', at, { label: a.ad_break_title || a.ad_break_id || 'ad break', id: a.ad_break_id, eventKey: event.key });
                break;
            case MEDIA_EVENT.adBreakEnd:
                close('adBreak', at, 'completed');
                break;
            case MEDIA_EVENT.adStart:
                start('ad', at, { label: adLabel(a), id: a.ad_content_id, eventKey: event.key });
                break;
            case MEDIA_EVENT.adEnd:
                close('ad', at, 'completed');
                break;
            case MEDIA_EVENT.adSkip:
                close('ad', at, 'skipped');
                break;
            case MEDIA_EVENT.adSummary:
                // A summary of the open ad (logAdSummary during it) ends it.
                if (open.ad && open.ad.id === a.ad_content_id) {
                    close('ad', at, 'cut');
                }
                break;
            case MEDIA_EVENT.segmentStart:
                start('segment', at, { label: segmentLabel(a), id: a.segment_index, eventKey: event.key });
                break;
            case MEDIA_EVENT.segmentEnd:
                close('segment', at, 'completed');
                break;
            case MEDIA_EVENT.segmentSkip:
                close('segment', at, 'skipped');
                break;
            case MEDIA_EVENT.segmentSummary:
                if (open.segment && open.segment.id === a.segment_index) {
                    close('segment', at, 'cut');
                }
                break;
            case MEDIA_EVENT.milestone:
                marker('milestone', `${a.milestone ?? '?'}${num(a.milestone) !== null ? ' %' : ''}`);
                break;
            case MEDIA_EVENT.error:
                marker('error', `${a.error_name ?? 'error'}${a.error_source ? ` (${a.error_source})` : ''}`);
                break;
            case MEDIA_EVENT.qos:
                marker('qos', a.qos_bitrate ? `${Math.round(Number(a.qos_bitrate) / 1000)} kbps` : 'QoS');
                break;
            case MEDIA_EVENT.adClick:
                marker('click', `click ${a.ad_content_id ?? ''}`.trim());
                break;
            case MEDIA_EVENT.sessionSummary:
                break;
            default:
                marker('other', event.name);
        }
    }
    const finalMs = endedAtMs ?? lastMs;
    const stillOpen = endedAtMs === null;
    for (const lane of ['adBreak', 'ad', 'segment'] as const) {
        close(lane, finalMs, 'cut', stillOpen);
    }
    playerSpan(finalMs, stillOpen);
    const laneOrder: Record<Lane, number> = { player: 0, adBreak: 1, ad: 2, segment: 3 };
    spans.sort((x, y) => laneOrder[x.lane] - laneOrder[y.lane] || x.startMs - y.startMs);
    return { spans, markers, playhead, endedAtMs, lastMs };
}
