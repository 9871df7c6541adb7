/**
 * What a Media Edge request may contain, from Adobe's docs: the Media Edge OpenAPI file (required
 * fields per event type), the XDM schemas (types and units: MediaCollection playhead, qoeDataDetails,
 * sessionDetails, chapterDetails, advertisingDetails, advertisingPodDetails, errorDetails,
 * implementationDetails, identityMap) and the Edge Network's client state protocol (meta.state.entries).
 *
 * Units are checked where a wrong unit leaves a trace: every duration is integer seconds and every
 * rate kbps or frames per second, so a value that only makes sense in milliseconds or bits per second
 * (timeToStart 850, bitrate 4500000) is refused; a live session's playhead is the second of the day.
 */
import { Checker, type Rule } from './field-checks';
import { isPlainObject } from './http-io';

// Full date, time with milliseconds, and a zone: what the SDK promises (Adobe itself also takes no fraction).
export const ISO_WITH_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(Z|[+-]\d{2}:?\d{2})$/;

const STRING: Rule = { kind: 'string' };
const NAME: Rule = { kind: 'nonEmptyString', required: true };
const SECONDS: Rule = { kind: 'nonNegativeInteger' };
const COUNT: Rule = { kind: 'nonNegativeInteger' };

/** sessionDetails: required on sessionStart (OpenAPI), the standard metadata as strings (XDM). */
const SESSION_DETAILS: Record<string, Rule> = {
    name: NAME,
    playerName: NAME,
    contentType: NAME,
    channel: NAME,
    length: { kind: 'nonNegativeInteger', required: true },
    friendlyName: STRING,
    hasResume: { kind: 'boolean' },
    streamType: { kind: 'string', oneOf: ['video', 'audio'] },
    appVersion: STRING,
    ...Object.fromEntries(['show', 'season', 'episode', 'assetID', 'genre', 'firstAirDate', 'firstDigitalDate', 'rating',
        'originator', 'network', 'showType', 'adLoad', 'mvpd', 'authorized', 'dayPart', 'feed', 'streamFormat', 'artist',
        'album', 'label', 'author', 'station', 'publisher'].map((key) => [key, STRING]))
};

const CHAPTER_DETAILS: Record<string, Rule> = {
    index: { kind: 'nonNegativeInteger', required: true },
    offset: { kind: 'nonNegativeInteger', required: true },
    length: { kind: 'nonNegativeInteger', required: true },
    friendlyName: STRING
};

const POD_DETAILS: Record<string, Rule> = {
    index: { kind: 'nonNegativeInteger', required: true },
    offset: { kind: 'nonNegativeInteger', required: true },
    friendlyName: STRING
};

const AD_DETAILS: Record<string, Rule> = {
    name: NAME,
    length: { kind: 'nonNegativeInteger', required: true },
    podPosition: { kind: 'nonNegativeInteger', required: true },
    playerName: NAME,
    friendlyName: STRING,
    ...Object.fromEntries(['advertiser', 'campaignID', 'creativeID', 'creativeURL', 'placementID', 'siteID'].map((key) => [key, STRING]))
};

const ERROR_DETAILS: Record<string, Rule> = {
    name: NAME,
    source: { kind: 'string', required: true, oneOf: ['player', 'external'] }
};

/** qoeDataDetails (XDM: bitrate kbps, framesPerSecond fps, times integer seconds, the rest counts). */
const QOE_DETAILS: Record<string, Rule> = {
    bitrate: COUNT,
    droppedFrames: COUNT,
    framesPerSecond: COUNT,
    timeToStart: SECONDS,
    bufferCount: COUNT,
    bufferTime: SECONDS,
    stallCount: COUNT,
    stallTime: SECONDS,
    bitrateChangeCount: COUNT,
    errorCount: COUNT,
    droppedFrameCount: COUNT,
    bitrateAverage: { kind: 'nonNegativeNumber' },
    isDroppedBeforeStart: { kind: 'boolean' }
};

/**
 * Upper bounds that tell units apart: a startup time or a stall total of more than this many seconds
 * is a millisecond value sent as seconds; a bitrate above 200 Mbps is bits per second sent as kbps.
 */
export const PLAUSIBLE_MAX: Record<string, { max: number; unit: string; likely: string }> = {
    timeToStart: { max: 300, unit: 'seconds', likely: 'milliseconds' },
    bufferTime: { max: 86400, unit: 'seconds', likely: 'milliseconds' },
    stallTime: { max: 86400, unit: 'seconds', likely: 'milliseconds' },
    bitrate: { max: 200000, unit: 'kbps', likely: 'bits per second' },
    bitrateAverage: { max: 200000, unit: 'kbps', likely: 'bits per second' },
    framesPerSecond: { max: 240, unit: 'frames per second', likely: 'a count' }
};

/** The details object each event type cannot do without (OpenAPI), with its rules. */
const REQUIRED_DETAILS: Record<string, [string, Record<string, Rule>]> = {
    sessionStart: ['sessionDetails', SESSION_DETAILS],
    adBreakStart: ['advertisingPodDetails', POD_DETAILS],
    adStart: ['advertisingDetails', AD_DETAILS],
    chapterStart: ['chapterDetails', CHAPTER_DETAILS],
    error: ['errorDetails', ERROR_DETAILS]
};

const IDENTITY_ITEM: Rule = {
    kind: 'object',
    fields: {
        id: NAME,
        primary: { kind: 'boolean' },
        authenticatedState: { kind: 'string', oneOf: ['ambiguous', 'authenticated', 'loggedOut'] }
    }
};

const IMPLEMENTATION_DETAILS: Rule = {
    kind: 'object',
    fields: {
        name: NAME,
        version: NAME,
        environment: { kind: 'string', required: true, oneOf: ['browser', 'app', 'server', 'iot'] }
    }
};

const STATE_ENTRY: Rule = { kind: 'object', fields: { key: NAME, value: { kind: 'string', required: true } } };

export interface SessionFacts {
    /** Live or linear content: the playhead is the second of the day. */
    live: boolean;
}

/** Checks the request-level parts every Edge request may carry (meta.state.entries). */
export function checkMeta(body: Record<string, unknown>, checker: Checker) {
    if (body.meta === undefined) {
        return;
    }
    checker.fields(body, { meta: { kind: 'object', fields: { state: { kind: 'object', fields: { entries: { kind: 'array', items: STATE_ENTRY } } } } } }, '');
}

/** Checks one Media Edge event's xdm against the facts above. */
export function checkMediaXdm(eventType: string, xdm: Record<string, unknown>, checker: Checker, session?: SessionFacts) {
    const expectedType = `media.${eventType}`;
    if (xdm.eventType !== expectedType) {
        checker.add('xdm.eventType', `expected "${expectedType}" (the path's event type), got ${JSON.stringify(xdm.eventType ?? null)}`);
    }
    if (typeof xdm.timestamp !== 'string' || !ISO_WITH_MS.test(xdm.timestamp) || Number.isNaN(Date.parse(xdm.timestamp))) {
        checker.add('xdm.timestamp', `expected ISO 8601 with milliseconds (e.g. 2024-01-02T03:04:05.678Z), got ${JSON.stringify(xdm.timestamp ?? null)}`);
    }
    checker.fields(xdm, {
        _id: { kind: 'nonEmptyString' },
        identityMap: { kind: 'object', fields: { ECID: { kind: 'array', items: IDENTITY_ITEM } } },
        implementationDetails: IMPLEMENTATION_DETAILS
    }, 'xdm');
    const ecids = isPlainObject(xdm.identityMap) ? xdm.identityMap.ECID : undefined;
    if (Array.isArray(ecids) && ecids.length !== 1) {
        checker.add('xdm.identityMap.ECID', `expected the device's one ECID, got ${ecids.length}`);
    }
    const media = xdm.mediaCollection;
    if (!isPlainObject(media)) {
        checker.add('xdm.mediaCollection', 'required object missing');
        return;
    }
    checker.fields(media, {
        playhead: { kind: 'nonNegativeInteger', required: true },
        qoeDataDetails: { kind: 'object', fields: QOE_DETAILS },
        customMetadata: { kind: 'array', items: { kind: 'object', fields: { name: NAME, value: { kind: 'string', required: true } } } }
    }, 'xdm.mediaCollection');
    if (eventType === 'sessionStart') {
        // A live session's playheads are checked from its start on.
        session = { live: isLiveContentType((media.sessionDetails as Record<string, unknown> | undefined)?.contentType) };
    } else {
        checker.fields(media, { sessionID: { kind: 'nonEmptyString', required: true } }, 'xdm.mediaCollection');
    }
    const details = REQUIRED_DETAILS[eventType];
    if (details) {
        const [field, rules] = details;
        checker.fields(media, { [field]: { kind: 'object', required: true, fields: rules } }, 'xdm.mediaCollection');
    }
    if (eventType === 'statesUpdate' && !Array.isArray(media.statesStart) && !Array.isArray(media.statesEnd)) {
        checker.add('xdm.mediaCollection', 'statesUpdate needs statesStart or statesEnd');
    }
    if (session?.live && typeof media.playhead === 'number' && media.playhead >= 86400) {
        checker.add('xdm.mediaCollection.playhead', `a live session's playhead is the second of the day (0..86399), got ${media.playhead}`);
    }
    const qoe = media.qoeDataDetails;
    if (isPlainObject(qoe)) {
        for (const [key, bound] of Object.entries(PLAUSIBLE_MAX)) {
            const value = qoe[key];
            if (typeof value === 'number' && value > bound.max) {
                checker.add(`xdm.mediaCollection.qoeDataDetails.${key}`, `is in ${bound.unit}: ${value} is implausible (${bound.likely}?)`);
            }
        }
    }
}

export function isLiveContentType(contentType: unknown): boolean {
    return typeof contentType === 'string' && ['live', 'linear'].includes(contentType.toLowerCase());
}
