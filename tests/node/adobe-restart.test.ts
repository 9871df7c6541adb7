/**
 * Adobe forwarding across channel restarts and an opt-out, end to end (tests/scenarios/adobe-restart.brs
 * on the real Task, registry and collector; the scenario's comments tell the story). What arrives:
 *   - one ECID per install, on every Media Edge call until the opt-out, before and after the restart;
 *   - session A (its id known when the network went down): every call made before the restart arrives
 *     once, in A's Adobe session, and a sessionEnd 1 ms after its last call closes it (Adobe's share of
 *     the registry holds both sessions' calls: nothing is left out);
 *   - session B (its sessionStart never accepted): its calls arrive in a new Adobe session, closed the
 *     same way;
 *   - after the opt_out event: no request of any kind (mParticle, IDSync, Adobe) until the app opts back
 *     in, over a session with Adobe forwarding, a clock advance and a restart;
 *   - opted back in: a new ECID, and forwarding resumes.
 */
import { before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { uploadedEvents, type WireLogEntry } from '../../tools/collector';
import { runScenario, type ScenarioResult } from '../../tools/simulate/runScenario';

const SCENARIO = path.join(__dirname, '..', 'scenarios', 'adobe-restart.brs');

type Xdm = { _id?: string; eventType: string; timestamp: string; identityMap?: { ECID: Array<{ id: string }> }; mediaCollection: Record<string, any> };

/** The SDK's requests (not the harness's /health polls), in arrival order. */
/** The stored sessionStart of the media session named `name` (content id). */
function sessionStartOf(result: ScenarioResult, name: string) {
    return result.adobeEvents.find((e) => e.eventType === 'sessionStart' && (e.xdm as Xdm).mediaCollection.sessionDetails?.name === name);
}

function sdkRequests(result: ScenarioResult): WireLogEntry[] {
    return result.wireLog.filter((e) => e.path !== '/health');
}

function mediaEdgeXdm(entry: WireLogEntry): Xdm | undefined {
    if (!/\/va\/v1\//.test(entry.path)) {
        return undefined;
    }
    return (entry.body as { events: Array<{ xdm: Xdm }> }).events[0].xdm;
}

/** Index in `requests` of the events batch carrying an opt_out event with is_opted_out = value. */
function optOutBatch(requests: WireLogEntry[], value: boolean): number {
    return requests.findIndex((e) => uploadedEvents(e)
        .some((event) => event.event_type === 'opt_out' && (event.data as { is_opted_out?: boolean }).is_opted_out === value));
}

describe('Adobe across restarts and an opt-out (scenario adobe-restart.brs)', { timeout: 1_200_000 }, () => {
    let result: ScenarioResult;
    let requests: WireLogEntry[];

    before(async () => {
        result = await runScenario({ scenario: SCENARIO, options: { adobeMedia: { configId: 'abc' } }, timeoutMs: 600_000 });
        requests = sdkRequests(result);
    });

    test('the run finishes, nothing crashes, every request is well formed', () => {
        assert.notEqual(result.status, 'crashed', result.errors.join('\n'));
        assert.ok(result.drained, `the scenario did not finish: ${result.failure ?? ''}\n${result.lines.slice(-30).join('\n')}`);
        assert.deepEqual(result.malformed, []);
        assert.equal(result.lines.filter((l) => l.includes('restarted the Task')).length, 2);
    });

    test('one ECID per install, on every Media Edge call until the opt-out, across the restart', () => {
        const fetches = requests.filter((e) => /^\/ee\/(?:[^/]+\/)?v1\/interact$/.test(e.path));
        assert.equal(fetches.length, 2, 'once at the first launch, once after opting back in');
        const optedOutAt = optOutBatch(requests, true);
        const [first, second] = fetches;
        assert.ok(requests.indexOf(first) < optedOutAt && requests.indexOf(second) > optedOutAt);
        const ecids = new Set(result.adobeIdentities);
        assert.equal(ecids.size, 2, 'opting out forgot the first ECID');
        const before = requests.slice(0, optedOutAt).map(mediaEdgeXdm).filter((x): x is Xdm => x !== undefined);
        const after = requests.slice(optedOutAt).map(mediaEdgeXdm).filter((x): x is Xdm => x !== undefined);
        assert.equal(before.length, 9, 'A: 6 calls, B: 3');
        assert.equal(after.length, 4, 'E');
        for (const xdm of before) {
            assert.equal(xdm.identityMap?.ECID[0].id, result.adobeIdentities[0], `${xdm.eventType} carries the first ECID`);
        }
        for (const xdm of after) {
            assert.equal(xdm.identityMap?.ECID[0].id, result.adobeIdentities[1], `${xdm.eventType} carries the new ECID`);
        }
    });

    test('session A, whose id was known: every call arrives once, in its session, then a sessionEnd closes it', () => {
        const startA = sessionStartOf(result, 'restart-A');
        assert.ok(startA);
        const calls = result.adobeEvents.filter((e) => e.sessionId === startA.sessionId);
        assert.deepEqual(calls.map((e) => e.eventType), ['sessionStart', 'play', 'ping', 'ping', 'pauseStart', 'sessionEnd']);
        const t0 = Date.parse(startA.timestamp);
        assert.deepEqual(calls.map((e) => Date.parse(e.timestamp) - t0), [0, 1, 10000, 20000, 25000, 25001], 'each keeps the time it was made');
        assert.deepEqual(calls.map((e) => e.playhead), [0, 0, 10, 20, 25, 25]);
        const ids = calls.map((e) => (e.xdm as Xdm)._id);
        assert.equal(new Set(ids).size, ids.length, 'each call once');
        const sent = requests.map(mediaEdgeXdm).filter((x) => x && ids.includes(x._id));
        assert.equal(sent.length, ids.length, 'and each reached the collector once');
        assert.deepEqual(result.lines.filter((l) => /did not fit Adobe's share|are dropped/.test(l)), [], 'nothing was dropped');
        assert.ok(calls.every((e) => (e.xdm as Xdm).mediaCollection.sessionID === undefined || (e.xdm as Xdm).mediaCollection.sessionID === startA.sessionId));
    });

    test('session B, whose sessionStart was never accepted: delivered in a new session and closed', () => {
        const startB = sessionStartOf(result, 'restart-B');
        assert.ok(startB);
        const calls = result.adobeEvents.filter((e) => e.sessionId === startB.sessionId);
        assert.deepEqual(calls.map((e) => e.eventType), ['sessionStart', 'play', 'sessionEnd']);
        const t0 = Date.parse(startB.timestamp);
        assert.deepEqual(calls.map((e) => Date.parse(e.timestamp) - t0), [0, 1, 2]);
    });

    test('after the opt_out event: no request of any kind, over a session, a clock advance and a restart', () => {
        const optedOutAt = optOutBatch(requests, true);
        const optedInAt = optOutBatch(requests, false);
        assert.ok(optedOutAt >= 0 && optedInAt > optedOutAt, 'both opt_out events were delivered');
        const between = requests.slice(optedOutAt + 1, optedInAt);
        // The opt-in's own traffic (its ECID fetch) may come before its batch; nothing else may.
        const leaks = between.filter((e) => !/\/v1\/interact$/.test(e.path));
        assert.deepEqual(leaks.map((e) => `${e.method} ${e.path}`), []);
        const optedInLine = result.lines.findIndex((l) => l.includes('[scenario] opting back in'));
        const optedOutLine = result.lines.findIndex((l) => l.includes('[scenario] opted out'));
        assert.ok(optedOutLine >= 0 && optedInLine > optedOutLine);
        for (const name of ['while opted out']) {
            assert.equal(result.events.filter((e) => (e.event.data as { event_name?: string }).event_name === name).length, 0);
        }
        assert.equal(sessionStartOf(result, 'restart-C'), undefined);
        assert.equal(sessionStartOf(result, 'restart-D'), undefined);
        assert.equal(result.identityCalls.filter((c) => c.call === 'login').length, 0, 'no IDSync login while opted out');
    });

    test('opted back in: forwarding resumes', () => {
        const startE = sessionStartOf(result, 'restart-E');
        assert.ok(startE, 'session E reached Adobe');
        const calls = result.adobeEvents.filter((e) => e.sessionId === startE.sessionId);
        assert.deepEqual(calls.map((e) => e.eventType), ['sessionStart', 'play', 'ping', 'sessionEnd']);
    });
});
