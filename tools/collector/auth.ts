/**
 * Credential checks, as mParticle's services make them:
 * - Events API (/v2/events): HTTP Basic apiKey:apiSecret.
 * - Native SDK endpoint (/v2/{apiKey}/events) and IDSync: the request signature, x-mp-signature = lowercase
 *   hex HMAC-SHA256 keyed with the API secret over `METHOD\nDATE\nPATH` + body, DATE being the Date header
 *   (roDateTime.ToISOString(), e.g. 2026-11-22T10:00:00Z). IDSync also takes Basic auth; its API-key-only
 *   mode is off (as it is by default on the real service), so x-mp-key alone gets 401.
 *
 * The SDK runs in brs-engine inside Chromium here, and a browser never sends a script-set Date header (it is a
 * forbidden request header; roUrlTransfer.AddHeader("Date", ...) is dropped silently). A request without
 * Date is therefore checked against every whole-second date within SIGNATURE_DATE_WINDOW_SEC of its arrival:
 * the secret, the path and the body are verified all the same. On a device the Date header arrives and is
 * used as given.
 */
import { createHmac, timingSafeEqual } from 'crypto';

export interface Credentials {
    apiKey: string;
    apiSecret: string;
}

export type AuthResult = { ok: true; via: 'basic' | 'signature' } | { ok: false; reason: string };

/** How far from its arrival a request's (missing) Date may be when the collector searches for it. */
export const SIGNATURE_DATE_WINDOW_SEC = 120;

export function parseBasicAuth(header: string | undefined): { user: string; password: string } | undefined {
    const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header ?? '');
    if (!match) {
        return undefined;
    }
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) {
        return undefined;
    }
    return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function checkBasicAuth(headers: Record<string, string>, credentials: Credentials): AuthResult {
    const header = headers['authorization'];
    if (header === undefined) {
        return { ok: false, reason: 'missing Authorization header' };
    }
    const basic = parseBasicAuth(header);
    if (!basic) {
        return { ok: false, reason: 'Authorization is not Basic <base64 key:secret>' };
    }
    if (basic.user !== credentials.apiKey || basic.password !== credentials.apiSecret) {
        return { ok: false, reason: `wrong credentials for key "${basic.user}"` };
    }
    return { ok: true, via: 'basic' };
}

/** x-mp-signature for a request: lowercase hex HMAC-SHA256(secret, method + LF + date + LF + path + body). */
export function requestSignature(secret: string, method: string, date: string, path: string, body: string): string {
    return createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${method}\n${date}\n${path}${body}`, 'utf8').digest('hex');
}

/** A date as roDateTime.ToISOString() writes it: whole seconds, UTC, e.g. 2026-11-22T10:00:00Z. */
export function signatureDate(ms: number): string {
    return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Headers of a signed request, as the SDK sends them (for tests and scripts). */
export function signedHeaders(credentials: Credentials, path: string, body: string, date = signatureDate(Date.now())): Record<string, string> {
    return {
        'Content-Type': 'application/json',
        'x-mp-key': credentials.apiKey,
        Date: date,
        'x-mp-signature': requestSignature(credentials.apiSecret, 'POST', date, path, body)
    };
}

function sameHex(a: string, b: string): boolean {
    return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export interface SignedCall {
    method: string;
    path: string;
    headers: Record<string, string>;
    rawBody: string;
    receivedAt: string;
}

/** Verifies x-mp-signature with the Date header, or (no Date header, see above) a date near the arrival. */
export function checkSignature(call: SignedCall, credentials: Credentials): AuthResult {
    const signature = call.headers['x-mp-signature'];
    if (signature === undefined) {
        return { ok: false, reason: 'missing x-mp-signature header' };
    }
    if (!/^[0-9a-f]{64}$/.test(signature)) {
        return { ok: false, reason: 'x-mp-signature is not 64 lowercase hex digits' };
    }
    const sign = (date: string) => requestSignature(credentials.apiSecret, call.method, date, call.path, call.rawBody);
    const date = call.headers['date'];
    if (date !== undefined) {
        return sameHex(sign(date), signature)
            ? { ok: true, via: 'signature' }
            : { ok: false, reason: 'x-mp-signature does not match (wrong secret, or the body, path or Date changed on the way)' };
    }
    const arrival = Date.parse(call.receivedAt);
    for (let offset = 0; offset <= SIGNATURE_DATE_WINDOW_SEC; offset++) {
        for (const candidate of offset === 0 ? [arrival] : [arrival - offset * 1000, arrival + offset * 1000]) {
            if (sameHex(sign(signatureDate(candidate)), signature)) {
                return { ok: true, via: 'signature' };
            }
        }
    }
    return { ok: false, reason: `x-mp-signature does not match any Date within ${SIGNATURE_DATE_WINDOW_SEC} s of arrival (wrong secret, or the body or path changed on the way)` };
}

/** IDSync: a signed request (x-mp-key + signature) or Basic auth. */
export function checkIdSyncAuth(call: SignedCall, credentials: Credentials): AuthResult {
    const { headers } = call;
    if (headers['authorization'] !== undefined) {
        return checkBasicAuth(headers, credentials);
    }
    const key = headers['x-mp-key'];
    if (key === undefined) {
        return { ok: false, reason: 'missing x-mp-key (with Date and x-mp-signature) or Authorization headers' };
    }
    if (key !== credentials.apiKey) {
        return { ok: false, reason: `wrong x-mp-key "${key}"` };
    }
    if (headers['x-mp-signature'] === undefined) {
        return { ok: false, reason: 'x-mp-key without x-mp-signature: API-key-only authentication is not enabled (sign the request)' };
    }
    return checkSignature(call, credentials);
}
