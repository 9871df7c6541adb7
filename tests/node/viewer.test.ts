/**
 * The live viewer, end to end, read from the rendered page (DOM), not from the feed or the store.
 * Headless Chromium opens the collector's page before the channel starts, while nothing is stored;
 * tests/scenarios/viewer-session.brs then plays one media session on the virtual clock (a chapter, a
 * pause, a mid-roll ad, a second chapter) with Adobe forwarding and one planted plan violation, and the
 * same page, never reloaded, must show it all: the timeline's spans in order, a summary's values next to
 * what they were computed from, the Adobe pings with their rhythm, and the violation. One run serves
 * every check. The page is saved to out/viewer.png for people to look at.
 */
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../tools/runner/headless';
import { runScenario, type ScenarioResult } from '../../tools/simulate/runScenario';

const ROOT = path.join(__dirname, '..', '..');
const SCENARIO = path.join(ROOT, 'tests', 'scenarios', 'viewer-session.brs');
const SCREENSHOT = path.join(ROOT, 'out', 'viewer.png');
const ADOBE_MEDIA = { configId: 'viewer', channel: 'sample-channel' };

interface SpanSeen {
    lane: string;
    kind: string;
    label: string;
    startMs: number;
    endMs: number;
}

describe('live viewer', () => {
    let browser: Browser;
    let page: Page;
    let result: ScenarioResult;
    let atOpen: { empty: boolean; events: string | null; connection: string | null };
    const pageErrors: string[] = [];

    before(async () => {
        browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
        page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
        page.on('pageerror', (err) => pageErrors.push(err.message));
        result = await runScenario({
            scenario: SCENARIO,
            options: { adobeMedia: ADOBE_MEDIA },
            onCollector: async (collector) => {
                await page.goto(collector.viewerUrl);
                await page.waitForSelector('[data-connection="live"]');
                atOpen = {
                    empty: await page.locator('[data-state="empty"]').count() === 1,
                    events: await page.locator('[data-count="events"]').getAttribute('data-value'),
                    connection: await page.locator('[data-connection]').getAttribute('data-connection')
                };
            }
        });
        // Everything the collector stored reaches the page before its stream ends.
        await page.waitForSelector(`[data-count="events"][data-value="${result.events.length}"]`, { timeout: 10_000 });
        await page.waitForSelector(`[data-count="adobe"][data-value="${result.adobeEvents.length}"]`, { timeout: 10_000 });
        await page.waitForSelector('[data-summary="Media Session Summary"]', { timeout: 10_000 });
        fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
        await page.screenshot({ path: SCREENSHOT, fullPage: true });
    });

    after(async () => {
        await browser?.close();
    });

    test('the scenario ran clean with one planted violation', () => {
        assert.equal(result.exitCode, 0, result.failure);
        assert.equal(result.planViolations.length, 1);
    });

    test('the page was open and empty before the channel started, and filled in live (never reloaded)', async () => {
        assert.deepEqual(atOpen, { empty: true, events: '0', connection: 'live' });
        assert.equal(await page.locator('[data-state="empty"]').count(), 0);
        assert.equal(await page.locator('[data-media-session]').count(), 1);
        assert.deepEqual(pageErrors, []);
    });

    test('the timeline shows play, pause, play, the ad break with its ad and both chapters, in order', async () => {
        const spans: SpanSeen[] = await page.locator('.timeline [data-lane]').evaluateAll((nodes) => nodes.map((n) => ({
            lane: n.getAttribute('data-lane') ?? '',
            kind: n.getAttribute('data-kind') ?? '',
            label: n.getAttribute('data-label') ?? '',
            startMs: Number(n.getAttribute('data-start-ms')),
            endMs: Number(n.getAttribute('data-end-ms'))
        })));
        const lane = (name: string) => spans.filter((s) => s.lane === name).map((s) => [s.kind, s.label, s.startMs, s.endMs]);
        assert.deepEqual(lane('player'), [['playing', 'playing', 0, 5000], ['paused', 'paused', 5000, 9000], ['playing', 'playing', 9000, 36000]]);
        assert.deepEqual(lane('adBreak'), [['adBreak', 'Mid-roll', 16000, 24000]]);
        assert.deepEqual(lane('ad'), [['ad', 'Trailer', 16000, 24000]]);
        assert.deepEqual(lane('segment'), [['segment', 'Part one', 0, 16000], ['segment', 'Part two', 24000, 36000]]);
        // Play, pause, play and the ad, by start time across the lanes.
        const order = spans.filter((s) => s.lane === 'player' || s.lane === 'ad').sort((a, b) => a.startMs - b.startMs).map((s) => `${s.kind}@${s.startMs / 1000}`);
        assert.deepEqual(order, ['playing@0', 'paused@5', 'playing@9', 'ad@16']);
        // The bars are labelled where people can read them.
        const labels = await page.locator('.timeline .span text').allTextContents();
        for (const text of ['Playing', 'Paused', 'Mid-roll', 'Trailer', 'Part one', 'Part two']) {
            assert.ok(labels.includes(text), `${text} in ${JSON.stringify(labels)}`);
        }
    });

    test('the Media Session Summary shows its values next to what they were computed from', async () => {
        const card = page.locator('[data-summary="Media Session Summary"]');
        const rows = await card.locator('[data-summary-key]').evaluateAll((nodes) => Object.fromEntries(nodes.map((n) => [n.getAttribute('data-summary-key'), {
            value: n.getAttribute('data-value'),
            shown: n.querySelector('td.value')?.firstChild?.textContent ?? '',
            from: n.querySelector('td.from')?.textContent ?? '',
            check: n.querySelector('td.check')?.textContent ?? ''
        }])));
        assert.deepEqual(rows.media_content_time_spent, { value: '32000', shown: '32.0 s', from: 'playing 0.0 s–5.0 s + 9.0 s–36.0 s', check: '✓' });
        assert.deepEqual(rows.media_total_ad_time_spent, { value: '8000', shown: '8.0 s', from: 'ads Trailer 16.0 s–24.0 s', check: '✓' });
        assert.deepEqual(rows.media_time_spent, { value: '36000', shown: '36.0 s', from: 'session end − session start', check: '✓' });
        assert.deepEqual(rows.media_ad_time_spent_rate, { value: '25', shown: '25 %', from: 'ad time ÷ content time × 100', check: '✓' });
        assert.deepEqual(rows.media_session_segment_total, { value: '2', shown: '2', from: 'Segment Start × 2: Part one, Part two', check: '✓' });
        assert.match(await card.locator('header').innerText(), /all 10 match the events/);
    });

    test('the Adobe pings are on the timeline every 10 s with their playheads, and in the calls table', async () => {
        const pings = await page.locator('.timeline [data-adobe-call="ping"]').evaluateAll((nodes) => nodes.map((n) => [
            Number(n.getAttribute('data-at-ms')), Number(n.getAttribute('data-playhead')), Number(n.getAttribute('data-since-ping-ms'))
        ]));
        // Playhead (s): 6 after the 4 s pause, frozen at 12 in the ad break, 18 six seconds after it.
        assert.deepEqual(pings, [[10000, 6, 10000], [20000, 12, 10000], [30000, 18, 10000]]);
        assert.equal(await page.locator('.timeline .adobe-call.ping.late').count(), 0);
        const details = page.locator('details.adobe');
        assert.match(await details.locator('summary').innerText(), /pings every 10\.0 s \(3\)/);
        const tablePings = await details.locator('tr[data-adobe-row="ping"] td[data-playhead]').allTextContents();
        assert.deepEqual(tablePings, ['6 s', '12 s', '18 s']);
        const calls = await details.locator('tr[data-adobe-row]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-adobe-row')));
        assert.deepEqual(calls, result.adobeEvents.map((e) => e.eventType));
    });

    test('the planted plan violation is highlighted on its event and listed as a problem', async () => {
        const flagged = page.locator('tr.violation');
        assert.equal(await flagged.count(), 1);
        assert.equal(await flagged.getAttribute('data-event-name'), 'Pause');
        assert.equal(await flagged.locator('.finding').innerText(), '⚠ unplanned attribute "pause_reason"');
        assert.equal(await flagged.locator('.attr.flagged').innerText(), 'pause_reasonremote');
        const problems = page.locator('[data-problem="violation"]');
        assert.equal(await problems.count(), 1);
        assert.match(await problems.innerText(), /custom_event "Pause" \(media\)[\s\S]*unplanned attribute "pause_reason"/);
        assert.equal(await page.locator('[data-count="violations"]').getAttribute('data-value'), '1');
    });

    test('the event-name filter narrows the event list and is kept in the address', async () => {
        await page.fill('[data-filter="event"]', 'Ad');
        const names = await page.locator('tr[data-event-name]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-event-name')));
        assert.deepEqual(names, ['Ad Break Start', 'Ad Start', 'Ad End', 'Ad Session Summary', 'Ad Break End']);
        assert.match(new URL(page.url()).hash, /event=Ad/);
        await page.fill('[data-filter="event"]', '');
        assert.equal(await page.locator('tr[data-event-name]').count(), result.events.length);
    });
});
