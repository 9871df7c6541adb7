/**
 * npm run bench [-- --profile] [-- --only throughput,long,load,autotrack]: prints figures, asserts
 * nothing. Runs headlessly:
 *   tests/bench/throughput.brs   a small and a 12 KB media session: the bridge's cost per call on
 *                                the calling thread (and what it adds to its one field write, by
 *                                argument size, with and without a cycle), how fast the Task thread
 *                                works through a burst of 500 logPlayheadPosition + 500 logEvent,
 *                                what went over the wire;
 *   tests/bench/longsession.brs  a 2-hour session on the virtual clock: the Task's cost per call
 *                                in each 10 minutes (first against last) and what it holds;
 *   tests/bench/load.brs         470 logEvent calls a second for 15 s: uploads during the burst,
 *                                status samples, every call delivered or counted as shed;
 *   tests/bench/autotrack.brs    media.trackVideo: the cost of a tracked Video field event, and a
 *                                10-minute session tracked automatically against one logged by hand.
 * --profile builds the SDK with bs_const MP_PROFILE=true and prints, for the throughput burst,
 * where the Task thread's time went (src/components/mparticle/Profiler.bs) and how many
 * control-flow throws (every executed return / exit for / exit while: tools/runner/throwCounter.ts)
 * it ran per call, with the lines that ran the most; and the throws per call in each 10 minutes
 * of the long session (its work per call, free of this machine's timing noise). Its other figures
 * carry the profiler's own cost. Engine figures are relative: a Roku is slower.
 */
import { runScenario, type ScenarioResult } from './simulate/runScenario';
import { uploadTransport, type WireLogEntry } from './collector';
import { Progress } from './util/progress';
import { THROWS_PREFIX, type ThrowSite } from './runner/throwCounter';

type Figures = Array<[string, string]>;

interface Run {
    result: ScenarioResult;
    /** Lines "[bench] name value" by name (the last of each), and when each first arrived (ms). */
    values: Map<string, string>;
    seenAt: Map<string, number>;
    lines: Array<{ name: string; value: string }>;
    profiles: Profile[];
    /** The "[throws]" sites printed with each profile, in the same order. */
    throws: ThrowSite[][];
}

interface Profile {
    label: string;
    calls: number;
    wallUs: number;
    hookPairUs: number;
    phases: Record<string, { us: number; entries: number }>;
}

const PROFILE = process.argv.includes('--profile');
const onlyArg = process.argv.indexOf('--only');
const ONLY = onlyArg > 0 ? new Set(process.argv[onlyArg + 1].split(',')) : undefined;
const wanted = (part: string) => ONLY === undefined || ONLY.has(part);

async function run(scenario: string, options: Record<string, unknown>, figures: Figures, progress: Progress, prefix = ''): Promise<Run> {
    const values = new Map<string, string>();
    const seenAt = new Map<string, number>();
    const lines: Run['lines'] = [];
    const profiles: Profile[] = [];
    const throws: ThrowSite[][] = [];
    const result = await runScenario({
        scenario,
        options: { logLevel: 0, ...options },
        // A loaded machine runs the engine several times slower.
        timeoutMs: 3_600_000,
        ...(PROFILE ? { bsConst: { MP_PROFILE: true }, countThrows: true } : {}),
        onOutput: (line) => {
            const text = line.trim();
            if (text.startsWith(THROWS_PREFIX)) {
                throws.push(JSON.parse(text.slice(THROWS_PREFIX.length)) as ThrowSite[]);
                return;
            }
            const profile = /^\[profile\] (\{.*\})$/.exec(text);
            if (profile) {
                profiles.push(JSON.parse(profile[1]) as Profile);
                return;
            }
            const match = /^\[bench\] (\S+)(?: (.+))?$/.exec(text);
            if (!match) {
                return;
            }
            const [, name, value = ''] = match;
            values.set(name, value);
            if (!seenAt.has(name)) {
                seenAt.set(name, Date.now());
            }
            lines.push({ name, value });
            if (!name.startsWith('load.sample') && !name.startsWith('long.segment')) {
                figures.push([`${prefix}${name}`, value]);
            }
            progress.update(`${figures.length} figures, last ${prefix}${name}`);
        }
    });
    if (result.failure) {
        throw new Error(`${scenario} ${JSON.stringify(options)}: the run did not finish cleanly: ${result.failure}`);
    }
    return { result, values, seenAt, lines, profiles, throws };
}

/** An upload of events, on either wire (Events API /v2/events, native /v2/<key>/events). */
function isUpload(entry: WireLogEntry): boolean {
    return uploadTransport(entry) !== undefined;
}

function bodyBytes(entry: WireLogEntry): number {
    const declared = Number(entry.headers['content-length']);
    if (Number.isFinite(declared) && declared > 0) {
        return declared;
    }
    return Buffer.byteLength(typeof entry.body === 'string' ? entry.body : JSON.stringify(entry.body));
}

function wireFigures(result: ScenarioResult, figures: Figures, prefix: string) {
    const posts = result.wireLog.filter(isUpload);
    const bytes = posts.reduce((sum, r) => sum + bodyBytes(r), 0);
    const events = result.events.length;
    figures.push([`${prefix}wire.requests`, `${posts.length} uploads for ${events} events (${events > 0 ? (posts.length / events).toFixed(3) : '-'} requests/event)`]);
    figures.push([`${prefix}wire.bytesPerEvent`, `${events > 0 ? Math.round(bytes / events) : 0} bytes (${bytes} bytes of upload bodies)`]);
}

function profileFigures(profile: Profile, figures: Figures, prefix: string) {
    const phases = Object.entries(profile.phases).filter(([name]) => name !== 'wait');
    const busy = phases.reduce((sum, [, p]) => sum + p.us, 0);
    const calls = Math.max(1, profile.calls);
    figures.push([`${prefix}profile.${profile.label}`, `${profile.calls} calls, Task busy ${(busy / 1000).toFixed(0)} ms = ${(busy / calls).toFixed(0)} us/call (waiting ${((profile.phases.wait?.us ?? 0) / 1000).toFixed(0)} ms; a hook pair costs ${profile.hookPairUs} us)`]);
    for (const [name, p] of phases.sort((a, b) => b[1].us - a[1].us)) {
        figures.push([`${prefix}profile.${profile.label}.${name}`, `${(p.us / calls).toFixed(0).padStart(6)} us/call ${(100 * p.us / Math.max(1, busy)).toFixed(1).padStart(5)} %  (${(p.entries / calls).toFixed(2)} entries/call)`]);
    }
}

/** Throws per call in the window (the Task thread's), and the sites that threw the most. */
function throwFigures(sites: ThrowSite[], profile: Profile, figures: Figures, prefix: string, top = 15) {
    const calls = Math.max(1, profile.calls);
    const total = sites.reduce((sum, s) => sum + s.count, 0);
    figures.push([`${prefix}throws.${profile.label}`, `${(total / calls).toFixed(1)} per call (${total} executed returns / exits for ${profile.calls} calls)`]);
    for (const s of sites.slice(0, top)) {
        figures.push([`${prefix}throws.${profile.label}.${s.where}`, `${(s.count / calls).toFixed(2).padStart(6)} per call  ${s.kind} at ${s.site}`]);
    }
}

async function throughput(figures: Figures, progress: Progress) {
    for (const size of ['small', 'large']) {
        const prefix = `${size}.`;
        const { result, profiles, throws } = await run('tests/bench/throughput.brs', { benchSession: size, benchProfile: PROFILE, useVirtualClock: false }, figures, progress, prefix);
        wireFigures(result, figures, prefix);
        const index = profiles.findIndex((p) => p.label === 'burst');
        if (index >= 0) {
            profileFigures(profiles[index], figures, prefix);
            throwFigures(throws[index] ?? [], profiles[index], figures, prefix);
        }
    }
}

async function longSession(figures: Figures, progress: Progress) {
    const { lines, profiles, throws } = await run('tests/bench/longsession.brs', { benchProfile: PROFILE }, figures, progress, 'long.');
    // (the profile of the session's start, "setup", is not one of the 10 minutes)
    const tens = profiles.map((p, i) => ({ profile: p, sites: throws[i] ?? [] })).filter((t) => t.profile.label.startsWith('segment'));
    if (PROFILE && tens.length > 0) {
        // The work per call in each 10 minutes, free of this machine's timing noise.
        const perCall = tens.map((t) => t.sites.reduce((sum, s) => sum + s.count, 0) / Math.max(1, t.profile.calls));
        figures.push(['long.throwsPerTenMinutes', perCall.map((n) => n.toFixed(1)).join(' ') + ' executed returns / exits per call (Task, each 10 minutes)']);
        figures.push(['long.throwsFirstVsLast', `${perCall[0].toFixed(1)} vs ${perCall[perCall.length - 1].toFixed(1)} per call (${(100 * (perCall[perCall.length - 1] / Math.max(0.001, perCall[0]) - 1)).toFixed(1)} %)`]);
        // Where the first and the last 10 minutes throw: a site that grows with the session shows here.
        for (const t of [tens[0], tens[tens.length - 1]]) {
            throwFigures(t.sites, t.profile, figures, 'long.', 8);
        }
    }
    const segments = lines.filter((l) => l.name === 'long.segment').map((l) => JSON.parse(l.value) as { segment: number; calls: number; busyMs: number; queued: number; batches: number; storedBytes: number; delivered: number });
    if (segments.length === 0) {
        return;
    }
    const perCall = (s: { calls: number; busyMs: number }) => (1000 * s.busyMs) / Math.max(1, s.calls);
    figures.push(['long.perTenMinutes', segments.map((s) => perCall(s).toFixed(0)).join(' ') + ' us/call (Task busy time per call, each 10 minutes)']);
    const first = segments[0];
    const last = segments[segments.length - 1];
    figures.push(['long.firstVsLast', `${perCall(first).toFixed(0)} vs ${perCall(last).toFixed(0)} us/call (${(100 * (perCall(last) / perCall(first) - 1)).toFixed(1)} %)`]);
    figures.push(['long.held', `queue ${first.queued} -> ${last.queued} events, ${first.batches} -> ${last.batches} batches, registry ${first.storedBytes} -> ${last.storedBytes} bytes, ${last.delivered} delivered`]);
}

async function load(figures: Figures, progress: Progress) {
    const { result, lines, seenAt } = await run('tests/bench/load.brs', { useVirtualClock: false }, figures, progress, 'load.');
    const samples = lines.filter((l) => l.name === 'load.sample').map((l) => JSON.parse(l.value) as Record<string, number | null>);
    const start = seenAt.get('load.start');
    const end = seenAt.get('load.end');
    const made = Number(lines.find((l) => l.name === 'load.callsMade')?.value.split(' ')[0] ?? 0);
    if (start !== undefined && end !== undefined) {
        const during = result.wireLog.filter((r) => isUpload(r) && Date.parse(r.receivedAt) >= start && Date.parse(r.receivedAt) <= end);
        const first = during.length > 0 ? (Date.parse(during[0].receivedAt) - start) / 1000 : undefined;
        figures.push(['load.uploadsDuringBurst', `${during.length} requests reached the collector in the ${((end - start) / 1000).toFixed(1)} s burst${first !== undefined ? ` (first after ${first.toFixed(1)} s)` : ''}`]);
    }
    const inBurst = samples.filter((s) => (s.made ?? 0) < made || s === samples[0]);
    let moved = 0;
    for (let i = 1; i < inBurst.length; i++) {
        if ((inBurst[i].callsHandled ?? 0) > (inBurst[i - 1].callsHandled ?? 0)) {
            moved++;
        }
    }
    figures.push(['load.statusMoving', `callsHandled grew in ${moved} of ${Math.max(0, inBurst.length - 1)} one-second samples during the burst`]);
    const handled = samples.map((s) => s.callsHandled ?? 0).join(' ');
    figures.push(['load.callsHandledPerSecond', handled]);
    const delivered = result.events.filter((e) => e.eventName === 'Load Event').length;
    const reports = result.events.filter((e) => e.eventName === 'mParticle SDK Dropped Events');
    // Every reason the reports give: calls shed from the Task's backlog, and events the queue
    // dropped for its memory cap while uploads could not keep up (queue_full), ...
    const dropped = new Map<string, number>();
    for (const e of reports) {
        for (const [key, value] of Object.entries((e.attributes as Record<string, string> | undefined) ?? {})) {
            if (key.startsWith('dropped_') && key !== 'dropped_total') {
                dropped.set(key.slice('dropped_'.length), (dropped.get(key.slice('dropped_'.length)) ?? 0) + Number(value));
            }
        }
    }
    const droppedTotal = [...dropped.values()].reduce((sum, n) => sum + n, 0);
    const reasons = [...dropped.entries()].map(([reason, n]) => `${n} ${reason === 'backlog' ? 'shed from the backlog' : `dropped (${reason})`}`).join(' + ');
    const final = samples[samples.length - 1] ?? {};
    figures.push(['load.accounted', `${made} calls: ${delivered} delivered + ${reasons || '0 dropped'} (reported in "mParticle SDK Dropped Events") = ${delivered + droppedTotal}; status callsShed ${final.callsShed ?? 0}, lostCalls ${final.lostCalls ?? 0}`]);
}

async function autotrack(figures: Figures, progress: Progress) {
    await run('tests/bench/autotrack.brs', { benchMode: 'cost' }, figures, progress);
    const sessions: Record<string, ScenarioResult> = {};
    const uploads = (r: ScenarioResult) => r.wireLog.filter(isUpload).length;
    const mediaEvents = (r: ScenarioResult) => r.events.filter((e) => e.customEventType === 'media').length;
    for (const mode of ['tracked', 'hand']) {
        sessions[mode] = (await run('tests/bench/autotrack.brs', { benchMode: mode, useVirtualClock: true }, figures, progress, `${mode}.`)).result;
        figures.push([`${mode}.uploadsPerMinute`, `${(uploads(sessions[mode]) / 10).toFixed(1)} requests/min (${uploads(sessions[mode])} in 10 min of playback)`]);
        figures.push([`${mode}.mediaEventsPerMinute`, `${(mediaEvents(sessions[mode]) / 10).toFixed(1)} events/min (${mediaEvents(sessions[mode])} uploaded)`]);
    }
    const more = uploads(sessions.tracked) - uploads(sessions.hand);
    figures.push(['tracked.vs.hand', more <= 0 ? `no more uploads than by hand (${more})` : `${more} more uploads than by hand`]);
}

async function measure(figures: Figures, progress: Progress) {
    if (wanted('throughput')) {
        await throughput(figures, progress);
    }
    if (wanted('long')) {
        await longSession(figures, progress);
    }
    if (PROFILE) {
        return;
    }
    if (wanted('load')) {
        await load(figures, progress);
    }
    if (wanted('autotrack')) {
        await autotrack(figures, progress);
    }
}

async function main() {
    const figures: Figures = [];
    const progress = new Progress('bench');
    try {
        await measure(figures, progress);
    } finally {
        progress.done();
        const width = Math.max(0, ...figures.map(([name]) => name.length));
        console.log(`bench (brs-engine in headless Chromium on this machine${PROFILE ? ', profiling build' : ''}):`);
        for (const [name, value] of figures) {
            console.log(`  ${name.padEnd(width)}  ${value}`);
        }
    }
}

main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
});
