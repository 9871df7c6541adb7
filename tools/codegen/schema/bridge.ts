/**
 * Every public call of mParticleSGBridge(task), and the Task-side handler it reaches. The bridge,
 * the Task's dispatch table, the typings and the API reference are all generated from this list,
 * so a bridge method without a handler cannot exist.
 */
import type { BridgeMethod, BridgeParam } from './types';

const session: BridgeParam = { name: 'mediaSession', type: 'MediaSession', description: 'The session built with MediaSession.build (the app\'s current copy).' };
const options: BridgeParam = { name: 'customAttributes', type: 'attributes', optional: true, description: 'Custom attributes for this event; they win over session attributes with the same key.' };

function media(name: string, description: string, extra: BridgeParam[] = [], handler = name, renderHook?: string): BridgeMethod {
    return {
        namespace: 'media',
        name,
        params: [session, ...extra, options],
        handler: { target: 'media', method: handler },
        ...(renderHook ? { renderHook } : {}),
        description,
        compat: true
    };
}

/** A media call that also keeps mParticle's playback fields on the caller's session (render thread). */
function playback(name: string, description: string, hook: string): BridgeMethod {
    return media(name, `${description} Keeps the session's playback fields (playbackState, currentPlaybackStartTimestamp, storedPlaybackTime${hook === 'onContentEnd' ? ', mediaContentComplete' : hook === 'onSessionEnd' ? ', mediaSessionEndTime' : ''}) on the render thread.`, [], name, `mParticle.playback.${hook}`);
}

/** mParticle's raw protocol on a namespace: invokeFunction(name, args), dispatched by name. */
function invoke(namespace: BridgeMethod['namespace']): BridgeMethod {
    return {
        namespace, name: 'invokeFunction', kind: 'invoke', compat: true,
        params: [
            { name: 'name', type: 'string', description: 'A call id of this page ("logEvent", "media.logPlay"), or mParticle\'s spelling with a slash ("media/logPlay").' },
            { name: 'args', type: 'array', optional: true, description: 'The call\'s arguments, in order.' }
        ],
        description: 'Runs the call named `name` with `args`, through the same dispatch table as every bridge call; an unknown name logs one warning on the Task.'
    };
}

const consentState: BridgeParam = { name: 'consentState', type: 'object', description: 'ConsentState.build() with GDPR purposes and/or the CCPA consent; an empty one clears the consent.' };

/** setConsentState, at the top level and under identity (mParticle has both). */
function setConsentState(namespace: BridgeMethod['namespace']): BridgeMethod {
    return {
        namespace, name: 'setConsentState', compat: true,
        params: [consentState],
        handler: { target: 'identity', method: 'setConsentState' },
        description: 'Sets the current user\'s consent state, sent in every batch of that user (consent_state) and kept across launches.'
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
        underLoad: 'event',
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
        underLoad: 'event',
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
        namespace: '', name: 'logCommerceEvent', compat: true,
        underLoad: 'event',
        params: [
            { name: 'productAction', type: 'object', optional: true, description: 'ProductAction.build(...), or invalid / {} for none.' },
            { name: 'promotionAction', type: 'object', optional: true, description: 'PromotionAction.build(...), or invalid / {} for none.' },
            { name: 'impressions', type: 'array', optional: true, description: 'Impression.build(...) items, or invalid / [] for none.' },
            { name: 'customAttributes', type: 'attributes', optional: true, description: 'Custom attributes of the event; values become strings.' },
            { name: 'screenName', type: 'string', optional: true, description: 'Screen the event happened on.' }
        ],
        handler: { target: 'core', method: 'logCommerceEvent' },
        description: 'Logs a commerce event (commerce_event): a product action, a promotion action and/or product impressions.'
    },
    {
        namespace: '', name: 'logMessage', compat: true,
        underLoad: 'event',
        params: [{ name: 'message', type: 'object', description: 'A message in mParticle\'s Roku format: { dt: MESSAGE_TYPE value, n: name, et: event type, attrs: custom attributes, ... } (custom "e", screen "v", commerce "cm", error "x", breadcrumb "b").' }],
        handler: { target: 'core', method: 'logMessage' },
        description: 'Logs a message built by hand in mParticle\'s message format, converted to the Events API event it stands for.'
    },
    {
        namespace: '', name: 'setIntegrationAttribute', compat: true,
        params: [
            { name: 'integrationId', type: 'dynamic', description: 'Integration (kit) id, e.g. "160" (a whole number is accepted).' },
            { name: 'attributeKey', type: 'string', description: 'Attribute name, e.g. "app_instance_id".' },
            { name: 'attributeValue', type: 'dynamic', description: 'String value (numbers and booleans are converted); invalid or "" removes the attribute.' }
        ],
        handler: { target: 'core', method: 'setIntegrationAttribute' },
        description: 'Sets an integration attribute, sent in every batch (integration_attributes) and kept across launches.'
    },
    setConsentState(''),
    invoke(''),
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
    setConsentState('identity'),
    invoke('identity'),
    media('logMediaSessionStart', 'Starts the media session (Media Session Start).'),
    playback('logMediaSessionEnd', 'Ends the media session (Media Session End); sends the session summary once.', 'onSessionEnd'),
    playback('logMediaContentEnd', 'The content played to its end (Media Content End); marks it complete.', 'onContentEnd'),
    playback('logPlay', 'Playback started or resumed (Play).', 'onPlay'),
    playback('logPause', 'Playback paused (Pause).', 'onPause'),
    media('logSeekStart', 'Seek started (Seek Start).', [position('seek started')]),
    media('logSeekEnd', 'Seek ended (Seek End).', [position('seek ended')]),
    media('logBufferStart', 'Buffering started (Buffer Start).', bufferParams),
    media('logBufferEnd', 'Buffering ended (Buffer End).', bufferParams),
    {
        namespace: 'media', name: 'logPlayheadPosition', compat: true,
        underLoad: 'sample',
        params: [session, { name: 'position', type: 'dynamic', optional: true, description: 'Playhead in ms; when omitted, mediaSession.currentPlayheadPosition. An AA here is read as custom attributes, as in mParticle\'s Roku SDK.' }],
        handler: { target: 'media', method: 'logPlayheadPosition' },
        description: 'Updates the playhead (drives milestones, completion and Adobe playheads); logs no event.'
    },
    playback('logAdBreakStart', 'An ad break started (Ad Break Start); uses mediaSession.adBreak.', 'onAdBreakStart'),
    playback('logAdBreakEnd', 'The ad break ended (Ad Break End).', 'onAdBreakEnd'),
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
        namespace: 'media', name: 'getCurrentMediaTimeSpent', kind: 'sync', compat: true,
        params: [{ name: 'mediaSession', type: 'dynamic', description: 'A session built with MediaSession.build.' }],
        sync: { fn: 'mParticle.playback.currentMediaTimeSpent', returns: 'longinteger' },
        description: 'Time since the session was built (mediaSessionStartTime), in ms, up to mediaSessionEndTime once the session ended; 0 for anything that is not a built session. Answered on the render thread.'
    },
    {
        namespace: 'media', name: 'unixTimeMillis', kind: 'sync', compat: true,
        params: [],
        sync: { fn: 'mParticle.generated.unixTimeMillis', returns: 'longinteger' },
        description: 'The current time, epoch ms (LongInteger), on the render thread: the clock of the playback fields.'
    },
    invoke('media'),
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
    },
    {
        namespace: 'testing', name: 'profile',
        params: [{ name: 'label', type: 'string', description: 'Names the window in the printed line.' }],
        handler: { target: 'testing', method: 'profile' },
        description: 'Profiling builds only (bs_const MP_PROFILE=true, `npm run bench -- --profile`): prints the Task thread\'s time per phase since the previous call (`[profile] {json}`) and starts a new window; elsewhere it logs one warning.'
    }
];
