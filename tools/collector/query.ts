/**
 * GET /query/batches: what the collector stored, for checks that run inside the channel (Rooibos specs on a
 * real mParticleTask cannot call the Node API). Filters: batch_id=<id>, event_name=<custom event or screen
 * name>; both may repeat. Each batch comes with `posts`: how many times it arrived on the wire (re-sends
 * included), so a spec can see that a retried batch kept its batch_id and was stored once.
 */
import type { CollectorContext } from './context';
import { json, type IncomingCall, type Reply } from './http-io';
import type { WireLogEntry } from './records';
import { uploadedBatchId } from './uploads';

export const QUERY_BATCHES_PATH = '/query/batches';

export function handleQueryBatches(call: IncomingCall, ctx: CollectorContext, wire: readonly WireLogEntry[]): Reply {
    if (call.method !== 'GET') {
        return ctx.reject('collector', call, 405, [`${call.path} takes GET, not ${call.method}`]);
    }
    const ids = new Set(call.query.getAll('batch_id'));
    const names = new Set(call.query.getAll('event_name'));
    const posts = new Map<string, number>();
    for (const entry of wire) {
        const id = uploadedBatchId(entry);
        if (id !== undefined) {
            posts.set(id, (posts.get(id) ?? 0) + 1);
        }
    }
    const events = ctx.store.events();
    const batches = ctx.store.batches().filter((stored) => {
        if (ids.size > 0 && !ids.has(stored.batchId)) {
            return false;
        }
        if (names.size > 0) {
            return events.some((e) => e.batchId === stored.batchId && e.eventName !== null && names.has(e.eventName));
        }
        return true;
    });
    return json(200, {
        batches: batches.map((stored) => ({
            batchId: stored.batchId,
            mpid: stored.mpid,
            environment: stored.environment,
            receivedAt: stored.receivedAt,
            posts: posts.get(stored.batchId) ?? 0,
            batch: stored.batch
        }))
    });
}
