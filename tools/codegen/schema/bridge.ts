/**
 * Every public call of mParticleSGBridge(task), and the Task-side handler it reaches. The bridge,
 * the Task's dispatch table, the typings and the API reference are all generated from this list,
 * so a bridge method without a handler cannot exist.
 */
import type { BridgeMethod, BridgeParam } from './types';

const session: BridgeParam = { name: 'mediaSession', type: 'MediaSession', description: 'The session built with MediaSession.build (the app\'s current copy).' };
const options: BridgeParam = { name: 'customAttributes', type: 'attributes', optional: true, description: 'Custom attributes for this event; they win over session attributes with the same key.' };

function media(name: string, description: string, extra: BridgeParam[] = [], handler = name): BridgeMethod {
    return {
        namespace: 'media',
        name,
        params: [session, ...extra, options],
        handler: { target: 'media', method: handler },
        description,
        compat: true
    };
}

const position = (what: string): BridgeParam => ({ name: 'position', type: 'number', optional: true, description: `Playhead in ms when the ${what}.` });
const bufferParams: BridgeParam[] = [
    { name: 'duration', type: 'number', optional: true, description: 'buffer_duration in ms.' },
    { name: 'bufferPercent', type: 'number', optional: true, description: 'buffer_percent, 0-100.' },
    { name: 'position', type: 'number', optional: true, description: 'buffer_position, playhead in ms.' }
];
const qosParams: BridgeParam[] = [
    { name: 'startupTime', type: 'number', optional: true, description: 'qos_startup_time in ms.' },
    { name: 'droppedFrames', type: 'integer', optional: true, description: 'qos_dropped_frames.' },
    { name: 'bitRate', type: 'number', optional: true, description: 'qos_bitrate in bits per second.' },
    { name: 'fps', type: 'number', optional: true, description: 'qos_fps.' }
];
const identityRequest: BridgeParam = { name: 'identityApiRequest', type: 'IdentityApiRequest', optional: true, description: '{ userIdentities: { <IDENTITY_TYPE>: value } }' };
const attributeKey: BridgeParam = { name: 'attributeKey', type: 'string', description: 'Attribute name.' };
const attributeValue: BridgeParam = { name: 'attributeValue', type: 'dynamic', description: 'String, number, boolean or array of strings.' };

export const bridge: BridgeMethod[] = [
    {
        namespace: '', name: 'logEvent', compat: true,
        params: [
            { name: 'eventName', type: 'string', description: 'Event name.' },
            { name: 'eventType', type: 'string', optional: true, default: 'other', description: 'CUSTOM_EVENT_TYPE value.' },
            { name: 'customAttributes', type: 'attributes', optional: true, description: 'Custom attributes; every value is uploaded as a string.' }
        ],
        handler: { target: 'core', method: 'logEvent' },
        description: 'Logs a custom event. With CUSTOM_EVENT_TYPE.MEDIA it is a custom media event.'
    },
    {
        namespace: '', name: 'logScreenEvent', compat: true,
        params: [
            { name: 'screenName', type: 'string', description: 'Screen name.' },
            { name: 'customAttributes', type: 'attributes', optional: true, description: 'Custom attributes.' }
        ],
        handler: { target: 'core', method: 'logScreenEvent' },
        description: 'Logs a screen view.'
    },
    {
        namespace: '', name: 'setSessionAttribute', compat: true,
        params: [attributeKey, attributeValue],
        handler: { target: 'core', method: 'setSessionAttribute' },
        description: 'Sets an attribute of the current mParticle session.'
    },
    {
        namespace: '', name: 'setOptOut',
        params: [{ name: 'optOut', type: 'boolean', description: 'true stops all collection and uploads until set back to false.' }],
        handler: { target: 'core', method: 'setOptOut' },
        description: 'Opts the user out of (or back into) tracking.'
    },
    {
        namespace: '', name: 'upload', compat: true,
        params: [],
        handler: { target: 'core', method: 'upload' },
        description: 'Uploads everything queued now instead of at the next interval.'
    },
    {
        namespace: '', name: 'setUserAttribute', compat: true,
        params: [attributeKey, attributeValue],
        handler: { target: 'identity', method: 'setUserAttribute' },
        description: 'Sets a user attribute of the current user.'
    },
    {
        namespace: '', name: 'removeUserAttribute', compat: true,
        params: [attributeKey],
        handler: { target: 'identity', method: 'removeUserAttribute' },
        description: 'Removes a user attribute of the current user.'
    },
    ...(['identify', 'login', 'logout', 'modify'] as const).map((name): BridgeMethod => ({
        namespace: 'identity', name, compat: true,
        params: [identityRequest],
        handler: { target: 'identity', method: name },
        description: `IDSync ${name}; the result arrives in mParticleIdentityResult, the user in mParticleCurrentUser.`
    })),
    {
        namespace: 'identity', name: 'setUserAttribute', compat: true,
        params: [attributeKey, attributeValue],
        handler: { target: 'identity', method: 'setUserAttribute' },
        description: 'Sets a user attribute of the current user.'
    },
    {
        namespace: 'identity', name: 'removeUserAttribute', compat: true,
        params: [attributeKey],
        handler: { target: 'identity', method: 'removeUserAttribute' },
        description: 'Removes a user attribute of the current user.'
    },
    media('logMediaSessionStart', 'Starts the media session (Media Session Start).'),
    media('logMediaSessionEnd', 'Ends the media session (Media Session End); sends the session summary once.'),
    media('logMediaContentEnd', 'The content played to its end (Media Content End); marks it complete.'),
    media('logPlay', 'Playback started or resumed (Play).'),
    media('logPause', 'Playback paused (Pause).'),
    media('logSeekStart', 'Seek started (Seek Start).', [position('seek started')]),
    media('logSeekEnd', 'Seek ended (Seek End).', [position('seek ended')]),
    media('logBufferStart', 'Buffering started (Buffer Start).', bufferParams),
    media('logBufferEnd', 'Buffering ended (Buffer End).', bufferParams),
    {
        namespace: 'media', name: 'logPlayheadPosition', compat: true,
        params: [session, { name: 'position', type: 'dynamic', optional: true, description: 'Playhead in ms; when omitted, mediaSession.currentPlayheadPosition. An AA here is read as custom attributes, as in mParticle\'s Roku SDK.' }],
        handler: { target: 'media', method: 'logPlayheadPosition' },
        description: 'Updates the playhead (drives milestones, completion and Adobe playheads); logs no event.'
    },
    media('logAdBreakStart', 'An ad break started (Ad Break Start); uses mediaSession.adBreak.'),
    media('logAdBreakEnd', 'The ad break ended (Ad Break End).'),
    media('logAdStart', 'An ad started (Ad Start); uses mediaSession.adContent.'),
    media('logAdClick', 'The ad was clicked (Ad Click).'),
    media('logAdEnd', 'The ad played to its end (Ad End); sends the ad summary once.'),
    media('logAdSkip', 'The ad was skipped (Ad Skip); sends the ad summary once.'),
    media('logSegmentStart', 'A segment started (Segment Start); uses mediaSession.segment.'),
    media('logSegmentEnd', 'The segment played to its end (Segment End); sends the segment summary once.'),
    media('logSegmentSkip', 'The segment was skipped (Segment Skip); sends the segment summary once.'),
    media('logQoS', 'Quality of service update (Update QoS).', qosParams),
    { ...media('logUpdateQoS', 'Same as logQoS, under the web SDK\'s name.', qosParams, 'logQoS'), compat: false },
    { ...media('logMilestone', 'Logs a milestone (Milestone); the SDK also logs configured milestones itself.', [{ name: 'milestone', type: 'dynamic', description: 'Milestone label or percent, e.g. 50.' }]), compat: false },
    {
        ...media('logError', 'The player hit an error (Media Error; Adobe error). The session stays open: end it when playback cannot go on.', [
            { name: 'errorName', type: 'dynamic', description: 'Error identifier: a non-empty string or a number (e.g. the Video node\'s errorCode).' },
            { name: 'errorSource', type: 'string', optional: true, default: 'player', description: '"player" (the media player) or "external" (CDN, network, DRM server).' }
        ]),
        compat: false
    },
    media('logAdSummary', 'Sends the Ad Session Summary now (once per ad).'),
    media('logSegmentSummary', 'Sends the Segment Session Summary now (once per segment).'),
    media('logMediaSessionSummary', 'Sends the Media Session Summary now (once per session).'),
    {
        namespace: 'testing', name: 'advanceClock',
        params: [{ name: 'ms', type: 'integer', description: 'Milliseconds to move the virtual clock forward.' }],
        handler: { target: 'testing', method: 'advanceClock' },
        description: 'Tests only (options.useVirtualClock): moves SDK time forward, firing due timers in order.'
    },
    {
        namespace: 'testing', name: 'drain',
        params: [],
        handler: { target: 'testing', method: 'drain' },
        description: 'Tests only: uploads everything and, on a virtual clock, skips retry waits until nothing is pending.'
    }
];
