/**
 * Adobe Media Edge sessions (the sessionID sessionStart handed out) with each call's playhead and time
 * since sessionStart, and the ping rhythm: the interval before each ping (the first counts from
 * sessionStart), the usual interval (median), and pings that came late (more than a second past it).
 */
import { groupBy, isRecord } from './format';
import type { StoredAdobeEvent } from '../../collector/records';

export interface AdobeCallView {
    key: string;
    eventType: string;
    timestampMs: number;
    /** ms since sessionStart (XDM timestamps: the SDK's clock). */
    atMs: number;
    /** XDM playhead, seconds. */
    playheadSec: number;
    receivedAt: string;
    /** The detail that names what started (chapter, ad, break, error, bitrate). */
    detail: string;
    /** Pings: ms since the previous ping, or since sessionStart for the first. */
    sincePingMs?: number;
    late?: boolean;
}

export interface AdobeSessionView {
    sessionId: string;
    configId: string;
    /** sessionDetails.name: the content id. */
    contentId: string | null;
    title: string | null;
    startMs: number;
    calls: AdobeCallView[];
    pingCount: number;
    /** Median interval before a ping, ms (null without pings). */
    pingIntervalMs: number | null;
    /** sessionComplete or sessionEnd, when seen. */
    endedBy: string | null;
    /** The mParticle media session it forwards, when one matches (content id and time). */
    mediaSessionId: string | null;
}

const DETAILS: Record<string, [string, string[]]> = {
    sessionStart: ['sessionDetails', ['friendlyName', 'name']],
    chapterStart: ['chapterDetails', ['friendlyName', 'index']],
    adBreakStart: ['advertisingPodDetails', ['friendlyName', 'index']],
    adStart: ['advertisingDetails', ['friendlyName', 'name']],
    error: ['errorDetails', ['name', 'source']],
    bitrateChange: ['qoeDataDetails', ['bitrate']]
};

/** A ping is late when it comes this much after the session's usual interval. */
const LATE_MARGIN_MS = 1000;

function media(event: StoredAdobeEvent): Record<string, unknown> {
    return isRecord(event.xdm.mediaCollection) ? event.xdm.mediaCollection : {};
}

function detailOf(event: StoredAdobeEvent): string {
    const spec = DETAILS[event.eventType];
    const obj = spec ? media(event)[spec[0]] : undefined;
    if (!spec || !isRecord(obj)) {
        return '';
    }
    const values = spec[1].map((field) => obj[field]).filter((v) => v !== undefined && v !== null && v !== '');
    if (event.eventType === 'bitrateChange' && values.length > 0) {
        return `${String(values[0])} kbps`;
    }
    return values.length > 0 ? String(values[0]) : '';
}

function median(values: number[]): number | null {
    if (values.length === 0) {
        return null;
    }
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function timeOf(event: StoredAdobeEvent): number {
    const t = Date.parse(event.timestamp);
    return Number.isNaN(t) ? Date.parse(event.receivedAt) : t;
}

export function buildAdobeSessions(events: readonly StoredAdobeEvent[]): AdobeSessionView[] {
    const sessions: AdobeSessionView[] = [];
    for (const [sessionId, list] of groupBy(events, (e) => e.sessionId)) {
        const ordered = list.map((event, i) => ({ event, i, t: timeOf(event) })).sort((a, b) => a.t - b.t || a.i - b.i);
        const startEvent = ordered.find((o) => o.event.eventType === 'sessionStart') ?? ordered[0];
        const details = media(startEvent.event).sessionDetails;
        const startMs = startEvent.t;
        let lastPingAt = startMs;
        const calls: AdobeCallView[] = ordered.map(({ event, i, t }) => {
            const call: AdobeCallView = {
                key: `${sessionId}:${i}`,
                eventType: event.eventType,
                timestampMs: t,
                atMs: t - startMs,
                playheadSec: event.playhead,
                receivedAt: event.receivedAt,
                detail: detailOf(event)
            };
            if (event.eventType === 'ping') {
                call.sincePingMs = t - lastPingAt;
                lastPingAt = t;
            }
            return call;
        });
        const pings = calls.filter((c) => c.sincePingMs !== undefined);
        const interval = median(pings.map((p) => p.sincePingMs as number));
        for (const ping of pings) {
            ping.late = interval !== null && (ping.sincePingMs as number) > interval + LATE_MARGIN_MS;
        }
        const end = calls.find((c) => c.eventType === 'sessionComplete' || c.eventType === 'sessionEnd');
        sessions.push({
            sessionId,
            configId: startEvent.event.configId,
            contentId: isRecord(details) && typeof details.name === 'string' ? details.name : null,
            title: isRecord(details) && typeof details.friendlyName === 'string' ? details.friendlyName : null,
            startMs,
            calls,
            pingCount: pings.length,
            pingIntervalMs: interval,
            endedBy: end?.eventType ?? null,
            mediaSessionId: null
        });
    }
    return sessions.sort((a, b) => a.startMs - b.startMs);
}

/** Tolerance when matching an Adobe sessionStart to the media session it forwards. */
const LINK_SLACK_MS = 2000;

/**
 * Sets mediaSessionId on each Adobe session whose sessionStart falls within a media session of the same
 * content (a media session can have several: the SDK starts a new one after an idle end or after 24 h).
 */
export function linkAdobeSessions(adobe: AdobeSessionView[], media: ReadonlyArray<{ id: string; contentId: string | null; startMs: number; endMs: number; ended: boolean }>): void {
    for (const session of adobe) {
        let best: { id: string; distance: number } | null = null;
        for (const m of media) {
            if (session.contentId !== null && m.contentId !== null && session.contentId !== m.contentId) {
                continue;
            }
            const within = session.startMs >= m.startMs - LINK_SLACK_MS && (!m.ended || session.startMs <= m.endMs + LINK_SLACK_MS);
            const distance = Math.abs(session.startMs - m.startMs);
            if (within && (!best || distance < best.distance)) {
                best = { id: m.id, distance };
            }
        }
        session.mediaSessionId = best?.id ?? null;
    }
}
