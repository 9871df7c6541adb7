/** State shared by the route handlers: the store, settings, per-process counters, and how to report bad input. */
import type { EdgeSettings } from './adobe';
import type { Credentials } from './auth';
import type { DataPlanChecker } from './data-plan';
import { formatMalformed } from './format';
import { json, type IncomingCall, type Reply } from './http-io';
import type { Api, FaultCounts, MalformedEntry, PlanViolation } from './records';
import type { Store } from './store';

export interface Counters {
    requests: number;
    duplicates: number;
    unauthorized: number;
    refusedConnections: number;
    adobeIdentityFetches: number;
    faults: FaultCounts;
}

export class CollectorContext {
    readonly counters: Counters = {
        requests: 0,
        duplicates: 0,
        unauthorized: 0,
        refusedConnections: 0,
        adobeIdentityFetches: 0,
        faults: { total: 0, '500': 0, '429': 0, '503': 0, drop: 0, slow: 0, forced: 0 }
    };
    readonly malformed: MalformedEntry[] = [];
    /** Lifetime value per mpid from the purchases and refunds stored (the native answer's iltv). */
    readonly lifetimeValues = new Map<string, number>();
    readonly planViolations: PlanViolation[] = [];

    constructor(
        readonly store: Store,
        readonly credentials: Credentials,
        readonly log: (line: string) => void,
        readonly dataPlan: DataPlanChecker | undefined,
        readonly edge: EdgeSettings
    ) { }

    /** Records a request the collector refuses as malformed and builds the error reply. */
    reject(api: Api, call: IncomingCall, status: number, reasons: string[], extraBody?: Record<string, unknown>): Reply {
        this.malformed.push({
            api,
            method: call.method,
            path: call.path,
            status,
            reasons,
            receivedAt: call.receivedAt,
            body: call.json.ok ? call.json.value : call.rawBody
        });
        this.log(formatMalformed(api, call.method, call.path, status, reasons));
        return json(status, { ...extraBody, errors: reasons });
    }

    /** Wrong or missing credentials: a 401, counted apart from malformed requests. */
    unauthorized(api: Api, call: IncomingCall, reason: string): Reply {
        this.counters.unauthorized++;
        this.log(`[auth] ${api} 401 ${call.method} ${call.path}: ${reason}`);
        return json(401, { errors: [{ code: 'unauthorized', message: reason }] });
    }
}
