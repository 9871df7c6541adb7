/**
 * External Control Protocol of the emulated device (port 8060 on a Roku, no auth): `POST
 * /keypress/<key>` (Home exits the dev channel), `/keydown`, `/keyup`, `POST /launch/dev` (404 when
 * nothing is sideloaded), `GET /query/device-info` and `/query/active-app`. Test double.
 */
import * as http from 'http';
import type { DevChannel } from './devChannel';
import { closeHttp, listen } from './listen';

/** A device's ECP answers name Roku in the Server header (roku-deploy looks for it). */
const SERVER_HEADER = 'Roku/14.0.0 UPnP/1.0 Roku/14.0.0';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export class EcpServer {
    readonly keypresses: string[] = [];
    private readonly server: http.Server;

    constructor(private readonly channel: DevChannel, private readonly onKeypress: (key: string) => void = () => undefined) {
        this.server = http.createServer((req, res) => {
            req.resume();
            this.handle(req.method ?? 'GET', decodeURIComponent((req.url ?? '/').split('?')[0]))
                .then(({ status, body }) => {
                    res.writeHead(status, { 'Server': SERVER_HEADER, 'Content-Type': body ? 'text/xml; charset="utf-8"' : 'text/plain' });
                    res.end(body);
                }, (err: unknown) => {
                    res.writeHead(500, { 'Server': SERVER_HEADER }).end(String(err));
                });
        });
    }

    listen(host: string, port: number): Promise<number> {
        return listen(this.server, host, port);
    }

    close(): Promise<void> {
        return closeHttp(this.server);
    }

    private async handle(method: string, path: string): Promise<{ status: number; body?: string }> {
        const key = /^\/(keypress|keydown|keyup)\/(.+)$/.exec(path);
        if (method === 'POST' && key) {
            if (key[1] === 'keypress') {
                this.keypresses.push(key[2]);
                this.onKeypress(key[2]);
                if (key[2].toLowerCase() === 'home') {
                    await this.channel.stop();
                }
            }
            return { status: 200 };
        }
        const launch = /^\/launch\/(.+)$/.exec(path);
        if (method === 'POST' && launch) {
            return { status: launch[1] === 'dev' && await this.channel.launch() ? 200 : 404 };
        }
        if (method === 'GET' && path === '/query/device-info') {
            return { status: 200, body: this.deviceInfo() };
        }
        if (method === 'GET' && path === '/query/active-app') {
            const installed = this.channel.installed;
            const app = installed && this.channel.isRunning
                ? `<app id="dev" type="appl" version="1.0.0">${escapeXml(installed.title)}</app>`
                : '<app>Roku</app>';
            return { status: 200, body: `<?xml version="1.0" encoding="UTF-8" ?>\n<active-app>\n\t${app}\n</active-app>\n` };
        }
        return { status: 404 };
    }

    private deviceInfo(): string {
        const fields: Record<string, string> = {
            'udn': '00000000-0000-0000-0000-emulated0001',
            'serial-number': 'EMULATED0001',
            'vendor-name': 'Roku',
            'model-name': 'Emulated Roku developer device (test double)',
            'model-number': 'EMULATED',
            'software-version': '14.0.0',
            'developer-enabled': 'true',
            'ecp-setting-mode': 'enabled'
        };
        const body = Object.entries(fields).map(([k, v]) => `\t<${k}>${escapeXml(v)}</${k}>`).join('\n');
        return `<?xml version="1.0" encoding="UTF-8" ?>\n<device-info>\n${body}\n</device-info>\n`;
    }
}
