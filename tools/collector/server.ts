/**
 * The HTTP side: CORS and preflights, the wire log, injected faults, down mode, then routing to the handlers.
 * Order per request: down? -> viewer page? -> OPTIONS? -> read body -> wire log -> fault decision -> handler -> (slow) reply.
 */
import * as http from 'http';
import type { AddressInfo, Socket } from 'net';
import { ADOBE_PATH, EDGE_INTERACT_PATH, handleAdobeEvent, handleEdgeInteract } from './adobe';
import type { CollectorContext } from './context';
import { corsHeaders } from './cors';
import { handleEventsBatch } from './events-api';
import type { FaultDecision, FaultInjector } from './faults';
import { formatFault } from './format';
import { BodyTooLargeError, flattenHeaders, json, parseJson, readBody, type IncomingCall, type Reply } from './http-io';
import { handleIdSync, matchIdSyncPath } from './identity';
import { handleNativeBatch, NATIVE_EVENTS_PATH } from './native-api';
import { handleQueryBatches, QUERY_BATCHES_PATH } from './query';
import { serveMedia } from './media';
import type { Api, CollectorStats, WireLogEntry } from './records';
import type { WireLog } from './wire-log';
import type { ViewerFeed } from '../viewer/feed';
import { isViewerRequest, serveViewer } from '../viewer/http';

export interface ServerParts {
    ctx: CollectorContext;
    faults: FaultInjector;
    wireLog: WireLog;
    stats: () => CollectorStats;
    /** Called once per request when it is answered or dropped: what the collector holds may have changed. */
    onChange: (entry: WireLogEntry) => void;
    /** The live viewer's feed (GET /, /viewer/*). */
    viewer: ViewerFeed;
    /** Files for GET /media/<name> (test clips the sample channel plays; not recorded). */
    media?: Record<string, Uint8Array>;
}

function onlyPost(api: Api, call: IncomingCall, ctx: CollectorContext, handle: () => Reply | Promise<Reply>): Reply | Promise<Reply> {
    if (call.method !== 'POST') {
        const reply = ctx.reject(api, call, 405, [`${call.path} takes POST, not ${call.method}`]);
        return { ...reply, headers: { ...reply.headers, Allow: 'POST, OPTIONS' } };
    }
    return handle();
}

async function route(call: IncomingCall, parts: ServerParts): Promise<Reply> {
    const { ctx } = parts;
    if (call.path === '/health' || call.path === '/summary') {
        if (call.method !== 'GET') {
            return ctx.reject('collector', call, 405, [`${call.path} takes GET, not ${call.method}`]);
        }
        return json(200, call.path === '/health' ? { ok: true } : parts.stats());
    }
    if (call.path === QUERY_BATCHES_PATH) {
        return handleQueryBatches(call, ctx, parts.wireLog.all());
    }
    if (call.path === '/v2/events') {
        return onlyPost('mparticle', call, ctx, () => handleEventsBatch(call, ctx));
    }
    const native = NATIVE_EVENTS_PATH.exec(call.path);
    if (native) {
        return onlyPost('mparticle', call, ctx, () => handleNativeBatch(call, decodeURIComponent(native[1]), ctx));
    }
    const idSync = matchIdSyncPath(call.path);
    if (idSync) {
        return onlyPost('idsync', call, ctx, () => handleIdSync(call, idSync, ctx));
    }
    const adobe = ADOBE_PATH.exec(call.path);
    if (adobe) {
        const region = adobe[1] === undefined ? undefined : decodeURIComponent(adobe[1]);
        return onlyPost('adobe', call, ctx, () => handleAdobeEvent(call, region, decodeURIComponent(adobe[2]), ctx));
    }
    const interact = EDGE_INTERACT_PATH.exec(call.path);
    if (interact) {
        const region = interact[1] === undefined ? undefined : decodeURIComponent(interact[1]);
        return onlyPost('adobe', call, ctx, () => handleEdgeInteract(call, region, ctx));
    }
    return ctx.reject('collector', call, 404, [`no such endpoint: ${call.method} ${call.path}`]);
}

function faultReply(decision: Extract<FaultDecision, { action: 'status' }>): Reply {
    const headers: Record<string, string> = {};
    if (decision.retryAfterSec !== undefined) {
        headers['Retry-After'] = String(decision.retryAfterSec);
    }
    return json(decision.status, { errors: [{ code: 'injected_fault', message: `injected ${decision.status}` }] }, headers);
}

export class CollectorServer {
    readonly http: http.Server;
    private down = false;
    private readonly sockets = new Set<Socket>();
    private readonly timers = new Set<NodeJS.Timeout>();

    constructor(private readonly parts: ServerParts) {
        this.http = http.createServer((req, res) => {
            this.onRequest(req, res).catch((err: unknown) => {
                parts.ctx.log(`[error] ${req.method} ${req.url}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
                this.send(res, corsHeaders(req.headers), json(500, { errors: ['collector error'] }));
            });
        });
        this.http.on('connection', (socket: Socket) => {
            if (this.down) {
                parts.ctx.counters.refusedConnections++;
                socket.destroy();
                return;
            }
            this.sockets.add(socket);
            socket.on('close', () => this.sockets.delete(socket));
        });
    }

    listen(host: string, port: number): Promise<number> {
        return new Promise((resolve, reject) => {
            const onError = (err: Error) => reject(err);
            this.http.once('error', onError);
            this.http.listen(port, host, () => {
                this.http.off('error', onError);
                resolve((this.http.address() as AddressInfo).port);
            });
        });
    }

    /** Down: every connection, open or new, is destroyed at once, so clients see a network failure. */
    setDown(down: boolean): void {
        this.down = down;
        if (down) {
            for (const socket of this.sockets) {
                socket.destroy();
            }
            this.sockets.clear();
        }
    }

    async close(): Promise<void> {
        for (const timer of this.timers) {
            clearTimeout(timer);
        }
        this.timers.clear();
        await new Promise<void>((resolve) => {
            this.http.close(() => resolve());
            this.http.closeAllConnections();
        });
    }

    private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
        const { ctx, faults, wireLog } = this.parts;
        if (this.down) {
            // A keep-alive connection that raced setDown(true).
            req.socket.destroy();
            return;
        }
        const cors = corsHeaders(req.headers);
        const method = (req.method ?? 'GET').toUpperCase();
        // Split by hand: new URL() would read a path like //v2/events as a host name.
        const target = req.url ?? '/';
        const q = target.indexOf('?');
        const path = q >= 0 ? target.slice(0, q) : target;
        if (isViewerRequest(method, path)) {
            // People watching, not the SDK: no wire log, counters or faults.
            await serveViewer(req, res, path, this.parts.viewer, ctx.log);
            return;
        }
        if (method === 'OPTIONS') {
            res.writeHead(204, { ...cors, Connection: 'close' }).end();
            return;
        }
        if (this.parts.media && serveMedia(req, res, path, this.parts.media, cors)) {
            return;
        }
        let rawBody: string;
        try {
            rawBody = await readBody(req);
        } catch (err) {
            if (err instanceof BodyTooLargeError) {
                this.send(res, cors, json(413, { errors: [err.message] }));
            }
            return;
        }
        const call: IncomingCall = {
            method,
            path,
            query: new URLSearchParams(q >= 0 ? target.slice(q + 1) : ''),
            headers: flattenHeaders(req.headers),
            rawBody,
            json: parseJson(rawBody),
            receivedAt: new Date().toISOString()
        };
        const entry = wireLog.add(call);
        ctx.counters.requests++;

        const decision = faults.decide(call.path);
        if (decision && decision.action !== 'pass') {
            const counts = ctx.counters.faults;
            counts.total++;
            counts[decision.source]++;
            entry.fault = decision.source;
            ctx.log(formatFault(decision, method, call.path));
        }
        if (decision?.action === 'drop') {
            // Nothing stored, nothing answered: the client sees a network error and should retry.
            req.socket.destroy();
            this.parts.onChange(entry);
            return;
        }
        if (decision?.action === 'status') {
            const reply = faultReply(decision);
            entry.status = reply.status;
            this.send(res, cors, reply);
            this.parts.onChange(entry);
            return;
        }

        let reply: Reply;
        try {
            reply = await route(call, this.parts);
        } catch (err) {
            ctx.log(`[error] ${method} ${call.path}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
            reply = json(500, { errors: [`collector error: ${err instanceof Error ? err.message : String(err)}`] });
        }
        entry.status = reply.status;
        this.parts.onChange(entry);
        if (decision?.action === 'slow') {
            // Already processed and stored; only the answer is late (so a client timeout leads to a re-send and a dedupe).
            const timer = setTimeout(() => {
                this.timers.delete(timer);
                this.send(res, cors, reply);
            }, decision.ms);
            this.timers.add(timer);
            return;
        }
        this.send(res, cors, reply);
    }

    private send(res: http.ServerResponse, cors: Record<string, string>, reply: Reply): void {
        if (res.destroyed || res.writableEnded) {
            return;
        }
        // No keep-alive: Chromium (and curl on a Roku) silently re-send a request once when a *reused*
        // connection dies before any response, which would hide 'drop' faults and shift the seeded sequence.
        const headers = { ...cors, 'Cache-Control': 'no-store', Connection: 'close', ...reply.headers };
        if (reply.body === undefined) {
            res.writeHead(reply.status, headers).end();
            return;
        }
        const text = JSON.stringify(reply.body);
        res.writeHead(reply.status, {
            ...headers,
            'Content-Type': 'application/json; charset=utf-8',
            'Content-Length': String(Buffer.byteLength(text))
        }).end(text);
    }
}
