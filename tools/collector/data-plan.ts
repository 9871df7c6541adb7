/**
 * Optional check of accepted batches against an mParticle data plan, via DataPlanService.validateBatch from
 * @mparticle/data-planning-node (local mode: no network unless serverMode is asked for, which we never do).
 *
 * Quirks of data-planning-node 1.0.3 handled here:
 * - validateBatch wants a data plan *version* ({ version_document: { data_points } }), not the bare document
 *   its README passes; a bare document is rejected ("does not contain a valid Version Document").
 * - a document without data_points throws synchronously instead of rejecting.
 * - results hold only failing events, with no event index.
 * - a plan with no user_attributes point reports every batch as user_attributes "Invalid JSON Schema";
 *   that finding is dropped here since it says nothing about the batch.
 * - user_attribute_change / user_identity_change events cannot be planned (they always come back as
 *   "unplanned", key "unknown"), so they are not passed to the validator.
 */
import { DataPlanService } from '@mparticle/data-planning-node';
import type { DataPlanVersion, ValidationError } from '@mparticle/data-planning-models';
import type { Batch } from '@mparticle/event-models';
import { isPlainObject } from './http-io';

const UNPLANNABLE_EVENT_TYPES = new Set(['user_attribute_change', 'user_identity_change']);

export interface PlanFinding {
    match: unknown;
    errors: ValidationError[];
}

/** Accepts a data plan version, a bare version document, or a whole data plan (newest version wins). */
export function normalizeDataPlan(plan: object): DataPlanVersion {
    const p = plan as Record<string, unknown>;
    if (Array.isArray(p.data_plan_versions)) {
        const versions = p.data_plan_versions.filter(isPlainObject);
        const newest = versions.sort((a, b) => Number(b.version ?? 0) - Number(a.version ?? 0))[0];
        if (!newest) {
            throw new Error('data plan has no data_plan_versions');
        }
        return normalizeDataPlan(newest);
    }
    const doc = isPlainObject(p.version_document) ? p.version_document : Array.isArray(p.data_points) ? p : undefined;
    if (!doc || !Array.isArray(doc.data_points)) {
        throw new Error('data plan must be a version ({ version_document: { data_points } }) or a version document ({ data_points })');
    }
    return (doc === p ? { version_document: doc } : p) as DataPlanVersion;
}

export class DataPlanChecker {
    private readonly service = new DataPlanService();
    private readonly version: DataPlanVersion;
    private readonly plansUserAttributes: boolean;

    constructor(plan: object) {
        this.version = normalizeDataPlan(plan);
        const points = this.version.version_document?.data_points ?? [];
        this.plansUserAttributes = points.some((point) => point.match?.type === 'user_attributes');
    }

    async check(batch: Batch): Promise<PlanFinding[]> {
        const plannable: Batch = { ...batch, events: (batch.events ?? []).filter((e) => !UNPLANNABLE_EVENT_TYPES.has(e.event_type)) };
        const result = await this.service.validateBatch(plannable, this.version);
        const findings: PlanFinding[] = [];
        for (const r of result.results ?? []) {
            const errors = r.data?.validation_errors ?? [];
            const match = r.data?.match;
            if (!this.plansUserAttributes && match?.type === 'user_attributes' && errors.every((e) => e.actual === 'Invalid JSON Schema')) {
                continue;
            }
            if (errors.length > 0) {
                findings.push({ match, errors });
            }
        }
        return findings;
    }
}
