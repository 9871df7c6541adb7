/**
 * Every request in arrival order, as it came over the wire: a re-sent batch shows up again here even though
 * the store keeps it once. OPTIONS preflights are left out (a real Roku sends none; they are a browser
 * artefact of running the SDK in brs-engine), and so are connections refused while the collector is down.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { IncomingCall } from './http-io';
import { queryObject } from './http-io';
import type { WireLogEntry } from './records';

export class WireLog {
    private readonly entries: WireLogEntry[] = [];

    add(call: IncomingCall): WireLogEntry {
        const entry: WireLogEntry = {
            method: call.method,
            path: call.path,
            query: queryObject(call.query),
            headers: { ...call.headers },
            body: call.json.ok ? call.json.value : call.rawBody,
            receivedAt: call.receivedAt
        };
        this.entries.push(entry);
        return entry;
    }

    /** A snapshot; later requests do not change the returned array. */
    all(): WireLogEntry[] {
        return [...this.entries];
    }
}

export function toJsonLines(entries: readonly WireLogEntry[]): string {
    return entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
}

export function writeJsonLines(file: string, entries: readonly WireLogEntry[]): void {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, toJsonLines(entries));
}
