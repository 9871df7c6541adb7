/**
 * Commerce and consent builders of mParticleConstants(), with mParticle's Roku SDK names,
 * argument orders and AA keys (its short keys: a product action is { an, tr, pl }, a product
 * { id, nm, pr, qt, tpa, attrs }, a GDPR consent { c, ts, d, l, h }), because apps read and
 * compare the AAs. The Task turns them into Events API objects (core/Commerce.bs, core/Consent.bs).
 */
import type { Builder } from './types';

const productActionTypes = {
    ADD_TO_CART: 'add_to_cart',
    REMOVE_FROM_CART: 'remove_from_cart',
    CHECKOUT: 'checkout',
    CLICK: 'click',
    VIEW: 'view',
    VIEW_DETAIL: 'view_detail',
    PURCHASE: 'purchase',
    REFUND: 'refund',
    ADD_TO_WISHLIST: 'add_to_wishlist',
    REMOVE_FROM_WISHLIST: 'remove_from_wishlist'
};

/** GDPR and CCPA consents have the same shape (mParticle's c, ts, d, l, h). */
function consentBuilder(name: string, law: string): Builder {
    return {
        name,
        compat: true,
        description: `One ${law} consent: whether the user consented, and when (with optional document, location, hardware id).`,
        params: [
            { name: 'consented', type: 'boolean', description: 'Whether the user consented.' },
            { name: 'timestamp', type: 'timestamp', description: 'When, epoch ms (a value in seconds, as mParticle\'s sample passes, is converted on upload).' }
        ],
        fields: [
            { name: 'consented', key: 'c', type: 'boolean', fromParam: 'consented', setter: true, description: 'consented' },
            { name: 'timestamp', key: 'ts', type: 'timestamp', fromParam: 'timestamp', setter: true, description: 'timestamp_unixtime_ms' },
            { name: 'document', key: 'd', type: 'string', setter: true, description: 'document (e.g. the agreement version)' },
            { name: 'location', key: 'l', type: 'string', setter: true, description: 'location (e.g. where the user consented)' },
            { name: 'hardwareId', key: 'h', type: 'string', setter: true, description: 'hardware_id' }
        ]
    };
}

export const commerceBuilders: Builder[] = [
    {
        name: 'Product',
        compat: true,
        description: 'A product of a product action or an impression.',
        params: [
            { name: 'sku', type: 'string', description: 'Product id (SKU).' },
            { name: 'name', type: 'string', description: 'Product name.' },
            { name: 'price', type: 'number', optional: true, default: '0', description: 'Unit price.' },
            { name: 'quantity', type: 'number', optional: true, default: '1', description: 'Quantity.' },
            { name: 'customAttributes', type: 'object', optional: true, default: '{}', description: 'Custom attributes of the product (values become strings on upload).' }
        ],
        fields: [
            { name: 'sku', key: 'id', type: 'string', fromParam: 'sku', description: 'id' },
            { name: 'name', key: 'nm', type: 'string', fromParam: 'name', description: 'name' },
            { name: 'price', key: 'pr', type: 'number', fromParam: 'price', description: 'price' },
            { name: 'quantity', key: 'qt', type: 'number', fromParam: 'quantity', description: 'quantity' },
            { name: 'totalAmount', key: 'tpa', type: 'number', productOf: ['price', 'quantity'], description: 'total_product_amount (price x quantity)' },
            { name: 'customAttributes', key: 'attrs', type: 'object', fromParam: 'customAttributes', description: 'custom_attributes' },
            { name: 'brand', key: 'cs', type: 'string', setter: true, description: 'brand' },
            { name: 'category', key: 'ca', type: 'string', setter: true, description: 'category' },
            { name: 'variant', key: 'va', type: 'string', setter: true, description: 'variant' },
            { name: 'position', key: 'ps', type: 'integer', setter: true, description: 'position in a list' },
            { name: 'couponCode', key: 'cc', type: 'string', setter: true, description: 'coupon_code' }
        ]
    },
    {
        name: 'ProductAction',
        compat: true,
        description: 'What the user did with products (purchase, add to cart, ...): the product part of a commerce event.',
        constants: [{
            name: 'ACTION_TYPE',
            description: 'Values for the actionType argument.',
            value: productActionTypes,
            // The Events API has no plain "view" and spells the wishlist removal differently.
            wire: { view: 'view_detail', remove_from_wishlist: 'remove_from_wish_list' }
        }],
        params: [
            { name: 'actionType', type: 'string', description: 'ProductAction.ACTION_TYPE value.' },
            { name: 'totalAmount', type: 'number', description: 'Total amount (revenue) of the action.' },
            { name: 'productList', type: 'array', description: 'Products (Product.build).' }
        ],
        fields: [
            { name: 'actionType', key: 'an', type: 'string', fromParam: 'actionType', description: 'action' },
            { name: 'totalAmount', key: 'tr', type: 'number', fromParam: 'totalAmount', description: 'total_amount' },
            { name: 'productList', key: 'pl', type: 'array', fromParam: 'productList', description: 'products' },
            { name: 'checkoutStep', key: 'cs', type: 'integer', setter: true, description: 'checkout_step' },
            { name: 'checkoutOptions', key: 'co', type: 'string', setter: true, description: 'checkout_options' },
            { name: 'productActionList', key: 'pal', type: 'string', setter: true, description: 'product_action_list' },
            { name: 'productListSource', key: 'pls', type: 'string', setter: true, description: 'product_list_source' },
            { name: 'transactionId', key: 'ti', type: 'string', setter: true, description: 'transaction_id' },
            { name: 'affiliation', key: 'ta', type: 'string', setter: true, description: 'affiliation' },
            { name: 'taxAmount', key: 'tt', type: 'number', setter: true, description: 'tax_amount' },
            { name: 'shippingAmount', key: 'ts', type: 'number', setter: true, description: 'shipping_amount' },
            { name: 'couponCode', key: 'cc', type: 'string', setter: true, description: 'coupon_code' },
            { name: 'currencyCode', key: 'cu', type: 'string', setter: true, description: 'currency_code of the commerce event, e.g. "USD" (not in mParticle\'s Roku SDK)' }
        ]
    },
    {
        name: 'Promotion',
        compat: true,
        description: 'An internal promotion (banner, campaign) the user saw or clicked.',
        params: [
            { name: 'promotionId', type: 'string', description: 'Promotion id.' },
            { name: 'name', type: 'string', description: 'Promotion name.' },
            { name: 'creative', type: 'string', description: 'Creative.' },
            { name: 'position', type: 'string', description: 'Position (slot).' }
        ],
        fields: [
            { name: 'promotionId', key: 'id', type: 'string', fromParam: 'promotionId', description: 'id' },
            { name: 'name', key: 'nm', type: 'string', fromParam: 'name', description: 'name' },
            { name: 'creative', key: 'cr', type: 'string', fromParam: 'creative', description: 'creative' },
            { name: 'position', key: 'ps', type: 'string', fromParam: 'position', description: 'position' }
        ]
    },
    {
        name: 'PromotionAction',
        compat: true,
        description: 'Promotions viewed or clicked: the promotion part of a commerce event.',
        constants: [{ name: 'ACTION_TYPE', description: 'Values for the actionType argument.', value: { VIEW: 'view', CLICK: 'click' } }],
        params: [
            { name: 'actionType', type: 'string', description: 'PromotionAction.ACTION_TYPE value.' },
            { name: 'promotionList', type: 'array', description: 'Promotions (Promotion.build).' }
        ],
        fields: [
            { name: 'actionType', key: 'an', type: 'string', fromParam: 'actionType', description: 'action' },
            { name: 'promotionList', key: 'pl', type: 'array', fromParam: 'promotionList', description: 'promotions' }
        ]
    },
    {
        name: 'Impression',
        compat: true,
        description: 'Products shown in a named list: the impression part of a commerce event.',
        params: [
            { name: 'impressionList', type: 'string', description: 'Name of the list (e.g. "search results").' },
            { name: 'productList', type: 'array', description: 'Products shown (Product.build).' }
        ],
        fields: [
            { name: 'impressionList', key: 'pil', type: 'string', fromParam: 'impressionList', description: 'product_impression_list' },
            { name: 'productList', key: 'pl', type: 'array', fromParam: 'productList', description: 'products' }
        ]
    },
    {
        name: 'ConsentState',
        compat: true,
        description: 'The user\'s consent: GDPR consents by purpose and the CCPA consent; set it with setConsentState.',
        params: [],
        fields: [
            { name: 'gdpr', type: 'object', initial: '{}', description: 'GDPR consents by purpose (GDPRConsentState.build)' },
            { name: 'ccpa', type: 'object', initial: '{}', description: '{ data_sale_opt_out: CCPAConsentState } once set' }
        ],
        methods: [
            {
                name: 'addGDPRConsentState', kind: 'put', field: 'gdpr', entryParam: 'purpose', valueParam: 'gdprConsent',
                description: 'Adds or replaces the GDPR consent of a purpose.',
                params: [
                    { name: 'purpose', type: 'string', description: 'Consent purpose as configured in the workspace, e.g. "functional".' },
                    { name: 'gdprConsent', type: 'object', description: 'GDPRConsentState.build(...)' }
                ]
            },
            {
                name: 'removeGDPRConsentState', kind: 'remove', field: 'gdpr', entryParam: 'purpose',
                description: 'Removes the GDPR consent of a purpose.',
                params: [{ name: 'purpose', type: 'string', description: 'Consent purpose.' }]
            },
            { name: 'getGDPRConsentState', kind: 'get', field: 'gdpr', description: 'The GDPR consents by purpose.', params: [] },
            {
                name: 'setCCPAConsentState', kind: 'put', field: 'ccpa', entryKey: 'data_sale_opt_out', valueParam: 'ccpaConsent',
                description: 'Sets the CCPA consent (ccpa.data_sale_opt_out).',
                params: [{ name: 'ccpaConsent', type: 'object', description: 'CCPAConsentState.build(...)' }]
            },
            { name: 'removeCCPAConsentState', kind: 'remove', field: 'ccpa', entryKey: 'data_sale_opt_out', description: 'Removes the CCPA consent.', params: [] },
            { name: 'getCCPAConsentState', kind: 'get', field: 'ccpa', description: 'The CCPA part: { data_sale_opt_out } once set, else {}.', params: [] }
        ]
    },
    consentBuilder('GDPRConsentState', 'GDPR'),
    consentBuilder('CCPAConsentState', 'CCPA')
];
