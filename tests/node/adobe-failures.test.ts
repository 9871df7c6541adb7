/**
 * Adobe-side failures through the real Task, transport and collector (tests/scenarios/
 * adobe-example2.brs): a sessionStart that fails twice and a ping answered 500 are retried and the
 * timeline arrives intact (every call keeps the time it was made); a sessionStart rejected with 400
 * drops the session's calls with a count. In both cases the mParticle traffic is the same as in a
 * clean run: Adobe failures stay on the Adobe side.
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
const SCENARIO = path.join(__dirname, '..', 'scenarios', 'adobe-example2.brs');

/** [event type, elapsed ms, playhead] of every stored Media Edge call. */
function timeline(result: ScenarioResult): Array<[string, number, number]> {
    const start = Date.parse(result.adobeEvents[0].timestamp);
    return result.adobeEvents.map((e) => [e.eventType, Date.parse(e.timestamp) - start, e.playhead]);
}

/** Requests that reached a path (every attempt, as the wire saw them). */
function attempts(result: ScenarioResult, pathname: string): number {
    return result.wireLog.filter((e) => e.path === pathname).length;
}

/**
 * The mParticle side of a run: the names of the media events uploaded to the Events API, sorted
 * (batching may differ with timing; the events may not).
 */
function mparticleMediaEvents(result: ScenarioResult): string[] {
    const names: string[] = [];
    for (const entry of result.wireLog.filter((e) => e.path.startsWith('/v2/'))) {
        const body = entry.body as { events?: Array<{ data?: { event_name?: string; custom_event_type?: string } }> } | string;
        if (typeof body !== 'object' || !Array.isArray(body.events)) {
            names.push(`<unparsed ${entry.path}>`);
            continue;
        }
        for (const event of body.events) {
            if (event.data?.custom_event_type === 'media' && event.data.event_name) {
                names.push(event.data.event_name);
            }
        }
    }
    return names.sort();
}

describe('Adobe failures stay on the Adobe side', { timeout: 1_200_000 }, () => {
    let clean: ScenarioResult;
    let retried: ScenarioResult;
    let rejected: ScenarioResult;

    before(async () => {
        clean = await runScenario({ scenario: SCENARIO, options: { adobeMedia: ADOBE_MEDIA } });
        retried = await runScenario({
            scenario: SCENARIO,
            options: { adobeMedia: ADOBE_MEDIA },
            onCollector: (collector) => {
                collector.forceResponses('/ee/or2/va/v1/sessionStart', [{ status: 503, retryAfterSec: 2 }, 'drop', 200]);
                collector.forceResponses('/ee/or2/va/v1/ping', [500, 200]);
            }
        });
        rejected = await runScenario({
            scenario: SCENARIO,
            options: { adobeMedia: ADOBE_MEDIA },
            onCollector: (collector) => collector.forceResponses('/ee/or2/va/v1/sessionStart', [400])
        });
    });

    test('the runs finish and nothing crashes', () => {
        for (const result of [clean, retried, rejected]) {
            assert.notEqual(result.status, 'crashed', result.errors.join('\n'));
            assert.ok(result.drained, `the scenario did not finish: ${result.failure ?? ''}`);
            assert.deepEqual(result.malformed.filter((m) => m.path.startsWith('/ee/')), []);
        }
    });

    test('retried calls arrive with the timeline they were made with', () => {
        assert.equal(attempts(retried, '/ee/or2/va/v1/sessionStart'), 3, 'sessionStart: 503, dropped connection, then accepted');
        assert.equal(attempts(retried, '/ee/or2/va/v1/ping'), attempts(clean, '/ee/or2/va/v1/ping') + 1, 'one ping sent twice');
        assert.equal(retried.adobeEvents.length, 18);
        assert.deepEqual(timeline(retried), timeline(clean));
        assert.equal(new Set(retried.adobeEvents.map((e) => e.sessionId)).size, 1);
    });

    test('a sessionStart rejected with 400 is not retried, and the calls behind it are dropped', () => {
        assert.equal(attempts(rejected, '/ee/or2/va/v1/sessionStart'), 1);
        assert.equal(rejected.wireLog.filter((e) => e.path.includes('/va/v1/')).length, 1, 'nothing else goes to Media Edge');
        assert.equal(rejected.adobeEvents.length, 0);
        assert.ok(rejected.lines.some((l) => /Media Edge rejected sessionStart with HTTP 400/.test(l)), 'the rejection is logged');
    });

    test('the mParticle traffic is the same whatever happens to Adobe', () => {
        const expected = mparticleMediaEvents(clean);
        assert.ok(expected.length > 0, 'the clean run uploads to mParticle');
        assert.deepEqual(mparticleMediaEvents(retried), expected);
        assert.deepEqual(mparticleMediaEvents(rejected), expected);
    });
});
