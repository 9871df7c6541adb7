/**
 * The collector's side of the live viewer: the page and its bundle on the collector's port, outside
 * what tests observe (wire log, counters, malformed list); the SSE feed replaying everything to a new
 * page and then sending each stored record, finding and finished request; and the last records plus a
 * `bye` when the collector closes.
 */
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as http from 'http';
import { startCollector, type Collector } from '../../tools/collector';
import { postJson, request } from '../../tools/collector/client';
import { basicAuth, sampleAdobeEvent, sampleBatch, sampleCustomEvent } from '../../tools/collector/samples';
import { loadDataPlan } from '../../tools/codegen/artifacts';
import type { FeedHello, FeedRecord } from '../../tools/viewer/protocol';

const AUTH = { Authorization: basicAuth() };

/** An SSE reader: every event of the stream, parsed, as it arrives. */
class Stream {
    readonly events: Array<{ event: string; data: unknown }> = [];
    private buffer = '';
    private waiters: Array<() => void> = [];
    readonly ended: Promise<void>;

    constructor(url: string) {
        this.ended = new Promise((resolve, reject) => {
            http.get(url, { agent: false }, (res) => {
                assert.equal(res.headers['content-type'], 'text/event-stream; charset=utf-8');
                res.setEncoding('utf8');
                res.on('data', (chunk: string) => this.push(chunk));
                res.on('end', resolve);
            }).on('error', reject);
        });
    }

    records(): FeedRecord[] {
        return this.events.filter((e) => e.event === 'records').flatMap((e) => e.data as FeedRecord[]);
    }

    /** Resolves when the predicate holds on what arrived (5 s at most). */
    until(predicate: (s: Stream) => boolean): Promise<void> {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`stream: condition not met; got ${JSON.stringify(this.events)}`)), 5000);
            const check = () => {
                if (predicate(this)) {
                    clearTimeout(timer);
                    resolve();
                } else {
                    this.waiters.push(check);
                }
            };
            check();
        });
    }

    private push(chunk: string) {
        this.buffer += chunk;
        let end: number;
        while ((end = this.buffer.indexOf('\n\n')) >= 0) {
            const block = this.buffer.slice(0, end);
            this.buffer = this.buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data !== undefined) {
                this.events.push({ event, data: JSON.parse(data) });
            }
        }
        const waiting = this.waiters;
        this.waiters = [];
        waiting.forEach((w) => w());
    }
}

const kinds = (records: FeedRecord[]) => records.map((r) => r.kind);

describe('viewer: the page on the collector port', () => {
    let c: Collector;
    before(async () => {
        c = await startCollector({ quiet: true });
    });
    after(() => c.close());

    test('serves the page, its script and its stylesheet, built from the Preact sources', async () => {
        const page = await request(c.viewerUrl);
        assert.equal(page.status, 200);
        assert.match(page.text, /<script src="\/viewer\/app\.js"><\/script>/);
        const js = await request(`${c.url}/viewer/app.js`);
        assert.equal(js.status, 200);
        assert.match(String(js.headers['content-type']), /^text\/javascript/);
        assert.match(js.text, /EventSource/);
        const css = await request(`${c.url}/viewer/app.css`);
        assert.match(css.text, /\.timeline/);
    });

    test('people looking are not requests: no wire log entry, no count, nothing malformed', async () => {
        await request(c.viewerUrl);
        await request(`${c.url}/viewer/app.css`);
        assert.deepEqual(c.wireLog(), []);
        assert.equal(c.stats().requests, 0);
        assert.deepEqual(c.malformed(), []);
        // Only GET and HEAD are the viewer's: a POST to / is still an unknown endpoint.
        assert.equal((await postJson(c.viewerUrl, {})).status, 404);
        assert.equal(c.malformed().length, 1);
    });
});

describe('viewer: the live feed', () => {
    let c: Collector;
    before(async () => {
        c = await startCollector({ quiet: true, dataPlan: loadDataPlan() });
    });
    after(() => c.close());

    test('a page connecting late gets everything so far, then each record as it is stored', async () => {
        await postJson(`${c.url}/v2/events`, sampleBatch(), AUTH);
        const stream = new Stream(`${c.url}/viewer/stream`);
        await stream.until((s) => s.records().some((r) => r.kind === 'event'));
        const hello = stream.events[0];
        assert.equal(hello.event, 'hello');
        assert.equal((hello.data as FeedHello).dataPlan, true);
        // (The sample batch's own plan findings, if any, come with it.)
        const first = stream.records().length;
        assert.deepEqual(kinds(stream.records()).slice(0, 3), ['request', 'batch', 'event']);

        // A Pause with an attribute the plan does not know: the event and its finding follow.
        const bad = sampleBatch({ events: [sampleCustomEvent('Pause', { media_session_id: 'm', pause_reason: 'remote' })] });
        await postJson(`${c.url}/v2/events`, bad, AUTH);
        const start = await postJson(`${c.url}/ee/va/v1/sessionStart?configId=cfg`, sampleAdobeEvent('sessionStart'));
        assert.equal(start.status, 200);
        await stream.until((s) => s.records().some((r) => r.kind === 'adobe'));
        const later = stream.records().slice(first);
        assert.deepEqual(kinds(later).filter((k) => k !== 'request'), ['batch', 'event', 'violation', 'adobe']);
        const violation = later.find((r) => r.kind === 'violation');
        assert.ok(violation?.kind === 'violation' && violation.violation.batchId === bad.batch_id);
        const requests = stream.records().filter((r): r is Extract<FeedRecord, { kind: 'request' }> => r.kind === 'request');
        assert.deepEqual(requests.map((r) => [r.request.seq, r.request.path, r.request.status]), [
            [1, '/v2/events', 202], [2, '/v2/events', 202], [3, '/ee/va/v1/sessionStart', 200]
        ]);
        assert.equal(requests[1].request.batchId, bad.batch_id);

        // A forced fault is a finished request like any other, marked as such.
        c.forceResponses('/v2/events', [503]);
        await postJson(`${c.url}/v2/events`, sampleBatch(), AUTH);
        await stream.until((s) => s.records().some((r) => r.kind === 'request' && r.request.fault === 'forced'));

        // Closing sends what is pending, then bye, then ends the stream.
        await request(`${c.url}/v2/events`, { method: 'POST', headers: { ...AUTH, 'Content-Type': 'application/json' }, body: '{"not json' });
        await c.close();
        await stream.ended;
        assert.ok(stream.records().some((r) => r.kind === 'malformed'));
        assert.equal(stream.events[stream.events.length - 1].event, 'bye');
    });
});
