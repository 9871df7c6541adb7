/**
 * The two timelines of the Adobe seed (../shared/seeds/adobe-media-edge-api-examples.md) as
 * acceptance tests: tests/scenarios/adobe-example1.brs and adobe-example2.brs run on the virtual
 * clock through the scenario runner, and the collector must receive exactly the tables' Media
 * Edge calls, in order, with the tables' elapsed real time and playhead on every row, pings
 * included.
 *
 * What is compared, per row: the Media Edge event type (the request path), the elapsed time in
 * whole seconds from sessionStart's XDM timestamp (what the tables state), and the playhead.
 * Calls made at the same instant are 1 ms apart in call order (02:00:15.000, .001, .002), as in the
 * seed's payloads; the exact millisecond offsets are checked too.
 *
 * Rows where the seed disagrees with itself, and how they are read (the playhead rules decide:
 * the playhead does not advance while buffering, paused or in an ad break; otherwise it moves
 * with real time):
 *   - Example 1, row 3 (bufferStart, 1 s): the table says playhead 1, the payload 0. Row 4 (play
 *     at 4 s, after 3 s of buffering) has playhead 1 in both, and buffering does not move the
 *     playhead, so it was already 1 at row 3: we read 1. The scenario's player reports 1 s of
 *     content shown when it stalls (nothing was playing before, so the SDK cannot know otherwise).
 *   - Example 1, row 2 and Example 2, row 2 ("the ping event timer starts"): listed with a /ping
 *     request, but the text says no call is sent: none is; the first ping is 10 s later.
 *   - Example 2, row 11 (adStart of Ad 2, 31 s): the table says playhead 15, the payload 0. In an
 *     ad break the content playhead stands still: 15.
 *   - Example 2, row 14 (adBreakComplete, 43 s): the table says playhead 43, the payload 15. The
 *     break froze the playhead at 15 (rows 12, 13 and 15 agree): 15.
 *   - Example 2, row 18 (sessionComplete): the summary table says 55 s, the row's own table and its
 *     payload (02:00:54.001) say 54 s with playhead 26. Content playing from 43 s at playhead 15
 *     would be at 27 by 55 s, so 26 means 54 s: we read 54 (right after chapterComplete).
 *   - Not table columns, but read the same way in the payloads: chapterDetails.offset of Chapter 2
 *     is 43 in the seed (an elapsed time); an offset is a content position, 15 here (Chapter 1:
 *     the seed says 0, we send the playhead when chapterStart is tracked, 1). Ad 2's podPosition
 *     is 1 in the seed; it is the second ad of its break: 2.
 */
import { before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { runScenario, type ScenarioResult } from '../../tools/simulate/runScenario';

const ADOBE_MEDIA = {
    configId: 'abc',
    channel: 'sample-channel',
    playerName: 'sample-html5-api-player',
    appVersion: 'va-api-0.0.0'
};

/** [row, Media Edge event type, elapsed s, playhead s, elapsed ms (the seed payloads' ms)] */
type Row = [string, string, number, number, number];

const EXAMPLE_1: Row[] = [
    ['1', 'sessionStart', 0, 0, 0],
    // row 2: the ping timer starts; no call
    ['3', 'bufferStart', 1, 1, 1000],
    ['4', 'play', 4, 1, 4000],
    ['5', 'ping', 10, 7, 10000],
    ['6', 'pauseStart', 15, 12, 15000],
    ['7', 'ping', 20, 12, 20000],
    ['8', 'play', 24, 12, 24000],
    ['9', 'sessionEnd', 29, 17, 29000]
];

const EXAMPLE_2: Row[] = [
    ['1', 'sessionStart', 0, 0, 0],
    // row 2: the ping timer starts; no call
    ['3', 'play', 0, 0, 1],
    ['4', 'chapterStart', 1, 1, 1000],
    ['5', 'ping', 10, 10, 10000],
    ['6', 'chapterComplete', 15, 15, 15000],
    ['7', 'adBreakStart', 15, 15, 15001],
    ['8', 'adStart', 15, 15, 15002],
    ['9a', 'ping', 20, 15, 20000],
    ['9b', 'ping', 30, 15, 30000],
    ['10', 'adComplete', 31, 15, 31000],
    ['11', 'adStart', 31, 15, 31001],
    ['12', 'ping', 40, 15, 40000],
    ['13', 'adComplete', 43, 15, 43000],
    ['14', 'adBreakComplete', 43, 15, 43001],
    ['15', 'chapterStart', 43, 15, 43002],
    ['16', 'ping', 50, 22, 50000],
    ['17', 'chapterComplete', 54, 26, 54000],
    ['18', 'sessionComplete', 54, 26, 54001]
];

const SCENARIOS = path.join(__dirname, '..', 'scenarios');

interface Call {
    eventType: string;
    elapsedMs: number;
    playhead: number;
    sessionId: string;
    xdm: Record<string, any>;
}

function adobeCalls(result: ScenarioResult): Call[] {
    const events = result.adobeEvents;
    assert.ok(events.length > 0, 'the collector received no Media Edge calls');
    const start = Date.parse(events[0].timestamp);
    return events.map((e) => ({
        eventType: e.eventType,
        elapsedMs: Date.parse(e.timestamp) - start,
        playhead: e.playhead,
        sessionId: e.sessionId,
        xdm: e.xdm as Record<string, any>
    }));
}

function table(calls: Call[]): string {
    return calls.map((c) => `  ${c.eventType.padEnd(16)} ${String(Math.floor(c.elapsedMs / 1000)).padStart(3)} s  playhead ${c.playhead}  (+${c.elapsedMs} ms)`).join('\n');
}

/** The run is sound on the Adobe side: it finished, nothing crashed, every Media Edge call was well formed. */
function assertAdobeSideSound(result: ScenarioResult) {
    assert.notEqual(result.status, 'crashed', result.errors.join('\n'));
    assert.ok(result.drained, `the scenario did not finish: ${result.failure ?? ''}`);
    assert.equal(result.exitCode, 0, result.failure);
    const adobeMalformed = result.malformed.filter((m) => m.path.startsWith('/ee/'));
    assert.deepEqual(adobeMalformed, [], 'malformed Media Edge calls');
    const adobeErrors = result.lines.filter((l) => /ERROR Adobe/.test(l));
    assert.deepEqual(adobeErrors, [], 'the forwarder logged errors');
    // One visitor: the ECID Edge handed out at start is on every call (the session waited for it).
    assert.equal(result.adobeIdentities.length, 1, 'one ECID fetch');
    for (const event of result.adobeEvents) {
        const xdm = event.xdm as { identityMap?: { ECID?: Array<{ id: string }> } };
        assert.equal(xdm.identityMap?.ECID?.[0]?.id, result.adobeIdentities[0], `${event.eventType} carries the ECID`);
    }
}

function assertTimeline(calls: Call[], rows: Row[]) {
    const context = `received:\n${table(calls)}`;
    assert.deepEqual(calls.map((c) => c.eventType), rows.map((r) => r[1]), `call sequence\n${context}`);
    rows.forEach(([row, eventType, elapsedSec, playhead, elapsedMs], i) => {
        const call = calls[i];
        assert.equal(Math.floor(call.elapsedMs / 1000), elapsedSec, `row ${row} (${eventType}): elapsed seconds\n${context}`);
        assert.equal(call.playhead, playhead, `row ${row} (${eventType}): playhead\n${context}`);
        assert.equal(call.elapsedMs, elapsedMs, `row ${row} (${eventType}): elapsed ms\n${context}`);
    });
    const sessionIds = new Set(calls.map((c) => c.sessionId));
    assert.equal(sessionIds.size, 1, 'every call belongs to the one session sessionStart opened');
    for (let i = 1; i < calls.length; i++) {
        assert.ok(calls[i].elapsedMs > calls[i - 1].elapsedMs, `timestamps strictly ascend (row ${rows[i][0]})`);
    }
}

describe('Adobe seed timelines through the scenario runner', { timeout: 1_200_000 }, () => {
    let example1: ScenarioResult;
    let example2: ScenarioResult;

    before(async () => {
        example1 = await runScenario({ scenario: path.join(SCENARIOS, 'adobe-example1.brs'), options: { adobeMedia: ADOBE_MEDIA } });
        example2 = await runScenario({ scenario: path.join(SCENARIOS, 'adobe-example2.brs'), options: { adobeMedia: ADOBE_MEDIA } });
    });

    test('Example 1 (buffer and a pause): the 9 rows, pings included', () => {
        assertAdobeSideSound(example1);
        assertTimeline(adobeCalls(example1), EXAMPLE_1);
    });

    test('Example 1: sessionStart carries the session details of the seed', () => {
        const details = adobeCalls(example1)[0].xdm.mediaCollection.sessionDetails;
        assert.deepEqual(details, {
            name: 'VA API Sample Player',
            friendlyName: 'ClickMe',
            length: 60,
            contentType: 'VOD',
            streamType: 'video',
            playerName: 'sample-html5-api-player',
            channel: 'sample-channel',
            appVersion: 'va-api-0.0.0'
        });
    });

    test('Example 2 (two chapters around a two-ad break): the 18 rows, pings included', () => {
        assertAdobeSideSound(example2);
        assertTimeline(adobeCalls(example2), EXAMPLE_2);
    });

    test('Example 2: chapter, ad break and ad details', () => {
        const calls = adobeCalls(example2);
        const of = (eventType: string) => calls.filter((c) => c.eventType === eventType).map((c) => c.xdm.mediaCollection);
        assert.equal(of('sessionStart')[0].sessionDetails.length, 54);
        const [chapter1, chapter2] = of('chapterStart');
        assert.deepEqual(chapter1.chapterDetails, { index: 1, offset: 1, friendlyName: 'Chapter one', length: 15 });
        assert.deepEqual(chapter2.chapterDetails, { index: 2, offset: 15, friendlyName: 'Chapter two', length: 11 });
        const [pod] = of('adBreakStart');
        assert.deepEqual(pod.advertisingPodDetails, { index: 0, offset: 15, friendlyName: 'Mid-roll break' });
        const [ad1, ad2] = of('adStart');
        assert.deepEqual(ad1.advertisingDetails, {
            name: '001',
            friendlyName: 'Ad 1',
            length: 16,
            podPosition: 1,
            playerName: 'sample-html5-api-player',
            advertiser: 'Ad Guys',
            campaignID: '1',
            creativeID: '42',
            placementID: 'sample_placement',
            siteID: 'XYZ'
        });
        assert.deepEqual(ad2.advertisingDetails, {
            name: '002',
            friendlyName: 'Ad 2',
            length: 12,
            podPosition: 2,
            playerName: 'sample-html5-api-player',
            advertiser: 'Ad Guys',
            campaignID: '2',
            creativeID: '44',
            placementID: 'sample_placement2',
            siteID: 'XYZ'
        });
        assert.equal(ad2.customMetadata, undefined);
        assert.deepEqual(ad1.customMetadata, [
            { name: 'myCustomData1', value: 'CustomData1' },
            { name: 'myCustomData2', value: 'CustomData2' }
        ]);
    });
});
