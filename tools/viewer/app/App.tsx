/** The page: header with the connection and counts, the filter, media sessions and mParticle sessions, the side panels. */
import { useMemo } from 'preact/hooks';
import { clock, plural } from '../model/format';
import { buildView, type Counts, type ViewFilter, type ViewModel } from '../model/view';
import type { Connection, FeedClient } from './feedClient';
import { useFeed, useHashFilter } from './hooks';
import { AdobeCalls, MediaSessionCard } from './MediaSession';
import { IdentityPanel, ProblemsPanel, RequestsPanel } from './Panels';
import { MpSessionCard } from './Sessions';

const CONNECTION_TEXT: Record<Connection, [string, string]> = {
    connecting: ['connecting…', 'opening the live feed'],
    live: ['live', 'requests show up here as they arrive'],
    lost: ['reconnecting…', 'the collector is unreachable; the page keeps what it received and retries every second'],
    stopped: ['collector stopped', 'the collector closed; the page keeps what it received (and reconnects if it comes back)']
};

/** Sessions are listed newest first; the latest media sessions start unfolded, older ones show their header until opened. */
const MEDIA_OPEN = 6;

function Header({ connection, counts, startedAt }: { connection: Connection; counts: Counts; startedAt: string | null }) {
    const chips: Array<[string, number, string]> = [
        ['events', counts.events, counts.events === 1 ? 'mParticle event' : 'mParticle events'],
        ['batches', counts.batches, counts.batches === 1 ? 'batch' : 'batches'],
        ['media', counts.mediaSessions, counts.mediaSessions === 1 ? 'media session' : 'media sessions'],
        ['adobe', counts.adobeCalls, counts.adobeCalls === 1 ? 'Adobe call' : 'Adobe calls'],
        ['identity', counts.identityCalls, 'IDSync'],
        ['violations', counts.violations, counts.violations === 1 ? 'plan violation' : 'plan violations'],
        ['malformed', counts.malformed, 'malformed'],
        ['faults', counts.faults, counts.faults === 1 ? 'fault' : 'faults']
    ];
    return (
        <header class="top">
            <div class="brand">
                <span class="logo">▶</span>
                <div>
                    <h1>Live viewer</h1>
                    <div class="muted">Roku media SDK · local collector{startedAt ? ` · up since ${clock(Date.parse(startedAt))} UTC` : ''}</div>
                </div>
            </div>
            <ul class="chips">
                {chips.map(([id, n, label]) => (
                    <li class={`chip chip-${id}${n > 0 ? ' nonzero' : ''}`} data-count={id} data-value={n}><b>{n}</b> {label}</li>
                ))}
            </ul>
            <div class={`connection ${connection}`} data-connection={connection} title={CONNECTION_TEXT[connection][1]}><span class="dot" />{CONNECTION_TEXT[connection][0]}</div>
        </header>
    );
}

function Toolbar({ filter, onChange, view }: { filter: ViewFilter; onChange: (f: ViewFilter) => void; view: ViewModel }) {
    return (
        <form class="toolbar" onSubmit={(e) => e.preventDefault()}>
            <label>
                Event name
                <input type="search" list="event-names" placeholder="e.g. Pause, Ad Start, ping" value={filter.eventName}
                    onInput={(e) => onChange({ ...filter, eventName: (e.currentTarget as HTMLInputElement).value })} data-filter="event" />
                <datalist id="event-names">{view.eventNames.map((n) => <option value={n} />)}</datalist>
            </label>
            <label>
                Media session
                <select value={filter.mediaSession} onChange={(e) => onChange({ ...filter, mediaSession: (e.currentTarget as HTMLSelectElement).value })} data-filter="media">
                    <option value="">all</option>
                    {view.mediaChoices.map((c) => <option value={c.id}>{c.label}</option>)}
                </select>
            </label>
            {(filter.eventName || filter.mediaSession) && <button type="button" onClick={() => onChange({ eventName: '', mediaSession: '' })}>Clear filter</button>}
        </form>
    );
}

function Waiting() {
    return (
        <div class="card empty" data-state="empty">
            <h2>Waiting for the SDK…</h2>
            <p>Nothing has arrived yet. Point a channel at this collector (<code>eventsBaseUrl</code>, <code>identityBaseUrl</code> and
                {' '}<code>adobeMedia.edgeBaseUrl</code> set to this page's address) or run <code>npm start</code>: sessions appear here as their requests arrive.</p>
        </div>
    );
}

export function App({ client }: { client: FeedClient }) {
    const feed = useFeed(client);
    const [filter, setFilter] = useHashFilter();
    const view = useMemo(() => buildView(feed.state, filter), [feed.version, filter]);
    const nothing = feed.state.requests.length === 0 && feed.state.events.length === 0 && feed.state.adobe.length === 0;
    const filtered = filter.eventName !== '' || filter.mediaSession !== '';
    return (
        <div class="app">
            <Header connection={feed.connection} counts={view.counts} startedAt={feed.state.hello?.startedAt ?? null} />
            <Toolbar filter={filter} onChange={setFilter} view={view} />
            <div class="layout">
                <main>
                    {nothing && <Waiting />}
                    {!nothing && filtered && view.mediaSessions.length + view.mpSessions.length === 0 && <p class="muted">Nothing matches the filter.</p>}
                    {view.mediaSessions.length > 0 && <h2 class="section">Media sessions <span class="count">{view.mediaSessions.length}</span></h2>}
                    {[...view.mediaSessions].reverse().map((m, i) => <MediaSessionCard key={m.id} session={m} initiallyOpen={i < MEDIA_OPEN} />)}
                    {view.otherAdobe.length > 0 && (
                        <>
                            <h2 class="section">Adobe sessions without an mParticle media session <span class="count">{view.otherAdobe.length}</span></h2>
                            {view.otherAdobe.map((a) => <div class="card"><AdobeCalls session={a} /></div>)}
                        </>
                    )}
                    {view.mpSessions.length > 0 && <h2 class="section">mParticle sessions <span class="count">{plural(view.mpSessions.reduce((n, s) => n + s.events.length, 0), 'event')}</span></h2>}
                    {[...view.mpSessions].reverse().map((s) => <MpSessionCard key={s.id} session={s} attempts={view.batchAttempts} />)}
                </main>
                <aside>
                    <ProblemsPanel problems={view.problems} />
                    <IdentityPanel calls={view.identity} />
                    <RequestsPanel requests={view.requests} />
                </aside>
            </div>
        </div>
    );
}
