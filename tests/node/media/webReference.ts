/**
 * Replays a differential script (differentialModel.ts) on mParticle's web media SDK
 * (npm @mparticle/web-media-sdk, the reference for summary semantics), with Date.now under the
 * test's control and a stub mParticle instance that records what the media SDK logs.
 *
 * The media session is created with logPageEvent = true and logMediaEvent = false: page events
 * are the web SDK's counterpart of the custom events this SDK uploads (it leaves playhead updates
 * out of them, as this SDK does).
 *
 * Deliberate differences are applied to the reference as explicit, counted adjustments, so that
 * everything else is compared exactly (the test file lists them with their reasons):
 *   - contentClock: this SDK stops content time while buffering, after logMediaContentEnd (until
 *     the next logPlay) and, with excludeAdBreaksFromContentTime, during ad breaks and ads; the
 *     web SDK counts from logPlay to logPause only. After each call the reference's play clock is
 *     set to this SDK's rule (started or stopped at that instant).
 *   - completeAt100: with mediaContentCompleteLimit = 100 the web SDK never completes by playhead;
 *     this SDK completes when the playhead reaches the duration. Applied before each call with
 *     that call's playhead (this SDK checks the playhead before handling the call).
 */
import type { SessionScript, Step } from './differentialModel';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const WebMediaSession: new (...args: unknown[]) => WebSession = require('@mparticle/web-media-sdk');

interface WebSession {
    mediaContentCompleteLimit: number;
    mediaContentComplete: boolean;
    storedPlaybackTime: number;
    currentPlaybackStartTimestamp?: number;
    [method: string]: unknown;
}

export interface WebEvent {
    name: string;
    /** The page event's attributes. */
    data: Record<string, unknown>;
    timestamp: number;
}

export interface WebRun {
    events: WebEvent[];
    adjustments: { contentClock: number; completeAt100: number };
}

const WEB_TO_ROKU_NAMES: Record<string, string> = {
    'Media Segment Summary': 'Segment Session Summary',
    'Media Ad Summary': 'Ad Session Summary'
};

/** The web SDK names two summaries differently from the Roku seed; this SDK uses the Roku names. */
export function rokuName(webName: string): string {
    return WEB_TO_ROKU_NAMES[webName] ?? webName;
}

export function runOnWebSdk(script: SessionScript, startMs: number): WebRun {
    const realNow = Date.now;
    let now = startMs;
    Date.now = () => now;
    try {
        const events: WebEvent[] = [];
        const mParticle = {
            // A copy as logged: the web SDK's session summary holds its live ad-id array, which
            // later logAdStart calls would otherwise change after the fact.
            logBaseEvent(event: { name: string; data?: Record<string, unknown> }) {
                events.push({ name: event.name, data: structuredClone(event.data ?? {}), timestamp: now });
            }
        };
        const session = new WebMediaSession(mParticle, script.contentId, script.title, script.duration, 'Video', 'OnDemand', true, false);
        session.mediaContentCompleteLimit = script.limit;
        const adjustments = { contentClock: 0, completeAt100: 0 };
        const call = (method: string, ...args: unknown[]) => (session[method] as (...a: unknown[]) => void).apply(session, args);

        // The app-side state this SDK's content clock depends on.
        let playing = false;
        let buffering = false;
        let inBreak = false;
        let ad: { id: string; title: string; duration: number } | undefined;
        let ended = false;

        for (const step of script.steps as Step[]) {
            if (step.op === 'advance') {
                now += step.ms;
                continue;
            }
            if (script.limit === 100 && !session.mediaContentComplete && step.playhead >= script.duration) {
                session.mediaContentComplete = true;
                adjustments.completeAt100++;
            }
            const options = { currentPlayheadPosition: step.playhead, customAttributes: {} };
            switch (step.op) {
                case 'start': call('logMediaSessionStart', options); break;
                case 'end': call('logMediaSessionEnd', options); ended = true; break;
                case 'play': call('logPlay', options); playing = true; break;
                case 'pause': call('logPause', options); playing = false; break;
                case 'contentEnd': call('logMediaContentEnd', options); playing = false; break;
                case 'seekStart': call('logSeekStart', step.position, options); break;
                case 'seekEnd': call('logSeekEnd', step.position, options); break;
                case 'bufferStart': call('logBufferStart', step.duration, step.percent, step.position, options); buffering = true; break;
                case 'bufferEnd': call('logBufferEnd', step.duration, step.percent, step.position, options); buffering = false; break;
                case 'playhead': call('logPlayheadPosition', step.playhead); break;
                case 'qos': call('logQoS', { startupTime: step.startupTime, droppedFrames: step.droppedFrames, bitRate: step.bitRate, fps: step.fps }, options); break;
                case 'adBreakStart': call('logAdBreakStart', { id: step.id, title: step.title, duration: step.duration }, options); inBreak = true; break;
                case 'adBreakEnd': call('logAdBreakEnd', options); inBreak = false; break;
                case 'adStart':
                    ad = { id: step.id, title: step.title, duration: step.duration };
                    call('logAdStart', ad, options);
                    break;
                case 'adEnd': call('logAdEnd', options); ad = undefined; break;
                case 'adSkip': call('logAdSkip', options); ad = undefined; break;
                case 'adClick': call('logAdClick', ad, options); break;
                case 'adSummary': call('logAdSummary'); ad = undefined; break;
                case 'segmentStart': call('logSegmentStart', { title: step.title, index: step.index, duration: step.duration }, options); break;
                case 'segmentEnd': call('logSegmentEnd', options); break;
                case 'segmentSkip': call('logSegmentSkip', options); break;
                case 'segmentSummary': call('logSegmentSummary'); break;
                case 'sessionSummary': call('logSessionSummary'); break;
            }
            // This SDK's content clock rule, applied to the reference's play clock (after the
            // session's end nothing is summarized any more, so nothing to adjust).
            if (ended) {
                continue;
            }
            const shouldRun = playing && !buffering && !(script.excludeAdBreaksFromContentTime && (inBreak || ad !== undefined));
            const running = session.currentPlaybackStartTimestamp !== undefined;
            if (running && !shouldRun) {
                session.storedPlaybackTime += now - (session.currentPlaybackStartTimestamp as number);
                session.currentPlaybackStartTimestamp = undefined;
                adjustments.contentClock++;
            } else if (!running && shouldRun) {
                session.currentPlaybackStartTimestamp = now;
                adjustments.contentClock++;
            }
        }
        return { events, adjustments };
    } finally {
        Date.now = realNow;
    }
}
