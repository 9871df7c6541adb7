/**
 * Local collector: stands in for mParticle's native SDK endpoint and Events API, mParticle IDSync and the Adobe
 * Media Edge API during development and tests. Start one with startCollector(); it binds 127.0.0.1 on a free port.
 */
import { EventEmitter } from 'events';
import { DEFAULT_EDGE_SETTINGS } from './adobe';
import { DataPlanChecker } from './data-plan';
import { CollectorContext } from './context';
import { FaultInjector } from './faults';
import {
    DEFAULT_API_KEY,
    DEFAULT_API_SECRET,
    type CollectorOptions,
    type FaultOptions,
    type ForcedResponse
} from './options';
import type {
    CollectorStats,
    IdentityCall,
    MalformedEntry,
    PlanViolation,
    StoredAdobeEvent,
    StoredBatch,
    StoredEvent,
    WireLogEntry
} from './records';
import { CollectorServer } from './server';
import { Store } from './store';
import { WireLog, writeJsonLines } from './wire-log';
import { ViewerFeed } from '../viewer/feed';

export * from './options';
export * from './records';
export { toJsonLines, writeJsonLines } from './wire-log';
export { UPLOAD_PATH, uploadTransport, uploadedBatchId, uploadedEvents, type Transport } from './uploads';

export interface Collector {
    /** Base URL, e.g. http://127.0.0.1:40123 (no trailing slash). */
    readonly url: string;
    /** The live viewer's page (url + '/'). */
    readonly viewerUrl: string;
    readonly port: number;
    /** Stops the server and closes the store (query helpers stop working after this). */
    close(): Promise<void>;

    /** Stored mParticle events, flattened with their batch, in arrival order. */
    events(): StoredEvent[];
    /** Stored mParticle batches (each batch_id once), in arrival order. */
    batches(): StoredBatch[];
    adobeEvents(): StoredAdobeEvent[];
    /** ECIDs handed out by Edge identity fetches, in order (one per new visitor). */
    adobeIdentities(): string[];
    identityCalls(): IdentityCall[];

    /** Every request but OPTIONS preflights, in arrival order, re-sends included. */
    wireLog(): WireLogEntry[];
    /** Writes the wire log as JSON Lines (one request per line). */
    writeWireLog(file: string): void;
    /** Requests refused as malformed (400/404/405), with reasons. Not 401s: see stats().unauthorized. */
    malformed(): MalformedEntry[];
    /** Data-plan findings on accepted batches (empty without a dataPlan). */
    planViolations(): PlanViolation[];
    stats(): CollectorStats;

    /** Replaces the random fault settings (restarting the PRNG from the seed); undefined turns them off. */
    setFaults(faults: FaultOptions | undefined): void;
    /** Answers the next requests to a path (exact string or RegExp) with these, in order; a 2xx lets one through. */
    forceResponses(path: string | RegExp, responses: ForcedResponse[]): void;
    /** Down: open and new connections are destroyed at once, so the server looks unreachable. */
    setDown(down: boolean): void;
    /** Resolves with the predicate's first truthy value, re-checked after every request; rejects after timeoutMs (default 5000). */
    waitFor<T>(predicate: (collector: Collector) => T | undefined | null | false, timeoutMs?: number): Promise<T>;
}

export async function startCollector(options: CollectorOptions = {}): Promise<Collector> {
    const log = options.quiet ? () => undefined : options.log ?? ((line: string) => console.log(line));
    const host = options.host ?? '127.0.0.1';
    // Built before anything is opened, so a bad plan or fault setting fails fast.
    const dataPlan = options.dataPlan ? new DataPlanChecker(options.dataPlan) : undefined;
    const faults = new FaultInjector(options.faults);
    const store = await Store.open(options.dbPath);
    const ctx = new CollectorContext(
        store,
        { apiKey: options.apiKey ?? DEFAULT_API_KEY, apiSecret: options.apiSecret ?? DEFAULT_API_SECRET },
        log,
        dataPlan,
        {
            allowUnknownSessions: options.allowUnknownAdobeSessions ?? DEFAULT_EDGE_SETTINGS.allowUnknownSessions,
            region: options.adobeRegion ?? DEFAULT_EDGE_SETTINGS.region,
            hintTtlSec: options.adobeHintTtlSec ?? DEFAULT_EDGE_SETTINGS.hintTtlSec,
            orgId: DEFAULT_EDGE_SETTINGS.orgId
        }
    );
    const wireLog = new WireLog();
    const changes = new EventEmitter();
    changes.setMaxListeners(0);

    const stats = (): CollectorStats => {
        const counts = store.counts();
        return {
            requests: ctx.counters.requests,
            batches: counts.batches,
            events: counts.events,
            duplicates: ctx.counters.duplicates,
            malformed: ctx.malformed.length,
            unauthorized: ctx.counters.unauthorized,
            planViolations: ctx.planViolations.length,
            identityCalls: counts.identityCalls,
            adobeEvents: counts.adobeEvents,
            adobeSessions: counts.adobeSessions,
            adobeIdentityFetches: ctx.counters.adobeIdentityFetches,
            refusedConnections: ctx.counters.refusedConnections,
            faultsInjected: { ...ctx.counters.faults }
        };
    };

    const viewer = new ViewerFeed(ctx);
    const requestDone = (entry: WireLogEntry) => {
        viewer.requestFinished(entry);
        changes.emit('change');
    };
    const server = new CollectorServer({ ctx, faults, wireLog, stats, onChange: requestDone, viewer, media: options.media });
    let port: number;
    try {
        port = await server.listen(host, options.port ?? 0);
    } catch (err) {
        store.close();
        throw err;
    }
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    let closing: Promise<void> | undefined;

    const collector: Collector = {
        url,
        viewerUrl: `${url}/`,
        port,
        close() {
            // The viewer's pages get everything stored before their streams end.
            viewer.close();
            closing ??= server.close().then(() => store.close());
            return closing;
        },
        events: () => store.events(),
        batches: () => store.batches(),
        adobeEvents: () => store.adobeEvents(),
        adobeIdentities: () => store.adobeIdentities(),
        identityCalls: () => store.identityCalls(),
        wireLog: () => wireLog.all(),
        writeWireLog: (file) => writeJsonLines(file, wireLog.all()),
        malformed: () => [...ctx.malformed],
        planViolations: () => [...ctx.planViolations],
        stats,
        setFaults: (next) => faults.set(next),
        forceResponses: (path, responses) => faults.force(path, responses),
        setDown: (down) => server.setDown(down),
        waitFor<T>(predicate: (c: Collector) => T | undefined | null | false, timeoutMs = 5000): Promise<T> {
            return new Promise<T>((resolve, reject) => {
                const first = predicate(collector);
                if (first) {
                    resolve(first);
                    return;
                }
                const finish = () => {
                    clearTimeout(timer);
                    changes.off('change', onChange);
                };
                const onChange = () => {
                    try {
                        const value = predicate(collector);
                        if (value) {
                            finish();
                            resolve(value);
                        }
                    } catch (err) {
                        finish();
                        reject(err);
                    }
                };
                const timer = setTimeout(() => {
                    finish();
                    reject(new Error(`waitFor: condition not met within ${timeoutMs} ms; stats ${JSON.stringify(stats())}`));
                }, timeoutMs);
                changes.on('change', onChange);
            });
        }
    };
    return collector;
}
