/**
 * mParticle data plan version (JSON) for what the SDK uploads: one custom_event point per media
 * event (custom_event_type "media") with its custom attributes, plus the core events.
 *
 * Loadable by @mparticle/data-planning-node's DataPlanService.validateBatch (which takes a
 * version: { version_document: { data_points } }) and by the local collector (dataPlan option).
 *
 * Strictness:
 * - media events: custom_attributes is closed (additionalProperties: false). The attributes the
 *   SDK always sets are required; context (ad break, ad, segment), values of optional bridge
 *   parameters and every descriptive media attribute no event lists (content_season,
 *   player_name, ...) are optional. App-specific custom attributes are unplanned: an app that
 *   sends some adds them to its copy of the plan.
 * - the SDK uploads every attribute value as a string, so numbers, integers, timestamps and
 *   booleans are planned as strings with a pattern (a JSON-schema "number" would reject "1900").
 * - core events the SDK sends on its own (session start/end, opt-out, application state
 *   transitions) are planned with open schemas, the dropped-events report closed to its counts;
 *   user attributes are planned as strings, numbers, booleans or string arrays. App-named events (custom events of other types, custom media events, screen
 *   views) cannot be planned generically because points match by name: they show up as
 *   "unplanned" until the app adds points for them.
 * - commerce events: one point per product action the builders can produce (ProductAction.
 *   ACTION_TYPE through its wire names), per promotion action, and for impressions; the
 *   product, promotion and impression objects are closed to the Events API fields the SDK
 *   writes, their custom attributes open (the app's).
 * - consent_state and integration_attributes are batch fields, which a data plan version has no
 *   point type for (points match events, user attributes and user identities): the collector
 *   checks their structure instead (tools/collector/batch-validation.ts).
 */
import type { AttributeType, MediaAttribute, Schema } from '../schema/types';
import { eventAttributes, wireValues } from '../model';

export const DATA_PLAN_ID = 'roku_media_sdk';

/** Custom event (type other) the core logs to report dropped events (core/EventBuilder.bs). */
export const DROPPED_EVENTS_EVENT = 'mParticle SDK Dropped Events';

/** Value patterns of attributes as the SDK uploads them (BrightScript toStr / FormatJson). */
const VALUE_SCHEMA: Record<AttributeType, Record<string, unknown>> = {
    string: { type: 'string' },
    number: { type: 'string', pattern: '^-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?$' },
    integer: { type: 'string', pattern: '^-?\\d+$' },
    timestamp: { type: 'string', pattern: '^\\d+$' },
    boolean: { type: 'string', enum: ['true', 'false'] },
    array: { type: 'string', pattern: '^\\[.*\\]$' }
};

const TYPE_NOTE: Record<AttributeType, string> = {
    string: '',
    number: 'number as a string',
    integer: 'integer as a string',
    timestamp: 'epoch ms as a string',
    boolean: '"true" or "false"',
    array: 'JSON array as a string'
};

function attributeSchema(attribute: MediaAttribute): Record<string, unknown> {
    const notes = [TYPE_NOTE[attribute.type], attribute.unit ? `unit ${attribute.unit}` : ''].filter(Boolean).join(', ');
    return {
        description: notes ? `${attribute.description.replace(/\.$/, '')} (${notes}).` : attribute.description,
        ...VALUE_SCHEMA[attribute.type]
    };
}

/** JSON schema of an event whose data.custom_attributes is closed to the given keys. */
function customAttributesSchema(required: MediaAttribute[], optional: MediaAttribute[]): Record<string, unknown> {
    const properties: Record<string, unknown> = {};
    for (const attribute of [...required, ...optional]) {
        properties[attribute.key] = attributeSchema(attribute);
    }
    return {
        properties: {
            data: {
                properties: {
                    custom_attributes: {
                        additionalProperties: false,
                        properties,
                        required: required.map((a) => a.key)
                    }
                },
                required: required.length > 0 ? ['custom_attributes'] : []
            }
        }
    };
}

const OPEN = { properties: { data: { type: 'object' } } };

const STRING_MAP = { type: 'object', additionalProperties: { type: 'string' } };

const PRODUCT = {
    type: 'object',
    additionalProperties: false,
    properties: {
        id: { type: 'string' },
        name: { type: 'string' },
        brand: { type: 'string' },
        category: { type: 'string' },
        variant: { type: 'string' },
        position: { type: 'integer' },
        price: { type: 'number' },
        quantity: { type: 'number' },
        coupon_code: { type: 'string' },
        total_product_amount: { type: 'number' },
        custom_attributes: STRING_MAP
    }
};

const PRODUCTS = { type: 'array', items: PRODUCT };

/** Fields of a commerce event's data besides the product / promotion / impression parts. */
const COMMERCE_DATA = {
    custom_attributes: STRING_MAP,
    currency_code: { type: 'string' },
    screen_name: { type: 'string' }
};

const IMPRESSIONS = {
    type: 'array',
    items: {
        type: 'object',
        additionalProperties: false,
        properties: { product_impression_list: { type: 'string' }, products: PRODUCTS }
    }
};

const PROMOTION_ACTION = (action: string) => ({
    type: 'object',
    additionalProperties: false,
    required: ['action', 'promotions'],
    properties: {
        action: { const: action },
        promotions: {
            type: 'array',
            items: {
                type: 'object',
                additionalProperties: false,
                properties: { id: { type: 'string' }, name: { type: 'string' }, creative: { type: 'string' }, position: { type: 'string' } }
            }
        }
    }
});

function commercePoints(schema: Schema): unknown[] {
    const productActions = [...new Set(Object.values(wireValues(schema, 'ProductAction', 'ACTION_TYPE')))];
    const promotionActions = [...new Set(Object.values(wireValues(schema, 'PromotionAction', 'ACTION_TYPE')))];
    const points: unknown[] = productActions.map((action) => ({
        description: `Commerce: product action ${action} (logCommerceEvent with ProductAction.build), with the promotion action and impressions it may carry.`,
        match: { type: 'product_action', criteria: { action } },
        validator: {
            type: 'json_schema',
            definition: {
                properties: {
                    data: {
                        required: ['product_action'],
                        properties: {
                            ...COMMERCE_DATA,
                            product_action: {
                                type: 'object',
                                additionalProperties: false,
                                required: ['action'],
                                properties: {
                                    action: { const: action },
                                    checkout_step: { type: 'integer' },
                                    checkout_options: { type: 'string' },
                                    product_action_list: { type: 'string' },
                                    product_list_source: { type: 'string' },
                                    transaction_id: { type: 'string' },
                                    affiliation: { type: 'string' },
                                    total_amount: { type: 'number' },
                                    tax_amount: { type: 'number' },
                                    shipping_amount: { type: 'number' },
                                    coupon_code: { type: 'string' },
                                    products: PRODUCTS
                                }
                            },
                            promotion_action: { type: 'object' },
                            product_impressions: IMPRESSIONS
                        }
                    }
                }
            }
        }
    }));
    for (const action of promotionActions) {
        points.push({
            description: `Commerce: promotion action ${action} (logCommerceEvent with PromotionAction.build and no product action).`,
            match: { type: 'promotion_action', criteria: { action } },
            validator: {
                type: 'json_schema',
                definition: {
                    properties: {
                        data: { required: ['promotion_action'], properties: { ...COMMERCE_DATA, promotion_action: PROMOTION_ACTION(action), product_impressions: IMPRESSIONS } }
                    }
                }
            }
        });
    }
    points.push({
        description: 'Commerce: product impressions only (logCommerceEvent with Impression.build items).',
        match: { type: 'product_impression' },
        validator: {
            type: 'json_schema',
            definition: { properties: { data: { required: ['product_impressions'], properties: { ...COMMERCE_DATA, product_impressions: IMPRESSIONS } } } }
        }
    });
    return points;
}

function corePoints(): unknown[] {
    const transitions = ['application_initialized', 'application_exit', 'application_background', 'application_foreground'];
    return [
        { description: 'Core: mParticle session start (sent by the SDK).', match: { type: 'session_start' }, validator: { type: 'json_schema', definition: OPEN } },
        { description: 'Core: mParticle session end, with session attributes (sent by the SDK).', match: { type: 'session_end' }, validator: { type: 'json_schema', definition: OPEN } },
        { description: 'Core: setOptOut.', match: { type: 'opt_out' }, validator: { type: 'json_schema', definition: OPEN } },
        { description: 'Core: breadcrumb (logMessage with MESSAGE_TYPE.BREADCRUMB).', match: { type: 'breadcrumb' }, validator: { type: 'json_schema', definition: OPEN } },
        { description: 'Core: crash report (logMessage with MESSAGE_TYPE.ERROR).', match: { type: 'crash_report' }, validator: { type: 'json_schema', definition: OPEN } },
        ...transitions.map((transition) => ({
            description: `Core: application state transition ${transition}.`,
            match: { type: 'application_state_transition', criteria: { application_transition_type: transition } },
            validator: { type: 'json_schema', definition: OPEN }
        })),
        {
            description: `Core: the SDK's report of events it had to drop (custom event "${DROPPED_EVENTS_EVENT}", type other): dropped_total and one dropped_<reason> count per reason, integers as strings.`,
            match: { type: 'custom_event', criteria: { event_name: DROPPED_EVENTS_EVENT, custom_event_type: 'other' } },
            validator: {
                type: 'json_schema',
                definition: {
                    properties: {
                        data: {
                            properties: {
                                custom_attributes: {
                                    additionalProperties: false,
                                    properties: { dropped_total: { description: 'Events dropped since the last report (integer as a string).', ...VALUE_SCHEMA.integer } },
                                    patternProperties: { '^dropped_(?!total$)[a-z0-9_]+$': VALUE_SCHEMA.integer },
                                    required: ['dropped_total']
                                }
                            },
                            required: ['custom_attributes']
                        }
                    }
                }
            }
        },
        {
            description: 'Core: user attributes of the batch (setUserAttribute): strings, numbers, booleans or arrays of strings.',
            match: { type: 'user_attributes' },
            validator: {
                type: 'json_schema',
                definition: {
                    additionalProperties: {
                        anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: { type: 'string' } }]
                    }
                }
            }
        }
    ];
}

export function dataPlanVersion(schema: Schema): Record<string, unknown> {
    const sdkVersion = schema.constants.find((g) => g.name === 'SDK_VERSION')?.value;
    const mediaPoints = eventAttributes(schema).map(({ event, required, optional }) => ({
        description: `Media: ${event.name}. ${event.description}${event.loggedBy ? ` Logged by media.${event.loggedBy}.` : ' Not logged by this SDK.'}${event.summary ? ' Summary event.' : ''}`,
        match: { type: 'custom_event', criteria: { event_name: event.name, custom_event_type: 'media' } },
        validator: { type: 'json_schema', definition: customAttributesSchema(required, optional) }
    }));
    return {
        version_description: `GENERATED by \`npm run codegen\` from tools/codegen/schema. Do not edit by hand. Media and core events of the Roku media SDK ${String(sdkVersion ?? '')}.`.replace(' .', '.'),
        data_plan_id: DATA_PLAN_ID,
        data_plan_name: 'Roku media SDK',
        version: 1,
        version_document: {
            data_points: [...mediaPoints, ...corePoints(), ...commercePoints(schema)]
        }
    };
}

export function emitDataPlan(schema: Schema): string {
    return `${JSON.stringify(dataPlanVersion(schema), null, 2)}\n`;
}
