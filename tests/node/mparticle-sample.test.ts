/**
 * A channel written for mParticle's Roku SDK 2.3.1 runs unchanged: tests/scenarios/mparticle-sample.brs
 * makes every call of mParticle's README snippets and of its sample channel, in their order, with
 * the README's Main options. Every assertion is on what the collector stored.
 */
import { before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { runScenario, type ScenarioResult } from '../../tools/simulate/runScenario';
import type { StoredEvent } from '../../tools/collector/records';

const SCENARIO = path.resolve(__dirname, '..', 'scenarios', 'mparticle-sample.brs');

/** The README's Main: startupArgs, FORCE_PRODUCTION, identifyRequest, no pinning; mParticle's tests' data plan keys. */
const README_OPTIONS = {
    startupArgs: { contentId: 'deep-link-1', mediaType: 'movie' },
    environment: 2,
    identifyRequest: { userIdentities: { email: 'user@example.com', customerid: '123456' } },
    enablePinning: false,
    dataPlanId: 'roku_media_sdk',
    dataPlanVersion: 1,
    isscenegraph: true
};

type Data = Record<string, any>;

function data(event: StoredEvent): Data {
    return (event.event.data ?? {}) as Data;
}

function ofType(result: ScenarioResult, type: string): StoredEvent[] {
    return result.events.filter((e) => e.eventType === type);
}

describe('mParticle\'s sample channel and README, unchanged, through the scenario runner', () => {
    let run: ScenarioResult;

    before(async () => {
        run = await runScenario({ scenario: SCENARIO, options: README_OPTIONS, timeoutMs: 600_000 });
    });

    test('ran to the end, delivered everything, sent nothing malformed', () => {
        assert.equal(run.failure, undefined, run.failure);
        assert.equal(run.exitCode, 0);
        assert.deepEqual(run.errors, []);
    });

    test('every batch is production, with the integration attribute and the data plan context', () => {
        assert.ok(run.batches.length > 0);
        const afterIntegration = run.batches.filter((b) => b.batch.integration_attributes);
        assert.equal(afterIntegration.length, run.batches.length);
        for (const { batch } of run.batches) {
            assert.equal(batch.environment, 'production');
            assert.deepEqual(batch.integration_attributes, { 160: { app_instance_id: 'your_app_instance_id' } });
            assert.deepEqual(batch.context, { data_plan: { plan_id: 'roku_media_sdk', plan_version: 1 } });
        }
    });

    test('the consent state rides in the batches: the sample\'s CCPA consent, then mParticle\'s test\'s GDPR purpose', () => {
        const consents = run.batches.map((b) => b.batch.consent_state).filter((c) => c !== undefined);
        assert.ok(consents.length > 0);
        const last = consents[consents.length - 1]!;
        const ccpa = last.ccpa?.data_sale_opt_out;
        assert.equal(ccpa?.consented, true);
        assert.equal(ccpa?.document, 'agreement.v4');
        assert.equal(ccpa?.location, 'example.com/privacy');
        assert.ok(Number(ccpa?.timestamp_unixtime_ms) > 1e12, 'seconds became ms');
        assert.deepEqual(Object.keys(last.gdpr ?? {}), ['functional']);
        assert.equal(last.gdpr?.functional.consented, false);
        assert.equal(last.gdpr?.functional.document, 'agreement.v2');
        assert.equal(last.gdpr?.functional.hardware_id, 'IDFA:00000000-1111-2222-3333-444444444444');
    });

    test('the README\'s and the sample\'s custom events and screen views, in order', () => {
        const custom = ofType(run, 'custom_event').filter((e) => e.customEventType !== 'media');
        assert.deepEqual(custom.map((e) => `${e.eventName} (${e.customEventType})`), [
            'Component Initialized (other)', 'hello world! (other)', 'example (other)', 'hello world! (navigation)',
            'hello world! (other)', 'User Changed (user_content)', 'Consent Updated (other)'
        ]);
        assert.deepEqual(custom[3].attributes, { 'example custom attribute': 'example custom attribute value' });
        const user = custom[5].attributes;
        assert.equal(user.mpid, run.batches[0].mpid);
        assert.deepEqual(JSON.parse(user.userIdentities), { email: 'user@example.com', customerid: '123456', other: 'bar' });
        assert.deepEqual(ofType(run, 'screen_view').map((e) => e.eventName), ['hello screen!', 'hello screen!']);
    });

    test('two commerce events: the README\'s purchase and the sample\'s purchase with promotion and impression', () => {
        const commerce = ofType(run, 'commerce_event').map(data);
        assert.equal(commerce.length, 2);
        const readme = commerce[0];
        assert.equal(readme.custom_event_type, 'purchase');
        assert.equal(readme.product_action.action, 'purchase');
        assert.equal(readme.product_action.total_amount, 123.45);
        assert.deepEqual(readme.product_action.products, [{
            id: 'foo-product-sku', name: 'foo-product-name', price: 123.45, quantity: 1, total_product_amount: 123.45, custom_attributes: {}
        }]);
        assert.equal(readme.promotion_action, undefined);
        const sample = commerce[1];
        assert.equal(sample.product_action.checkout_step, 5);
        assert.equal(sample.product_action.coupon_code, 'foo-coupon-code');
        assert.equal(sample.product_action.shipping_amount, 33.42);
        assert.equal(sample.product_action.products[0].id, 'foo-sku');
        assert.deepEqual(sample.promotion_action, { action: 'view', promotions: [{ id: 'foo-id', name: 'foo-name', creative: 'foo-creative', position: 'foo-position' }] });
        assert.equal(sample.product_impressions[0].product_impression_list, 'foo-list');
        assert.equal(sample.product_impressions[0].products[0].id, 'foo-sku');
        assert.deepEqual(sample.custom_attributes, { 'foo-attribute': 'bar-attribute-value' });
    });

    test('user attribute changes, as the sample sets them', () => {
        const changes = ofType(run, 'user_attribute_change').map(data);
        assert.deepEqual(changes.map((c) => [c.user_attribute_name, c.old, c.new]), [
            ['example attribute key', null, 'example attribute value 1'],
            ['example attribute array', null, ['foo', 'bar']],
            ['example attribute key', 'example attribute value 1', 'example attribute value 2'],
            ['example attribute array', ['foo', 'bar'], ['noo', 'mar']]
        ]);
        const last = run.batches[run.batches.length - 1].batch;
        assert.deepEqual(last.user_attributes, { 'example attribute key': 'example attribute value 2', 'example attribute array': ['noo', 'mar'] });
    });

    test('user identity changes: the README\'s identify, then the sample\'s two modify calls', () => {
        const show = (u: Data | null) => (u ? `${u.identity_type}=${u.identity}` : 'none');
        const changes = ofType(run, 'user_identity_change').map(data);
        assert.deepEqual(changes.map((c) => `${show(c.old)} -> ${show(c.new)}`), [
            'none -> email=user@example.com', 'none -> customer_id=123456', 'none -> other=foo', 'other=foo -> other=bar'
        ]);
        assert.equal(changes[0].new.created_this_batch, true);
        assert.equal(changes[3].new.created_this_batch, false);
        const identify = run.identityCalls.find((c) => c.call === 'identify');
        assert.equal((identify?.request.known_identities as Data).email, 'user@example.com');
        assert.deepEqual(run.identityCalls.map((c) => c.call), ['identify', 'modify', 'modify']);
    });

    test('every media event of the sample and its summaries, in order', () => {
        const media = ofType(run, 'custom_event').filter((e) => e.customEventType === 'media');
        assert.deepEqual(media.map((e) => e.eventName), [
            'Custom Media Event',
            'Media Session Start', 'Segment Start', 'Play', 'Pause', 'Ad Break Start', 'Ad Start', 'Ad Click', 'Ad End',
            'Ad Session Summary', 'Ad Start', 'Ad Skip', 'Ad Session Summary', 'Ad Break End', 'Update QoS', 'Segment End',
            'Segment Session Summary', 'Segment Start', 'Seek Start', 'Seek End', 'Segment Skip', 'Segment Session Summary',
            'Buffer Start', 'Buffer End', 'Media Content End', 'Media Session End', 'Media Session Summary'
        ]);
        const summary = media.find((e) => e.eventName === 'Media Session Summary')!.attributes;
        assert.equal(summary.media_content_time_spent, '6000');
        assert.equal(summary.media_session_ad_total, '2');
        assert.deepEqual(JSON.parse(summary.media_session_ad_objects), ['ABC890', 'ABC543']);
        assert.equal(summary.media_session_segment_total, '2');
        assert.equal(summary.media_content_complete, 'true');
        const skipped = media.filter((e) => e.eventName === 'Ad Session Summary')[1].attributes;
        assert.equal(skipped.ad_content_id, 'ABC543');
        assert.equal(skipped.ad_skipped, 'true');
    });

    test('the session: launched by the deep link, its attribute in session_end', () => {
        const launch = ofType(run, 'application_state_transition').map(data)[0];
        assert.equal(JSON.parse(launch.launch_referral).contentId, 'deep-link-1');
        const ends = ofType(run, 'session_end').map(data);
        assert.equal(ends.length, 1);
        assert.deepEqual(ends[0].custom_attributes, { 'foo attribute key': 'bar attribute value' });
    });

    test('the data plan finds nothing wrong with the commerce events', () => {
        const commerce = run.planViolations.filter((v) => ['product_action', 'promotion_action', 'product_impression'].includes(String((v.match as Data)?.type)));
        assert.deepEqual(commerce, []);
    });
});
