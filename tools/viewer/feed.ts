/**
 * The live viewer's feed: turns what the collector holds into FeedRecords (tools/viewer/protocol.ts) and
 * streams them to every open page over Server-Sent Events.
 *
 * Records are read from the store and the collector's findings, never from request bodies. The store is
 * append-only, so the feed keeps one cursor per list and, after each finished request, reads only the
 * rows past it. It reads nothing until a page connects (tests that never open the viewer pay nothing but
 * one small entry per request); every page gets the whole log first, then what follows, at most every
 * FLUSH_MS.
 */
import type * as http from 'http';
import { randomUUID } from 'crypto';
import type { CollectorContext } from '../collector/context';
import type { WireLogEntry } from '../collector/records';
import { uploadedBatchId } from '../collector/uploads';
import type { BatchInfo, FeedHello, FeedRecord, RequestInfo } from './protocol';

const FLUSH_MS = 100;
const RECORDS_PER_MESSAGE = 500;
/** A comment line now and then keeps idle proxies and browsers from closing the stream. */
const KEEPALIVE_MS = 15_000;

interface Client {
    res: http.ServerResponse;
    /** How much of the log this page has been sent. */
    sent: number;
}

function text(value: unknown): string | null {
    return typeof value === 'string' && value !== '' ? value : null;
}

export class ViewerFeed {
    readonly hello: FeedHello;
    private readonly requests: RequestInfo[] = [];
    private readonly log: FeedRecord[] = [];
    private readonly read = { requests: 0, batches: 0, events: 0, adobe: 0, identity: 0, violations: 0, malformed: 0 };
    private readonly clients = new Set<Client>();
    private flushTimer: NodeJS.Timeout | undefined;
    private keepAlive: NodeJS.Timeout | undefined;
    private closed = false;

    constructor(private readonly ctx: CollectorContext) {
        this.hello = { instance: randomUUID(), startedAt: new Date().toISOString(), dataPlan: ctx.dataPlan !== undefined };
    }

    /** Called by the server once per request, when it has been answered (or dropped). */
    requestFinished(entry: WireLogEntry): void {
        this.requests.push({
            seq: this.requests.length + 1,
            method: entry.method,
            path: entry.path,
            receivedAt: entry.receivedAt,
            status: entry.status,
            fault: entry.fault,
            batchId: uploadedBatchId(entry)
        });
        if (this.clients.size > 0 && !this.flushTimer && !this.closed) {
            this.flushTimer = setTimeout(() => {
                this.flushTimer = undefined;
                this.flush();
            }, FLUSH_MS);
        }
    }

    /** GET /viewer/stream: keeps the response open and sends the log, then every new record. */
    attach(req: http.IncomingMessage, res: http.ServerResponse): void {
        if (this.closed) {
            res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' }).end('collector closing');
            return;
        }
        res.writeHead(200, {
            'Content-Type': 'text/event-stream; charset=utf-8',
            'Cache-Control': 'no-store',
            Connection: 'keep-alive',
            'X-Accel-Buffering': 'no'
        });
        // A lost page reconnects by itself (EventSource) after this many ms.
        res.write(`retry: 1000\nevent: hello\ndata: ${JSON.stringify(this.hello)}\n\n`);
        const client: Client = { res, sent: 0 };
        this.clients.add(client);
        req.on('close', () => this.clients.delete(client));
        res.on('error', () => this.clients.delete(client));
        this.keepAlive ??= setInterval(() => {
            for (const c of this.clients) {
                c.res.write(': keep-alive\n\n');
            }
        }, KEEPALIVE_MS).unref();
        this.flush();
    }

    /** Sends what is pending and ends every stream (the collector is closing). */
    close(): void {
        if (this.closed) {
            return;
        }
        if (this.clients.size > 0) {
            this.flush();
        }
        this.closed = true;
        clearTimeout(this.flushTimer);
        clearInterval(this.keepAlive);
        for (const client of this.clients) {
            client.res.end('event: bye\ndata: {}\n\n');
        }
        this.clients.clear();
    }

    private flush(): void {
        this.pull();
        for (const client of this.clients) {
            while (client.sent < this.log.length) {
                const chunk = this.log.slice(client.sent, client.sent + RECORDS_PER_MESSAGE);
                client.res.write(`event: records\ndata: ${JSON.stringify(chunk)}\n\n`);
                client.sent += chunk.length;
            }
        }
    }

    /** Appends to the log everything stored or found since the last pull. */
    private pull(): void {
        const { store } = this.ctx;
        const read = this.read;
        const add = <T>(items: readonly T[], toRecord: (item: T) => FeedRecord) => {
            for (const item of items) {
                this.log.push(toRecord(item));
            }
            return items.length;
        };
        read.requests += add(this.requests.slice(read.requests), (request) => ({ kind: 'request', request }));
        read.batches += add(store.batches(read.batches), (stored): FeedRecord => {
            const app = stored.batch.application_info as Record<string, unknown> | undefined;
            const device = stored.batch.device_info as Record<string, unknown> | undefined;
            const batch: BatchInfo = {
                batchId: stored.batchId,
                receivedAt: stored.receivedAt,
                environment: stored.environment,
                mpid: stored.mpid,
                eventCount: stored.batch.events?.length ?? 0,
                app: [text(app?.application_name), text(app?.application_version)].filter(Boolean).join(' ') || null,
                device: [text(device?.platform), text(device?.device_model)].filter(Boolean).join(' ') || null
            };
            return { kind: 'batch', batch };
        });
        read.events += add(store.events(read.events), (event) => ({ kind: 'event', event }));
        read.violations += add(this.ctx.planViolations.slice(read.violations), (violation) => ({ kind: 'violation', violation }));
        read.adobe += add(store.adobeEvents(read.adobe), (event) => ({ kind: 'adobe', event }));
        read.identity += add(store.identityCalls(read.identity), (call) => ({ kind: 'identity', call }));
        read.malformed += add(this.ctx.malformed.slice(read.malformed), (entry) => ({ kind: 'malformed', entry }));
    }
}
