/**
 * Embedded SQLite (sql.js, pure WASM) holding what the collector accepted. In memory by default; with a
 * dbPath the file is loaded at start and rewritten atomically (temp file + rename) after every write, so
 * dedupe, Adobe sessions and identity links survive a restart.
 */
import * as fs from 'fs';
import * as path from 'path';
import initSqlJs, { type BindParams, type Database, type SqlJsStatic, type SqlValue } from 'sql.js';
import type { BaseEvent, Batch } from '@mparticle/event-models';
import type { IdentityCall, IdentityCallKind, StoredAdobeEvent, StoredBatch, StoredEvent } from './records';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS batches (
    id INTEGER PRIMARY KEY,
    batch_id TEXT NOT NULL UNIQUE,
    received_at TEXT NOT NULL,
    environment TEXT NOT NULL,
    mpid TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    batch_id TEXT NOT NULL REFERENCES batches(batch_id),
    idx INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    event_name TEXT,
    custom_event_type TEXT,
    timestamp_ms INTEGER,
    session_uuid TEXT,
    json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_name ON events(event_name);
CREATE TABLE IF NOT EXISTS identity_calls (
    id INTEGER PRIMARY KEY,
    call TEXT NOT NULL,
    received_at TEXT NOT NULL,
    mpid TEXT NOT NULL,
    is_logged_in INTEGER NOT NULL,
    request_id TEXT,
    json TEXT NOT NULL,
    response TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS identity_links (
    identity_type TEXT NOT NULL,
    identity_value TEXT NOT NULL,
    mpid TEXT NOT NULL,
    PRIMARY KEY (identity_type, identity_value)
);
CREATE TABLE IF NOT EXISTS adobe_sessions (
    session_id TEXT PRIMARY KEY,
    config_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    ended_at TEXT,
    region TEXT,
    live INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS adobe_identities (
    ecid TEXT PRIMARY KEY,
    config_id TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS adobe_events (
    id INTEGER PRIMARY KEY,
    received_at TEXT NOT NULL,
    config_id TEXT NOT NULL,
    session_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    timestamp TEXT NOT NULL,
    playhead INTEGER NOT NULL,
    json TEXT NOT NULL
);
`;

export interface NewBatch {
    batchId: string;
    receivedAt: string;
    environment: string;
    mpid: string;
    batch: Batch;
}

export interface StoreCounts {
    batches: number;
    events: number;
    identityCalls: number;
    adobeEvents: number;
    adobeSessions: number;
}

type Row = Record<string, SqlValue>;

// One WASM instance per process is plenty; every Store shares it.
let sqlJs: Promise<SqlJsStatic> | undefined;

function str(value: SqlValue): string {
    return value === null ? '' : String(value);
}

function optStr(value: SqlValue): string | null {
    return value === null ? null : String(value);
}

function optNum(value: SqlValue): number | null {
    return typeof value === 'number' ? value : null;
}

export class Store {
    private closed = false;

    private constructor(private readonly db: Database, private readonly dbPath: string | undefined) {
        db.exec(SCHEMA);
        // Files written before Adobe sessions had a region: add the columns.
        const columns = new Set(this.all('PRAGMA table_info(adobe_sessions)').map((row) => str(row.name)));
        if (!columns.has('region')) {
            db.exec('ALTER TABLE adobe_sessions ADD COLUMN region TEXT');
        }
        if (!columns.has('live')) {
            db.exec('ALTER TABLE adobe_sessions ADD COLUMN live INTEGER NOT NULL DEFAULT 0');
        }
    }

    static async open(dbPath?: string): Promise<Store> {
        sqlJs ??= initSqlJs();
        const SQL = await sqlJs;
        let data: Uint8Array | undefined;
        if (dbPath && fs.existsSync(dbPath)) {
            data = fs.readFileSync(dbPath);
        }
        let db: Database;
        try {
            db = new SQL.Database(data);
            // sql.js opens garbage lazily; touch the schema so a bad file fails here, not on the first request.
            db.exec('SELECT count(*) FROM sqlite_master');
        } catch (err) {
            throw new Error(`cannot open collector db ${dbPath}: ${(err as Error).message}`);
        }
        const store = new Store(db, dbPath);
        store.persist();
        return store;
    }

    /** Stores a batch and its events in one transaction. False when the batch_id is already stored. */
    insertBatch(batch: NewBatch): boolean {
        this.db.exec('BEGIN');
        try {
            this.db.run('INSERT OR IGNORE INTO batches (batch_id, received_at, environment, mpid, json) VALUES (?, ?, ?, ?, ?)',
                [batch.batchId, batch.receivedAt, batch.environment, batch.mpid, JSON.stringify(batch.batch)]);
            if (this.db.getRowsModified() === 0) {
                this.db.exec('ROLLBACK');
                return false;
            }
            const insert = this.db.prepare(`INSERT INTO events (batch_id, idx, event_type, event_name, custom_event_type, timestamp_ms, session_uuid, json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
            try {
                (batch.batch.events ?? []).forEach((event, idx) => {
                    const data = (event.data ?? {}) as Record<string, unknown>;
                    insert.run([
                        batch.batchId,
                        idx,
                        event.event_type,
                        typeof data.event_name === 'string' ? data.event_name : event.event_type === 'screen_view' && typeof data.screen_name === 'string' ? data.screen_name : null,
                        typeof data.custom_event_type === 'string' ? data.custom_event_type : null,
                        typeof data.timestamp_unixtime_ms === 'number' ? data.timestamp_unixtime_ms : null,
                        typeof data.session_uuid === 'string' ? data.session_uuid : null,
                        JSON.stringify(event)
                    ]);
                });
            } finally {
                insert.free();
            }
            this.db.exec('COMMIT');
        } catch (err) {
            this.db.exec('ROLLBACK');
            throw err;
        }
        this.persist();
        return true;
    }

    insertIdentityCall(call: IdentityCall): void {
        this.db.run('INSERT INTO identity_calls (call, received_at, mpid, is_logged_in, request_id, json, response) VALUES (?, ?, ?, ?, ?, ?, ?)',
            [call.call, call.receivedAt, call.mpid, call.isLoggedIn ? 1 : 0, call.requestId, JSON.stringify(call.request), JSON.stringify(call.response)]);
        this.persist();
    }

    /** The mpid an identity (e.g. customerid=abc) is linked to, if any. */
    linkedMpid(identityType: string, value: string): string | undefined {
        const row = this.all('SELECT mpid FROM identity_links WHERE identity_type = ? AND identity_value = ?', [identityType, value])[0];
        return row ? str(row.mpid) : undefined;
    }

    /** Every identity linked to an mpid, e.g. { customerid: 'abc', email: 'a@b.c' }. */
    linkedIdentities(mpid: string): Record<string, string> {
        const out: Record<string, string> = {};
        for (const row of this.all('SELECT identity_type, identity_value FROM identity_links WHERE mpid = ? ORDER BY identity_type', [mpid])) {
            out[str(row.identity_type)] = str(row.identity_value);
        }
        return out;
    }

    /** Links identities to an mpid (re-linking an identity moves it). */
    linkIdentities(identities: Array<[string, string]>, mpid: string): void {
        for (const [type, value] of identities) {
            this.db.run('INSERT OR REPLACE INTO identity_links (identity_type, identity_value, mpid) VALUES (?, ?, ?)', [type, value, mpid]);
        }
        this.persist();
    }

    unlinkIdentity(identityType: string, value: string, mpid: string): void {
        this.db.run('DELETE FROM identity_links WHERE identity_type = ? AND identity_value = ? AND mpid = ?', [identityType, value, mpid]);
        this.persist();
    }

    /** A Media Edge session: the region (location hint) it lives in, and whether its content is live (playheads are seconds of the day). */
    addAdobeSession(sessionId: string, configId: string, createdAt: string, region: string, live: boolean): void {
        this.db.run('INSERT INTO adobe_sessions (session_id, config_id, created_at, region, live) VALUES (?, ?, ?, ?, ?)', [sessionId, configId, createdAt, region, live ? 1 : 0]);
        this.persist();
    }

    /** undefined: never handed out; otherwise whether sessionEnd/sessionComplete was seen, its region and whether it is live. */
    adobeSession(sessionId: string): { ended: boolean; region: string | null; live: boolean } | undefined {
        const row = this.all('SELECT ended_at, region, live FROM adobe_sessions WHERE session_id = ?', [sessionId])[0];
        return row ? { ended: row.ended_at !== null, region: row.region === null ? null : str(row.region), live: row.live === 1 } : undefined;
    }

    addAdobeIdentity(ecid: string, configId: string, createdAt: string): void {
        this.db.run('INSERT OR IGNORE INTO adobe_identities (ecid, config_id, created_at) VALUES (?, ?, ?)', [ecid, configId, createdAt]);
        this.persist();
    }

    hasAdobeIdentity(ecid: string): boolean {
        return this.all('SELECT ecid FROM adobe_identities WHERE ecid = ?', [ecid]).length > 0;
    }

    /** ECIDs handed out by identity fetches, in order. */
    adobeIdentities(): string[] {
        return this.all('SELECT ecid FROM adobe_identities ORDER BY rowid').map((row) => str(row.ecid));
    }

    endAdobeSession(sessionId: string, endedAt: string): void {
        this.db.run('UPDATE adobe_sessions SET ended_at = ? WHERE session_id = ? AND ended_at IS NULL', [endedAt, sessionId]);
        this.persist();
    }

    insertAdobeEvent(event: StoredAdobeEvent): void {
        this.db.run('INSERT INTO adobe_events (received_at, config_id, session_id, event_type, timestamp, playhead, json) VALUES (?, ?, ?, ?, ?, ?, ?)',
            [event.receivedAt, event.configId, event.sessionId, event.eventType, event.timestamp, event.playhead, JSON.stringify(event.xdm)]);
        this.persist();
    }

    // The list methods take `from`, a count of rows to skip: rows are only ever appended, in the order listed,
    // so a reader that remembers how many it has seen gets exactly the new ones (the live viewer does).

    batches(from = 0): StoredBatch[] {
        return this.all('SELECT batch_id, received_at, environment, mpid, json FROM batches ORDER BY id LIMIT -1 OFFSET ?', [from]).map((row) => ({
            batchId: str(row.batch_id),
            receivedAt: str(row.received_at),
            environment: str(row.environment),
            mpid: str(row.mpid),
            batch: JSON.parse(str(row.json)) as Batch
        }));
    }

    events(from = 0): StoredEvent[] {
        return this.all(`SELECT e.batch_id, e.idx, e.event_type, e.event_name, e.custom_event_type, e.timestamp_ms, e.session_uuid, e.json,
                b.received_at, b.environment, b.mpid
            FROM events e JOIN batches b ON b.batch_id = e.batch_id ORDER BY b.id, e.idx LIMIT -1 OFFSET ?`, [from]).map((row) => {
            const event = JSON.parse(str(row.json)) as BaseEvent;
            return {
                batchId: str(row.batch_id),
                idx: Number(row.idx),
                receivedAt: str(row.received_at),
                environment: str(row.environment),
                mpid: str(row.mpid),
                eventType: str(row.event_type),
                eventName: optStr(row.event_name),
                customEventType: optStr(row.custom_event_type),
                timestampMs: optNum(row.timestamp_ms),
                sessionUuid: optStr(row.session_uuid),
                attributes: { ...(event.data?.custom_attributes ?? {}) },
                event
            };
        });
    }

    identityCalls(from = 0): IdentityCall[] {
        return this.all('SELECT call, received_at, mpid, is_logged_in, request_id, json, response FROM identity_calls ORDER BY id LIMIT -1 OFFSET ?', [from]).map((row) => ({
            call: str(row.call) as IdentityCallKind,
            receivedAt: str(row.received_at),
            mpid: str(row.mpid),
            isLoggedIn: row.is_logged_in === 1,
            requestId: optStr(row.request_id),
            request: JSON.parse(str(row.json)) as Record<string, unknown>,
            response: JSON.parse(str(row.response)) as Record<string, unknown>
        }));
    }

    adobeEvents(from = 0): StoredAdobeEvent[] {
        return this.all('SELECT received_at, config_id, session_id, event_type, timestamp, playhead, json FROM adobe_events ORDER BY id LIMIT -1 OFFSET ?', [from]).map((row) => ({
            receivedAt: str(row.received_at),
            configId: str(row.config_id),
            eventType: str(row.event_type),
            sessionId: str(row.session_id),
            timestamp: str(row.timestamp),
            playhead: Number(row.playhead),
            xdm: JSON.parse(str(row.json)) as Record<string, unknown>
        }));
    }

    counts(): StoreCounts {
        const count = (table: string) => Number(this.all(`SELECT count(*) AS n FROM ${table}`)[0].n);
        return {
            batches: count('batches'),
            events: count('events'),
            identityCalls: count('identity_calls'),
            adobeEvents: count('adobe_events'),
            adobeSessions: count('adobe_sessions')
        };
    }

    close(): void {
        if (this.closed) {
            return;
        }
        this.persist();
        this.closed = true;
        this.db.close();
    }

    /** Writes the whole db next to the target and renames it over, so a crash never leaves a torn file. */
    private persist(): void {
        if (!this.dbPath || this.closed) {
            return;
        }
        fs.mkdirSync(path.dirname(path.resolve(this.dbPath)), { recursive: true });
        const tmp = `${this.dbPath}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, this.db.export());
        fs.renameSync(tmp, this.dbPath);
    }

    private all(sql: string, params?: BindParams): Row[] {
        // Prepared per call: sql.js's export() frees every prepared statement.
        const stmt = this.db.prepare(sql, params);
        try {
            const rows: Row[] = [];
            while (stmt.step()) {
                rows.push(stmt.getAsObject());
            }
            return rows;
        } finally {
            stmt.free();
        }
    }
}
