/** Constant groups of mParticleConstants(); names and values are those of mParticle's Roku SDK. */
import type { ConstantGroup } from './types';
import { version } from '../../../package.json';

/** package.json's version: `npm version` changes it, `npm run codegen` carries it into the SDK. */
export const SDK_VERSION: string = version;

export const constants: ConstantGroup[] = [
    {
        name: 'SDK_VERSION',
        description: 'Version of this SDK, sent as sdk_version in every batch.',
        value: SDK_VERSION
    },
    {
        name: 'LOG_LEVEL',
        description: 'Values for options.logLevel. Bad-input warnings print at ERROR and above.',
        value: { NONE: 0, ERROR: 1, INFO: 2, DEBUG: 3 }
    },
    {
        name: 'ENVIRONMENT',
        description: 'Values for options.environment. AUTO_DETECT uses roAppInfo.IsDev().',
        value: { AUTO_DETECT: 0, FORCE_DEVELOPMENT: 1, FORCE_PRODUCTION: 2 }
    },
    {
        name: 'TRANSPORT',
        description: 'Values for options.transport: NATIVE talks to mParticle as its Roku SDK does (signed native batches); EVENTS_API sends Events API batches with HTTP Basic auth (server-to-server keys).',
        value: { NATIVE: 'native', EVENTS_API: 'eventsApi' }
    },
    {
        name: 'DEFAULT_OPTIONS',
        description: 'Defaults for m.global.mparticleOptions; any key given there overrides these.',
        value: {
            apiKey: '',
            apiSecret: '',
            environment: 0,
            logLevel: 1,
            enablePinning: true,
            certificateDir: 'common:/certs/ca-bundle.crt',
            sessionTimeoutMillis: 60000,
            batchUploads: true,
            uploadIntervalMillis: 10000,
            batchSize: 50,
            transport: 'native',
            nativeBaseUrl: 'https://nativesdks.mparticle.com',
            eventsBaseUrl: 'https://s2s.mparticle.com',
            identityBaseUrl: 'https://identity.mparticle.com',
            persistenceBudgetBytes: 8192,
            requestTimeoutMillis: 30000,
            useVirtualClock: false,
            mediaEventListener: false
        }
    },
    {
        name: 'SCENEGRAPH_NODES',
        description: 'Names of the mParticleTask interface fields a channel may observe or write.',
        value: {
            API_CALL_NODE: 'mParticleApiCall',
            READY_NODE: 'mParticleReady',
            CURRENT_USER_NODE: 'mParticleCurrentUser',
            IDENTITY_RESULT_NODE: 'mParticleIdentityResult',
            CURRENT_SESSION_NODE: 'mParticleCurrentSession',
            STATUS_NODE: 'mParticleStatus',
            MEDIA_EVENT_LISTENER_NODE: 'mediaEventListener'
        }
    },
    {
        name: 'USER_ATTRIBUTES',
        description: 'Reserved user attribute keys.',
        value: {
            FIRSTNAME: '$FirstName',
            LASTNAME: '$LastName',
            ADDRESS: '$Address',
            STATE: '$State',
            CITY: '$City',
            ZIPCODE: '$Zip',
            COUNTRY: '$Country',
            AGE: '$Age',
            GENDER: '$Gender',
            MOBILE_NUMBER: '$Mobile'
        }
    },
    {
        name: 'MESSAGE_TYPE',
        description: 'mParticle message type codes (kept for compatibility with mParticle\'s Roku SDK).',
        value: {
            SESSION_START: 'ss',
            SESSION_END: 'se',
            CUSTOM: 'e',
            SCREEN: 'v',
            OPT_OUT: 'o',
            ERROR: 'x',
            BREADCRUMB: 'b',
            APP_STATE_TRANSITION: 'ast',
            COMMERCE: 'cm',
            USER_ATTRIBUTE_CHANGE: 'uac',
            USER_IDENTITY_CHANGE: 'uic'
        }
    },
    {
        name: 'CUSTOM_EVENT_TYPE',
        description: 'Values for the eventType argument of logEvent; media events use MEDIA.',
        value: {
            NAVIGATION: 'navigation',
            LOCATION: 'location',
            SEARCH: 'search',
            TRANSACTION: 'transaction',
            USER_CONTENT: 'user_content',
            USER_PREFERENCE: 'user_preference',
            SOCIAL: 'social',
            OTHER: 'other',
            MEDIA: 'media'
        }
    },
    {
        name: 'MEDIA_EVENT_NAME',
        description: 'event_name of every media event the SDK logs.',
        value: {
            PLAY: 'Play',
            PAUSE: 'Pause',
            CONTENT_END: 'Media Content End',
            SESSION_START: 'Media Session Start',
            SESSION_END: 'Media Session End',
            SEEK_START: 'Seek Start',
            SEEK_END: 'Seek End',
            BUFFER_START: 'Buffer Start',
            BUFFER_END: 'Buffer End',
            UPDATE_PLAYHEAD_POSITION: 'Update Playhead Position',
            AD_CLICK: 'Ad Click',
            AD_BREAK_START: 'Ad Break Start',
            AD_BREAK_END: 'Ad Break End',
            AD_START: 'Ad Start',
            AD_END: 'Ad End',
            AD_SKIP: 'Ad Skip',
            SEGMENT_START: 'Segment Start',
            SEGMENT_SKIP: 'Segment Skip',
            SEGMENT_END: 'Segment End',
            UPDATE_QOS: 'Update QoS',
            MILESTONE: 'Milestone',
            ERROR: 'Media Error',
            SESSION_SUMMARY: 'Media Session Summary',
            AD_SUMMARY: 'Ad Session Summary',
            SEGMENT_SUMMARY: 'Segment Session Summary'
        }
    },
    {
        name: 'MEDIA_CONTENT_TYPE',
        description: 'Values for MediaSession contentType.',
        value: { VIDEO: 'Video', AUDIO: 'Audio' }
    },
    {
        name: 'MEDIA_STREAM_TYPE',
        description: 'Values for MediaSession streamType.',
        value: {
            LIVE_STREAM: 'LiveStream',
            ON_DEMAND: 'OnDemand',
            LINEAR: 'Linear',
            PODCAST: 'Podcast',
            AUDIOBOOK: 'Audiobook'
        }
    },
    {
        name: 'IDENTITY_TYPE',
        description: 'Identity types for identity requests (userIdentities keys).',
        functions: [{
            name: 'isValidIdentityType',
            kind: 'memberOf',
            description: 'true when the argument is one of the IDENTITY_TYPE values (case-sensitive).',
            param: { name: 'identityType', description: 'An identity type string, e.g. "email".' },
            returns: 'boolean'
        }],
        value: {
            OTHER: 'other',
            CUSTOMER_ID: 'customerid',
            FACEBOOK: 'facebook',
            TWITTER: 'twitter',
            GOOGLE: 'google',
            MICROSOFT: 'microsoft',
            YAHOO: 'yahoo',
            EMAIL: 'email',
            FACEBOOK_AUDIENCE_ID: 'facebookcustomaudienceid',
            OTHER2: 'other2',
            OTHER3: 'other3',
            OTHER4: 'other4',
            OTHER5: 'other5',
            OTHER6: 'other6',
            OTHER7: 'other7',
            OTHER8: 'other8',
            OTHER9: 'other9',
            OTHER10: 'other10',
            MOBILE_NUMBER: 'mobile_number',
            PHONE_NUMBER2: 'phone_number_2',
            PHONE_NUMBER3: 'phone_number_3'
        }
    },
    {
        name: 'IDENTITY_TYPE_INT',
        description: 'mParticle\'s numeric code of each identity type (same keys as IDENTITY_TYPE).',
        functions: [{
            name: 'parseString',
            kind: 'lookup',
            from: 'IDENTITY_TYPE',
            fallback: 0,
            description: 'The code of an IDENTITY_TYPE string ("email" -> 7); 0 (OTHER) for anything else.',
            param: { name: 'identityTypeString', description: 'An IDENTITY_TYPE value.' },
            returns: 'integer'
        }],
        value: {
            OTHER: 0,
            CUSTOMER_ID: 1,
            FACEBOOK: 2,
            TWITTER: 3,
            GOOGLE: 4,
            MICROSOFT: 5,
            YAHOO: 6,
            EMAIL: 7,
            FACEBOOK_AUDIENCE_ID: 9,
            OTHER2: 10,
            OTHER3: 11,
            OTHER4: 12,
            OTHER5: 13,
            OTHER6: 14,
            OTHER7: 15,
            OTHER8: 16,
            OTHER9: 17,
            OTHER10: 18,
            MOBILE_NUMBER: 19,
            PHONE_NUMBER2: 20,
            PHONE_NUMBER3: 21
        }
    }
];
