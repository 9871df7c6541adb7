/** mParticle sessions, each with its events in time order; events the data plan flags stand out. */
import { Component } from 'preact';
import { useState } from 'preact/hooks';
import { clock, plural, seconds, shortId } from '../model/format';
import { MEDIA_EVENT } from '../model/media';
import type { EventView, MpSessionView } from '../model/sessions';

/** Keys every event of a media session repeats; shown on Media Session Start, hidden (but in the tooltip) elsewhere. */
function isSessionKey(key: string): boolean {
    return key === 'media_session_id' || key === 'stream_type' || key.startsWith('content_');
}

function Attributes({ event }: { event: EventView }) {
    const entries = Object.entries(event.attributes);
    const flagged = new Set(event.findings.map((f) => f.key));
    const shown = event.name === MEDIA_EVENT.sessionStart || event.mediaSessionId === null ? entries : entries.filter(([k]) => !isSessionKey(k) || flagged.has(k));
    const hidden = entries.length - shown.length;
    return (
        <div class="attrs" title={entries.map(([k, v]) => `${k} = ${v}`).join('\n')}>
            {shown.map(([k, v]) => <span class={`attr${flagged.has(k) ? ' flagged' : ''}`}><b>{k}</b>{v}</span>)}
            {hidden > 0 && <span class="attr more">+{hidden} session keys</span>}
        </div>
    );
}

type Attempts = Map<string, { posts: number; failed: number }>;

interface RowProps {
    event: EventView;
    startMs: number;
    tries: { posts: number; failed: number } | undefined;
}

/** A stored event never changes; a row is drawn again only when its findings or its batch's attempts do. */
class EventRow extends Component<RowProps> {
    shouldComponentUpdate(next: RowProps): boolean {
        const { event, startMs, tries } = this.props;
        return next.event.key !== event.key || next.event.findings.length !== event.findings.length || next.startMs !== startMs
            || next.tries?.posts !== tries?.posts || next.tries?.failed !== tries?.failed;
    }

    render() {
        return <EventRowContent {...this.props} />;
    }
}

function EventRowContent({ event, startMs, tries }: RowProps) {
    return (
        <tr id={`ev-${event.key}`} class={`${event.findings.length > 0 ? 'violation' : ''}${event.mediaSessionId ? ' media' : ''}`}
            data-event-name={event.name} data-event-type={event.eventType}>
            <td class="mono">{clock(event.timestampMs)}</td>
            <td class="num">+{seconds(event.timestampMs - startMs)}</td>
            <td><span class={`type type-${event.eventType}`}>{event.eventType.replace(/_/g, ' ')}</span></td>
            <td class="name">
                <strong>{event.name}</strong>
                {event.findings.map((f) => <div class="finding" data-finding={f.type} data-finding-key={f.key}>⚠ {f.text}</div>)}
            </td>
            <td><Attributes event={event} /></td>
            <td class="mono muted" title={`batch ${event.batchId}, stored ${event.receivedAt}${tries && tries.posts > 1 ? `; posted ${tries.posts} times, ${tries.failed} failed` : ''}`}>
                {shortId(event.batchId)}
                {tries && tries.posts > 1 && <span class="pill warn" data-attempts={tries.posts}>×{tries.posts}</span>}
            </td>
        </tr>
    );
}

/** A long session shows its latest events; the rest on request. */
const EVENTS_SHOWN = 300;

export function MpSessionCard({ session, attempts }: { session: MpSessionView; attempts: Attempts }) {
    const flagged = session.events.filter((e) => e.findings.length > 0).length;
    const [all, setAll] = useState(false);
    const hidden = all ? 0 : Math.max(0, session.events.length - EVENTS_SHOWN);
    return (
        <article class="card mp-session" data-mp-session={session.id}>
            <header class="card-head">
                <div>
                    <h3>{session.id ? <>mParticle session <code>{shortId(session.id)}</code></> : 'Events outside a session'}</h3>
                    <div class="meta">
                        <span>mpid <code>{session.mpids.join(', ')}</code></span>
                        {session.app && <span>{session.app}</span>}
                        {session.device && <span>{session.device}</span>}
                        {session.environment && <span>{session.environment}</span>}
                        <span>{clock(session.startMs)} → {clock(session.endMs)} UTC ({seconds(session.endMs - session.startMs)})</span>
                        <span>{plural(session.events.length, 'event')}</span>
                        {session.mediaSessionIds.length > 0 && <span>{plural(session.mediaSessionIds.length, 'media session')}</span>}
                    </div>
                </div>
                {flagged > 0 && <div class="badges"><span class="pill bad">{plural(flagged, 'flagged event')}</span></div>}
            </header>
            <table class="events">
                <colgroup><col class="c-time" /><col class="c-at" /><col class="c-type" /><col class="c-name" /><col /><col class="c-batch" /></colgroup>
                <thead>
                    <tr><th>time (UTC)</th><th>since start</th><th>type</th><th>name</th><th>attributes</th><th>batch</th></tr>
                </thead>
                <tbody>
                    {hidden > 0 && (
                        <tr class="hidden-rows"><td colSpan={6}>{plural(hidden, 'earlier event')} not shown · <button type="button" class="link" onClick={() => setAll(true)}>show all</button></td></tr>
                    )}
                    {session.events.slice(hidden).map((event) => <EventRow key={event.key} event={event} startMs={session.startMs} tries={attempts.get(event.batchId)} />)}
                </tbody>
            </table>
        </article>
    );
}
