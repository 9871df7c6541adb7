/** A media session's card: what is playing, its timeline, its summaries with their sources, its Adobe calls. */
import { useState } from 'preact/hooks';
import type { AdobeSessionView } from '../model/adobe';
import { clock, plural, seconds, shortId } from '../model/format';
import type { SummaryView } from '../model/summaries';
import type { MediaSessionView } from '../model/view';
import { Timeline } from './Timeline';

function Legend() {
    const items: Array<[string, string]> = [
        ['kind-playing', 'playing'], ['kind-paused', 'paused'], ['kind-buffering', 'buffering'], ['kind-seeking', 'seeking'],
        ['kind-adBreak', 'ad break'], ['kind-ad', 'ad'], ['kind-segment', 'segment'], ['ping', 'Adobe ping'], ['adobe-call', 'other Adobe call'],
        ['playhead', 'playhead (mParticle)'], ['adobe-playhead', 'playhead (Adobe)']
    ];
    return (
        <ul class="legend">
            {items.map(([cls, label]) => <li><span class={`swatch ${cls}`} />{label}</li>)}
        </ul>
    );
}

const CHECK_TEXT = { match: '✓', differs: '≠', info: '' } as const;

export function SummaryCard({ summary }: { summary: SummaryView }) {
    const checked = summary.rows.filter((r) => r.check !== 'info');
    const matching = checked.filter((r) => r.check === 'match').length;
    return (
        <section class={`summary summary-${summary.kind}`} data-summary={summary.title} id={`ev-${summary.eventKey}`}>
            <header>
                <h4>{summary.title}{summary.item && <span class="item"> · {summary.item}</span>}</h4>
                <span class="muted">at +{seconds(summary.atMs)}</span>
                {checked.length > 0 && (
                    <span class={`pill ${matching === checked.length ? 'ok' : 'warn'}`}>
                        {matching === checked.length ? `all ${checked.length} match the events` : `${checked.length - matching} of ${checked.length} differ from the events`}
                    </span>
                )}
            </header>
            <table>
                <thead>
                    <tr><th>key</th><th>SDK value</th><th>computed from</th><th /></tr>
                </thead>
                <tbody>
                    {summary.rows.map((row) => (
                        <tr class={`check-${row.check}`} data-summary-key={row.key} data-value={row.value}>
                            <td><span class="label">{row.label}</span><code>{row.key}</code></td>
                            <td class="value">{row.shown}{row.sub && <small>{row.sub}</small>}</td>
                            <td class="from">{row.from}{row.check === 'differs' && row.derived !== undefined && <span class="derived"> — the events give {row.derived}</span>}</td>
                            <td class="check" title={row.check === 'match' ? 'the events give the same value' : row.check === 'differs' ? 'the events give another value (an app-set value wins)' : ''}>{CHECK_TEXT[row.check]}</td>
                        </tr>
                    ))}
                </tbody>
            </table>
        </section>
    );
}

/** Long sessions make long call lists: those start folded. */
const CALLS_SHOWN_OPEN = 60;

export function AdobeCalls({ session }: { session: AdobeSessionView }) {
    const late = session.calls.filter((c) => c.late).length;
    // A folded table is not rendered at all: long sessions stay cheap to update.
    const [open, setOpen] = useState(session.calls.length <= CALLS_SHOWN_OPEN);
    return (
        <details class="adobe" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)} data-adobe-session={session.sessionId}>
            <summary>
                <strong>Adobe Media Edge</strong> session <code>{shortId(session.sessionId)}</code> · {plural(session.calls.length, 'call')}
                {' · '}{session.pingIntervalMs !== null ? <span data-ping-rhythm={session.pingIntervalMs}>pings every {seconds(session.pingIntervalMs)} ({session.pingCount})</span> : 'no pings yet'}
                {late > 0 && <span class="pill bad">{plural(late, 'late ping')}</span>}
                {session.endedBy && <span class="pill">{session.endedBy}</span>}
            </summary>
            {open && <table class="calls">
                <colgroup><col class="c-n" /><col class="c-time" /><col class="c-at" /><col class="c-call" /><col class="c-ph" /><col class="c-ping" /><col /></colgroup>
                <thead>
                    <tr><th>#</th><th>time</th><th>since start</th><th>call</th><th>playhead</th><th>since last ping</th><th>detail</th></tr>
                </thead>
                <tbody>
                    {session.calls.map((call, i) => (
                        <tr class={`${call.eventType === 'ping' ? 'ping' : ''}${call.late ? ' late' : ''}`} data-adobe-row={call.eventType}>
                            <td class="num">{i + 1}</td>
                            <td class="mono">{clock(call.timestampMs)}</td>
                            <td class="num">+{seconds(call.atMs)}</td>
                            <td><code>{call.eventType}</code></td>
                            <td class="num" data-playhead={call.playheadSec}>{call.playheadSec} s</td>
                            <td class="num">{call.sincePingMs !== undefined ? seconds(call.sincePingMs) : ''}</td>
                            <td>{call.detail}</td>
                        </tr>
                    ))}
                </tbody>
            </table>}
        </details>
    );
}

/** A folded card shows its header only (many sessions: the latest ones start open). */
export function MediaSessionCard({ session, initiallyOpen }: { session: MediaSessionView; initiallyOpen: boolean }) {
    const [open, setOpen] = useState(initiallyOpen);
    const state = session.ended ? 'ended' : 'live';
    const sessionSummary = session.summaries.filter((s) => s.kind === 'session');
    const others = session.summaries.filter((s) => s.kind !== 'session');
    return (
        <article class={`card media${open ? '' : ' folded'}`} data-media-session={session.id}>
            <header class="card-head">
                <div>
                    <h2>
                        <button type="button" class="fold" aria-expanded={open} onClick={() => setOpen(!open)} title={open ? 'fold' : 'unfold'}>{open ? '▾' : '▸'}</button>
                        {session.title ?? session.contentId ?? 'Media session'}
                    </h2>
                    <div class="meta">
                        <span>content <code>{session.contentId ?? '?'}</code></span>
                        {session.durationMs !== null && <span>duration {seconds(session.durationMs)}</span>}
                        {session.contentType && <span>{session.contentType}</span>}
                        {session.streamType && <span>{session.streamType}</span>}
                        <span>media session <code>{shortId(session.id)}</code></span>
                        <span>started {clock(session.startMs)} UTC</span>
                        <span>{plural(session.events.length, 'event')}</span>
                    </div>
                </div>
                <div class="badges">
                    {session.findingCount > 0 && <span class="pill bad">{plural(session.findingCount, 'plan violation')}</span>}
                    {session.adobe.length > 0 && <span class="pill adobe">Adobe ✓</span>}
                    <span class={`pill state-${state}`}>{session.ended ? 'ended' : 'playing now'}</span>
                </div>
            </header>
            {open && (
                <>
                    <Timeline session={session} />
                    <Legend />
                    {sessionSummary.map((s) => <SummaryCard summary={s} />)}
                    {others.length > 0 && <div class="summary-grid">{others.map((s) => <SummaryCard summary={s} />)}</div>}
                    {session.adobe.map((a) => <AdobeCalls key={a.sessionId} session={a} />)}
                </>
            )}
        </article>
    );
}
