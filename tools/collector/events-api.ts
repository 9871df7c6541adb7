/** POST /v2/events: the mParticle Events API. Authenticates, validates, stores once per batch_id, checks the data plan. */
import type { Batch } from '@mparticle/event-models';
import { checkBasicAuth } from './auth';
import { validateBatchStructure } from './batch-validation';
import type { CollectorContext } from './context';
import { formatBatch, formatBatchState, formatMpEvent, formatPlanFinding } from './format';
import { isJsonContentType, json, type IncomingCall, type Reply } from './http-io';

export async function handleEventsBatch(call: IncomingCall, ctx: CollectorContext): Promise<Reply> {
    const auth = checkBasicAuth(call.headers, ctx.credentials);
    if (!auth.ok) {
        return ctx.unauthorized('mparticle', call, auth.reason);
    }
    const body = jsonBody(call, ctx);
    if (!body.ok) {
        return body.reply;
    }
    const check = validateBatchStructure(body.value);
    if (!check.ok) {
        return ctx.reject('mparticle', call, 400, check.errors);
    }
    await acceptBatch(call, ctx, check.batch, check.batchId, check.mpid);
    return json(202, {});
}

/** The JSON body of an upload, or the 400 answer when it is not JSON (Content-Type or content). */
export function jsonBody(call: IncomingCall, ctx: CollectorContext): { ok: true; value: unknown } | { ok: false; reply: Reply } {
    if (!isJsonContentType(call.headers)) {
        return { ok: false, reply: ctx.reject('mparticle', call, 400, [`Content-Type must be application/json, got ${JSON.stringify(call.headers['content-type'] ?? '')}`]) };
    }
    if (!call.json.ok) {
        return { ok: false, reply: ctx.reject('mparticle', call, 400, [call.json.error]) };
    }
    return { ok: true, value: call.json.value };
}

/**
 * Stores a valid batch (Events API model) once per batch_id, logs its events and checks them against the data
 * plan. A re-sent batch is answered like a new one (the platform does the same; the client cannot tell, and
 * need not). Returns whether it was new.
 */
export async function acceptBatch(call: IncomingCall, ctx: CollectorContext, batch: Batch, batchId: string, mpid: string): Promise<boolean> {
    const stored = ctx.store.insertBatch({ batchId, receivedAt: call.receivedAt, environment: batch.environment, mpid, batch });
    if (!stored) {
        ctx.counters.duplicates++;
        ctx.log(`[dup] batch ${batchId} already stored`);
        return false;
    }
    const events = batch.events ?? [];
    ctx.log(formatBatch(batchId, mpid, batch.environment, events.length));
    const state = formatBatchState(batch);
    if (state) {
        ctx.log(state);
    }
    for (const event of events) {
        ctx.log(formatMpEvent(event));
    }
    if (ctx.dataPlan) {
        try {
            for (const finding of await ctx.dataPlan.check(batch)) {
                ctx.planViolations.push({ batchId, receivedAt: call.receivedAt, match: finding.match, errors: finding.errors });
                ctx.log(formatPlanFinding(batchId, finding.match, finding.errors));
            }
        } catch (err) {
            ctx.log(`[plan] validator failed on batch ${batchId}: ${err instanceof Error ? err.message : String(err)}`);
        }
    }
    // Accepted even with plan violations: the real platform takes the batch and flags it.
    return true;
}
