/**
 * POST /v2/{apiKey}/events: mParticle's native SDK endpoint (nativesdks.mparticle.com), the one mParticle's Roku
 * SDK and this SDK's default transport upload to. Checks the key in the path and the request signature (401
 * otherwise, as the service answers), checks the native batch, translates it into the Events API model
 * (native.ts), checks that like any Events API batch, stores it once per id, and answers 202 with what the service
 * hands back: cookies (ci.ck) and the user's lifetime value (iltv) for the next batches.
 */
import { createHash } from 'crypto';
import { checkSignature } from './auth';
import { validateBatchStructure } from './batch-validation';
import type { CollectorContext } from './context';
import { acceptBatch, jsonBody } from './events-api';
import { isPlainObject, json, type IncomingCall, type Reply } from './http-io';
import { translateNativeBatch } from './native';

export const NATIVE_EVENTS_PATH = /^\/v2\/([^/]+)\/events$/;

/** The cookie the collector hands out: stable per device (das), valid for a year from the answer. */
export function nativeCookies(das: string, answeredAt: number): Record<string, { c: string; e: string }> {
    const expiry = new Date(answeredAt + 365 * 24 * 3600 * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return { uid: { c: createHash('sha256').update(`uid:${das}`).digest('hex').slice(0, 24), e: expiry } };
}

/** Purchases add to a user's lifetime value, refunds take from it (commerce events' product_action). */
function lifetimeValueChange(events: readonly unknown[]): number {
    let change = 0;
    for (const event of events) {
        const data = isPlainObject(event) && isPlainObject(event.data) ? event.data : undefined;
        const action = data && isPlainObject(data.product_action) ? data.product_action : undefined;
        if (action && typeof action.total_amount === 'number') {
            if (action.action === 'purchase') {
                change += action.total_amount;
            } else if (action.action === 'refund') {
                change -= action.total_amount;
            }
        }
    }
    return change;
}

export async function handleNativeBatch(call: IncomingCall, pathKey: string, ctx: CollectorContext): Promise<Reply> {
    if (pathKey !== ctx.credentials.apiKey) {
        return ctx.unauthorized('mparticle', call, `unknown API key "${pathKey}" in the path`);
    }
    const auth = checkSignature(call, ctx.credentials);
    if (!auth.ok) {
        return ctx.unauthorized('mparticle', call, auth.reason);
    }
    const body = jsonBody(call, ctx);
    if (!body.ok) {
        return body.reply;
    }
    const native = translateNativeBatch(body.value);
    if (!native.ok) {
        return ctx.reject('mparticle', call, 400, native.errors);
    }
    const check = validateBatchStructure(native.batch);
    if (!check.ok) {
        return ctx.reject('mparticle', call, 400, check.errors.map((e) => `translated into the Events API model: ${e}`));
    }
    const stored = await acceptBatch(call, ctx, check.batch, check.batchId, check.mpid);
    if (stored) {
        const change = lifetimeValueChange(check.batch.events ?? []);
        if (change !== 0) {
            ctx.lifetimeValues.set(check.mpid, (ctx.lifetimeValues.get(check.mpid) ?? 0) + change);
        }
    }
    const answer: Record<string, unknown> = {
        ci: { mpid: check.mpid, das: native.das, ck: nativeCookies(native.das, Date.parse(call.receivedAt)) }
    };
    const ltv = ctx.lifetimeValues.get(check.mpid);
    if (ltv !== undefined) {
        answer.iltv = ltv;
    }
    return json(202, answer);
}
