/**
 * Compile-time checks of the generated typings (typings/*.d.ts), run by
 * `npx tsc -p typings/tsconfig.json` (strict, library files checked too). Each `@ts-expect-error`
 * line must fail to compile, so a typing that got looser breaks the check as surely as one that
 * stopped compiling. Never executed.
 */
import {
    CustomEventDataCustomEventTypeEnum,
    EventTypeEnum,
    BatchEnvironmentEnum,
    ProductActionActionEnum,
    type Batch
} from '@mparticle/event-models';
import type {
    AdSummaryAttributes,
    BridgeCall,
    BridgeHandlers,
    BridgeMethodId,
    MediaCustomEvent,
    MediaEventAttributes,
    MediaEventName,
    MediaSession,
    MParticleConstants,
    MParticleOptions,
    MParticleTaskFields,
    PlayAttributes,
    SGBridge,
    SummaryEventName,
    UploadBatch
} from '../../typings';

declare const constants: MParticleConstants;
declare const bridge: SGBridge;

// Constants keep their literal values.
const play: 'Play' = constants.MEDIA_EVENT_NAME.PLAY;
const video: 'Video' = constants.MEDIA_CONTENT_TYPE.VIDEO;
const apiCallField: 'mParticleApiCall' = constants.SCENEGRAPH_NODES.API_CALL_NODE;
// @ts-expect-error the constant is "Pause", not "Play"
const wrongName: 'Play' = constants.MEDIA_EVENT_NAME.PAUSE;

// The seed's calls.
const session: MediaSession = constants.MediaSession.build('ABC123', 'Space Pilot 3000', video, constants.MEDIA_STREAM_TYPE.LIVE_STREAM, 1800000);
session.currentPlayheadPosition = 1900;
session.adBreak = constants.AdBreak.build('XYZ123', 'Gamer Ad Collection');
session.adContent = constants.AdContent.build('ABC890', 'CP 2077 - Be Cool, Be Anything');
constants.AdContent.setCampaign(session.adContent, 'CP 2077 Preorder Push');
bridge.media.logMediaSessionStart(session, { 'example custom attribute': 'example custom attribute value' });
bridge.media.logPlay(session);
bridge.logEvent('Custom Media Event', constants.CUSTOM_EVENT_TYPE.MEDIA, { a: 1 });
// @ts-expect-error logPlay needs the session
bridge.media.logPlay();
// @ts-expect-error no such bridge method
bridge.media.logRewind(session);

// Automatic tracking: trackVideo returns a handle; the adapters take its id.
declare const videoNode: unknown;
const tracker = bridge.media.trackVideo(videoNode, session, { positionIntervalMs: 1000 });
const trackerId: string = tracker.id;
tracker.stop();
const raf = bridge.media.rafAdapter(trackerId);
raf.onEvent('PodStart', { rendersequence: 'preroll' });
// @ts-expect-error the event type is a string
raf.onEvent(7);
bridge.tracking.video(trackerId, 'state', 'playing', 12.5, 4000);
// @ts-expect-error trackVideo needs the session
bridge.media.trackVideo(videoNode);

// Bridge calls on the wire and their handlers.
const call: BridgeCall<'media.logSeekStart'> = { b: 'bridge-1', s: 1, m: 'media.logSeekStart', a: [session, 1500, { source: 'remote' }] };
const handler: BridgeHandlers['media.logUpdateQoS'] = { target: 'media', method: 'logQoS', arity: 6 };
// @ts-expect-error not a bridge method id
const badId: BridgeMethodId = 'media.logStop';

// Task fields and options.
declare const fields: MParticleTaskFields;
const ready: boolean = fields.mParticleReady;
const options: MParticleOptions = { apiKey: 'k', apiSecret: 's', useVirtualClock: true, adobeMedia: { configId: 'c' } };
// @ts-expect-error apiKey is a string
const badOptions: MParticleOptions = { apiKey: 42 };

// Uploaded attributes are strings; numbers are numeric strings.
const attributes: PlayAttributes = {
    media_session_id: '96a023b8-b0c7-47b7-b687-09f73b9dfac3',
    content_id: 'ABC123',
    content_title: 'Space Pilot 3000',
    content_duration: '1800000',
    content_type: 'Video',
    stream_type: 'LiveStream',
    playhead_position: '1900',
    content_season: '3'
};
// @ts-expect-error playhead_position is uploaded as a numeric string
const notNumeric: PlayAttributes = { ...attributes, playhead_position: 'soon' };
// @ts-expect-error media_session_id is always sent
const missingId: PlayAttributes = { content_id: 'ABC123' };
// @ts-expect-error values are strings, never numbers
const numberValue: PlayAttributes = { ...attributes, content_duration: 1800000 };
const adSummary: AdSummaryAttributes = {
    media_session_id: 's', ad_content_id: 'ABC890', ad_content_title: 't',
    ad_content_start_time: '1700000000000', ad_content_end_time: '1700000016000', ad_completed: 'true', ad_skipped: 'false'
};
// @ts-expect-error booleans are "true" or "false"
const badFlag: AdSummaryAttributes = { ...adSummary, ad_completed: 'yes' };
const summary: SummaryEventName = 'Ad Session Summary';
// @ts-expect-error Play is not a summary event
const notSummary: SummaryEventName = 'Play';
const everyEvent: Record<MediaEventName, true> = {} as Record<keyof MediaEventAttributes, true>;

// An upload batch: typed media events, and still a Batch of @mparticle/event-models.
const playEvent: MediaCustomEvent<'Play'> = {
    event_type: EventTypeEnum.customEvent,
    data: {
        event_name: 'Play',
        custom_event_type: CustomEventDataCustomEventTypeEnum.media,
        timestamp_unixtime_ms: 1700000000000,
        custom_attributes: attributes
    }
};
const batch: UploadBatch = {
    environment: BatchEnvironmentEnum.development,
    mpid: '8675309',
    events: [
        playEvent,
        { event_type: EventTypeEnum.sessionStart, data: { timestamp_unixtime_ms: 1700000000000 } },
        {
            event_type: EventTypeEnum.customEvent,
            data: { event_name: 'Button', custom_event_type: CustomEventDataCustomEventTypeEnum.navigation, custom_attributes: { a: '1' } }
        }
    ]
};
const asBatch: Batch = batch;
const badBatch: UploadBatch = {
    environment: BatchEnvironmentEnum.development,
    mpid: '1',
    // @ts-expect-error a media event named Play carries PlayAttributes
    events: [{
        event_type: EventTypeEnum.customEvent,
        data: { event_name: 'Play', custom_event_type: CustomEventDataCustomEventTypeEnum.media, custom_attributes: { content_id: 'x' } }
    }]
};

// mParticle's commerce and consent builders return its short-key shapes.
const product = constants.Product.build('foo-sku', 'foo-name', 123.45);
const productName: string = product.nm;
const action = constants.ProductAction.build(constants.ProductAction.ACTION_TYPE.PURCHASE, 123.45, [product]);
const purchase: 'purchase' = constants.ProductAction.ACTION_TYPE.PURCHASE;
// @ts-expect-error ProductAction AAs use mParticle's keys (an), not a field name
const actionType: string = action.actionType;
const consentState = constants.ConsentState.build();
constants.ConsentState.addGDPRConsentState(consentState, 'functional', constants.GDPRConsentState.build(false, 1700000000));
const emailCode: number = constants.IDENTITY_TYPE_INT.parseString(constants.IDENTITY_TYPE.EMAIL);
const valid: boolean = constants.IDENTITY_TYPE.isValidIdentityType('email');
// Render-thread media members answer with a value; calls answer nothing.
const spent: number = bridge.media.getCurrentMediaTimeSpent({});
bridge.invokeFunction('media/logPlay', [{}]);
bridge.logCommerceEvent(action, undefined, undefined, { coupon: 'yes' }, 'Checkout');
bridge.setIntegrationAttribute('160', 'app_instance_id', 'x');
const planned: MParticleOptions = { dataPlanId: 'plan', dataPlanVersion: 1, batchUploads: false, isscenegraph: true };
// @ts-expect-error dataPlanVersion is a number
const badPlan: MParticleOptions = { dataPlanVersion: '1' };
const commerceEvent: UploadBatch = {
    environment: BatchEnvironmentEnum.production,
    mpid: '1',
    events: [{ event_type: EventTypeEnum.commerceEvent, data: { product_action: { action: ProductActionActionEnum.purchase, products: [{ id: 'foo-sku' }] } } }],
    consent_state: { gdpr: { functional: { consented: false } } },
    integration_attributes: { 160: { app_instance_id: 'x' } },
    context: { data_plan: { plan_id: 'plan', plan_version: 1 } }
};

export const used = [
    play, wrongName, apiCallField, call, handler, badId, ready, options, badOptions, notNumeric, missingId, numberValue,
    badFlag, summary, notSummary, everyEvent, asBatch, badBatch, productName, purchase, actionType, emailCode, valid, spent,
    planned, badPlan, commerceEvent
];
