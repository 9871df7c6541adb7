/**
 * The scenario runner behind `npm run simulate` (contract in README.md): builds the sample
 * channel with a scenario file and the harness Main, runs it headlessly against a local
 * collector on a free loopback port, and reports what the collector received.
 */
import * as fs from 'fs';
import * as path from 'path';
import { startCollector, type Collector, type CollectorOptions, type WireLogEntry } from '../collector';
import { buildChannel, ROOT, zipChannel } from '../build/channel';
import { runChannel, type RunStatus } from '../runner/headless';
import { describeThrowSites, THROWS_PREFIX } from '../runner/throwCounter';
import { collectorOptions, runnerConfigFile } from '../runner/runnerConfig';
import { loadDataPlan } from '../codegen/artifacts';

export interface ScenarioOptions {
    /** Path of a .brs or .bs file defining `sub runScenario(ctx as object)`. */
    scenario: string;
    /** SDK option overrides (merged into mparticleOptions). */
    options?: Record<string, unknown>;
    timeoutMs?: number;
    /** Collector settings (faults, data plan, ...). */
    collector?: CollectorOptions;
    /** Called for every line the channel prints. */
    onOutput?: (line: string, level: string) => void;
    /** Called with the running collector before the channel starts (awaited), e.g. to change faults mid-run or open the viewer. */
    onCollector?: (collector: Collector) => void | Promise<void>;
    /** Conditional-compilation constants for this build (the manifest's bs_const), e.g. { MP_PROFILE: true }. */
    bsConst?: Record<string, boolean>;
    /**
     * Count the engine's control-flow throws (tools/runner/throwCounter.ts): each "[throws] ..."
     * line a profiling build prints reaches onOutput as "[throws] " + JSON of ThrowSite[].
     */
    countThrows?: boolean;
    /** More files for the package, by path (e.g. `config/fuzz.json`, read as pkg:/config/fuzz.json). */
    files?: Record<string, string | Buffer>;
}

export interface ScenarioResult {
    status: RunStatus;
    /** Finished: the scenario returned and the SDK reported nothing pending. */
    drained: boolean;
    exitCode: number;
    /** Why the run failed, when it did. */
    failure?: string;
    errors: string[];
    lines: string[];
    wireLog: WireLogEntry[];
    events: ReturnType<Collector['events']>;
    batches: ReturnType<Collector['batches']>;
    adobeEvents: ReturnType<Collector['adobeEvents']>;
    /** ECIDs the collector handed out to Edge identity fetches, in order. */
    adobeIdentities: string[];
    identityCalls: ReturnType<Collector['identityCalls']>;
    malformed: ReturnType<Collector['malformed']>;
    planViolations: ReturnType<Collector['planViolations']>;
}

let runCounter = 0;

/** Parses `key=value` (value as JSON when it parses, else a string). */
export function parseOptionArg(arg: string): [string, unknown] {
    const eq = arg.indexOf('=');
    if (eq <= 0) {
        throw new Error(`--option needs key=value, got "${arg}"`);
    }
    const key = arg.slice(0, eq);
    const raw = arg.slice(eq + 1);
    try {
        return [key, JSON.parse(raw)];
    } catch {
        return [key, raw];
    }
}

export async function runScenario(options: ScenarioOptions): Promise<ScenarioResult> {
    const scenarioPath = path.resolve(options.scenario);
    if (!fs.existsSync(scenarioPath)) {
        throw new Error(`scenario file not found: ${options.scenario}`);
    }
    const ext = path.extname(scenarioPath).toLowerCase();
    if (ext !== '.brs' && ext !== '.bs') {
        throw new Error(`a scenario is a .brs or .bs file, got ${options.scenario}`);
    }
    const workDir = path.join(ROOT, 'out', 'simulate', `${process.pid}-${++runCounter}`);
    fs.rmSync(workDir, { recursive: true, force: true });
    fs.mkdirSync(path.join(workDir, 'scenario'), { recursive: true });
    fs.copyFileSync(scenarioPath, path.join(workDir, 'scenario', `Scenario${ext}`));
    const rel = (p: string) => path.relative(ROOT, p).split(path.sep).join('/');

    const build = await buildChannel({
        project: 'bsconfig.json',
        stagingDir: path.join(workDir, 'staging'),
        overrides: {
            // A scenario is a quick test script: it is not linted, and what bsc would reject in
            // it (e.g. a call to an undefined function) fails at run time with the engine's error.
            diagnosticFilters: [{ src: `${rel(path.join(workDir, 'scenario'))}/**/*` }],
            ...(options.bsConst ? { manifest: { bs_const: options.bsConst } } : {}),
            files: [
                'manifest',
                { src: ['src/source/**/*', '!src/source/main.bs'], dest: 'source' },
                { src: 'src/components/**/*', dest: 'components' },
                { src: 'tools/simulate/harness/source/**/*', dest: 'source/harness' },
                { src: 'tools/simulate/harness/components/**/*', dest: 'components/harness' },
                { src: `${rel(path.join(workDir, 'scenario'))}/**/*`, dest: 'source/scenario' }
            ]
        }
    });
    if (build.problems.length > 0) {
        throw new Error(`scenario build failed:\n${build.problems.join('\n')}`);
    }

    // The generated data plan checks every accepted batch unless the caller passes its own
    // (findings land in result.planViolations; they never fail the run).
    const collector = await startCollector({ quiet: true, dataPlan: loadDataPlan(), ...options.collector });
    try {
        await options.onCollector?.(collector);
        const sdkOptions = collectorOptions(collector.url, { useVirtualClock: true, ...options.options });
        const zip = zipChannel(build.stagingDir, { ...options.files, ...runnerConfigFile({ collectorUrl: collector.url, options: sdkOptions }) });
        let drained = false;
        const lines: string[] = [];
        const run = await runChannel({
            zip,
            timeoutMs: options.timeoutMs ?? 300_000,
            countThrows: options.countThrows,
            onOutput: (raw, level) => {
                const line = options.countThrows && raw.startsWith(THROWS_PREFIX) ? THROWS_PREFIX + JSON.stringify(describeThrowSites(raw, build.stagingDir)) : raw;
                lines.push(line);
                const text = line.trim();
                if (text === '[scenario] done') {
                    drained = true;
                } else if (text === '[scenario] network down' || text === '[scenario] network up') {
                    // ctx.network(up): the harness polls /health until it sees the change.
                    collector.setDown(text.endsWith('down'));
                }
                options.onOutput?.(line, level);
            }
        });
        const malformed = collector.malformed();
        let failure: string | undefined;
        if (run.status === 'crashed') {
            failure = `BrightScript crash:\n${run.errors.join('\n')}`;
        } else if (run.status === 'timeout') {
            failure = drained ? 'timed out after the scenario finished' : 'timed out before the SDK reported nothing pending';
        } else if (!drained) {
            failure = 'the channel exited before the scenario finished';
        } else if (malformed.length > 0) {
            failure = `the collector saw ${malformed.length} malformed request(s):\n${malformed.map((m) => `  ${m.method} ${m.path}: ${m.reasons.join('; ')}`).join('\n')}`;
        }
        return {
            status: run.status,
            drained,
            exitCode: failure ? 1 : 0,
            failure,
            errors: run.errors,
            lines,
            wireLog: collector.wireLog(),
            events: collector.events(),
            batches: collector.batches(),
            adobeEvents: collector.adobeEvents(),
            adobeIdentities: collector.adobeIdentities(),
            identityCalls: collector.identityCalls(),
            malformed,
            planViolations: collector.planViolations()
        };
    } finally {
        await collector.close();
        fs.rmSync(workDir, { recursive: true, force: true });
    }
}
