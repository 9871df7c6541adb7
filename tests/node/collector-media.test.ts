/** Local collector: GET /media/<name> (the demo's clips) and the clips themselves (tools/media/testClip.ts). */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as http from 'http';
import { startCollector } from '../../tools/collector';
import { makeTestClip } from '../../tools/media/testClip';

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
        http.get(url, { headers }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject);
    });
}

/** Top-level MP4 boxes: [type, offset, size]. */
function boxes(data: Buffer): Array<[string, number, number]> {
    const found: Array<[string, number, number]> = [];
    for (let offset = 0; offset < data.length;) {
        const size = data.readUInt32BE(offset);
        found.push([data.toString('ascii', offset + 4, offset + 8), offset, size]);
        assert.ok(size >= 8, `box at ${offset} has size ${size}`);
        offset += size;
    }
    return found;
}

describe('collector: /media/', () => {
    test('serves the files it was given, whole or by byte range, cross-origin, and records none of it', async () => {
        const file = Buffer.from('0123456789abcdef');
        const c = await startCollector({ quiet: true, media: { 'clip.mp4': file } });
        try {
            const whole = await get(`${c.url}/media/clip.mp4`);
            assert.equal(whole.status, 200);
            assert.equal(whole.headers['content-type'], 'video/mp4');
            assert.equal(whole.headers['access-control-allow-origin'], '*');
            assert.equal(whole.headers['cross-origin-resource-policy'], 'cross-origin');
            assert.equal(whole.headers['accept-ranges'], 'bytes');
            assert.deepEqual(whole.body, file);
            const part = await get(`${c.url}/media/clip.mp4`, { Range: 'bytes=4-7' });
            assert.equal(part.status, 206);
            assert.equal(part.headers['content-range'], 'bytes 4-7/16');
            assert.equal(part.body.toString(), '4567');
            const tail = await get(`${c.url}/media/clip.mp4`, { Range: 'bytes=10-' });
            assert.equal(tail.body.toString(), 'abcdef');
            assert.equal((await get(`${c.url}/media/clip.mp4`, { Range: 'bytes=99-' })).status, 416);
            assert.equal((await get(`${c.url}/media/other.mp4`)).status, 404);
            assert.equal(c.wireLog().length, 0);
            assert.equal(c.stats().requests, 0);
        } finally {
            await c.close();
        }
    });
});

describe('media: test clips', () => {
    test('an MP4 with ftyp, moov before mdat, one sample per frame and a sync sample per key interval', () => {
        const clip = makeTestClip({ seconds: 3, fps: 10, keyIntervalSec: 1 });
        const top = boxes(clip);
        assert.deepEqual(top.map(([type]) => type), ['ftyp', 'moov', 'mdat']);
        const moov = clip.subarray(top[1][1], top[1][1] + top[1][2]);
        const stsz = moov.indexOf('stsz');
        assert.equal(moov.readUInt32BE(stsz + 12), 30, 'samples');
        const stss = moov.indexOf('stss');
        assert.equal(moov.readUInt32BE(stss + 8), 3, 'sync samples');
        const stco = moov.indexOf('stco');
        assert.equal(moov.readUInt32BE(stco + 12), top[2][1] + 8, 'the chunk offset points at the mdat payload');
        // The first sample is an IDR slice (NAL type 5) behind its 4-byte length.
        assert.equal(clip[top[2][1] + 8 + 4] & 0x1f, 5);
        assert.throws(() => makeTestClip({ seconds: 1, width: 100 }), /multiple of 16/);
    });
});
