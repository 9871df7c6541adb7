/** Builds the Rooibos test channel and runs it headlessly against a fresh local collector. */
import * as fs from 'fs';
import * as path from 'path';
import { startCollector } from '../collector';
import { buildChannel, ROOT, zipChannel } from '../build/channel';
import { runChannel } from '../runner/headless';
import { collectorOptions, runnerConfigFile } from '../runner/runnerConfig';
import { parseRooibosReport, summarise, type RooibosCounts } from './report';
import type { Progress } from '../util/progress';

export interface RooibosRunResult {
    passed: number;
    failed: number;
    counts: RooibosCounts;
    buildProblems: string[];
    crash?: string;
}

/** bsconfig.test.json's files with only the spec files whose names contain one of `only`. */
function filesWithOnly(only: string[]): unknown[] {
    const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'bsconfig.test.json'), 'utf8'));
    return (config.files as Array<string | { src: string; dest: string }>).map((entry) => {
        if (typeof entry === 'string' || !entry.src.startsWith('tests/specs/')) {
            return entry;
        }
        const dir = entry.src.replace(/\/\*\*\/\*$/, '');
        return { src: [entry.src, `!${dir}/**/*.spec.bs`, ...only.map((name) => `${dir}/**/*${name}*.spec.bs`)], dest: entry.dest };
    });
}

/**
 * How long a whole Rooibos run may take before it counts as hung. A hang guard, not a budget: the
 * 520 specs take ~200 s on a quiet 2-core machine and timed out at 300 s with other engines
 * running.
 */
export const ROOIBOS_TIMEOUT_MS = 900_000;

export interface RooibosRunOptions {
    timeoutMs?: number;
    onOutput?: (line: string) => void;
    /** Shows the tests run so far and the current suite (a status line on a terminal). */
    progress?: Progress;
    /** Only the spec files whose names contain one of these (a faster loop while working). */
    only?: string[];
}

export async function runRooibosHeadless(options: RooibosRunOptions = {}): Promise<RooibosRunResult> {
    // Per-process staging, so concurrent runs (CI steps, several terminals) never share files.
    const stagingDir = path.join(ROOT, 'out', `rooibos-${process.pid}`);
    const only = options.only?.filter(Boolean) ?? [];
    const build = await buildChannel({ project: 'bsconfig.test.json', stagingDir, overrides: only.length > 0 ? { files: filesWithOnly(only) } : undefined });
    const empty = parseRooibosReport('');
    // With --only, support files of the specs left out are unreferenced (bsc warning 1013).
    const problems = only.length > 0 ? build.problems.filter((p) => !/ warning 1013: /.test(p)) : build.problems;
    if (problems.length > 0) {
        fs.rmSync(stagingDir, { recursive: true, force: true });
        return { passed: 0, failed: 1, counts: empty, buildProblems: problems };
    }
    const collector = await startCollector({ quiet: true });
    try {
        const zip = zipChannel(build.stagingDir, runnerConfigFile({
            collectorUrl: collector.url,
            options: collectorOptions(collector.url, { useVirtualClock: true })
        }));
        const lines: string[] = [];
        let testsRun = 0;
        let suite = '';
        const run = await runChannel({
            zip,
            timeoutMs: options.timeoutMs ?? ROOIBOS_TIMEOUT_MS,
            onOutput: (line) => {
                lines.push(line);
                suite = /^> SUITE: (.*?)>*$/.exec(line)?.[1] ?? suite;
                testsRun += line.startsWith('<<<< END It:') ? 1 : 0;
                options.progress?.update(`${testsRun} tests run${suite ? `, suite ${suite}` : ''}`);
                options.onOutput?.(line);
            }
        }).finally(() => options.progress?.done());
        const counts = parseRooibosReport(lines.join('\n'));
        const summary = summarise(counts);
        const crash = run.status === 'crashed' ? run.errors.join('\n') : run.status === 'timeout' ? 'timed out' : undefined;
        return {
            passed: summary.passed,
            failed: crash && summary.failed === 0 ? 1 : summary.failed,
            counts,
            buildProblems: [],
            crash
        };
    } finally {
        await collector.close();
        fs.rmSync(stagingDir, { recursive: true, force: true });
    }
}

/** Prints what went wrong in a run (build problems, failed tests, an unfinished run) to stderr. */
export function reportRooibosProblems(result: RooibosRunResult): void {
    for (const problem of result.buildProblems) {
        console.error(problem);
    }
    for (const name of result.counts.failures) {
        console.error(`failed: ${name}`);
    }
    if (result.crash) {
        console.error(`Rooibos run did not finish cleanly: ${result.crash}`);
    }
}
