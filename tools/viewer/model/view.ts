/**
 * Everything the page shows, derived from the records it holds, after the filter. Pure: the page calls it
 * after each update, and tests call it on records they make.
 */
import type { IdentityCall } from '../../collector/records';
import { buildAdobeSessions, linkAdobeSessions, type AdobeSessionView } from './adobe';
import { groupBy, num } from './format';
import { buildTimeline, MEDIA_EVENT, type MediaTimeline } from './media';
import { batchAttempts, buildProblems, buildRequests, type Problem, type RequestView } from './requests';
import { byTime, groupSessions, toEventViews, type EventView, type MpSessionView } from './sessions';
import type { FeedState } from './state';
import { buildSummaries, type SummaryView } from './summaries';
import { linkViolations } from './violations';

export interface ViewFilter {
    /** Case-insensitive part of an event name (mParticle) or call (Adobe); '' for all. */
    eventName: string;
    /** A media_session_id; '' for all. */
    mediaSession: string;
}

export const NO_FILTER: ViewFilter = { eventName: '', mediaSession: '' };

export interface MediaSessionView {
    id: string;
    contentId: string | null;
    title: string | null;
    durationMs: number | null;
    contentType: string | null;
    streamType: string | null;
    mpSessionId: string | null;
    /** Epoch ms of the first event (Media Session Start): offset 0 of the timeline. */
    startMs: number;
    /** Epoch ms of the latest event. */
    endMs: number;
    ended: boolean;
    events: EventView[];
    timeline: MediaTimeline;
    summaries: SummaryView[];
    adobe: AdobeSessionView[];
    findingCount: number;
}

export interface Counts {
    events: number;
    batches: number;
    mediaSessions: number;
    adobeCalls: number;
    adobeSessions: number;
    identityCalls: number;
    violations: number;
    malformed: number;
    faults: number;
    requests: number;
}

export interface ViewModel {
    counts: Counts;
    mediaSessions: MediaSessionView[];
    mpSessions: MpSessionView[];
    /** Adobe sessions no media session matched (the rest are on their media session). */
    otherAdobe: AdobeSessionView[];
    identity: IdentityCall[];
    problems: Problem[];
    requests: RequestView[];
    /** Posts per batch_id, to show batches that took more than one attempt. */
    batchAttempts: Map<string, { posts: number; failed: number }>;
    /** Every event name and Adobe call seen, for the filter's suggestions. */
    eventNames: string[];
    /** Every media session, unfiltered, for the filter's choices. */
    mediaChoices: Array<{ id: string; label: string }>;
}

function firstAttr(events: readonly EventView[], key: string): string | null {
    for (const event of events) {
        const value = event.attributes[key];
        if (value !== undefined && value !== '') {
            return value;
        }
    }
    return null;
}

function buildMediaSessions(events: readonly EventView[]): MediaSessionView[] {
    const sessions: MediaSessionView[] = [];
    for (const [id, list] of groupBy(events, (e) => e.mediaSessionId)) {
        const sorted = [...list].sort(byTime);
        const startEvent = sorted.find((e) => e.name === MEDIA_EVENT.sessionStart) ?? sorted[0];
        const t0 = startEvent.timestampMs;
        const durationMs = num(firstAttr(sorted, 'content_duration'));
        const timeline = buildTimeline(sorted, t0);
        sessions.push({
            id,
            contentId: firstAttr(sorted, 'content_id'),
            title: firstAttr(sorted, 'content_title'),
            durationMs,
            contentType: firstAttr(sorted, 'content_type'),
            streamType: firstAttr(sorted, 'stream_type'),
            mpSessionId: startEvent.sessionUuid,
            startMs: t0,
            endMs: sorted[sorted.length - 1].timestampMs,
            ended: timeline.endedAtMs !== null,
            events: sorted,
            timeline,
            summaries: buildSummaries(sorted, timeline, t0, durationMs),
            adobe: [],
            findingCount: sorted.reduce((n, e) => n + e.findings.length, 0)
        });
    }
    return sessions.sort((a, b) => a.startMs - b.startMs);
}

export function mediaLabel(session: Pick<MediaSessionView, 'id' | 'title' | 'contentId'>): string {
    return `${session.title ?? session.contentId ?? 'media session'} · ${session.id.slice(0, 8)}`;
}

export function buildView(state: FeedState, filter: ViewFilter = NO_FILTER): ViewModel {
    const violations = linkViolations(state.violations, state.events);
    const events = toEventViews(state.events, violations);
    const media = buildMediaSessions(events);
    const adobe = buildAdobeSessions(state.adobe);
    linkAdobeSessions(adobe, media);
    for (const session of adobe) {
        media.find((m) => m.id === session.mediaSessionId)?.adobe.push(session);
    }
    const requests = buildRequests(state.requests);
    const problems = buildProblems(violations, state.malformed, requests);

    const needle = filter.eventName.trim().toLowerCase();
    const nameMatches = (name: string) => needle === '' || name.toLowerCase().includes(needle);
    const inMedia = (id: string | null) => filter.mediaSession === '' || id === filter.mediaSession;

    const shownMedia = media.filter((m) => inMedia(m.id) && (needle === '' || m.events.some((e) => nameMatches(e.name)) || m.adobe.some((a) => a.calls.some((c) => nameMatches(c.eventType)))));
    const shownEvents = events.filter((e) => nameMatches(e.name) && inMedia(e.mediaSessionId));
    const filterAdobe = (sessions: AdobeSessionView[]) => sessions
        .map((s) => ({ ...s, calls: needle === '' ? s.calls : s.calls.filter((c) => nameMatches(c.eventType)) }))
        .filter((s) => s.calls.length > 0);

    const names = new Set<string>([...events.map((e) => e.name), ...state.adobe.map((a) => a.eventType)]);
    return {
        counts: {
            events: state.events.length,
            batches: state.batches.length,
            mediaSessions: media.length,
            adobeCalls: state.adobe.length,
            adobeSessions: adobe.length,
            identityCalls: state.identity.length,
            violations: state.violations.length,
            malformed: state.malformed.length,
            faults: requests.filter((r) => r.problem === 'fault' || r.problem === 'dropped').length,
            requests: requests.length
        },
        mediaSessions: shownMedia.map((m) => ({ ...m, adobe: filterAdobe(m.adobe) })),
        mpSessions: groupSessions(shownEvents, state.batches),
        otherAdobe: filter.mediaSession === '' ? filterAdobe(adobe.filter((a) => a.mediaSessionId === null)) : [],
        identity: state.identity,
        problems,
        requests,
        batchAttempts: batchAttempts(requests),
        eventNames: [...names].sort((a, b) => a.localeCompare(b)),
        mediaChoices: media.map((m) => ({ id: m.id, label: mediaLabel(m) }))
    };
}
