/**
 * Server side of HTTP Digest authentication (RFC 2617, MD5, qop="auth") as a Roku's developer web
 * server asks for it: user `rokudev`, realm `rokudev`. Test double only.
 */
import { createHash, randomBytes } from 'crypto';

const DEVELOPER_USER = 'rokudev';
const REALM = 'rokudev';
/** Nonces this guard handed out; older ones are forgotten (a client answers the latest). */
const REMEMBERED_NONCES = 64;

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/** `key=value` / `key="value"` pairs of an Authorization or WWW-Authenticate header. */
function parseDigestFields(header: string): Record<string, string> {
    const fields: Record<string, string> = {};
    const body = header.replace(/^\s*Digest\s+/i, '');
    for (const match of body.matchAll(/([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]+))/g)) {
        fields[match[1].toLowerCase()] = match[2] ?? match[3];
    }
    return fields;
}

export class DigestGuard {
    private readonly nonces: string[] = [];

    constructor(private readonly password: string) { }

    /** A fresh `WWW-Authenticate` value. */
    challenge(): string {
        const nonce = randomBytes(16).toString('hex');
        this.nonces.push(nonce);
        this.nonces.splice(0, Math.max(0, this.nonces.length - REMEMBERED_NONCES));
        return `Digest qop="auth", realm="${REALM}", nonce="${nonce}"`;
    }

    /** True when `authorization` answers one of our challenges for this method and request URI. */
    accepts(method: string, requestUri: string, authorization: string | undefined): boolean {
        if (!authorization || !/^\s*Digest\s/i.test(authorization)) {
            return false;
        }
        const f = parseDigestFields(authorization);
        const algorithm = (f.algorithm ?? 'MD5').toUpperCase();
        if (f.username !== DEVELOPER_USER || f.realm !== REALM || f.uri !== requestUri || !this.nonces.includes(f.nonce) || algorithm !== 'MD5') {
            return false;
        }
        const ha1 = md5(`${DEVELOPER_USER}:${REALM}:${this.password}`);
        const ha2 = md5(`${method.toUpperCase()}:${requestUri}`);
        const expected = f.qop
            ? f.qop === 'auth' && f.nc && f.cnonce ? md5(`${ha1}:${f.nonce}:${f.nc}:${f.cnonce}:auth:${ha2}`) : undefined
            : md5(`${ha1}:${f.nonce}:${ha2}`);
        return expected !== undefined && expected === f.response;
    }
}
