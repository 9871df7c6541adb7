/**
 * mParticle's native SDK batch (what mParticle's Roku SDK, and this SDK's default transport, upload to
 * /v2/{apiKey}/events): a structural check, and the translation into the Events API model that the store, the
 * queries, the data-plan check and the demo use. The translation keeps everything the Events API model can hold;
 * what it has no field for (data connection, previous-session and session-user lists, the build hash) stays on
 * the wire log only.
 *
 * Batch:    dt "h", id, ct, mpid, sdk, dbg, das, ltv, ui [{ n, i, dfs, f }], ua, ck, con, ia, ctx.dpln, ai, di, msgs.
 * Messages: dt, id, ct, sid, sct, attrs, plus per type (see NATIVE_MESSAGE_RULES).
 */
import type { Batch, BaseEvent } from '@mparticle/event-models';
import { isPlainObject } from './http-io';
import { Checker, describe, type Rule } from './field-checks';
import { CONSENT_RULES as EVENTS_API_CONSENT_RULES, DATA_RULES, PRODUCT_ACTIONS, PRODUCT_RULES as EVENTS_API_PRODUCT_RULES, PROMOTION_ACTIONS } from './batch-validation';

/** Native message type -> Events API event_type. */
export const NATIVE_MESSAGE_TYPES: Readonly<Record<string, string>> = {
    e: 'custom_event',
    v: 'screen_view',
    ss: 'session_start',
    se: 'session_end',
    uac: 'user_attribute_change',
    uic: 'user_identity_change',
    o: 'opt_out',
    ast: 'application_state_transition',
    cm: 'commerce_event',
    b: 'breadcrumb',
    x: 'crash_report'
};

/** Native product action names that differ from the Events API's ("view" is mParticle's Roku ACTION_TYPE.VIEW). */
const NATIVE_PRODUCT_ACTIONS: Readonly<Record<string, string>> = { remove_from_wishlist: 'remove_from_wish_list', view: 'view_detail' };
const NATIVE_PRODUCT_ACTION_NAMES = [...PRODUCT_ACTIONS.filter((a) => a !== 'remove_from_wish_list'), ...Object.keys(NATIVE_PRODUCT_ACTIONS)];

/** Native custom event type (mParticle's Roku SDK spellings) -> Events API custom_event_type. */
export const NATIVE_EVENT_TYPES: Readonly<Record<string, string>> = {
    navigation: 'navigation',
    location: 'location',
    search: 'search',
    transaction: 'transaction',
    usercontent: 'user_content',
    userpreference: 'user_preference',
    social: 'social',
    media: 'media',
    other: 'other'
};

/** Native ast.t -> Events API application_transition_type. */
export const NATIVE_TRANSITIONS: Readonly<Record<string, string>> = {
    app_init: 'application_initialized',
    app_exit: 'application_exit',
    app_back: 'application_background',
    app_fore: 'application_foreground'
};

/** Native identity type number (ui[].n) -> Events API user_identities name. */
export const NATIVE_IDENTITY_TYPES: Readonly<Record<number, string>> = {
    0: 'other', 1: 'customer_id', 2: 'facebook', 3: 'twitter', 4: 'google', 5: 'microsoft', 6: 'yahoo', 7: 'email',
    9: 'facebook_custom_audience_id', 10: 'other_id_2', 11: 'other_id_3', 12: 'other_id_4', 13: 'other_id_5',
    14: 'other_id_6', 15: 'other_id_7', 16: 'other_id_8', 17: 'other_id_9', 18: 'other_id_10', 19: 'mobile_number',
    20: 'phone_number_2', 21: 'phone_number_3'
};

const IDENTITY_RULES: Record<string, Rule> = {
    n: { kind: 'integer', required: true, oneOf: Object.keys(NATIVE_IDENTITY_TYPES) },
    i: { kind: 'string', required: true },
    dfs: { kind: 'timestamp' },
    f: { kind: 'boolean' }
};

/** Native short keys -> the Events API fields they stand for (the translation and the checks both use these). */
const PRODUCT_FIELDS = [
    ['id', 'id'], ['nm', 'name'], ['pr', 'price'], ['qt', 'quantity'], ['tpa', 'total_product_amount'], ['cs', 'brand'],
    ['ca', 'category'], ['va', 'variant'], ['ps', 'position'], ['cc', 'coupon_code'], ['attrs', 'custom_attributes']
] as const;
const PRODUCT_ACTION_FIELDS = [
    ['tr', 'total_amount'], ['cs', 'checkout_step'], ['co', 'checkout_options'], ['pal', 'product_action_list'],
    ['pls', 'product_list_source'], ['ti', 'transaction_id'], ['ta', 'affiliation'], ['tt', 'tax_amount'],
    ['ts', 'shipping_amount'], ['cc', 'coupon_code']
] as const;
const PROMOTION_FIELDS = [['id', 'id'], ['nm', 'name'], ['cr', 'creative'], ['ps', 'position']] as const;
const CONSENT_FIELDS = [['c', 'consented'], ['ts', 'timestamp_unixtime_ms'], ['d', 'document'], ['l', 'location'], ['h', 'hardware_id']] as const;
const CRASH_FIELDS = [['m', 'message'], ['s', 'severity'], ['c', 'class_name'], ['st', 'stack_trace'], ['eh', 'exception_handled']] as const;

type FieldPairs = ReadonlyArray<readonly [string, string]>;

/** The rules of native fields: those of the Events API fields they translate to. */
function nativeRules(rules: Record<string, Rule> | undefined, pairs: FieldPairs): Record<string, Rule> {
    return Object.fromEntries(pairs.map(([native, name]) => {
        const rule = rules?.[name];
        if (!rule) {
            throw new Error(`no Events API rule for ${name} (native ${native})`);
        }
        return [native, rule];
    }));
}

const COMMERCE_RULES = DATA_RULES.commerce_event;
/** GDPRConsentState / CCPAConsentState in mParticle's short keys. */
const CONSENT_RULES = nativeRules(EVENTS_API_CONSENT_RULES, CONSENT_FIELDS);

const BATCH_RULES: Record<string, Rule> = {
    dt: { kind: 'string', required: true, oneOf: ['h'] },
    id: { kind: 'batchId', required: true },
    ct: { kind: 'timestamp', required: true },
    mpid: { kind: 'mpid', required: true },
    sdk: { kind: 'nonEmptyString', required: true },
    dbg: { kind: 'boolean', required: true },
    das: { kind: 'nonEmptyString', required: true },
    ltv: { kind: 'number' },
    ui: { kind: 'array', required: true, items: { kind: 'object', fields: IDENTITY_RULES } },
    ua: { kind: 'object', required: true },
    ck: { kind: 'object' },
    con: {
        kind: 'object',
        fields: {
            gdpr: { kind: 'object' },
            ccpa: { kind: 'object', fields: { data_sale_opt_out: { kind: 'object', required: true, fields: CONSENT_RULES } } }
        }
    },
    ia: { kind: 'object' },
    ctx: {
        kind: 'object',
        fields: { dpln: { kind: 'object', required: true, fields: { id: { kind: 'nonEmptyString', required: true }, v: { kind: 'nonNegativeInteger' } } } }
    },
    ai: { kind: 'object', required: true, fields: { env: { kind: 'integer', oneOf: ['1', '2'] } } },
    di: { kind: 'object', required: true, fields: { dp: { kind: 'string', oneOf: ['Roku'] } } },
    msgs: { kind: 'array', required: true }
};

const COMMON_MESSAGE_RULES: Record<string, Rule> = {
    id: { kind: 'nonEmptyString', required: true },
    ct: { kind: 'timestamp', required: true },
    sid: { kind: 'nonEmptyString' },
    sct: { kind: 'timestamp' },
    attrs: { kind: 'stringMap', nullable: true },
    est: { kind: 'timestamp' }
};

const IN_SESSION: Record<string, Rule> = {
    sid: { kind: 'nonEmptyString', required: true },
    sct: { kind: 'timestamp', required: true }
};

const PRODUCTS: Rule = { kind: 'array', items: { kind: 'object', fields: nativeRules(EVENTS_API_PRODUCT_RULES, PRODUCT_FIELDS) } };

/** Per message type, on top of COMMON_MESSAGE_RULES. */
const NATIVE_MESSAGE_RULES: Record<string, Record<string, Rule>> = {
    e: { ...IN_SESSION, n: { kind: 'nonEmptyString', required: true }, et: { kind: 'string', required: true, oneOf: Object.keys(NATIVE_EVENT_TYPES) } },
    v: { n: { kind: 'nonEmptyString', required: true } },
    ss: { ...IN_SESSION, dct: { kind: 'string' }, lr: { kind: 'string' }, pid: { kind: 'nonEmptyString' }, pss: { kind: 'timestamp' }, psl: { kind: 'number' } },
    se: {
        ...IN_SESSION,
        sl: { kind: 'nonNegativeInteger', required: true },
        slx: { kind: 'nonNegativeInteger' },
        dct: { kind: 'string' },
        smpids: { kind: 'array', items: { kind: 'mpid' } }
    },
    uac: nativeRules(DATA_RULES.user_attribute_change, [['n', 'user_attribute_name'], ['nv', 'new'], ['ov', 'old'], ['d', 'deleted'], ['na', 'is_new_attribute']]),
    uic: {
        ni: { kind: 'object', nullable: true, fields: IDENTITY_RULES },
        oi: { kind: 'object', nullable: true, fields: IDENTITY_RULES }
    },
    o: { s: { kind: 'boolean', required: true } },
    ast: {
        t: { kind: 'string', required: true, oneOf: Object.keys(NATIVE_TRANSITIONS) },
        ifr: { kind: 'boolean', required: true },
        iu: { kind: 'boolean', required: true },
        dct: { kind: 'string' },
        lr: { kind: 'string' },
        lpr: { kind: 'string' }
    },
    cm: {
        ...IN_SESSION,
        pd: {
            kind: 'object',
            fields: {
                an: { kind: 'string', required: true, oneOf: NATIVE_PRODUCT_ACTION_NAMES },
                pl: PRODUCTS,
                ...nativeRules(COMMERCE_RULES.product_action.fields, PRODUCT_ACTION_FIELDS)
            }
        },
        pm: {
            kind: 'object',
            fields: {
                an: { kind: 'string', required: true, oneOf: PROMOTION_ACTIONS },
                pl: { kind: 'array', required: true, items: { kind: 'object', fields: nativeRules(COMMERCE_RULES.promotion_action.fields?.promotions.items?.fields, PROMOTION_FIELDS) } }
            }
        },
        pi: { kind: 'array', items: { kind: 'object', fields: { pil: { kind: 'string' }, pl: PRODUCTS } } },
        cu: { kind: 'nonEmptyString' },
        sn: { kind: 'nonEmptyString' }
    },
    b: { ...IN_SESSION, l: { kind: 'nonEmptyString', required: true } },
    x: { ...IN_SESSION, ...nativeRules(DATA_RULES.crash_report, CRASH_FIELDS) }
};

export type NativeCheck = { ok: true; batch: Batch; batchId: string; mpid: string; das: string } | { ok: false; errors: string[] };

function checkMessage(message: unknown, at: string, checker: Checker) {
    if (!isPlainObject(message)) {
        checker.add(at, `expected message object, got ${describe(message)}`);
        return;
    }
    const type = message.dt;
    if (typeof type !== 'string' || !(type in NATIVE_MESSAGE_TYPES)) {
        checker.add(`${at}.dt`, type === undefined ? 'required field missing' : `${JSON.stringify(type)} is not a message type (${Object.keys(NATIVE_MESSAGE_TYPES).join(', ')})`);
        return;
    }
    checker.fields(message, { ...COMMON_MESSAGE_RULES, ...NATIVE_MESSAGE_RULES[type] }, at);
    if (type === 'uic' && message.ni == null && message.oi == null) {
        checker.add(at, 'uic needs ni or oi');
    }
    if (type === 'cm' && message.pd === undefined && message.pm === undefined && message.pi === undefined) {
        checker.add(at, 'cm needs pd, pm or pi');
    }
}

/** Renames the fields of `source` that are set: pairs [from, to]. */
function renamed(source: unknown, pairs: FieldPairs): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    if (!isPlainObject(source)) {
        return result;
    }
    for (const [from, to] of pairs) {
        if (source[from] !== undefined) {
            result[to] = source[from];
        }
    }
    return result;
}

function translateProducts(list: unknown): Array<Record<string, unknown>> {
    return Array.isArray(list) ? list.map((product) => renamed(product, PRODUCT_FIELDS)) : [];
}

/** A cm message's commerce_event data; custom_event_type follows from its actions, as the SDK derives it. */
function translateCommerce(message: Record<string, unknown>): Record<string, unknown> {
    const data: Record<string, unknown> = {};
    let eventType: string | undefined;
    if (isPlainObject(message.pd)) {
        const native = String(message.pd.an);
        const action = NATIVE_PRODUCT_ACTIONS[native] ?? native;
        data.product_action = { action, products: translateProducts(message.pd.pl), ...renamed(message.pd, PRODUCT_ACTION_FIELDS) };
        eventType = action === 'remove_from_wish_list' ? 'remove_from_wishlist' : action;
    }
    if (isPlainObject(message.pm)) {
        const promotions = Array.isArray(message.pm.pl) ? message.pm.pl : [];
        data.promotion_action = { action: message.pm.an, promotions: promotions.map((p) => renamed(p, PROMOTION_FIELDS)) };
        eventType ??= `promotion_${String(message.pm.an)}`;
    }
    if (Array.isArray(message.pi)) {
        data.product_impressions = message.pi.map((impression) => ({
            ...renamed(impression, [['pil', 'product_impression_list']]),
            products: translateProducts(isPlainObject(impression) ? impression.pl : undefined)
        }));
        eventType ??= 'impression';
    }
    return defined({ ...data, custom_event_type: eventType, currency_code: message.cu, screen_name: message.sn, custom_attributes: message.attrs ?? {} });
}

/** A native con in the Events API consent_state shape, or undefined when it holds no consent. */
function translateConsent(con: unknown): Record<string, unknown> | undefined {
    if (!isPlainObject(con)) {
        return undefined;
    }
    const state: Record<string, unknown> = {};
    if (isPlainObject(con.gdpr) && Object.keys(con.gdpr).length > 0) {
        state.gdpr = Object.fromEntries(Object.entries(con.gdpr).map(([purpose, consent]) => [purpose, renamed(consent, CONSENT_FIELDS)]));
    }
    if (isPlainObject(con.ccpa) && isPlainObject(con.ccpa.data_sale_opt_out)) {
        state.ccpa = { data_sale_opt_out: renamed(con.ccpa.data_sale_opt_out, CONSENT_FIELDS) };
    }
    return Object.keys(state).length > 0 ? state : undefined;
}

function defined<T extends Record<string, unknown>>(obj: T): T {
    return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

function translateIdentity(identity: unknown): Record<string, unknown> | null {
    if (!isPlainObject(identity)) {
        return null;
    }
    return defined({
        identity_type: NATIVE_IDENTITY_TYPES[identity.n as number],
        identity: identity.i,
        timestamp_unixtime_ms: identity.dfs,
        created_this_batch: identity.f
    });
}

/** One native message as the Events API event it stands for. */
export function translateMessage(message: Record<string, unknown>): BaseEvent {
    const eventType = NATIVE_MESSAGE_TYPES[message.dt as string];
    const common = defined({
        timestamp_unixtime_ms: message.ct,
        source_message_id: message.id,
        session_uuid: message.sid,
        session_start_unixtime_ms: message.sct,
        // native messages repeat ct as est; a different start is kept
        event_start_unixtime_ms: message.est !== undefined && message.est !== message.ct ? message.est : undefined
    });
    const attributes = (message.attrs ?? {}) as Record<string, string>;
    let data: Record<string, unknown>;
    switch (message.dt) {
        case 'e':
            data = { event_name: message.n, custom_event_type: NATIVE_EVENT_TYPES[message.et as string], custom_attributes: attributes };
            break;
        case 'v':
            data = { screen_name: message.n, custom_attributes: attributes };
            break;
        case 'se':
            data = { session_duration_ms: message.sl, custom_attributes: attributes };
            break;
        case 'uac':
            data = { user_attribute_name: message.n, new: message.nv ?? null, old: message.ov ?? null, deleted: message.d, is_new_attribute: message.na };
            break;
        case 'uic':
            data = { new: translateIdentity(message.ni), old: translateIdentity(message.oi) };
            break;
        case 'o':
            data = { is_opted_out: message.s };
            break;
        case 'cm':
            data = translateCommerce(message);
            break;
        case 'b':
            data = { label: message.l, custom_attributes: attributes };
            break;
        case 'x':
            data = {
                ...renamed(message, CRASH_FIELDS),
                custom_attributes: attributes
            };
            break;
        case 'ast':
            data = defined({
                application_transition_type: NATIVE_TRANSITIONS[message.t as string],
                is_first_run: message.ifr,
                is_upgrade: message.iu,
                launch_referral: message.lpr
            });
            break;
        default:
            data = {};
    }
    return { event_type: eventType, data: { ...data, ...common } } as unknown as BaseEvent;
}

function translateDevice(di: Record<string, unknown>): Record<string, unknown> {
    const locale = typeof di.dll === 'string' ? di.dll.split('_') : [];
    return defined({
        platform: 'roku',
        brand: di.b,
        device_manufacturer: di.dma,
        device_model: di.p ?? di.dmdl,
        product: di.dn,
        os_version: di.vr,
        roku_publisher_id: di.rpb,
        limit_ad_tracking: di.lat,
        roku_advertising_id: di.rida,
        locale_language: locale.length === 2 ? locale[0] : undefined,
        locale_country: locale.length === 2 ? locale[1] : undefined,
        device_country: di.dc,
        screen_width: di.dsw,
        screen_height: di.dsh
    });
}

function translateApplication(ai: Record<string, unknown>): Record<string, unknown> {
    return defined({
        os: 'Roku',
        application_name: ai.an,
        application_version: ai.av,
        package: ai.apn,
        application_build_number: ai.abn
    });
}

/** Checks a native batch and translates it; the result is then checked like any Events API batch. */
export function translateNativeBatch(body: unknown): NativeCheck {
    const checker = new Checker();
    if (!isPlainObject(body)) {
        return { ok: false, errors: [`batch: expected a JSON object, got ${describe(body)}`] };
    }
    checker.fields(body, BATCH_RULES, '');
    if (Array.isArray(body.msgs)) {
        body.msgs.forEach((message, i) => checkMessage(message, `msgs[${i}]`, checker));
    }
    if (isPlainObject(body.ua)) {
        for (const [name, value] of Object.entries(body.ua)) {
            checker.value(value, { kind: 'attributeValue' }, `ua.${name}`);
        }
    }
    if (checker.errors.length > 0) {
        return { ok: false, errors: checker.errors };
    }
    const identities: Record<string, string> = {};
    for (const identity of body.ui as Array<Record<string, unknown>>) {
        identities[NATIVE_IDENTITY_TYPES[identity.n as number]] = identity.i as string;
    }
    const batch = {
        schema_version: 2,
        environment: body.dbg ? 'development' : 'production',
        mpid: String(body.mpid),
        batch_id: String(body.id),
        timestamp_unixtime_ms: body.ct,
        mp_deviceid: body.das,
        sdk_version: body.sdk,
        device_info: translateDevice(body.di as Record<string, unknown>),
        application_info: translateApplication(body.ai as Record<string, unknown>),
        user_identities: identities,
        user_attributes: body.ua,
        events: (body.msgs as Array<Record<string, unknown>>).map(translateMessage),
        ...defined({
            consent_state: translateConsent(body.con),
            integration_attributes: isPlainObject(body.ia) && Object.keys(body.ia).length > 0 ? body.ia : undefined,
            context: isPlainObject(body.ctx) && isPlainObject(body.ctx.dpln)
                ? { data_plan: defined({ plan_id: body.ctx.dpln.id, plan_version: body.ctx.dpln.v }) }
                : undefined
        })
    } as unknown as Batch;
    return { ok: true, batch, batchId: String(body.id), mpid: String(body.mpid), das: String(body.das) };
}
