/**
 * Runtime structural check of an Events API batch against the @mparticle/event-models types, narrowed to
 * what the SDK promises to send. Allowed values come from the event-models enums, minus the placeholders
 * a client must never send ('unknown' environment/event type, 'validation_result').
 */
import {
    ApplicationInformationOsEnum,
    BatchEnvironmentEnum,
    CommerceEventDataCustomEventTypeEnum,
    CustomEventDataCustomEventTypeEnum,
    DeviceInformationPlatformEnum,
    EventTypeEnum,
    IdentityTypeEnum,
    ProductActionActionEnum,
    PromotionActionActionEnum,
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
export const PRODUCT_ACTIONS: readonly string[] = Object.values(ProductActionActionEnum).filter((v) => v !== ProductActionActionEnum.unknown);
export const PROMOTION_ACTIONS: readonly string[] = Object.values(PromotionActionActionEnum);
const COMMERCE_EVENT_TYPES: readonly string[] = Object.values(CommerceEventDataCustomEventTypeEnum);

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
    sdk_version: { kind: 'string' },
    consent_state: { kind: 'object' },
    integration_attributes: { kind: 'object' },
    context: {
        kind: 'object',
        fields: {
            data_plan: {
                kind: 'object', required: true,
                fields: { plan_id: { kind: 'nonEmptyString', required: true }, plan_version: { kind: 'nonNegativeInteger' } }
            }
        }
    }
};

/** GDPRConsentState / CCPAConsentState. */
export const CONSENT_RULES: Record<string, Rule> = {
    consented: { kind: 'boolean', required: true },
    timestamp_unixtime_ms: { kind: 'timestamp' },
    document: { kind: 'string' },
    location: { kind: 'string' },
    hardware_id: { kind: 'string' }
};

export const PRODUCT_RULES: Record<string, Rule> = {
    id: { kind: 'string' },
    name: { kind: 'string' },
    brand: { kind: 'string' },
    category: { kind: 'string' },
    variant: { kind: 'string' },
    position: { kind: 'integer' },
    price: { kind: 'number' },
    quantity: { kind: 'number' },
    coupon_code: { kind: 'string' },
    total_product_amount: { kind: 'number' },
    custom_attributes: { kind: 'stringMap' }
};
const PRODUCTS: Rule = { kind: 'array', items: { kind: 'object', fields: PRODUCT_RULES } };

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
export const DATA_RULES: Record<string, Record<string, Rule>> = {
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
    },
    commerce_event: {
        ...inSession,
        custom_event_type: { kind: 'string', oneOf: COMMERCE_EVENT_TYPES },
        currency_code: { kind: 'nonEmptyString' },
        screen_name: { kind: 'nonEmptyString' },
        product_action: {
            kind: 'object',
            fields: {
                action: { kind: 'string', required: true, oneOf: PRODUCT_ACTIONS },
                checkout_step: { kind: 'integer' },
                checkout_options: { kind: 'string' },
                product_action_list: { kind: 'string' },
                product_list_source: { kind: 'string' },
                transaction_id: { kind: 'string' },
                affiliation: { kind: 'string' },
                total_amount: { kind: 'number' },
                tax_amount: { kind: 'number' },
                shipping_amount: { kind: 'number' },
                coupon_code: { kind: 'string' },
                products: PRODUCTS
            }
        },
        promotion_action: {
            kind: 'object',
            fields: {
                action: { kind: 'string', required: true, oneOf: PROMOTION_ACTIONS },
                promotions: {
                    kind: 'array', required: true,
                    items: { kind: 'object', fields: { id: { kind: 'string' }, name: { kind: 'string' }, creative: { kind: 'string' }, position: { kind: 'string' } } }
                }
            }
        },
        product_impressions: {
            kind: 'array',
            items: { kind: 'object', fields: { product_impression_list: { kind: 'string' }, products: PRODUCTS } }
        }
    },
    breadcrumb: {
        ...inSession,
        label: { kind: 'nonEmptyString', required: true }
    },
    crash_report: {
        ...inSession,
        message: { kind: 'string' },
        severity: { kind: 'string' },
        class_name: { kind: 'string' },
        stack_trace: { kind: 'string' },
        exception_handled: { kind: 'boolean' }
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
    if (type === 'commerce_event' && data.product_action === undefined && data.promotion_action === undefined && data.product_impressions === undefined) {
        checker.add(`${at}.data`, 'commerce_event needs product_action, promotion_action or product_impressions');
    }
}

/** consent_state: { gdpr?: { <purpose>: consent }, ccpa?: { data_sale_opt_out: consent } }. */
function checkConsentState(consent: Record<string, unknown>, checker: Checker) {
    for (const key of Object.keys(consent).filter((k) => k !== 'gdpr' && k !== 'ccpa')) {
        checker.add(`consent_state.${key}`, 'unknown consent regulation (gdpr, ccpa)');
    }
    if (consent.gdpr !== undefined) {
        if (!isPlainObject(consent.gdpr)) {
            checker.add('consent_state.gdpr', `expected object, got ${describe(consent.gdpr)}`);
        } else {
            for (const [purpose, state] of Object.entries(consent.gdpr)) {
                if (purpose !== purpose.toLowerCase() || purpose.trim() === '') {
                    checker.add(`consent_state.gdpr.${purpose}`, 'purposes are lowercase, non-empty');
                }
                checker.value(state, { kind: 'object', fields: CONSENT_RULES }, `consent_state.gdpr.${purpose}`);
            }
        }
    }
    if (consent.ccpa !== undefined) {
        checker.value(consent.ccpa, { kind: 'object', fields: { data_sale_opt_out: { kind: 'object', required: true, fields: CONSENT_RULES } } }, 'consent_state.ccpa');
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
    if (isPlainObject(body.consent_state)) {
        checkConsentState(body.consent_state, checker);
    }
    if (isPlainObject(body.integration_attributes)) {
        for (const [integration, attributes] of Object.entries(body.integration_attributes)) {
            if (!/^\d+$/.test(integration)) {
                checker.add(`integration_attributes.${integration}`, 'integration ids are whole numbers');
            }
            checker.value(attributes, { kind: 'stringMap' }, `integration_attributes.${integration}`);
        }
    }
    if (checker.errors.length > 0) {
        return { ok: false, errors: checker.errors };
    }
    return { ok: true, batch: body as unknown as Batch, batchId: String(body.batch_id), mpid: String(body.mpid) };
}
