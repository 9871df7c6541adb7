/**
 * The native wire loses nothing the Events API model holds, and a wrong secret is refused end to end. tests/scenarios/wire-every-kind.bs has the SDK
 * write a generated sample of every event kind it sends with both encoders, from the same model events; here
 * each native message, translated by the collector, must equal its Events API twin, and the native upload bodies
 * the SDK built, posted to a collector (signed with Node's crypto), must be stored as exactly those events.
 */
import { before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import type { BaseEvent } from '@mparticle/event-models';
import { runScenario, type ScenarioResult } from '../../tools/simulate/runScenario';
import { startCollector, uploadedBatchId, uploadTransport } from '../../tools/collector';
import { postSigned } from '../../tools/collector/client';
import { translateMessage, translateNativeBatch } from '../../tools/collector/native';
import { validateBatchStructure } from '../../tools/collector/batch-validation';

const SCENARIO = path.join(__dirname, '..', 'scenarios', 'wire-every-kind.bs');
const PLUMBING = path.join(__dirname, '..', 'scenarios', 'plumbing.brs');

const EVENT_KINDS = [
    'custom_event', 'screen_view', 'commerce_event', 'session_start', 'session_end', 'user_attribute_change', 'user_identity_change',
    'opt_out', 'application_state_transition', 'breadcrumb', 'crash_report'
];
const COMMERCE_EVENT_TYPES = [
    'add_to_cart', 'remove_from_cart', 'checkout', 'click', 'view_detail', 'purchase', 'refund', 'add_to_wishlist', 'remove_from_wishlist',
    'promotion_view', 'promotion_click', 'impression'
];
const CUSTOM_EVENT_TYPES = ['navigation', 'location', 'search', 'transaction', 'user_content', 'user_preference', 'social', 'media', 'other'];
const MEDIA_EVENTS = [
    'Media Session Start', 'Play', 'Pause', 'Seek Start', 'Seek End', 'Buffer Start', 'Buffer End', 'Ad Break Start', 'Ad Start',
    'Ad Click', 'Ad Skip', 'Ad Session Summary', 'Ad Break End', 'Segment Start', 'Segment End', 'Segment Session Summary',
    'Update QoS', 'Milestone', 'Media Error', 'Media Content End', 'Media Session End', 'Media Session Summary'
];

interface Pair {
    native: Record<string, unknown>;
    eventsApi: BaseEvent;
}

/** One upload as the SDK wrote it natively, and the same batch by the Events API encoder (its events are the native texts). */
interface Upload {
    native: string;
    eventsApi: Record<string, unknown>;
}

function linesAfter(result: ScenarioResult, tag: string): string[] {
    return result.lines.filter((line) => line.startsWith(`${tag} `)).map((line) => line.slice(tag.length + 1));
}

function dataOf(event: BaseEvent): Record<string, unknown> {
    return (event.data ?? {}) as Record<string, unknown>;
}

describe('native wire round trip over every event kind', { timeout: 1_200_000 }, () => {
    let result: ScenarioResult;
    let pairs: Pair[];
    let uploads: Upload[];
    let wrongSecret: ScenarioResult;

    before(async () => {
        [result, wrongSecret] = await Promise.all([
            runScenario({ scenario: SCENARIO, timeoutMs: 600_000 }),
            runScenario({ scenario: PLUMBING, timeoutMs: 600_000, options: { apiSecret: 'not-the-secret' } })
        ]);
        pairs = linesAfter(result, '[pair]').map((line) => {
            const [native, eventsApi, ...rest] = line.split('\t');
            assert.equal(rest.length, 0, 'wire texts hold no raw tab');
            return { native: JSON.parse(native), eventsApi: JSON.parse(eventsApi) };
        });
        uploads = linesAfter(result, '[native-batch]').map((line) => {
            const [native, eventsApi, ...rest] = line.split('\t');
            assert.equal(rest.length, 0, 'wire texts hold no raw tab');
            return { native, eventsApi: JSON.parse(eventsApi) };
        });
    });

    test('the sample ran and covers every event kind, custom event type and media event', () => {
        assert.equal(result.exitCode, 0, result.failure);
        assert.ok(result.lines.includes('[round-trip] done'));
        const kinds = new Set(pairs.map((p) => p.eventsApi.event_type));
        assert.deepEqual(EVENT_KINDS.filter((k) => !kinds.has(k as BaseEvent['event_type'])), [], 'kinds not sampled');
        const custom = pairs.filter((p) => p.eventsApi.event_type === 'custom_event').map((p) => dataOf(p.eventsApi));
        const types = new Set(custom.map((d) => d.custom_event_type));
        assert.deepEqual(CUSTOM_EVENT_TYPES.filter((t) => !types.has(t)), []);
        const media = new Set(custom.filter((d) => d.custom_event_type === 'media').map((d) => d.event_name));
        assert.deepEqual(MEDIA_EVENTS.filter((name) => !media.has(name)), [], 'media events not sampled');
        assert.ok(custom.some((d) => d.event_name === 'mParticle SDK Dropped Events'), 'the dropped-events report is sampled');
        const commerce = new Set(pairs.filter((p) => p.eventsApi.event_type === 'commerce_event').map((p) => dataOf(p.eventsApi).custom_event_type));
        assert.deepEqual(COMMERCE_EVENT_TYPES.filter((t) => !commerce.has(t)), [], 'commerce event types not sampled');
        const identityChanges = pairs.filter((p) => p.eventsApi.event_type === 'user_identity_change').map((p) => dataOf(p.eventsApi));
        assert.ok(identityChanges.some((d) => d.old === null) && identityChanges.some((d) => d.new === null) && identityChanges.some((d) => d.old && d.new),
            'identities added, removed and changed');
    });

    test('every native message translates to exactly its Events API twin', () => {
        assert.ok(pairs.length >= 50, `${pairs.length} events`);
        for (const pair of pairs) {
            assert.deepEqual(translateMessage(pair.native), pair.eventsApi, JSON.stringify(pair.native));
        }
    });

    test('the native uploads the SDK built are valid, and say what the Events API batch says', () => {
        assert.ok(uploads.length >= 3, `${uploads.length} uploads`);
        for (const upload of uploads) {
            const native = translateNativeBatch(JSON.parse(upload.native));
            assert.ok(native.ok, native.ok ? '' : native.errors.join('\n'));
            const check = validateBatchStructure(native.batch);
            assert.ok(check.ok, check.ok ? '' : check.errors.join('\n'));
            const { events: translated, ...batch } = native.batch as unknown as Record<string, unknown>;
            const { events, ...expected } = upload.eventsApi;
            // The one batch field mParticle's native batch has no key for: the OS build (di.bid is the channel version's MD5).
            const { build_identifier: osBuild, ...device } = expected.device_info as Record<string, unknown>;
            assert.ok(typeof osBuild === 'string' || osBuild === undefined);
            assert.deepEqual(batch, { ...expected, device_info: device }, `batch ${String(expected.batch_id)}`);
            assert.equal((translated as unknown[]).length, (events as unknown[]).length);
        }
        const states = uploads.map((u) => u.eventsApi);
        assert.ok(states.some((b) => b.consent_state && b.integration_attributes), 'consent and integration attributes are sampled');
        assert.ok(states.every((b) => (b.context as { data_plan?: unknown } | undefined)?.data_plan), 'every batch has the data plan');
        assert.ok(states.some((b) => !b.consent_state), 'batches before any consent too');
    });

    test('the native uploads, posted signed to the collector, are stored as exactly those events and batches', async () => {
        const twins = new Map(pairs.map((p) => [String(dataOf(p.eventsApi).source_message_id), p.eventsApi]));
        const collector = await startCollector({ quiet: true });
        try {
            for (const upload of uploads) {
                const apiKey = 'test-api-key';
                const res = await postSigned(`${collector.url}/v2/${apiKey}/events`, upload.native);
                assert.equal(res.status, 202, res.text);
            }
            const stored = collector.events();
            assert.equal(stored.length, twins.size, 'every event stored once');
            for (const event of stored) {
                const id = String(dataOf(event.event).source_message_id);
                assert.deepEqual(event.event, twins.get(id), id);
            }
            const last = collector.batches().at(-1);
            assert.deepEqual(last?.batch.user_identities, { customer_id: 'round-trip', email: 'rt@example.com' });
            assert.deepEqual(last?.batch.user_attributes, { tags: ['a', '2', 'true'] });
            assert.deepEqual(last?.batch.consent_state, uploads.at(-1)?.eventsApi.consent_state);
        } finally {
            await collector.close();
        }
    });

    test('a wrong secret: the real SDK\'s signed uploads and IDSync calls get 401, are reported, and are not retried', () => {
        assert.equal(wrongSecret.exitCode, 0, wrongSecret.failure);
        const uploads = wrongSecret.wireLog.filter((e) => uploadTransport(e) === 'native');
        assert.ok(uploads.length >= 1);
        assert.deepEqual(uploads.map((e) => e.status), uploads.map(() => 401));
        const ids = uploads.map(uploadedBatchId);
        assert.equal(new Set(ids).size, ids.length, 'no batch was sent twice');
        assert.ok(wrongSecret.wireLog.some((e) => e.path === '/v1/identify' && e.status === 401), 'IDSync is signed and refused too');
        assert.equal(wrongSecret.events.length, 0, 'nothing stored');
        assert.ok(wrongSecret.lines.some((line) => /refused a batch with HTTP 401/.test(line)), 'the SDK reports the refusal');
    });
});
