/**
 * Runs a Roku channel zip headlessly: brs-engine + brs-scenegraph inside Debian Chromium,
 * driven by playwright-core. The engine needs SharedArrayBuffer, so the host page is served
 * cross-origin isolated (COOP/COEP) from a loopback server that lives for one run.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { chromium, type Browser } from 'playwright-core';
import { instrumentWorker } from './throwCounter';

export type OutputLevel = 'print' | 'error' | 'warning';

export interface RunOptions {
    /** Channel package: a path to a .zip or its bytes. */
    zip: string | Buffer;
    /** Wall-clock limit for the whole run (default 60 s). */
    timeoutMs?: number;
    /** Passed to the channel's Main(args) as deep-link parameters. */
    deepLink?: Record<string, string>;
    /** Keep Chromium's profile (and so the channel registry) here; a fresh one otherwise. */
    profileDir?: string;
    /** Called for every line the channel prints, as it arrives. */
    onOutput?: (line: string, level: OutputLevel) => void;
    /** Stops the channel from outside (status `stopped`), as pressing Home does on a device. */
    signal?: AbortSignal;
    /** Count the engine's control-flow throws (tools/runner/throwCounter.ts; the bench's --profile). */
    countThrows?: boolean;
}

export type RunStatus = 'exited' | 'crashed' | 'timeout' | 'stopped';

export interface RunResult {
    status: RunStatus;
    /** The engine's exit reason, e.g. EXIT_USER_NAV or EXIT_BRIGHTSCRIPT_CRASH. */
    exitReason?: string;
    /** Every printed line, in order. */
    lines: string[];
    /** Runtime errors and backtraces the engine reported. */
    errors: string[];
    durationMs: number;
}

export const CHROMIUM_INSTALL_HINT = 'sudo apt-get install -y chromium   (or set $CHROMIUM to a Chromium/Chrome binary)';

/** Flags that work for headless Chromium on this kind of machine (closed network, no GPU, root). */
export const CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
];

export class ChromiumMissingError extends Error { }

export function chromiumPath(): string {
    const candidate = process.env.CHROMIUM || '/usr/bin/chromium';
    if (!fs.existsSync(candidate)) {
        throw new ChromiumMissingError(`Chromium was not found at ${candidate}. Install it with:\n    ${CHROMIUM_INSTALL_HINT}`);
    }
    return candidate;
}

function packageFile(pkg: string, ...rest: string[]): string {
    return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), ...rest);
}

/** Files the host page needs, by URL path. common.zip comes from brs-scenegraph: it carries the CA bundle and fonts. */
function staticRoutes(zip: Buffer, countThrows: boolean): Map<string, () => Buffer> {
    const file = (p: string) => () => fs.readFileSync(p);
    const worker = packageFile('brs-engine', 'lib', 'brs.worker.js');
    return new Map<string, () => Buffer>([
        ['/index.html', file(path.join(__dirname, 'page.html'))],
        ['/brs.api.js', file(packageFile('brs-engine', 'lib', 'brs.api.js'))],
        ['/brs.worker.js', countThrows ? () => Buffer.from(instrumentWorker(fs.readFileSync(worker, 'utf8'))) : file(worker)],
        ['/brs-sg.js', file(packageFile('brs-scenegraph', 'lib', 'brs-sg.js'))],
        ['/assets/common.zip', file(packageFile('brs-scenegraph', 'assets', 'common.zip'))],
        ['/channel.zip', () => zip]
    ]);
}

function contentType(urlPath: string): string {
    if (urlPath.endsWith('.html')) {
        return 'text/html; charset=utf-8';
    }
    if (urlPath.endsWith('.js')) {
        return 'text/javascript; charset=utf-8';
    }
    return 'application/octet-stream';
}

async function startPageServer(zip: Buffer, countThrows: boolean): Promise<http.Server> {
    const routes = staticRoutes(zip, countThrows);
    const server = http.createServer((req, res) => {
        const urlPath = (req.url ?? '/').split('?')[0];
        const route = routes.get(urlPath);
        if (!route) {
            res.writeHead(404).end();
            return;
        }
        res.writeHead(200, {
            'Content-Type': contentType(urlPath),
            'Cross-Origin-Opener-Policy': 'same-origin',
            'Cross-Origin-Embedder-Policy': 'require-corp',
            'Cross-Origin-Resource-Policy': 'same-origin',
            'Cache-Control': 'no-store'
        });
        res.end(route());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return server;
}

/** Splits engine print chunks into whole lines; a chunk may hold several lines or part of one. */
class LineSplitter {
    private pending = '';
    constructor(private readonly emit: (line: string) => void) { }
    push(chunk: string) {
        this.pending += chunk.replace(/\r\n/g, '\n').replace(/\r/g, '\n');
        let idx: number;
        while ((idx = this.pending.indexOf('\n')) >= 0) {
            this.emit(this.pending.slice(0, idx));
            this.pending = this.pending.slice(idx + 1);
        }
    }
    flush() {
        if (this.pending.length > 0) {
            this.emit(this.pending);
            this.pending = '';
        }
    }
}

export async function runChannel(options: RunOptions): Promise<RunResult> {
    const executablePath = chromiumPath();
    const zip = typeof options.zip === 'string' ? fs.readFileSync(options.zip) : options.zip;
    const timeoutMs = options.timeoutMs ?? 60_000;
    const started = Date.now();
    const lines: string[] = [];
    const errors: string[] = [];
    const printLines = new LineSplitter((line) => {
        lines.push(line);
        options.onOutput?.(line, 'print');
    });

    const server = await startPageServer(zip, options.countThrows === true);
    const profileDir = options.profileDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'brs-profile-'));
    const ownsProfile = options.profileDir === undefined;
    let browser: Browser | undefined;
    let context: Awaited<ReturnType<typeof chromium.launchPersistentContext>> | undefined;
    try {
        context = await chromium.launchPersistentContext(profileDir, {
            executablePath,
            headless: true,
            args: CHROMIUM_ARGS
        });
        browser = context.browser() ?? undefined;
        const page = context.pages()[0] ?? await context.newPage();

        let finish: (value: { status: RunStatus; exitReason?: string }) => void = () => { };
        const done = new Promise<{ status: RunStatus; exitReason?: string }>((resolve) => {
            finish = resolve;
        });

        await page.exposeFunction('__runnerEvent', (event: string, data: string) => {
            if (event === 'debug') {
                let payload: { level?: string; content?: string } = {};
                try {
                    payload = JSON.parse(data);
                } catch {
                    payload = { level: 'print', content: data };
                }
                const content = payload.content ?? '';
                if (payload.level === 'print') {
                    printLines.push(content);
                } else if (payload.level === 'error' || payload.level === 'warning') {
                    const text = content.replace(/\s+$/, '');
                    if (payload.level === 'error') {
                        errors.push(text);
                    }
                    for (const line of text.split(/\r?\n/)) {
                        options.onOutput?.(line, payload.level);
                    }
                }
            } else if (event === 'error') {
                errors.push(data);
                options.onOutput?.(data, 'error');
            } else if (event === 'closed') {
                const reason = data.replace(/^"|"$/g, '');
                finish({ status: reason === 'EXIT_BRIGHTSCRIPT_CRASH' ? 'crashed' : 'exited', exitReason: reason });
            }
        });
        page.on('pageerror', (err) => {
            errors.push(`page error: ${err.message}`);
        });

        const port = (server.address() as AddressInfo).port;
        await page.goto(`http://127.0.0.1:${port}/index.html`);
        await page.evaluate(({ deepLink }) => (window as any).startChannel('channel.zip', deepLink), { deepLink: options.deepLink ?? {} });

        const timer = setTimeout(() => finish({ status: 'timeout' }), Math.max(0, timeoutMs - (Date.now() - started)));
        const stop = () => finish({ status: 'stopped' });
        if (options.signal?.aborted) {
            stop();
        }
        options.signal?.addEventListener('abort', stop);
        const outcome = await done;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', stop);
        if (outcome.status === 'timeout' || outcome.status === 'stopped') {
            await page.evaluate(() => (window as any).stopChannel()).catch(() => undefined);
        }
        printLines.flush();
        return { ...outcome, lines, errors, durationMs: Date.now() - started };
    } finally {
        await context?.close().catch(() => undefined);
        await browser?.close().catch(() => undefined);
        server.close();
        if (ownsProfile) {
            fs.rmSync(profileDir, { recursive: true, force: true });
        }
    }
}
