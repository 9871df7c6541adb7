/**
 * GET /media/<name>: media files the collector serves to the channel it records (the demo's clips,
 * made by tools/media/testClip.ts), with byte ranges so the player can seek. They are content, not
 * analytics: not in the wire log, the request count or the store.
 */
import type * as http from 'http';

export const MEDIA_PATH = /^\/media\/([A-Za-z0-9._-]+)$/;

const TYPES: Record<string, string> = { mp4: 'video/mp4', m3u8: 'application/vnd.apple.mpegurl', ts: 'video/mp2t', m4s: 'video/iso.segment' };

function contentType(name: string): string {
    return TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream';
}

/** Serves `files[name]`; true when the request was a media request (answered, found or not). */
export function serveMedia(req: http.IncomingMessage, res: http.ServerResponse, path: string, files: Record<string, Uint8Array>, cors: Record<string, string>): boolean {
    const match = MEDIA_PATH.exec(path);
    if (!match || (req.method !== 'GET' && req.method !== 'HEAD')) {
        return false;
    }
    const file = Object.prototype.hasOwnProperty.call(files, match[1]) ? files[match[1]] : undefined;
    const headers: Record<string, string | number> = {
        ...cors,
        // The page that plays it is cross-origin isolated (COEP require-corp).
        'Cross-Origin-Resource-Policy': 'cross-origin',
        'Accept-Ranges': 'bytes',
        'Cache-Control': 'no-store'
    };
    if (!file) {
        res.writeHead(404, headers).end();
        return true;
    }
    headers['Content-Type'] = contentType(match[1]);
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    let start = 0;
    let end = file.length - 1;
    let status = 200;
    if (range && (range[1] !== '' || range[2] !== '')) {
        if (range[1] === '') {
            start = Math.max(0, file.length - Number(range[2]));
        } else {
            start = Number(range[1]);
            end = range[2] === '' ? end : Math.min(end, Number(range[2]));
        }
        if (start > end || start >= file.length) {
            res.writeHead(416, { ...headers, 'Content-Range': `bytes */${file.length}` }).end();
            return true;
        }
        status = 206;
        headers['Content-Range'] = `bytes ${start}-${end}/${file.length}`;
    }
    headers['Content-Length'] = end - start + 1;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : file.subarray(start, end + 1));
    return true;
}
