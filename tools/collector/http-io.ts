/** Request snapshots handed to the route handlers, and the replies they return. */
import type * as http from 'http';

/** A request fully read, so handlers stay synchronous-looking and testable. */
export interface IncomingCall {
    method: string;
    path: string;
    query: URLSearchParams;
    /** Lower-case names; repeated headers joined with ', '. */
    headers: Record<string, string>;
    rawBody: string;
    /** The body parsed as JSON, or why it is not JSON. */
    json: { ok: true; value: unknown } | { ok: false; error: string };
    receivedAt: string;
}

export interface Reply {
    status: number;
    /** Sent as JSON; omitted for an empty body. */
    body?: unknown;
    headers?: Record<string, string>;
}

export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export class BodyTooLargeError extends Error { }

export function readBody(req: http.IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        req.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) {
                reject(new BodyTooLargeError(`body larger than ${MAX_BODY_BYTES} bytes`));
                req.destroy();
                return;
            }
            chunks.push(chunk);
        });
        req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        req.on('error', reject);
    });
}

export function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined) {
            out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
        }
    }
    return out;
}

export function queryObject(query: URLSearchParams): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (const [name, value] of query) {
        const prev = out[name];
        out[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
    }
    return out;
}

export function parseJson(raw: string): IncomingCall['json'] {
    if (raw.trim() === '') {
        return { ok: false, error: 'empty body' };
    }
    try {
        return { ok: true, value: JSON.parse(raw) };
    } catch (err) {
        return { ok: false, error: `invalid JSON: ${(err as Error).message}` };
    }
}

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
    return { status, body, headers };
}

export function isJsonContentType(headers: Record<string, string>): boolean {
    // Media type only: "application/json; charset=utf-8" is fine.
    return (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase() === 'application/json';
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
