/**
 * Automatic tracking (docs/auto-tracking.md). `media.trackVideo` runs on the render thread: it
 * creates an mParticleVideoTracker node that observes the Video node and turns each field event
 * into one `tracking.video` bridge call; the ad adapters (`media.rafAdapter`,
 * `media.imaAdapter`) make `tracking.ad` calls from the thread that runs the ads. The Task side
 * (src/components/mparticle/tracking/) decides what becomes a media call.
 */
import type { BridgeMethod, BridgeParam, LocalMember } from './types';

const trackerId: BridgeParam = { name: 'trackerId', type: 'string', description: 'The tracker\'s id (handle.id of media.trackVideo).' };

function tracking(name: string, description: string, params: BridgeParam[]): BridgeMethod {
    return { namespace: 'tracking', name, params, handler: { target: 'tracking', method: name }, description };
}

export const trackingBridge: BridgeMethod[] = [
    tracking('start', 'Starts tracking a Video node (media.trackVideo makes this call): the session to start on the first play request, and the options.', [
        trackerId,
        { name: 'mediaSession', type: 'MediaSession', description: 'Session for the content (playlist items get copies with their own ids and metadata).' },
        { name: 'options', type: 'object', optional: true, description: 'Tracking options (docs/auto-tracking.md#options).' }
    ]),
    tracking('video', 'A field of the tracked Video node changed (the tracker node makes this call; position is coalesced).', [
        trackerId,
        { name: 'field', type: 'string', description: 'Video field name (state, position, seek, contentIndex, streamingSegment, ...).' },
        { name: 'value', type: 'dynamic', description: 'The field\'s new value (only the keys the SDK reads, for associative arrays).' },
        { name: 'position', type: 'number', optional: true, description: 'The Video node\'s position in seconds at that moment.' },
        { name: 'at', type: 'number', optional: true, description: 'When the field changed: ms since the tracker node started (the render thread\'s clock).' }
    ]),
    tracking('ad', 'An ad event, from media.rafAdapter (RAF tracking callback) or media.imaAdapter (IMA DAI StreamManager events).', [
        trackerId,
        { name: 'source', type: 'string', description: '"raf" or "ima".' },
        { name: 'eventType', type: 'string', description: 'RAF eventType (PodStart, Start, Complete, ...) or IMA event (start, complete, adBreakStarted, ...).' },
        { name: 'info', type: 'object', optional: true, description: 'The fields of the event\'s context the SDK reads (ad id, title, duration, pod position, error code, ...).' }
    ]),
    tracking('stop', 'Stops tracking (handle.stop()): a session in progress ends.', [trackerId])
];

export const localMembers: LocalMember[] = [
    {
        namespace: 'media',
        name: 'trackVideo',
        implementation: 'mParticle.tracking.trackVideo',
        file: 'pkg:/source/mparticle/tracking/VideoTracking.bs',
        description: 'Tracks a Video node automatically: session start on the first play request, play, pause, buffering, seeks, QoS, errors, content end and session end, a new session per playlist item (docs/auto-tracking.md). Render thread only; O(1) work and one bridge call per Video field event.',
        params: [
            { name: 'video', type: 'node', description: 'The Video node (or any node with its interface).' },
            { name: 'mediaSession', type: 'MediaSession', description: 'The session for the content (MediaSession.build); manual calls with it still work and are never doubled.' },
            { name: 'options', type: 'object', optional: true, description: 'Tracking options (docs/auto-tracking.md#options).' }
        ],
        returns: {
            name: 'VideoTrackerHandle',
            description: 'What media.trackVideo returns; keep it while the Video plays.',
            fields: [
                { name: 'id', type: 'string', description: 'Tracker id: pass it to media.rafAdapter / media.imaAdapter (e.g. through a field of the Task that shows ads).' },
                { name: 'node', type: 'node', description: 'The mParticleVideoTracker node observing the Video.' },
                { name: 'stop', type: 'function', ts: '() => void', description: 'stop(): ends tracking; the session in progress ends.' }
            ]
        }
    },
    {
        namespace: 'media',
        name: 'rafAdapter',
        implementation: 'mParticle.tracking.rafAdapter',
        file: 'pkg:/source/mparticle/tracking/AdAdapters.bs',
        description: 'An adapter for the Roku Advertising Framework on the thread that calls showAds (usually a Task): adIface.setTrackingCallback(adapter.trackingCallback, adapter), or adapter.onEvent(eventType, ctx) from your own callback. Pod, ad, quartile, skip, close, error and no-ads events become ad break and ad calls of the tracked session, and content tracking pauses while ads play. O(1) work and at most one bridge call per event.',
        params: [
            { name: 'trackerId', type: 'string', description: 'handle.id of media.trackVideo.' },
            { name: 'options', type: 'object', optional: true, description: '{ stitched: true } for server-stitched ads (useStitched / renderStitchedStream); detected from the stitched events otherwise.' }
        ],
        returns: {
            name: 'RafAdapter',
            description: 'What media.rafAdapter returns.',
            fields: [
                { name: 'trackingCallback', type: 'function', ts: '(obj: RafAdapter, eventType?: string, ctx?: Record<string, unknown>) => void', description: 'trackingCallback(obj, eventType, ctx): pass it to setTrackingCallback with the adapter as obj.' },
                { name: 'onEvent', type: 'function', ts: '(eventType?: string, ctx?: Record<string, unknown>) => void', description: 'onEvent(eventType, ctx): for a channel that has its own tracking callback.' }
            ]
        }
    },
    {
        namespace: 'media',
        name: 'imaAdapter',
        implementation: 'mParticle.tracking.imaAdapter',
        file: 'pkg:/source/mparticle/tracking/AdAdapters.bs',
        description: 'An adapter for the IMA DAI SDK on the thread that runs it: adapter.addListeners(streamManager, sdk), or adapter.onAdEvent(eventType, ad) from your own listeners, and adapter.onAdBreakStarted / onAdBreakEnded from the player\'s adBreakStarted / adBreakEnded. Ad periods, starts, quartiles, completes, skips and errors become ad break and ad calls of the tracked session (stitched: the content playhead stays where the break began). O(1) work and at most one bridge call per event.',
        params: [
            { name: 'trackerId', type: 'string', description: 'handle.id of media.trackVideo.' }
        ],
        returns: {
            name: 'ImaAdapter',
            description: 'What media.imaAdapter returns.',
            fields: [
                { name: 'addListeners', type: 'function', ts: '(streamManager: unknown, sdk: unknown) => void', description: 'addListeners(streamManager, sdk): registers the SDK\'s listeners for the ad events.' },
                { name: 'onAdEvent', type: 'function', ts: '(eventType: string, ad?: Record<string, unknown>) => void', description: 'onAdEvent(eventType, ad): an ima.AdEvent value and its ima.AdInfo (or error).' },
                { name: 'onAdBreakStarted', type: 'function', ts: '(adBreakInfo?: Record<string, unknown>) => void', description: 'onAdBreakStarted(adBreakInfo): from player.adBreakStarted.' },
                { name: 'onAdBreakEnded', type: 'function', ts: '(adBreakInfo?: Record<string, unknown>) => void', description: 'onAdBreakEnded(adBreakInfo): from player.adBreakEnded.' }
            ]
        }
    }
];
