/** One readable console line per thing that arrives, e.g. `[mp] custom_event media "Play" session=ab12cd34 content_id=ABC123`. */
import type { BaseEvent, Batch } from '@mparticle/event-models';
import type { FaultDecision } from './faults';
import { isPlainObject } from './http-io';
import type { Api } from './records';

const MAX_VALUE_CHARS = 60;

export function shortId(id: string): string {
    return id.length > 8 ? id.slice(0, 8) : id;
}

/** key=value, quoting values that would make the line ambiguous. */
function pair(key: string, value: unknown): string {
    let text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
    if (text.length > MAX_VALUE_CHARS) {
        text = `${text.slice(0, MAX_VALUE_CHARS - 3)}...`;
    }
    return `${key}=${text === '' || /[\s"=]/.test(text) ? JSON.stringify(text) : text}`;
}

function pairs(values: Record<string, unknown> | undefined): string[] {
    return Object.entries(values ?? {}).map(([k, v]) => pair(k, v));
}

export function formatBatch(batchId: string, mpid: string, environment: string, eventCount: number): string {
    return `[mp] batch ${shortId(batchId)} mpid=${mpid} ${environment}, ${eventCount} event${eventCount === 1 ? '' : 's'}`;
}

/** The batch-level state besides the user, when there is some: consent, integration attributes, data plan. */
export function formatBatchState(batch: Batch): string | undefined {
    const parts: string[] = [];
    const consent = batch.consent_state;
    if (consent?.gdpr && Object.keys(consent.gdpr).length > 0) {
        parts.push(`gdpr=${Object.entries(consent.gdpr).map(([purpose, c]) => `${purpose}:${c.consented ? 'yes' : 'no'}`).join(',')}`);
    }
    if (consent?.ccpa?.data_sale_opt_out) {
        parts.push(`ccpa=${consent.ccpa.data_sale_opt_out.consented ? 'yes' : 'no'}`);
    }
    for (const [integration, attributes] of Object.entries(batch.integration_attributes ?? {})) {
        parts.push(...pairs(Object.fromEntries(Object.entries(attributes).map(([k, v]) => [`ia.${integration}.${k}`, v]))));
    }
    const plan = batch.context?.data_plan;
    if (plan) {
        parts.push(pair('plan', `${plan.plan_id}${plan.plan_version !== undefined ? `@${plan.plan_version}` : ''}`));
    }
    return parts.length > 0 ? `[mp]   ${parts.join(' ')}` : undefined;
}

function commerceSummary(data: Record<string, unknown>): string[] {
    const parts: string[] = [];
    const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);
    if (isPlainObject(data.product_action)) {
        const action = data.product_action;
        parts.push(`product_action=${String(action.action)}`, `products=${count(action.products)}`);
        if (action.total_amount !== undefined) {
            parts.push(pair('total', action.total_amount));
        }
    }
    if (isPlainObject(data.promotion_action)) {
        parts.push(`promotion_action=${String(data.promotion_action.action)}`, `promotions=${count(data.promotion_action.promotions)}`);
    }
    if (Array.isArray(data.product_impressions)) {
        parts.push(`impressions=${data.product_impressions.length}`);
    }
    if (typeof data.currency_code === 'string') {
        parts.push(pair('currency', data.currency_code));
    }
    if (typeof data.screen_name === 'string') {
        parts.push(pair('screen', data.screen_name));
    }
    return parts;
}

export function formatMpEvent(event: BaseEvent): string {
    const data = (event.data ?? {}) as Record<string, unknown>;
    const parts: string[] = ['[mp]', event.event_type];
    switch (event.event_type as string) {
        case 'custom_event':
            parts.push(String(data.custom_event_type), JSON.stringify(data.event_name));
            break;
        case 'screen_view':
            parts.push(JSON.stringify(data.screen_name));
            break;
        case 'session_end':
            parts.push(pair('duration_ms', data.session_duration_ms));
            break;
        case 'user_attribute_change':
            parts.push(`${String(data.user_attribute_name)}: ${JSON.stringify(data.old ?? null)} -> ${data.deleted ? '(deleted)' : JSON.stringify(data.new ?? null)}`);
            break;
        case 'user_identity_change': {
            const show = (u: unknown) => (isPlainObject(u) ? `${String(u.identity_type)}=${String(u.identity)}` : 'none');
            parts.push(`${show(data.old)} -> ${show(data.new)}`);
            break;
        }
        case 'opt_out':
            parts.push(pair('opted_out', data.is_opted_out));
            break;
        case 'commerce_event':
            parts.push(...commerceSummary(data));
            break;
        case 'breadcrumb':
            parts.push(JSON.stringify(data.label));
            break;
        case 'crash_report':
            parts.push(JSON.stringify(data.message ?? ''));
            break;
    }
    if (typeof data.session_uuid === 'string') {
        parts.push(`session=${shortId(data.session_uuid)}`);
    }
    parts.push(...pairs(data.custom_attributes as Record<string, unknown> | undefined));
    return parts.join(' ');
}

/** `[adobe] media.play sid=1a2b3c4d playhead=12 t=02:00:24.000`, with the key detail of start events. */
export function formatAdobe(xdmEventType: string, sessionId: string, xdm: Record<string, unknown>, isNewSession: boolean): string {
    const media = isPlainObject(xdm.mediaCollection) ? xdm.mediaCollection : {};
    const time = /T(\d{2}:\d{2}:\d{2}(?:\.\d+)?)/.exec(String(xdm.timestamp ?? ''))?.[1] ?? String(xdm.timestamp);
    const parts = ['[adobe]', xdmEventType, `${isNewSession ? 'new ' : ''}sid=${shortId(sessionId)}`, pair('playhead', media.playhead), `t=${time}`];
    const detail = (key: string, fields: string[]) => {
        const obj = media[key];
        if (isPlainObject(obj)) {
            for (const field of fields) {
                if (obj[field] !== undefined) {
                    parts.push(pair(field, obj[field]));
                }
            }
        }
    };
    detail('sessionDetails', ['name', 'contentType', 'length', 'playerName', 'channel']);
    detail('advertisingPodDetails', ['index', 'offset']);
    detail('advertisingDetails', ['name', 'podPosition', 'length']);
    detail('chapterDetails', ['name', 'index', 'offset', 'length']);
    detail('errorDetails', ['name', 'source']);
    detail('qoeDataDetails', ['bitrate', 'droppedFrames', 'framesPerSecond', 'timeToStart']);
    return parts.join(' ');
}

export function formatIdSync(call: string, identities: Record<string, string>, mpid: string, isLoggedIn: boolean): string {
    const known = pairs(identities);
    return `[idsync] ${call}${known.length ? ` ${known.join(' ')}` : ''} -> mpid ${mpid} (${isLoggedIn ? 'logged in' : 'anonymous'})`;
}

export function formatFault(decision: FaultDecision, method: string, path: string): string {
    const forced = decision.source === 'forced' ? ' (forced)' : '';
    switch (decision.action) {
        case 'drop':
            return `[fault] drop${forced} ${method} ${path}`;
        case 'slow':
            return `[fault] slow ${decision.ms}ms${forced} ${method} ${path}`;
        case 'pass':
            return `[fault] pass${forced} ${method} ${path}`;
        case 'status':
            return `[fault] ${decision.status}${decision.retryAfterSec !== undefined ? ` Retry-After: ${decision.retryAfterSec}` : ''}${forced} ${method} ${path}`;
    }
}

export function formatMalformed(api: Api, method: string, path: string, status: number, reasons: string[]): string {
    const shown = reasons.slice(0, 3).join('; ') + (reasons.length > 3 ? `; ... (${reasons.length - 3} more)` : '');
    return `[bad] ${api} ${status} ${method} ${path}: ${shown}`;
}

export function formatPlanFinding(batchId: string, match: unknown, errors: Array<{ validation_error_type?: string; key?: string; error_pointer?: string; expected?: string }>): string {
    const m = isPlainObject(match) ? match : {};
    const criteria = isPlainObject(m.criteria) ? Object.values(m.criteria).map((v) => JSON.stringify(v)).join(' ') : '';
    const what = [m.type ?? 'event', criteria].filter((s) => s !== '').join(' ');
    const details = errors.map((e) => [e.validation_error_type, e.key, e.expected ? `expected ${e.expected}` : ''].filter(Boolean).join(' ')).join('; ');
    return `[plan] batch ${shortId(batchId)} ${what}: ${details}`;
}
