/**
 * Runtime structural check of an Events API batch against the @mparticle/event-models types, narrowed to
 * what the SDK promises to send. Allowed values come from the event-models enums, minus the placeholders
 * a client must never send ('unknown' environment/event type, 'validation_result').
 */
import {
    ApplicationInformationOsEnum,
    BatchEnvironmentEnum,
    CustomEventDataCustomEventTypeEnum,
    DeviceInformationPlatformEnum,
    EventTypeEnum,
    IdentityTypeEnum,
    type Batch
} from '@mparticle/event-models';
import { isPlainObject } from './http-io';
import { Checker, describe, type Rule } from './field-checks';

export const ENVIRONMENTS: readonly string[] = Object.values(BatchEnvironmentEnum).filter((v) => v !== BatchEnvironmentEnum.unknown);
export const EVENT_TYPES: readonly string[] = Object.values(EventTypeEnum)
    .filter((v) => v !== EventTypeEnum.unknown && v !== EventTypeEnum.validationResult);
export const CUSTOM_EVENT_TYPES: readonly string[] = Object.values(CustomEventDataCustomEventTypeEnum);
export const IDENTITY_TYPES: readonly string[] = Object.values(IdentityTypeEnum);
const DEVICE_PLATFORMS: readonly string[] = Object.values(DeviceInformationPlatformEnum);
const APPLICATION_OSES: readonly string[] = Object.values(ApplicationInformationOsEnum);

export type BatchCheck =
    | { ok: true; batch: Batch; batchId: string; mpid: string }
    | { ok: false; errors: string[] };

const BATCH_RULES: Record<string, Rule> = {
    environment: { kind: 'string', required: true, oneOf: ENVIRONMENTS },
    mpid: { kind: 'mpid', required: true },
    batch_id: { kind: 'batchId', required: true },
    timestamp_unixtime_ms: { kind: 'timestamp', required: true },
    source_request_id: { kind: 'string' },
    schema_version: { kind: 'integer' },
    device_info: { kind: 'object', required: true, fields: { platform: { kind: 'string', oneOf: DEVICE_PLATFORMS } } },
    application_info: { kind: 'object', required: true, fields: { os: { kind: 'string', oneOf: APPLICATION_OSES } } },
    user_identities: { kind: 'object', required: true },
    user_attributes: { kind: 'object', required: true },
    deleted_user_attributes: { kind: 'array', items: { kind: 'string' } },
    events: { kind: 'array', required: true },
    mp_deviceid: { kind: 'string' },
    sdk_version: { kind: 'string' }
};

const USER_IDENTITY_RULES: Record<string, Rule> = {
    identity_type: { kind: 'string', required: true, oneOf: IDENTITY_TYPES },
    identity: { kind: 'string', required: true },
    timestamp_unixtime_ms: { kind: 'timestamp', required: true },
    created_this_batch: { kind: 'boolean', required: true }
};

/** CommonEventData, checked on every event. */
const COMMON_DATA_RULES: Record<string, Rule> = {
    timestamp_unixtime_ms: { kind: 'timestamp', required: true },
    event_id: { kind: 'integer' },
    source_message_id: { kind: 'string' },
    session_id: { kind: 'integer' },
    session_uuid: { kind: 'string' },
    session_start_unixtime_ms: { kind: 'timestamp' },
    event_start_unixtime_ms: { kind: 'timestamp' },
    custom_attributes: { kind: 'stringMap' },
    custom_flags: { kind: 'object' }
};

const inSession: Record<string, Rule> = {
    session_uuid: { kind: 'nonEmptyString', required: true },
    session_start_unixtime_ms: { kind: 'timestamp', required: true },
    source_message_id: { kind: 'nonEmptyString', required: true }
};

/** Per event type, on top of COMMON_DATA_RULES. */
const DATA_RULES: Record<string, Record<string, Rule>> = {
    custom_event: {
        ...inSession,
        event_name: { kind: 'nonEmptyString', required: true },
        custom_event_type: { kind: 'string', required: true, oneOf: CUSTOM_EVENT_TYPES }
    },
    screen_view: {
        screen_name: { kind: 'nonEmptyString', required: true },
        activity_type: { kind: 'string' }
    },
    session_start: {
        session_uuid: { kind: 'nonEmptyString', required: true }
    },
    session_end: {
        session_uuid: { kind: 'nonEmptyString', required: true },
        session_duration_ms: { kind: 'nonNegativeInteger', required: true }
    },
    user_attribute_change: {
        user_attribute_name: { kind: 'nonEmptyString', required: true },
        new: { kind: 'attributeValue', nullable: true },
        old: { kind: 'attributeValue', nullable: true },
        deleted: { kind: 'boolean', required: true },
        is_new_attribute: { kind: 'boolean', required: true }
    },
    user_identity_change: {
        new: { kind: 'object', nullable: true, fields: USER_IDENTITY_RULES },
        old: { kind: 'object', nullable: true, fields: USER_IDENTITY_RULES }
    },
    opt_out: {
        is_opted_out: { kind: 'boolean', required: true }
    }
};

function checkEvent(event: unknown, at: string, checker: Checker) {
    if (!isPlainObject(event)) {
        checker.add(at, `expected event object, got ${describe(event)}`);
        return;
    }
    const type = event.event_type;
    if (typeof type !== 'string' || !EVENT_TYPES.includes(type)) {
        checker.add(`${at}.event_type`, type === undefined ? 'required field missing' : `${JSON.stringify(type)} is not a valid event_type`);
        return;
    }
    const data = event.data;
    if (!isPlainObject(data)) {
        checker.add(`${at}.data`, data === undefined ? 'required field missing' : `expected object, got ${describe(data)}`);
        return;
    }
    const rules = { ...COMMON_DATA_RULES, ...(DATA_RULES[type] ?? {}) };
    checker.fields(data, rules, `${at}.data`);
    if (type === 'user_identity_change' && data.new == null && data.old == null) {
        checker.add(`${at}.data`, 'user_identity_change needs new or old');
    }
}

export function validateBatchStructure(body: unknown): BatchCheck {
    const checker = new Checker();
    if (!isPlainObject(body)) {
        return { ok: false, errors: [`batch: expected a JSON object, got ${describe(body)}`] };
    }
    checker.fields(body, BATCH_RULES, '');
    if (isPlainObject(body.user_identities)) {
        for (const [type, value] of Object.entries(body.user_identities)) {
            if (!IDENTITY_TYPES.includes(type)) {
                checker.add(`user_identities.${type}`, `not an identity type (${IDENTITY_TYPES.join(', ')})`);
            } else if (value !== null && typeof value !== 'string') {
                checker.add(`user_identities.${type}`, `expected string, got ${describe(value)}`);
            }
        }
    }
    if (isPlainObject(body.user_attributes)) {
        for (const [name, value] of Object.entries(body.user_attributes)) {
            checker.value(value, { kind: 'attributeValue' }, `user_attributes.${name}`);
        }
    }
    if (Array.isArray(body.events)) {
        body.events.forEach((event, i) => checkEvent(event, `events[${i}]`, checker));
    }
    if (checker.errors.length > 0) {
        return { ok: false, errors: checker.errors };
    }
    return { ok: true, batch: body as unknown as Batch, batchId: String(body.batch_id), mpid: String(body.mpid) };
}
