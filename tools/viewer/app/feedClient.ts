/**
 * The page's end of the live feed: an EventSource on /viewer/stream that keeps every record in a
 * FeedState and tells subscribers that it changed, at most every UPDATE_MS (a replay of thousands of
 * records arrives as many messages; each update rebuilds the whole view). The browser
 * reconnects by itself; each connection starts with `hello` and replays everything, so the state is
 * rebuilt rather than patched.
 */
import { VIEWER_STREAM_PATH, type FeedHello, type FeedRecord } from '../protocol';
import { applyRecords, emptyState, type FeedState } from '../model/state';

/** lost: the stream broke (the browser retries); stopped: the collector said bye (the page keeps what it has). */
const UPDATE_MS = 200;

export type Connection = 'connecting' | 'live' | 'lost' | 'stopped';

export interface FeedSnapshot {
    state: FeedState;
    /** Grows with every change, so views can memoize on it. */
    version: number;
    connection: Connection;
}

export class FeedClient {
    private snapshot: FeedSnapshot = { state: emptyState(), version: 0, connection: 'connecting' };
    private readonly listeners = new Set<() => void>();
    private timer: number | undefined;
    private lastNotified = 0;

    constructor(url = VIEWER_STREAM_PATH) {
        const source = new EventSource(url);
        source.addEventListener('hello', (e) => {
            this.update(emptyState(JSON.parse((e as MessageEvent<string>).data) as FeedHello), 'live');
        });
        source.addEventListener('records', (e) => {
            applyRecords(this.snapshot.state, JSON.parse((e as MessageEvent<string>).data) as FeedRecord[]);
            this.update(this.snapshot.state, 'live');
        });
        source.addEventListener('bye', () => this.update(this.snapshot.state, 'stopped'));
        // EventSource retries by itself (the stream asks for 1 s); until then the page shows what it has.
        source.addEventListener('error', () => this.update(this.snapshot.state, this.snapshot.connection === 'stopped' ? 'stopped' : 'lost'));
    }

    get current(): FeedSnapshot {
        return this.snapshot;
    }

    subscribe(listener: () => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    private update(state: FeedState, connection: Connection): void {
        this.snapshot = { state, version: this.snapshot.version + 1, connection };
        this.timer ??= window.setTimeout(() => {
            this.timer = undefined;
            this.lastNotified = Date.now();
            for (const listener of this.listeners) {
                listener();
            }
        }, Math.max(0, this.lastNotified + UPDATE_MS - Date.now()));
    }
}
