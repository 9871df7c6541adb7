/** POST /v2/events: the mParticle Events API. Authenticates, validates, stores once per batch_id, checks the data plan. */
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
    if (!isJsonContentType(call.headers)) {
        return ctx.reject('mparticle', call, 400, [`Content-Type must be application/json, got ${JSON.stringify(call.headers['content-type'] ?? '')}`]);
    }
    if (!call.json.ok) {
        return ctx.reject('mparticle', call, 400, [call.json.error]);
    }
    const check = validateBatchStructure(call.json.value);
    if (!check.ok) {
        return ctx.reject('mparticle', call, 400, check.errors);
    }
    const { batch, batchId, mpid } = check;
    const stored = ctx.store.insertBatch({ batchId, receivedAt: call.receivedAt, environment: batch.environment, mpid, batch });
    if (!stored) {
        // The platform answers a re-sent batch like a new one; the client cannot tell, and need not.
        ctx.counters.duplicates++;
        ctx.log(`[dup] batch ${batchId} already stored`);
        return json(202, {});
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
    return json(202, {});
}
