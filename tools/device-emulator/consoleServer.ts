/**
 * The BrightScript console (telnet port 8085) of the emulated device, as a Roku behaves: lines end
 * in CRLF; one client at a time (a new connection displaces the one before); a fresh connection is
 * first sent what the channel printed since it launched; input is ignored. Test double.
 */
import * as net from 'net';
import { listen } from './listen';

export class ConsoleServer {
    private client: net.Socket | undefined;
    private backlog = '';
    private readonly server: net.Server;

    constructor(private readonly onConnect: () => void = () => undefined) {
        this.server = net.createServer((socket) => this.accept(socket));
    }

    listen(host: string, port: number): Promise<number> {
        return listen(this.server, host, port);
    }

    /** A new launch: the replayed backlog starts again from here. */
    startLog(): void {
        this.backlog = '';
    }

    /** Writes text (already CRLF-framed) to the client and the backlog. */
    write(text: string): void {
        this.backlog += text;
        if (this.client && !this.client.destroyed) {
            this.client.write(text);
        }
    }

    writeLine(line: string): void {
        this.write(`${line}\r\n`);
    }

    /** What a client connecting now would be replayed. */
    log(): string {
        return this.backlog;
    }

    get connected(): boolean {
        return this.client !== undefined && !this.client.destroyed;
    }

    /** Closes the current client's connection, as when another tool takes the console. */
    dropClient(): void {
        this.client?.destroy();
        this.client = undefined;
    }

    async close(): Promise<void> {
        this.dropClient();
        await new Promise<void>((resolve) => this.server.close(() => resolve()));
    }

    private accept(socket: net.Socket): void {
        this.client?.destroy();
        this.client = socket;
        socket.on('error', () => socket.destroy());
        socket.on('close', () => {
            if (this.client === socket) {
                this.client = undefined;
            }
        });
        // Typed input is not interpreted while a channel runs; read and drop it.
        socket.on('data', () => undefined);
        if (this.backlog) {
            socket.write(this.backlog);
        }
        this.onConnect();
    }
}
