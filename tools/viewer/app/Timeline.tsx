/**
 * One media session on a wall-clock axis (seconds since Media Session Start, the SDK's clock): the
 * playhead against it (mParticle's playhead_position as a line, Adobe's playhead as squares), with
 * pauses, buffering and ad breaks shaded where the playhead stands still, then one lane each for the
 * player's state, ad breaks, ads, segments, the Adobe calls (pings with the interval before each) and
 * point events (milestones, errors, QoS, seeks). Every drawn item carries data-* attributes saying what
 * it is and when, and a <title> for the mouse.
 */
import type { AdobeCallView } from '../model/adobe';
import { seconds } from '../model/format';
import type { Marker, Span } from '../model/media';
import type { MediaSessionView } from '../model/view';
import { useWidth } from './hooks';

const GUTTER = 92;
const RIGHT = 24;
const TOP = 22;
const CHART_H = 116;
const LANE_H = 22;
const LANE_GAP = 6;
const AXIS_H = 30;
const CHAR_W = 6.3;

type LaneId = Span['lane'] | 'adobe' | 'markers';

const LANES: Array<{ id: LaneId; label: string }> = [
    { id: 'player', label: 'Player' },
    { id: 'adBreak', label: 'Ad breaks' },
    { id: 'ad', label: 'Ads' },
    { id: 'segment', label: 'Segments' },
    { id: 'adobe', label: 'Adobe calls' },
    { id: 'markers', label: 'Events' }
];

const STATE_LABEL: Record<string, string> = {
    starting: 'Starting',
    playing: 'Playing',
    paused: 'Paused',
    buffering: 'Buffering',
    seeking: 'Seeking',
    ended: 'Content ended'
};

/** A round step (1, 2, 5 x 10^n) giving about `count` intervals over `range`. */
function niceStep(range: number, count: number): number {
    const raw = Math.max(range / count, 1e-9);
    const power = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
    return step;
}

function ticks(max: number, step: number): number[] {
    const out: number[] = [];
    for (let v = 0; v <= max + step * 1e-6; v += step) {
        out.push(v);
    }
    return out;
}

function laneY(id: LaneId): number {
    const index = LANES.findIndex((l) => l.id === id);
    return TOP + CHART_H + 18 + index * (LANE_H + LANE_GAP);
}

function spanTitle(span: Span): string {
    const name = span.lane === 'player' ? STATE_LABEL[span.kind] ?? span.kind : `${span.label}`;
    const how = span.open ? ', still open' : span.how ? `, ${span.how}` : '';
    return `${name}: +${seconds(span.startMs)} → +${seconds(span.endMs)} (${seconds(span.endMs - span.startMs)}${how})`;
}

interface Scale {
    x: (ms: number) => number;
    y: (playheadMs: number) => number;
}

function SpanBar({ span, scale, alt }: { span: Span; scale: Scale; alt: boolean }) {
    const x = scale.x(span.startMs);
    const width = Math.max(2, scale.x(span.endMs) - x);
    const y = laneY(span.lane);
    const text = span.lane === 'player' ? STATE_LABEL[span.kind] ?? span.kind : span.label;
    const fits = text.length * CHAR_W + 10 < width;
    return (
        <g class={`span lane-${span.lane} kind-${span.kind}${alt ? ' alt' : ''}${span.open ? ' open' : ''}${span.how ? ` how-${span.how}` : ''}`}
            data-lane={span.lane} data-kind={span.kind} data-label={span.label} data-start-ms={span.startMs} data-end-ms={span.endMs}>
            <title>{spanTitle(span)}</title>
            <rect x={x} y={y} width={width} height={LANE_H} rx={4} />
            {fits && <text x={x + 6} y={y + LANE_H / 2 + 4}>{text}</text>}
        </g>
    );
}

function AdobeLane({ calls, offsetMs, scale }: { calls: AdobeCallView[]; offsetMs: number; scale: Scale }) {
    const y = laneY('adobe');
    const mid = y + LANE_H / 2;
    // Each ping's interval runs from the previous ping, the first one's from sessionStart.
    let anchor = offsetMs;
    let anchorName = 'sessionStart';
    return (
        <g class="adobe-lane">
            {calls.map((call) => {
                const at = offsetMs + call.atMs;
                const x = scale.x(at);
                const title = `${call.eventType}${call.detail ? ` (${call.detail})` : ''} · +${seconds(call.atMs)} · playhead ${call.playheadSec} s`;
                if (call.sincePingMs === undefined) {
                    return (
                        <g class="adobe-call" data-adobe-call={call.eventType} data-at-ms={call.atMs} data-playhead={call.playheadSec}>
                            <title>{title}</title>
                            <line x1={x} x2={x} y1={y + 2} y2={y + LANE_H - 2} />
                        </g>
                    );
                }
                const from = scale.x(anchor);
                const since = anchorName;
                anchor = at;
                anchorName = 'the previous ping';
                const label = seconds(call.sincePingMs);
                return (
                    <g class={`adobe-call ping${call.late ? ' late' : ''}`} data-adobe-call="ping" data-at-ms={call.atMs} data-playhead={call.playheadSec} data-since-ping-ms={call.sincePingMs}>
                        <title>{`${title} · ${label} after ${since}${call.late ? ' (late)' : ''}`}</title>
                        <line class="rhythm" x1={from} x2={x} y1={mid} y2={mid} />
                        {x - from > label.length * CHAR_W + 12 && <text class="rhythm-label" x={(from + x) / 2} y={mid - 3} text-anchor="middle">{label}</text>}
                        <path d={`M${x} ${mid - 6} L${x + 6} ${mid} L${x} ${mid + 6} L${x - 6} ${mid} Z`} />
                    </g>
                );
            })}
        </g>
    );
}

function MarkerLane({ markers, scale }: { markers: Marker[]; scale: Scale }) {
    const y = laneY('markers');
    // Markers closer than a glyph share one glyph and one label.
    const clusters: Marker[][] = [];
    for (const marker of [...markers].sort((a, b) => a.atMs - b.atMs)) {
        const last = clusters[clusters.length - 1];
        if (last && scale.x(marker.atMs) - scale.x(last[0].atMs) < 10) {
            last.push(marker);
        } else {
            clusters.push([marker]);
        }
    }
    return (
        <g class="marker-lane">
            {clusters.map((cluster, i) => {
                const x = scale.x(cluster[0].atMs);
                const kind = cluster.some((m) => m.kind === 'error') ? 'error' : cluster[0].kind;
                const label = cluster.map((m) => m.label).join(', ');
                const next = clusters[i + 1];
                const previous = clusters[i - 1];
                const textW = label.length * CHAR_W;
                // The label goes right of the glyph, or left of it when the next marker (or the end) is too close.
                const right = (next ? scale.x(next[0].atMs) : scale.x(Infinity) + RIGHT) - x - 14 > textW;
                const left = !right && x - (previous ? scale.x(previous[0].atMs) + 60 : GUTTER) - 14 > textW;
                return (
                    <g class={`marker kind-${kind}`} data-marker={cluster.map((m) => m.kind).join(' ')} data-at-ms={cluster[0].atMs}>
                        <title>{cluster.map((m) => `${m.label} · +${seconds(m.atMs)}`).join('\n')}</title>
                        <circle cx={x} cy={y + LANE_H / 2} r={5} />
                        {(right || left) && <text x={right ? x + 9 : x - 9} y={y + LANE_H / 2 + 4} text-anchor={right ? 'start' : 'end'}>{label}</text>}
                    </g>
                );
            })}
        </g>
    );
}

export function Timeline({ session }: { session: MediaSessionView }) {
    const [ref, width] = useWidth<HTMLDivElement>(960);
    const { timeline } = session;
    const adobeCalls = session.adobe.flatMap((a) => a.calls.map((c) => ({ call: c, offsetMs: a.startMs - session.startMs })));
    const endMs = Math.max(1000, timeline.endedAtMs ?? timeline.lastMs, ...adobeCalls.map(({ call, offsetMs }) => offsetMs + call.atMs));
    const maxPlayhead = Math.max(1000, session.durationMs ?? 0, ...timeline.playhead.map((p) => p.playheadMs), ...adobeCalls.map(({ call }) => call.playheadSec * 1000));
    const plotW = Math.max(200, width - GUTTER - RIGHT);
    const scale: Scale = {
        x: (ms) => GUTTER + (Math.min(Math.max(ms, 0), endMs) / endMs) * plotW,
        y: (ph) => TOP + CHART_H - (Math.min(ph, maxPlayhead) / maxPlayhead) * CHART_H
    };
    const timeStep = niceStep(endMs, Math.max(2, Math.floor(plotW / 90)));
    const playheadStep = niceStep(maxPlayhead, 4);
    const lanesBottom = laneY('markers') + LANE_H;
    const height = lanesBottom + AXIS_H;
    const still = timeline.spans.filter((s) => (s.lane === 'player' && !s.content && s.kind !== 'ended') || s.lane === 'adBreak');
    // Every other ad or segment is a lighter shade, so neighbours touching end to start stay apart.
    const seen: Partial<Record<Span['lane'], number>> = {};
    const alternate = timeline.spans.map((span) => span.lane !== 'player' && ((seen[span.lane] = (seen[span.lane] ?? -1) + 1) % 2 === 1));
    const points = timeline.playhead.map((p) => `${scale.x(p.atMs).toFixed(1)},${scale.y(p.playheadMs).toFixed(1)}`).join(' ');

    return (
        <div class="timeline" ref={ref}>
            <svg width={GUTTER + plotW + RIGHT} height={height} role="img" aria-label={`Timeline of ${session.title ?? session.id}`}>
                <g class="grid">
                    {ticks(endMs, timeStep).map((t) => <line x1={scale.x(t)} x2={scale.x(t)} y1={TOP} y2={lanesBottom} />)}
                    {ticks(maxPlayhead, playheadStep).map((p) => <line class="h" x1={GUTTER} x2={GUTTER + plotW} y1={scale.y(p)} y2={scale.y(p)} />)}
                </g>
                <g class="chart">
                    <text class="lane-label" x={8} y={TOP - 9}>Playhead (s)</text>
                    {ticks(maxPlayhead, playheadStep).map((p) => <text class="tick" x={GUTTER - 6} y={scale.y(p) + 4} text-anchor="end">{Number((p / 1000).toFixed(1))}</text>)}
                    {still.map((s) => (
                        <rect class={`still kind-${s.kind}`} x={scale.x(s.startMs)} y={TOP} width={Math.max(1, scale.x(s.endMs) - scale.x(s.startMs))} height={CHART_H}>
                            <title>{spanTitle(s)}: the playhead stands still</title>
                        </rect>
                    ))}
                    <rect class="frame" x={GUTTER} y={TOP} width={plotW} height={CHART_H} />
                    {points && <polyline class="playhead" points={points} />}
                    {timeline.playhead.map((p) => (
                        <circle class="playhead-point" data-playhead-ms={p.playheadMs} data-at-ms={p.atMs} cx={scale.x(p.atMs)} cy={scale.y(p.playheadMs)} r={2.6}>
                            <title>{`playhead_position ${seconds(p.playheadMs)} at +${seconds(p.atMs)}`}</title>
                        </circle>
                    ))}
                    {adobeCalls.map(({ call, offsetMs }) => (
                        <rect class="adobe-playhead" x={scale.x(offsetMs + call.atMs) - 3} y={scale.y(call.playheadSec * 1000) - 3} width={6} height={6}>
                            <title>{`Adobe ${call.eventType}: playhead ${call.playheadSec} s at +${seconds(offsetMs + call.atMs)}`}</title>
                        </rect>
                    ))}
                </g>
                <g class="lanes">
                    {LANES.map((lane) => (
                        <g>
                            <rect class="lane-bg" x={GUTTER} y={laneY(lane.id)} width={plotW} height={LANE_H} rx={4} />
                            <text class="lane-label" x={8} y={laneY(lane.id) + LANE_H / 2 + 4}>{lane.label}</text>
                        </g>
                    ))}
                    {timeline.spans.map((span, i) => <SpanBar span={span} scale={scale} alt={alternate[i]} />)}
                    {session.adobe.map((a) => <AdobeLane calls={a.calls} offsetMs={a.startMs - session.startMs} scale={scale} />)}
                    <MarkerLane markers={timeline.markers} scale={scale} />
                </g>
                <g class="axis">
                    {ticks(endMs, timeStep).map((t) => <text class="tick" x={scale.x(t)} y={lanesBottom + 16} text-anchor="middle">{seconds(t)}</text>)}
                    <text class="axis-title" x={GUTTER + plotW} y={lanesBottom + 28} text-anchor="end">wall clock since Media Session Start (the SDK's clock)</text>
                </g>
            </svg>
        </div>
    );
}
