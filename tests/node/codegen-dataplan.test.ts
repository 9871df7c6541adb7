/**
 * The generated data plan (dataplan/mparticle-media.dataplan.json) against
 * DataPlanService.validateBatch of @mparticle/data-planning-node: every media event of the schema
 * validates with no errors, and unplanned attributes, bad values and missing attributes are errors.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { DataPlanService } from '@mparticle/data-planning-node';
import type { DataPlanVersion } from '@mparticle/data-planning-models';
import type { Batch } from '@mparticle/event-models';
import { schema } from '../../tools/codegen/schema';
import type { AttributeType, Schema } from '../../tools/codegen/schema/types';
import { eventAttributes } from '../../tools/codegen/model';
import { DROPPED_EVENTS_EVENT, dataPlanVersion, emitDataPlan } from '../../tools/codegen/emit/dataplan';
import { DATA_PLAN_FILE, loadDataPlan } from '../../tools/codegen/artifacts';
import { startCollector } from '../../tools/collector';
import { basicAuth, sampleBatch } from '../../tools/collector/samples';
import type { PlayAttributes } from '../../typings';

const SAMPLE_VALUES: Record<AttributeType, string[]> = {
    string: ['sample value'],
    number: ['1900', '0.5', '1.8e+06', '-3'],
    integer: ['3', '0'],
    timestamp: ['1700000000000'],
    boolean: ['true', 'false'],
    array: ['["ABC890","XYZ123"]', '[]']
};

function sampleValue(type: AttributeType, variant: number): string {
    const values = SAMPLE_VALUES[type];
    return values[variant % values.length];
}

/** One event of every media event name with every planned attribute, and one with only the required ones. */
function mediaEvents(s: Schema) {
    const events: Array<Record<string, unknown>> = [];
    eventAttributes(s).forEach(({ event, required, optional }, index) => {
        const all: Record<string, string> = {};
        const minimal: Record<string, string> = {};
        for (const attribute of required) {
            all[attribute.key] = sampleValue(attribute.type, index);
            minimal[attribute.key] = sampleValue(attribute.type, index + 1);
        }
        for (const attribute of optional) {
            all[attribute.key] = sampleValue(attribute.type, index);
        }
        events.push(customEvent(event.name, 'media', all), customEvent(event.name, 'media', minimal));
    });
    return events;
}

function customEvent(name: string, type: string, attributes: Record<string, string>) {
    return {
        event_type: 'custom_event',
        data: {
            event_name: name,
            custom_event_type: type,
            custom_attributes: attributes,
            timestamp_unixtime_ms: 1700000000000,
            source_message_id: `m-${name}`,
            session_uuid: '5d0d2b4e-4a5c-4e8a-9d61-0c1f2a3b4c5d',
            session_start_unixtime_ms: 1699999940000
        }
    };
}

function batchOf(events: unknown[], extra: Record<string, unknown> = {}): Batch {
    return {
        environment: 'development',
        mpid: '8675309',
        batch_id: 'b-1',
        timestamp_unixtime_ms: 1700000000000,
        events,
        ...extra
    } as unknown as Batch;
}

/** The Roku seed's example event (custom attributes as uploaded), typed with the generated typings. */
const SEED_PLAY: PlayAttributes = {
    content_title: 'My sweet sweet media',
    content_duration: '120000',
    content_id: '1234567',
    content_type: 'Video',
    stream_type: 'OnDemand',
    media_session_id: '96a023b8-b0c7-47b7-b687-09f73b9dfac3',
    playhead_position: '110123'
};

const plan = loadDataPlan() as DataPlanVersion;
const service = new DataPlanService();

async function validate(batch: Batch, version: DataPlanVersion = plan) {
    const { results } = await service.validateBatch(batch, version);
    return results ?? [];
}

function errorsOf(results: Awaited<ReturnType<typeof validate>>) {
    return results.flatMap((r) => r.data?.validation_errors ?? []);
}

describe('data plan: generated file', () => {
    test(`${DATA_PLAN_FILE} is what the schema produces (a version: { version_document: { data_points } })`, () => {
        assert.equal(JSON.stringify(plan, null, 2) + '\n', emitDataPlan(schema));
        assert.ok(Array.isArray((plan.version_document as { data_points: unknown[] }).data_points));
    });

    test('plans every media event of the schema, once, as a media custom event', () => {
        const points = plan.version_document?.data_points ?? [];
        for (const event of schema.mediaEvents) {
            const matching = points.filter((p) => p.match?.type === 'custom_event'
                && (p.match.criteria as { event_name?: string }).event_name === event.name
                && (p.match.criteria as { custom_event_type?: string }).custom_event_type === 'media');
            assert.equal(matching.length, 1, event.name);
        }
    });

    test('every media attribute is planned on some media event', () => {
        const text = JSON.stringify(plan);
        for (const attribute of schema.mediaAttributes) {
            assert.ok(text.includes(`"${attribute.key}":`), attribute.key);
        }
    });
});

describe('data plan: validateBatch', () => {
    test('a batch of every media event (all attributes, then only the required ones) has no errors', async () => {
        const events = mediaEvents(schema);
        assert.equal(events.length, schema.mediaEvents.length * 2);
        const results = await validate(batchOf(events, { user_attributes: { plan: 'premium', $Age: '42', tags: ['a', 'b'] } }));
        assert.deepEqual(results, [], JSON.stringify(results, null, 1));
    });

    test('the Roku seed example event is valid', async () => {
        assert.deepEqual(await validate(batchOf([customEvent('Play', 'media', SEED_PLAY)])), []);
    });

    test('core events the SDK sends on its own are planned', async () => {
        const events = [
            { event_type: 'session_start', data: { timestamp_unixtime_ms: 1, session_uuid: 'u' } },
            { event_type: 'session_end', data: { timestamp_unixtime_ms: 2, session_duration_ms: 1, custom_attributes: { tier: 'gold' } } },
            { event_type: 'opt_out', data: { timestamp_unixtime_ms: 3, is_opted_out: true } },
            ...['application_initialized', 'application_exit', 'application_background', 'application_foreground'].map((t) => (
                { event_type: 'application_state_transition', data: { timestamp_unixtime_ms: 4, application_transition_type: t } }
            )),
            customEvent(DROPPED_EVENTS_EVENT, 'other', { dropped_total: '12', dropped_persistence_budget: '12' })
        ];
        assert.deepEqual(await validate(batchOf(events)), []);
        const bad = await validate(batchOf([customEvent(DROPPED_EVENTS_EVENT, 'other', { dropped_total: 'many', reason: 'x' })]));
        assert.deepEqual(errorsOf(bad).map((e) => [e.validation_error_type, e.key]).sort(), [['invalid_value', 'dropped_total'], ['unplanned', 'reason']]);
    });

    test('plans commerce events: every product action the builders produce, promotions and impressions', async () => {
        const commerce = (data: Record<string, unknown>) => ({
            event_type: 'commerce_event',
            data: { timestamp_unixtime_ms: 1700000000000, source_message_id: 'm', session_uuid: 's', session_start_unixtime_ms: 1, custom_attributes: { any: 'value' }, ...data }
        });
        const product = { id: 'sku', name: 'n', brand: 'b', category: 'c', variant: 'v', position: 1, price: 1.5, quantity: 2, coupon_code: 'x', total_product_amount: 3, custom_attributes: { a: 'b' } };
        const actions = ['add_to_cart', 'remove_from_cart', 'checkout', 'click', 'view_detail', 'purchase', 'refund', 'add_to_wishlist', 'remove_from_wish_list'];
        const events = [
            ...actions.map((action) => commerce({ custom_event_type: action, currency_code: 'USD', product_action: { action, total_amount: 3, checkout_step: 2, products: [product] } })),
            commerce({ custom_event_type: 'promotion_view', promotion_action: { action: 'view', promotions: [{ id: 'p', name: 'n', creative: 'c', position: 'top' }] } }),
            commerce({ custom_event_type: 'promotion_click', promotion_action: { action: 'click', promotions: [] } }),
            commerce({ custom_event_type: 'impression', product_impressions: [{ product_impression_list: 'list', products: [product] }] })
        ];
        assert.deepEqual(await validate(batchOf(events)), []);
        const bad = await validate(batchOf([commerce({ product_action: { action: 'purchase', total_amount: '3', products: [{ id: 'sku', size: 'XL' }] } })]));
        assert.ok(errorsOf(bad).length >= 2, JSON.stringify(bad));
        assert.deepEqual(bad[0].data?.match, { type: 'product_action', criteria: { action: 'purchase' } });
    });

    test('an unplanned attribute on a media event is an error naming the attribute', async () => {
        const results = await validate(batchOf([customEvent('Play', 'media', { ...SEED_PLAY, my_custom_attribute: 'Locutus' })]));
        assert.equal(results.length, 1);
        assert.deepEqual(results[0].data?.match, { type: 'custom_event', criteria: { event_name: 'Play', custom_event_type: 'media' } });
        const errors = errorsOf(results);
        assert.equal(errors.length, 1);
        assert.equal(errors[0].validation_error_type, 'unplanned');
        assert.equal(errors[0].key, 'my_custom_attribute');
    });

    test('values that are not what the SDK uploads are errors (numbers, booleans, timestamps as strings)', async () => {
        const adSummary = mediaEvents(schema).find((e) => (e.data as { event_name: string }).event_name === 'Ad Session Summary')!;
        const data = adSummary.data as { custom_attributes: Record<string, string> };
        const results = await validate(batchOf([
            customEvent('Pause', 'media', { ...SEED_PLAY, playhead_position: 'soon' }),
            customEvent('Ad Session Summary', 'media', { ...data.custom_attributes, ad_completed: 'yes', ad_content_start_time: '17:00' })
        ]));
        const errors = errorsOf(results);
        assert.deepEqual(errors.map((e) => [e.validation_error_type, e.key]).sort(), [
            ['invalid_value', 'ad_completed'], ['invalid_value', 'ad_content_start_time'], ['invalid_value', 'playhead_position']
        ]);
    });

    test('a media event without an attribute the SDK always sets is an error', async () => {
        const { media_session_id: _omitted, ...rest } = SEED_PLAY;
        const errors = errorsOf(await validate(batchOf([customEvent('Play', 'media', rest)])));
        assert.equal(errors.length, 1);
        assert.equal(errors[0].validation_error_type, 'missing_required');
        assert.equal(errors[0].expected, 'media_session_id');
    });

    test('app-named events are unplanned until the app plans them (documented decision)', async () => {
        const results = await validate(batchOf([
            customEvent('Custom Media Event', 'media', { 'example custom attribute': 'x' }),
            customEvent('Button', 'navigation', {}),
            { event_type: 'screen_view', data: { screen_name: 'Home', timestamp_unixtime_ms: 1 } }
        ]));
        assert.deepEqual(errorsOf(results).map((e) => [e.validation_error_type, e.key]), [
            ['unplanned', 'Custom Media Event'], ['unplanned', 'Button'], ['unplanned', 'Home']
        ]);
    });

    test('a media attribute added to the schema is planned on every media event', async () => {
        const copy: Schema = structuredClone(schema);
        copy.mediaAttributes.push({ key: 'content_language', type: 'string', description: 'Spoken language.' });
        const version = dataPlanVersion(copy) as DataPlanVersion;
        const events = schema.mediaEvents.map((e) => customEvent(e.name, 'media', {
            ...Object.fromEntries(eventAttributes(copy).find((x) => x.event.name === e.name)!.required.map((a) => [a.key, sampleValue(a.type, 0)])),
            content_language: 'fr'
        }));
        assert.deepEqual(await validate(batchOf(events), version), []);
        assert.equal(errorsOf(await validate(batchOf(events))).length, events.length, 'the committed plan does not know it');
    });
});

describe('data plan: local collector', () => {
    test('the collector loads the plan and finds nothing wrong with media events', async () => {
        const c = await startCollector({ quiet: true, dataPlan: plan });
        try {
            const batch = sampleBatch({ events: mediaEvents(schema) });
            const res = await fetch(`${c.url}/v2/events`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', Authorization: basicAuth() },
                body: JSON.stringify(batch)
            });
            assert.equal(res.status, 202, await res.text());
            assert.deepEqual(c.planViolations(), []);
        } finally {
            await c.close();
        }
    });
});
