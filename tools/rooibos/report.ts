/**
 * Reads a Rooibos console report (headless engine or a device's port 8085 console) into counts.
 * A run that printed no result line did not finish: that is a failure, never a pass.
 * Device framing (CRLF, ANSI colours, system log lines, earlier runs) does not change the counts.
 */
export interface RooibosCounts {
    total: number;
    passed: number;
    failed: number;
    crashed: number;
    ignored: number;
    /** PASS/FAIL from "[Rooibos Result]", or undefined when the run never got there. */
    result?: 'PASS' | 'FAIL';
    /** Names of failed or crashed tests, as the report lists them. */
    failures: string[];
}

/** Removes ANSI colour codes and carriage returns (a device console sends both). */
export function cleanConsole(text: string): string {
    // eslint-disable-next-line no-control-regex
    return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '');
}

function count(text: string, label: string): number | undefined {
    const match = new RegExp(`^\\s*${label}:\\s*(\\d+)\\s*$`, 'm').exec(text);
    return match ? Number(match[1]) : undefined;
}

export function parseRooibosReport(output: string): RooibosCounts {
    const text = cleanConsole(output);
    // Only the last report counts (a device console may hold earlier runs).
    const start = text.lastIndexOf('[START TEST REPORT]');
    const report = start >= 0 ? text.slice(start) : '';
    const resultMatch = /\[Rooibos Result\]:\s*(PASS|FAIL)/.exec(text.slice(Math.max(0, start)));
    // "  - |--name : ....FAIL" (first of a group) or "  | |--name : ....CRASH"
    const failures = [...report.matchAll(/^\s*[|-]\s*\|--(.+?)\s*:\s*\.*(FAIL|CRASH)\s*$/gm)].map((m) => m[1].trim());
    return {
        total: count(report, 'Total') ?? 0,
        passed: count(report, 'Passed') ?? 0,
        failed: count(report, 'Failed') ?? 0,
        crashed: count(report, 'Crashed') ?? 0,
        ignored: count(report, 'Ignored') ?? 0,
        result: resultMatch ? (resultMatch[1] as 'PASS' | 'FAIL') : undefined,
        failures
    };
}

/** Lines of a console report worth showing when the rest is left out: failures, errors, totals, the result. */
export function isReportHighlight(line: string): boolean {
    return /\.\.(FAIL|CRASH)\b|Error|\[Rooibos Result\]|Total:|Passed:|Failed:|Crashed:/.test(line);
}

/** passed/failed as the test summary counts them: crashes are failures, an unfinished run is one. */
export function summarise(counts: RooibosCounts): { passed: number; failed: number } {
    const failed = counts.failed + counts.crashed;
    if (counts.result === undefined) {
        return { passed: counts.passed, failed: Math.max(1, failed) };
    }
    if (counts.result === 'FAIL' && failed === 0) {
        return { passed: counts.passed, failed: 1 };
    }
    return { passed: counts.passed, failed };
}
