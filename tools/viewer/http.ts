/**
 * The viewer's routes on the collector's port: GET / (the page), /viewer/app.js and /viewer/app.css (the
 * bundle), /viewer/stream (the live feed). They are for people, not for the SDK: the server answers them
 * before its wire log, counters and faults, so opening the viewer changes nothing a test observes.
 */
import type * as http from 'http';
import type { ViewerFeed } from './feed';
import { viewerBundle, viewerPage } from './bundle';
import { VIEWER_ASSET_PREFIX, VIEWER_STREAM_PATH } from './protocol';

const PAGE_PATHS = new Set(['/', '/index.html', '/viewer', VIEWER_ASSET_PREFIX]);
const ASSETS: Record<string, { type: string; pick: (b: { js: string; css: string }) => string }> = {
    [`${VIEWER_ASSET_PREFIX}app.js`]: { type: 'text/javascript; charset=utf-8', pick: (b) => b.js },
    [`${VIEWER_ASSET_PREFIX}app.css`]: { type: 'text/css; charset=utf-8', pick: (b) => b.css }
};

export function isViewerRequest(method: string, path: string): boolean {
    if (path === VIEWER_STREAM_PATH) {
        return method === 'GET';
    }
    return (method === 'GET' || method === 'HEAD') && (PAGE_PATHS.has(path) || path in ASSETS);
}

export async function serveViewer(req: http.IncomingMessage, res: http.ServerResponse, path: string, feed: ViewerFeed, log: (line: string) => void): Promise<void> {
    if (path === VIEWER_STREAM_PATH) {
        feed.attach(req, res);
        return;
    }
    const send = (status: number, type: string, body: string) => {
        res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'Content-Length': String(Buffer.byteLength(body)) });
        res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (PAGE_PATHS.has(path)) {
        send(200, 'text/html; charset=utf-8', viewerPage(VIEWER_ASSET_PREFIX));
        return;
    }
    try {
        const bundle = await viewerBundle();
        const asset = ASSETS[path];
        send(200, asset.type, asset.pick(bundle));
    } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        log(`[viewer] the page could not be built: ${message}`);
        send(500, 'text/plain; charset=utf-8', `the viewer could not be built:\n${message}\n`);
    }
}
