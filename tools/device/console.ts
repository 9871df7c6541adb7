/**
 * Reads a Roku's BrightScript console (telnet port 8085). Facts it is built on: the console serves
 * one client at a time (another tool connecting closes our connection); a new connection is first
 * replayed what the current channel printed since its launch, so output from before our sideload
 * must be told apart (`settle` then `mark`); lines end in CRLF and may carry ANSI colours.
 */
import * as net from 'net';
import { cleanConsole } from '../rooibos/report';
import { DeviceError } from './sideload';

export { cleanConsole };

export type ConsoleOutcome = 'finished' | 'timeout' | 'closed';

const CONNECT_TIMEOUT_MS = 10_000;

/** A console transcript is finished once Rooibos printed its result, or the channel crashed. */
export function consoleFinished(text: string): boolean {
    const clean = cleanConsole(text);
    return /\[Rooibos Result\]:\s*(PASS|FAIL)/.test(clean) || /Current Function:|Brightscript Debugger>/.test(clean);
}

export class DeviceConsole {
    private buffer = '';
    private lastDataAt = Date.now();
    private closed = false;
    private pendingLine = '';
    private readonly wakers = new Set<() => void>();

    private constructor(private readonly socket: net.Socket, private readonly onLine?: (line: string) => void) {
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => {
            this.buffer += chunk;
            this.lastDataAt = Date.now();
            this.emitLines(chunk);
            this.wake();
        });
        socket.on('close', () => {
            this.closed = true;
            this.wake();
        });
        socket.on('error', () => undefined);
    }

    /** Connects; a DeviceError that says why when the console cannot be reached. */
    static connect(host: string, port: number, onLine?: (line: string) => void): Promise<DeviceConsole> {
        return new Promise((resolve, reject) => {
            const socket = net.connect({ host, port });
            const timer = setTimeout(() => {
                socket.destroy();
                reject(new DeviceError(`the Roku's console at ${host}:${port} did not answer within ${CONNECT_TIMEOUT_MS / 1000} s`));
            }, CONNECT_TIMEOUT_MS);
            socket.once('connect', () => {
                clearTimeout(timer);
                resolve(new DeviceConsole(socket, onLine));
            });
            socket.once('error', (err: NodeJS.ErrnoException) => {
                clearTimeout(timer);
                reject(new DeviceError(`cannot open the Roku's console at ${host}:${port} (${err.code ?? err.message}): is the device in developer mode?`));
            });
        });
    }

    /** Everything received so far, as the device sent it. */
    text(): string {
        return this.buffer;
    }

    get isClosed(): boolean {
        return this.closed;
    }

    /** Waits until the console has been quiet for `quietMs` (the replayed backlog has arrived), at most `maxMs`. */
    async settle(quietMs = 300, maxMs = 3000): Promise<void> {
        const started = Date.now();
        while (!this.closed && Date.now() - this.lastDataAt < quietMs && Date.now() - started < maxMs) {
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
    }

    /** The offset output after this call starts at. */
    mark(): number {
        return this.buffer.length;
    }

    /** Collects output from `from` until `done(text)` holds, the connection closes, or the timeout passes. */
    waitFor(done: (text: string) => boolean, timeoutMs: number, from = 0): Promise<{ outcome: ConsoleOutcome; text: string }> {
        return new Promise((resolve) => {
            const finish = (outcome: ConsoleOutcome) => {
                clearTimeout(timer);
                this.wakers.delete(check);
                resolve({ outcome, text: this.buffer.slice(from) });
            };
            const check = () => {
                if (done(this.buffer.slice(from))) {
                    finish('finished');
                } else if (this.closed) {
                    finish('closed');
                }
            };
            const timer = setTimeout(() => finish('timeout'), timeoutMs);
            this.wakers.add(check);
            check();
        });
    }

    close(): void {
        this.socket.destroy();
    }

    private wake(): void {
        for (const wake of [...this.wakers]) {
            wake();
        }
    }

    private emitLines(chunk: string): void {
        if (!this.onLine) {
            return;
        }
        const lines = (this.pendingLine + cleanConsole(chunk)).split('\n');
        this.pendingLine = lines.pop() ?? '';
        for (const line of lines) {
            this.onLine(line);
        }
    }
}
