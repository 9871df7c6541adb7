/**
 * Minimal HTTP client for talking to the collector from tests and scripts. One fresh connection per request
 * (no keep-alive pool), so dropped connections and down mode never leave a stale socket for the next call.
 */
import * as http from 'http';
import { signedHeaders, type Credentials } from './auth';
import { DEFAULT_API_KEY, DEFAULT_API_SECRET } from './options';

export interface ClientResponse {
    status: number;
    /** Lower-case names. */
    headers: http.IncomingHttpHeaders;
    text: string;
    /** Parsed body, or undefined when empty or not JSON. */
    json: any;
}

export interface ClientRequest {
    method?: string;
    headers?: Record<string, string>;
    /** Objects are sent as JSON (Content-Type: application/json unless given); strings as they are. */
    body?: unknown;
}

export function request(url: string, options: ClientRequest = {}): Promise<ClientResponse> {
    const headers: Record<string, string> = { ...options.headers };
    let payload: string | undefined;
    if (typeof options.body === 'string') {
        payload = options.body;
    } else if (options.body !== undefined) {
        payload = JSON.stringify(options.body);
        if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
            headers['Content-Type'] = 'application/json';
        }
    }
    return new Promise((resolve, reject) => {
        const req = http.request(url, { method: options.method ?? (payload === undefined ? 'GET' : 'POST'), headers, agent: false }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('error', reject);
            res.on('end', () => {
                const text = Buffer.concat(chunks).toString('utf8');
                let parsed: unknown;
                try {
                    parsed = text === '' ? undefined : JSON.parse(text);
                } catch {
                    parsed = undefined;
                }
                resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: parsed });
            });
        });
        req.on('error', reject);
        req.end(payload);
    });
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<ClientResponse> {
    return request(url, { method: 'POST', headers, body });
}

/** POSTs JSON signed as the SDK signs it (x-mp-key, Date, x-mp-signature over the URL's path and the body). */
export function postSigned(url: string, body: unknown, credentials: Credentials = { apiKey: DEFAULT_API_KEY, apiSecret: DEFAULT_API_SECRET }, headers: Record<string, string> = {}): Promise<ClientResponse> {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return request(url, { method: 'POST', headers: { ...signedHeaders(credentials, new URL(url).pathname, text), ...headers }, body: text });
}
