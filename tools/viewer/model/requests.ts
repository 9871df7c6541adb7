/**
 * The requests the collector finished, named by what they carried, with re-sent batches and failed
 * answers marked; and the problems worth a highlight: data-plan violations, malformed requests, faults.
 */
import type { MalformedEntry } from '../../collector/records';
import type { RequestInfo } from '../protocol';
import { shortId } from './format';
import type { LinkedViolation } from './violations';

export type Api = 'events' | 'idsync' | 'adobe' | 'other';

export interface RequestView extends RequestInfo {
    api: Api;
    label: string;
    /** A batch_id that arrived before (a retry after a fault or timeout: stored once). */
    resend: boolean;
    /** fault: answered with an injected fault; dropped: no answer; rejected: a 4xx/5xx of the collector's own. */
    problem: 'fault' | 'dropped' | 'rejected' | null;
}

export function buildRequests(requests: readonly RequestInfo[]): RequestView[] {
    const seenBatches = new Set<string>();
    return requests.map((request) => {
        let api: Api = 'other';
        let label = `${request.method} ${request.path}`;
        let adobe: RegExpExecArray | null;
        let idSync: RegExpExecArray | null;
        if (request.path === '/v2/events' || /^\/v2\/[^/]+\/events$/.test(request.path)) {
            api = 'events';
            label = request.batchId ? `batch ${shortId(request.batchId)}` : 'batch';
        } else if ((adobe = /^\/ee\/(?:[^/]+\/)?(?:va\/v1\/([^/]+)|v1\/(interact))$/.exec(request.path))) {
            // Media Edge calls and the ECID fetch, with or without a location hint (/ee/or2/va/v1/play).
            api = 'adobe';
            label = adobe[1] ?? 'identity';
        } else if ((idSync = /^\/v1\/(?:[^/]+\/)?(identify|login|logout|modify)$/.exec(request.path))) {
            api = 'idsync';
            label = idSync[1];
        }
        const resend = request.batchId !== undefined && seenBatches.has(request.batchId);
        if (request.batchId !== undefined) {
            seenBatches.add(request.batchId);
        }
        const problem = request.fault !== undefined ? 'fault' : request.status === undefined ? 'dropped' : request.status >= 400 ? 'rejected' : null;
        return { ...request, api, label, resend, problem };
    });
}

/** How many times each batch_id was posted and how many of those posts failed (faults, drops, rejections). */
export function batchAttempts(requests: readonly RequestView[]): Map<string, { posts: number; failed: number }> {
    const attempts = new Map<string, { posts: number; failed: number }>();
    for (const r of requests) {
        if (r.batchId !== undefined) {
            const a = attempts.get(r.batchId) ?? { posts: 0, failed: 0 };
            a.posts++;
            a.failed += r.problem ? 1 : 0;
            attempts.set(r.batchId, a);
        }
    }
    return attempts;
}

export interface Problem {
    kind: 'violation' | 'malformed' | 'fault';
    title: string;
    details: string[];
    receivedAt: string;
    /** Events the problem is about (violations). */
    eventKeys: string[];
}

export function buildProblems(violations: readonly LinkedViolation[], malformed: readonly MalformedEntry[], requests: readonly RequestView[]): Problem[] {
    const problems: Problem[] = [
        ...violations.map((v): Problem => ({
            kind: 'violation',
            title: `Data plan: ${v.target}`,
            details: [...v.findings.map((f) => f.text), `batch ${shortId(v.violation.batchId)}`],
            receivedAt: v.violation.receivedAt,
            eventKeys: v.eventKeys
        })),
        ...malformed.map((m): Problem => ({
            kind: 'malformed',
            title: `Malformed: ${m.status} ${m.method} ${m.path}`,
            details: m.reasons,
            receivedAt: m.receivedAt,
            eventKeys: []
        })),
        ...requests.filter((r) => r.problem === 'fault' || r.problem === 'dropped').map((r): Problem => ({
            kind: 'fault',
            title: `Fault: ${r.status === undefined ? 'connection dropped' : r.status} on ${r.api === 'other' ? r.path : `${r.api} ${r.label}`}`,
            details: [`${r.method} ${r.path}${r.fault === 'forced' ? ', forced' : ''}${r.resend ? ', a re-send' : ''}`],
            receivedAt: r.receivedAt,
            eventKeys: []
        }))
    ];
    return problems.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
}
