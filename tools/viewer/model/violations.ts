/**
 * Data-plan findings, tied to the events they are about. The validator reports per batch what it matched
 * (event type and criteria) and the errors, without an event index; the events of that batch that match
 * the criteria, narrowed by the attribute each error names, are the ones it means.
 */
import type { ValidationError } from '@mparticle/data-planning-models';
import type { PlanViolation, StoredEvent } from '../../collector/records';
import { groupBy, isRecord } from './format';

export interface Finding {
    /** unplanned, missing_required, invalid_value, unknown. */
    type: string;
    key: string;
    /** One line a person can read, e.g. `unplanned attribute "pause_reason"`. */
    text: string;
}

export interface LinkedViolation {
    violation: PlanViolation;
    /** What the plan matched on, e.g. `custom_event "Pause" (media)`. */
    target: string;
    findings: Finding[];
    /** Keys (batchId:idx) of the events concerned; empty for batch-level findings (user attributes). */
    eventKeys: string[];
}

export function eventKey(event: Pick<StoredEvent, 'batchId' | 'idx'>): string {
    return `${event.batchId}:${event.idx}`;
}

function record(value: unknown): Record<string, unknown> {
    return isRecord(value) ? value : {};
}

export function describeFinding(error: ValidationError): Finding {
    const type = String(error.validation_error_type ?? 'unknown');
    const key = String(error.key ?? '');
    const pointer = String(error.error_pointer ?? '');
    const onAttribute = pointer.includes('custom_attributes');
    let text: string;
    switch (type) {
        case 'unplanned':
            text = onAttribute ? `unplanned attribute "${key}"` : `unplanned event "${key}"`;
            break;
        case 'missing_required':
            text = `missing required ${onAttribute ? 'attribute ' : ''}"${key}"`;
            break;
        case 'invalid_value':
            text = `invalid "${key}"${error.expected ? `: expected ${error.expected}` : ''}${error.actual !== undefined ? `, got ${JSON.stringify(error.actual)}` : ''}`;
            break;
        default:
            text = [type, key, error.expected ? `expected ${error.expected}` : ''].filter(Boolean).join(' ');
    }
    return { type, key, text };
}

function describeTarget(match: unknown): string {
    const m = record(match);
    const criteria = record(m.criteria);
    const type = typeof m.type === 'string' ? m.type : 'event';
    const name = criteria.event_name ?? criteria.screen_name ?? criteria.application_transition_type;
    const extra = criteria.custom_event_type !== undefined ? ` (${String(criteria.custom_event_type)})` : '';
    return name === undefined ? type : `${type} "${String(name)}"${extra}`;
}

function matchesCriteria(event: StoredEvent, match: Record<string, unknown>): boolean {
    if (event.eventType !== match.type) {
        return false;
    }
    const data = record(event.event.data);
    return Object.entries(record(match.criteria)).every(([field, value]) => data[field] === value);
}

/** Whether the event fits what an error says about an attribute (has an unplanned one, lacks a required one, ...). */
function fitsError(event: StoredEvent, error: ValidationError): boolean {
    const key = error.key;
    if (!key || !String(error.error_pointer ?? '').includes('custom_attributes')) {
        return true;
    }
    const has = Object.prototype.hasOwnProperty.call(event.attributes, key);
    switch (error.validation_error_type as string) {
        case 'missing_required':
            return !has;
        case 'invalid_value':
            return has && (error.actual === undefined || String(event.attributes[key]) === String(error.actual));
        default:
            return has;
    }
}

export function linkViolations(violations: readonly PlanViolation[], events: readonly StoredEvent[]): LinkedViolation[] {
    const byBatch = groupBy(events, (e) => e.batchId);
    return violations.map((violation) => {
        const match = record(violation.match);
        const candidates = match.type === 'user_attributes' ? [] : (byBatch.get(violation.batchId) ?? []).filter((e) => matchesCriteria(e, match));
        const narrowed = candidates.filter((e) => violation.errors.every((err) => fitsError(e, err)));
        return {
            violation,
            target: describeTarget(violation.match),
            findings: violation.errors.map(describeFinding),
            eventKeys: (narrowed.length > 0 ? narrowed : candidates).map(eventKey)
        };
    });
}
