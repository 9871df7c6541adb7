/**
 * CORS for every response. The SDK runs in brs-engine inside Chromium, so each transfer is a cross-origin
 * browser request: without these headers the engine reports response code 0, and fault responses (429, 503)
 * would be indistinguishable from a network failure.
 */
import type * as http from 'http';

const ALLOWED_METHODS = 'GET, POST, OPTIONS, PUT, DELETE';
// '*' does not cover Authorization (Fetch spec), so it is listed by name.
const BASE_ALLOWED_HEADERS = ['*', 'Authorization', 'Content-Type', 'x-mp-key'];

export function corsHeaders(requestHeaders: http.IncomingHttpHeaders): Record<string, string> {
    const allowed = [...BASE_ALLOWED_HEADERS];
    const requested = requestHeaders['access-control-request-headers'];
    if (typeof requested === 'string') {
        for (const name of requested.split(',').map((h) => h.trim()).filter((h) => h.length > 0)) {
            if (!allowed.some((a) => a.toLowerCase() === name.toLowerCase())) {
                allowed.push(name);
            }
        }
    }
    const headers: Record<string, string> = {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': ALLOWED_METHODS,
        'Access-Control-Allow-Headers': allowed.join(', '),
        // Retry-After is not a safelisted response header; the SDK needs to read it on 429/503.
        'Access-Control-Expose-Headers': '*, Retry-After',
        'Access-Control-Max-Age': '600'
    };
    if (requestHeaders['access-control-request-private-network'] === 'true') {
        headers['Access-Control-Allow-Private-Network'] = 'true';
    }
    return headers;
}
