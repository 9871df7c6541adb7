/**
 * mParticle IDSync: /v1/identify, /v1/login, /v1/logout, /v1/{mpid}/modify (and /v1/modify with the mpid in
 * the body). MPIDs are stable: user identities (customerid first, then email, ...) map to the mpid they were
 * first seen with (links kept in the store), and a fresh identity gets an mpid derived from a hash of it, so it
 * is the same across restarts even without a db file. Device-only requests (and every logout) get an mpid
 * derived from the device identities alone.
 */
import { createHash } from 'crypto';
import { checkIdSyncAuth } from './auth';
import { ENVIRONMENTS } from './batch-validation';
import type { CollectorContext } from './context';
import { Checker, isInt64String, type Rule } from './field-checks';
import { formatIdSync } from './format';
import { json, isPlainObject, type IncomingCall, type Reply } from './http-io';
import type { IdentityCallKind } from './records';

/** Identities that name a device, not a person: they never log a user in. */
export const DEVICE_IDENTITY_TYPES: ReadonlySet<string> = new Set([
    'device_application_stamp',
    'roku_aid',
    'roku_ad_id',
    'roku_publisher_id',
    'ios_idfa',
    'ios_idfv',
    'android_aaid',
    'android_uuid',
    'fire_aid',
    'push_token',
    'microsoft_ad_id',
    'microsoft_publisher_id'
]);

/** Which user identity an mpid is keyed on when several are known; the rest sort by name. */
const USER_IDENTITY_PRIORITY = ['customerid', 'email', 'mobile_number', 'other'];

const CLIENT_SDK_RULES: Record<string, Rule> = {
    platform: { kind: 'nonEmptyString', required: true },
    sdk_vendor: { kind: 'nonEmptyString', required: true },
    sdk_version: { kind: 'nonEmptyString', required: true }
};

const COMMON_RULES: Record<string, Rule> = {
    client_sdk: { kind: 'object', required: true, fields: CLIENT_SDK_RULES },
    environment: { kind: 'string', required: true, oneOf: ENVIRONMENTS },
    request_id: { kind: 'nonEmptyString', required: true },
    request_timestamp_ms: { kind: 'timestamp', required: true }
};

const IDENTITY_REQUEST_RULES: Record<string, Rule> = {
    ...COMMON_RULES,
    known_identities: { kind: 'stringMap', required: true, nullableValues: true },
    previous_mpid: { kind: 'mpid', nullable: true }
};

const MODIFY_REQUEST_RULES: Record<string, Rule> = {
    ...COMMON_RULES,
    identity_changes: {
        kind: 'array',
        required: true,
        items: {
            kind: 'object',
            fields: {
                old_value: { kind: 'string', required: true, nullable: true },
                new_value: { kind: 'string', required: true, nullable: true },
                identity_type: { kind: 'nonEmptyString', required: true }
            }
        }
    }
};

export interface IdSyncRoute {
    call: IdentityCallKind;
    /** The {mpid} segment of /v1/{mpid}/modify. */
    pathMpid?: string;
}

export function matchIdSyncPath(path: string): IdSyncRoute | undefined {
    const simple = /^\/v1\/(identify|login|logout|modify)$/.exec(path);
    if (simple) {
        return { call: simple[1] as IdentityCallKind };
    }
    const modify = /^\/v1\/([^/]+)\/modify$/.exec(path);
    return modify ? { call: 'modify', pathMpid: decodeURIComponent(modify[1]) } : undefined;
}

/** A signed 64-bit mpid from a hash of the key; never 0, which mParticle reads as "no user". */
export function mpidFor(key: string): string {
    const n = createHash('sha256').update(key).digest().readBigInt64BE(0);
    return (n === 0n ? 1n : n).toString();
}

function byPriority([a]: [string, string], [b]: [string, string]): number {
    const rank = (t: string) => {
        const i = USER_IDENTITY_PRIORITY.indexOf(t);
        return i < 0 ? USER_IDENTITY_PRIORITY.length : i;
    };
    return rank(a) - rank(b) || a.localeCompare(b);
}

function deviceMpid(device: Array<[string, string]>): string {
    const key = [...device].sort(([a], [b]) => a.localeCompare(b)).map(([t, v]) => `${t}=${v}`).join('&');
    return mpidFor(`device:${key}`);
}

export function handleIdSync(call: IncomingCall, route: IdSyncRoute, ctx: CollectorContext): Reply {
    const auth = checkIdSyncAuth(call, ctx.credentials);
    if (!auth.ok) {
        return ctx.unauthorized('idsync', call, auth.reason);
    }
    if (!call.json.ok) {
        return ctx.reject('idsync', call, 400, [call.json.error]);
    }
    const body = call.json.value;
    if (!isPlainObject(body)) {
        return ctx.reject('idsync', call, 400, ['body: expected a JSON object']);
    }
    const checker = new Checker();
    checker.fields(body, route.call === 'modify' ? MODIFY_REQUEST_RULES : IDENTITY_REQUEST_RULES, '');
    let modifyMpid: string | undefined;
    if (route.call === 'modify') {
        const raw = route.pathMpid ?? body.mpid;
        modifyMpid = typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : typeof raw === 'string' ? raw : undefined;
        if (modifyMpid === undefined || !isInt64String(modifyMpid)) {
            checker.add(route.pathMpid !== undefined ? 'path mpid' : 'mpid', `expected a signed 64-bit integer, got ${JSON.stringify(raw ?? null)}`);
        }
    }
    if (checker.errors.length > 0) {
        return ctx.reject('idsync', call, 400, checker.errors);
    }

    const requestId = String(body.request_id);
    let response: Record<string, unknown>;
    let mpid: string;
    let isLoggedIn: boolean;
    let shown: Record<string, string>;
    if (route.call === 'modify' && modifyMpid !== undefined) {
        mpid = modifyMpid;
        const changes = body.identity_changes as Array<{ old_value: string | null; new_value: string | null; identity_type: string }>;
        for (const change of changes) {
            if (DEVICE_IDENTITY_TYPES.has(change.identity_type)) {
                continue;
            }
            if (change.old_value !== null) {
                ctx.store.unlinkIdentity(change.identity_type, change.old_value, mpid);
            }
            if (change.new_value !== null) {
                ctx.store.linkIdentities([[change.identity_type, change.new_value]], mpid);
            }
        }
        const linked = ctx.store.linkedIdentities(mpid);
        isLoggedIn = Object.keys(linked).length > 0;
        shown = Object.fromEntries(changes.filter((c) => c.new_value !== null).map((c) => [c.identity_type, c.new_value as string]));
        response = {
            context: null,
            matched_identities: linked,
            is_ephemeral: false,
            mpid,
            is_logged_in: isLoggedIn,
            // What mParticle's own SDKs read from a modify answer.
            change_results: changes.map((c) => ({ identity_type: c.identity_type, modified_mpid: mpid }))
        };
    } else {
        const known = Object.entries(body.known_identities as Record<string, string | null>)
            .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
        const device = known.filter(([type]) => DEVICE_IDENTITY_TYPES.has(type));
        // Logout forgets the person: the answer is the device's anonymous user.
        const user = route.call === 'logout' ? [] : known.filter(([type]) => !DEVICE_IDENTITY_TYPES.has(type)).sort(byPriority);
        if (user.length > 0) {
            const linked = user.map(([type, value]) => ctx.store.linkedMpid(type, value)).find((m) => m !== undefined);
            mpid = linked ?? mpidFor(`user:${user[0][0]}=${user[0][1]}`);
            ctx.store.linkIdentities(user, mpid);
            isLoggedIn = true;
        } else {
            mpid = deviceMpid(device);
            isLoggedIn = false;
        }
        shown = Object.fromEntries([...user, ...device]);
        response = { context: null, matched_identities: shown, is_ephemeral: false, mpid, is_logged_in: isLoggedIn };
    }

    ctx.store.insertIdentityCall({ call: route.call, receivedAt: call.receivedAt, mpid, isLoggedIn, requestId, request: body, response });
    ctx.log(formatIdSync(route.call, shown, mpid, isLoggedIn));
    return json(200, response);
}
