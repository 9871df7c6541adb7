/**
 * The developer web server of the emulated device (port 80 on a Roku): every request needs HTTP
 * Digest auth as user `rokudev`; `POST /plugin_install` takes a multipart form with `mysubmit`
 * (Install, Replace, Delete) and `archive` (the zip), and answers 200 with a page whose messages
 * carry the verdict. A 401 is answered without reading the request body, as the device does.
 * Test double.
 */
import { createHash } from 'crypto';
import * as http from 'http';
import { unzipSync } from 'fflate';
import type { DevChannel } from './devChannel';
import { closeHttp, listen } from './listen';
import { manifestTitle } from './devChannel';
import { DigestGuard } from './digestAuth';
import { INSTALLER_TEXT, installerPage, UNAUTHORIZED_PAGE, type InstallerMessage } from './installerPages';

export interface InstallerRequest {
    method: string;
    path: string;
    /** The form's `mysubmit`, when it had one. */
    action?: string;
    authorized: boolean;
    /** Messages of the answer page (empty for a 401). */
    messages: InstallerMessage[];
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
        chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
}

/** The form fields, parsed by the platform's own multipart reader. */
async function readForm(req: http.IncomingMessage): Promise<FormData | undefined> {
    const body = await readBody(req);
    const contentType = req.headers['content-type'] ?? '';
    if (!/^multipart\/form-data|^application\/x-www-form-urlencoded/i.test(contentType)) {
        return undefined;
    }
    try {
        return await new Request('http://device.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(body) }).formData();
    } catch {
        return undefined;
    }
}

export class InstallerServer {
    readonly requests: InstallerRequest[] = [];
    private readonly guard: DigestGuard;
    private readonly server: http.Server;
    /** An upload is compared with the last package the device stored (a corrupt one is not stored). */
    private storedHash: string | undefined;

    constructor(password: string, private readonly channel: DevChannel, private readonly onRequest: (request: InstallerRequest) => void = () => undefined) {
        this.guard = new DigestGuard(password);
        this.server = http.createServer((req, res) => {
            this.handle(req, res).catch((err: unknown) => {
                res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(err));
            });
        });
    }

    listen(host: string, port: number): Promise<number> {
        return listen(this.server, host, port);
    }

    close(): Promise<void> {
        return closeHttp(this.server);
    }

    private record(request: InstallerRequest): void {
        this.requests.push(request);
        this.onRequest(request);
    }

    private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
        const method = req.method ?? 'GET';
        const requestUri = req.url ?? '/';
        const path = requestUri.split('?')[0];
        if (!this.guard.accepts(method, requestUri, req.headers.authorization)) {
            this.record({ method, path, authorized: false, messages: [] });
            res.writeHead(401, {
                'WWW-Authenticate': this.guard.challenge(),
                'Content-Type': 'text/html',
                'Connection': 'close'
            });
            res.end(method === 'HEAD' ? undefined : UNAUTHORIZED_PAGE);
            req.resume();
            return;
        }
        if (path !== '/' && path !== '/plugin_install') {
            this.record({ method, path, authorized: true, messages: [] });
            res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
            return;
        }
        if (method !== 'POST') {
            this.record({ method, path, authorized: true, messages: [] });
            res.writeHead(200, { 'Content-Type': 'text/html' });
            res.end(method === 'HEAD' ? undefined : installerPage([], this.devChannelSummary()));
            return;
        }
        const form = await readForm(req);
        const action = typeof form?.get('mysubmit') === 'string' ? form!.get('mysubmit') as string : undefined;
        const messages = await this.perform(action, form);
        this.record({ method, path, action, authorized: true, messages });
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end(installerPage(messages, this.devChannelSummary()));
    }

    private devChannelSummary(): { title: string; bytes: number } | undefined {
        const installed = this.channel.installed;
        return installed ? { title: installed.title, bytes: installed.bytes } : undefined;
    }

    private async perform(action: string | undefined, form: FormData | undefined): Promise<InstallerMessage[]> {
        if (!form || action === undefined) {
            return [{ type: 'error', text: INSTALLER_TEXT.missingField('mysubmit') }];
        }
        if (action === 'Delete') {
            this.storedHash = undefined;
            await this.channel.remove();
            return [{ type: 'success', text: INSTALLER_TEXT.deleted }];
        }
        if (action !== 'Install' && action !== 'Replace') {
            return [{ type: 'error', text: INSTALLER_TEXT.unsupported(action) }];
        }
        const archive = form.get('archive');
        if (!(archive instanceof Blob) || archive.size === 0) {
            return [{ type: 'error', text: INSTALLER_TEXT.missingField('archive') }];
        }
        const zip = Buffer.from(await archive.arrayBuffer());
        const received: InstallerMessage = { type: 'info', text: INSTALLER_TEXT.received(zip.length) };
        const hash = createHash('sha256').update(zip).digest('hex');
        if (hash === this.storedHash) {
            return [received, { type: 'info', text: INSTALLER_TEXT.identical }];
        }
        let files: Record<string, Uint8Array>;
        try {
            files = unzipSync(zip);
        } catch {
            return [received, { type: 'error', text: INSTALLER_TEXT.corruptZip }];
        }
        if (!files.manifest) {
            return [received, { type: 'error', text: INSTALLER_TEXT.noManifest }];
        }
        this.storedHash = hash;
        const title = manifestTitle(Buffer.from(files.manifest).toString('utf8'));
        const launch = form.get('dev_autolaunch') !== '0';
        await this.channel.install({ title, bytes: zip.length, zip }, launch);
        return [received, { type: 'success', text: INSTALLER_TEXT.success }];
    }
}
