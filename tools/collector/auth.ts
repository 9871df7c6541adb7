/** Credential checks: HTTP Basic (Events API, IDSync) and x-mp-key (IDSync). */

export interface Credentials {
    apiKey: string;
    apiSecret: string;
}

export type AuthResult = { ok: true; via: 'basic' | 'x-mp-key' } | { ok: false; reason: string };

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

/** IDSync accepts x-mp-key: <apiKey> or the same Basic auth as the Events API. */
export function checkIdSyncAuth(headers: Record<string, string>, credentials: Credentials): AuthResult {
    const key = headers['x-mp-key'];
    if (key !== undefined && key === credentials.apiKey) {
        return { ok: true, via: 'x-mp-key' };
    }
    const basic = checkBasicAuth(headers, credentials);
    if (basic.ok) {
        return basic;
    }
    if (key !== undefined) {
        return { ok: false, reason: `wrong x-mp-key "${key}"` };
    }
    return { ok: false, reason: headers['authorization'] === undefined ? 'missing x-mp-key and Authorization headers' : basic.reason };
}
