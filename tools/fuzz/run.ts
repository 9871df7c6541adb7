/**
 * Runs a fuzz program (generate.ts) headlessly against the local collector and judges it: no
 * crash, no handler that failed, no malformed request, every call handled, every known good
 * event stored exactly once. `npm run fuzz` and tests/node/fuzz.test.ts use it.
 */
import * as path from 'path';
import { runScenario, type ScenarioResult } from '../simulate/runScenario';
import { generateProgram, type FuzzProgram, type GenerateOptions } from './generate';

export const FUZZ_SCENARIO = path.join(__dirname, 'scenario.brs');

/** Media events a good session logs, each once (the summary comes from its end). */
export const GOOD_SESSION_EVENTS = ['Media Session Start', 'Play', 'Pause', 'Media Session End', 'Media Session Summary'];

export interface FuzzReport {
    seed: number;
    program: FuzzProgram;
    result: ScenarioResult;
    seconds: number;
    /** What the channel said it made and the Task said it handled. */
    status?: { sent: number; callsHandled: number; lostCalls: number; warnings: number; errors: number; dropped: number; droppedByReason: Record<string, number> };
    /** Every way the run went wrong; empty when it passed. */
    problems: string[];
}

function countBy<T>(items: T[], key: (item: T) => string | undefined): Map<string, number> {
    const counts = new Map<string, number>();
    for (const item of items) {
        const k = key(item);
        if (k !== undefined) {
            counts.set(k, (counts.get(k) ?? 0) + 1);
        }
    }
    return counts;
}

/** The problems of a finished run (pure: a function of the program and what arrived). */
export function judge(program: FuzzProgram, result: ScenarioResult): { problems: string[]; status?: FuzzReport['status'] } {
    const problems: string[] = [];
    if (result.failure) {
        problems.push(`run failed: ${result.failure}`);
    }
    // A handler, timer or response handler that threw (caught on the Task, but the call was
    // lost), a batch or identity call refused, a guard that tripped: the SDK logs each as an error.
    for (const line of result.lines.filter((l) => l.includes('[mParticle] ERROR'))) {
        problems.push(`Task error: ${line.trim()}`);
    }
    const statusLine = result.lines.map((l) => /^\[fuzz\] status (.+)$/.exec(l.trim())?.[1]).find((s) => s !== undefined);
    const status = statusLine ? JSON.parse(statusLine) as FuzzReport['status'] : undefined;
    if (!status) {
        problems.push('the scenario printed no status (it did not finish)');
    } else {
        // (trackVideo's tracker nodes make calls of their own: the Task may handle more)
        if (status.callsHandled < status.sent) {
            problems.push(`the bridge sent ${status.sent} calls, the Task handled ${status.callsHandled}`);
        }
        if (status.errors !== 0) {
            problems.push(`${status.errors} errors logged on the Task`);
        }
        if (status.lostCalls !== 0) {
            problems.push(`${status.lostCalls} calls lost between the bridge and the Task`);
        }
    }
    const custom = countBy(result.events.filter((e) => e.eventType === 'custom_event'), (e) => e.eventName ?? undefined);
    for (const n of program.good.events) {
        const stored = custom.get(`Fuzz Good ${n}`) ?? 0;
        if (stored !== 1) {
            problems.push(`good event ${n} stored ${stored} times`);
        }
    }
    const screens = countBy(result.events.filter((e) => e.eventType === 'screen_view'), (e) => e.eventName ?? undefined);
    for (const n of program.good.screens) {
        const stored = screens.get(`Fuzz Good Screen ${n}`) ?? 0;
        if (stored !== 1) {
            problems.push(`good screen view ${n} stored ${stored} times`);
        }
    }
    const media = countBy(result.events.filter((e) => e.customEventType === 'media'), (e) => `${e.attributes.content_id}|${e.eventName}`);
    for (const n of program.good.sessions) {
        for (const name of GOOD_SESSION_EVENTS) {
            const stored = media.get(`fuzz-good-${n}|${name}`) ?? 0;
            if (stored !== 1) {
                problems.push(`good media session ${n}: ${name} stored ${stored} times`);
            }
        }
    }
    return { problems, status };
}

export async function runFuzz(seed: number, options: GenerateOptions & { timeoutMs?: number; onOutput?: (line: string) => void } = {}): Promise<FuzzReport> {
    const program = generateProgram(seed, options);
    const started = Date.now();
    const result = await runScenario({
        scenario: FUZZ_SCENARIO,
        // Errors and bad-input warnings print (once each): a handler that threw shows as an error.
        options: { logLevel: 1 },
        timeoutMs: options.timeoutMs ?? 900_000,
        files: { 'config/fuzz.json': JSON.stringify({ seed, ops: program.ops }) },
        onOutput: options.onOutput
    });
    const seconds = (Date.now() - started) / 1000;
    return { seed, program, result, seconds, ...judge(program, result) };
}

/** One paragraph for a log: the seed to repeat the run, what ran, and what went wrong. */
export function describeReport(report: FuzzReport): string {
    const { program, status } = report;
    const targets = Object.keys(program.perTarget).length;
    const lines = [
        `fuzz seed ${report.seed} (repeat with FUZZ_SEED=${report.seed}): ${program.calls} calls over ${targets} functions, ` +
        `${program.good.events.length + program.good.screens.length} good events and ${program.good.sessions.length} good media sessions, ${report.seconds.toFixed(1)} s`
    ];
    if (status) {
        lines.push(`  Task: ${status.callsHandled} bridge calls handled (${status.sent} made by the scenario's bridge), ${status.lostCalls} lost, ${status.warnings} bad-input warnings, ${status.errors} errors logged, ${status.dropped} events dropped ${JSON.stringify(status.droppedByReason)}`);
    }
    lines.push(`  wire: ${report.result.batches.length} batches, ${report.result.events.length} events stored, ${report.result.malformed.length} malformed requests`);
    for (const problem of report.problems) {
        lines.push(`  PROBLEM ${problem}`);
    }
    return lines.join('\n');
}
