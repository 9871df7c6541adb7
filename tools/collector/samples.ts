/**
 * Well-formed sample payloads in the SDK's wire formats, for tests and simulators. Each builder takes
 * overrides; they are shallow, so pass whole nested objects to change them.
 */
import { randomUUID } from 'crypto';

export const SAMPLE_TIME_MS = 1_700_000_000_000;
export const SAMPLE_SESSION_UUID = '5d0d2b4e-4a5c-4e8a-9d61-0c1f2a3b4c5d';

export function basicAuth(apiKey = 'test-api-key', apiSecret = 'test-api-secret'): string {
    return `Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString('base64')}`;
}

export function sampleCustomEvent(name = 'Play', attributes: Record<string, string> = {}, overrides: Record<string, unknown> = {}) {
    return {
        event_type: 'custom_event',
        data: {
            event_name: name,
            custom_event_type: 'media',
            custom_attributes: attributes,
            timestamp_unixtime_ms: SAMPLE_TIME_MS,
            session_uuid: SAMPLE_SESSION_UUID,
            session_start_unixtime_ms: SAMPLE_TIME_MS - 60_000,
            source_message_id: randomUUID(),
            ...overrides
        }
    };
}

export function sampleBatch(overrides: Record<string, unknown> = {}) {
    return {
        environment: 'development',
        mpid: '8675309',
        batch_id: randomUUID(),
        timestamp_unixtime_ms: SAMPLE_TIME_MS,
        source_request_id: randomUUID(),
        schema_version: 2,
        device_info: { platform: 'roku', device_model: '4800X', brand: 'Roku', os_version: '12.5' },
        application_info: { application_name: 'Sample Channel', application_version: '1.0.0', os: 'Roku' },
        user_identities: { customer_id: 'cust-1' },
        user_attributes: { plan: 'premium' },
        events: [
            sampleCustomEvent('Play', { content_id: 'ABC123', playhead_position: '1900' })
        ],
        ...overrides
    };
}

export function sampleIdentityRequest(knownIdentities: Record<string, string>, overrides: Record<string, unknown> = {}) {
    return {
        client_sdk: { platform: 'roku', sdk_vendor: 'mparticle', sdk_version: '0.1.0' },
        environment: 'development',
        request_id: randomUUID(),
        request_timestamp_ms: SAMPLE_TIME_MS,
        known_identities: knownIdentities,
        ...overrides
    };
}

export function sampleModifyRequest(changes: Array<{ identity_type: string; old_value: string | null; new_value: string | null }>) {
    return {
        client_sdk: { platform: 'roku', sdk_vendor: 'mparticle', sdk_version: '0.1.0' },
        environment: 'development',
        request_id: randomUUID(),
        request_timestamp_ms: SAMPLE_TIME_MS,
        identity_changes: changes
    };
}

/** Body for POST /ee/va/v1/{eventType}; pass sessionID for every event but sessionStart. */
export function sampleAdobeEvent(eventType: string, mediaCollection: Record<string, unknown> = {}, timestamp = '2024-05-01T02:00:24.000Z') {
    const media: Record<string, unknown> = { playhead: 0, ...mediaCollection };
    if (eventType === 'sessionStart' && media.sessionDetails === undefined) {
        media.sessionDetails = { name: 'ABC123', playerName: 'roku-sdk', contentType: 'vod', channel: 'sample', length: 600 };
    }
    return { events: [{ xdm: { eventType: `media.${eventType}`, timestamp, mediaCollection: media } }] };
}

/** A native SDK message (mParticle's Roku SDK format) of a custom event in a session. */
export function sampleNativeMessage(name = 'Play', attributes: Record<string, string> = {}, overrides: Record<string, unknown> = {}) {
    return {
        dt: 'e',
        id: randomUUID(),
        ct: SAMPLE_TIME_MS,
        sid: SAMPLE_SESSION_UUID,
        sct: SAMPLE_TIME_MS - 60_000,
        n: name,
        et: 'media',
        est: SAMPLE_TIME_MS,
        attrs: attributes,
        ...overrides
    };
}

/** A native SDK batch (POST /v2/{apiKey}/events). */
export function sampleNativeBatch(overrides: Record<string, unknown> = {}) {
    return {
        dt: 'h',
        id: randomUUID(),
        ct: SAMPLE_TIME_MS,
        mpid: '8675309',
        sdk: '0.1.0',
        dbg: true,
        das: 'das-sample',
        ltv: 0,
        ui: [{ n: 1, i: 'cust-1', dfs: SAMPLE_TIME_MS - 1000, f: true }],
        ua: { plan: 'premium' },
        ck: {},
        ai: { an: 'Sample Channel', av: '1.0.0', apn: 'dev', env: 1 },
        di: { dp: 'Roku', p: '4800X', dmdl: '4800X', vr: '12.5', b: 'Roku', dll: 'en_US' },
        msgs: [sampleNativeMessage('Play', { content_id: 'ABC123', playhead_position: '1900' })],
        ...overrides
    };
}
