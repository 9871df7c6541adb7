/**
 * Seeded random media sessions for the differential test (tests/node/media-differential.test.ts):
 * a script of app calls and clock advances per session, written once as a BrightScript scenario
 * for this SDK and replayed on @mparticle/web-media-sdk (webReference.ts).
 *
 * Scripts are well-formed, as a player would produce them: every end follows its start, ads sit in
 * ad breaks, the playhead moves only while content plays and never goes back to 0 (the web SDK
 * reads a 0 playhead as "not given"), and open segments are ended before the session ends.
 * Out-of-order and invalid calls are covered by the Rooibos specs, not here.
 */
import { seededRandom } from '../../../tools/util/random';

export type Call =
    | { op: 'start' }
    | { op: 'end' }
    | { op: 'play' }
    | { op: 'pause' }
    | { op: 'contentEnd' }
    | { op: 'seekStart'; position: number }
    | { op: 'seekEnd'; position: number }
    | { op: 'bufferStart'; duration: number; percent: number; position: number }
    | { op: 'bufferEnd'; duration: number; percent: number; position: number }
    | { op: 'playhead' }
    | { op: 'qos'; startupTime: number; droppedFrames: number; bitRate: number; fps: number; webName: boolean }
    | { op: 'adBreakStart'; id: string; title: string; duration: number }
    | { op: 'adBreakEnd' }
    | { op: 'adStart'; id: string; title: string; duration: number }
    | { op: 'adEnd' }
    | { op: 'adSkip' }
    | { op: 'adClick' }
    | { op: 'adSummary' }
    | { op: 'segmentStart'; title: string; index: number; duration: number }
    | { op: 'segmentEnd' }
    | { op: 'segmentSkip' }
    | { op: 'segmentSummary' }
    | { op: 'sessionSummary' };

/** A call, made with the app's playhead at that moment, or a clock advance. */
export type Step = (Call & { playhead: number }) | { op: 'advance'; ms: number };

export interface SessionScript {
    index: number;
    contentId: string;
    title: string;
    duration: number;
    /** mediaContentCompleteLimit, %. */
    limit: number;
    excludeAdBreaksFromContentTime: boolean;
    steps: Step[];
}

/** Same seed, same scripts. */
export const rng = seededRandom;

export function generateSessions(seed: number, count: number): SessionScript[] {
    const random = rng(seed);
    const sessions: SessionScript[] = [];
    for (let i = 0; i < count; i++) {
        sessions.push(generateSession(i, random));
    }
    return sessions;
}

function generateSession(index: number, random: () => number): SessionScript {
    const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
    const chance = (p: number) => random() < p;
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];

    const duration = int(60, 2400) * 1000;
    const script: SessionScript = {
        index,
        contentId: `diff-${String(index).padStart(3, '0')}`,
        title: `Differential ${index}`,
        duration,
        limit: pick([100, 100, 95, 90, 80]),
        excludeAdBreaksFromContentTime: chance(0.3),
        steps: []
    };
    const steps = script.steps;
    let playhead = 0;
    let playing = false;
    let contentEnded = false;
    let segment = 0;
    let segments = 0;
    let breaks = 0;

    const call = (c: Call) => steps.push({ ...c, playhead } as Step);
    // Time passes; the content plays on only while it plays (not in ads, buffering, after its end).
    const advance = (ms: number, contentMoves: boolean) => {
        steps.push({ op: 'advance', ms });
        if (contentMoves && playing && !contentEnded) {
            playhead = Math.min(duration, playhead + ms);
        }
    };

    call({ op: 'start' });
    const pause = chance(0.5) ? int(1, 3000) : 0;
    if (pause > 0) {
        advance(pause, false);
    }
    if (chance(0.85)) {
        call({ op: 'play' });
        playing = true;
    }
    // Each bridge call costs the headless engine's Task loop ~14 ms, so sessions stay compact:
    // time mostly passes without a call, and the next call carries the new playhead.
    const actions = int(2, 5);
    for (let a = 0; a < actions; a++) {
        const roll = random();
        if (roll < 0.24) {
            advance(int(1000, 120000), true);
        } else if (roll < 0.36) {
            if (playing) {
                call({ op: 'pause' });
                playing = false;
            } else {
                call({ op: 'play' });
                playing = true;
            }
        } else if (roll < 0.42) {
            call({ op: 'seekStart', position: playhead });
            playhead = int(1, duration / 1000) * 1000;
            call({ op: 'seekEnd', position: playhead });
        } else if (roll < 0.49) {
            const stall = int(200, 8000);
            call({ op: 'bufferStart', duration: 0, percent: int(0, 50), position: playhead });
            advance(stall, false);
            call({ op: 'bufferEnd', duration: stall, percent: 100, position: playhead });
        } else if (roll < 0.52) {
            call({ op: 'qos', startupTime: int(100, 3000), droppedFrames: int(0, 30), bitRate: int(1, 80) * 100000, fps: pick([24, 25, 30, 60]), webName: chance(0.5) });
        } else if (roll < 0.56) {
            call({ op: 'playhead' });
        } else if (roll < 0.72) {
            breaks++;
            const breakId = `b${breaks}`;
            call({ op: 'adBreakStart', id: breakId, title: `Break ${breaks}`, duration: int(10, 90) * 1000 });
            const ads = chance(0.3) ? 2 : 1;
            for (let ad = 1; ad <= ads; ad++) {
                call({ op: 'adStart', id: `${script.contentId}-${breakId}-ad${ad}`, title: `Ad ${ad}`, duration: int(5, 30) * 1000 });
                advance(int(1000, 30000), false);
                if (chance(0.1)) {
                    call({ op: 'adClick' });
                }
                if (chance(0.08)) {
                    // An explicit summary in the middle of an ad ends it.
                    call({ op: 'adSummary' });
                } else {
                    call({ op: chance(0.25) ? 'adSkip' : 'adEnd' });
                    if (chance(0.15)) {
                        call({ op: 'adSummary' });
                    }
                }
            }
            call({ op: 'adBreakEnd' });
        } else if (roll < 0.86) {
            if (segment === 0) {
                segments++;
                segment = segments;
                call({ op: 'segmentStart', title: `Chapter ${segment}`, index: segment, duration: int(30, 600) * 1000 });
            } else {
                call({ op: chance(0.3) ? 'segmentSkip' : 'segmentEnd' });
                segment = 0;
                if (chance(0.15)) {
                    call({ op: 'segmentSummary' });
                }
            }
        } else if (roll < 0.89) {
            call({ op: 'sessionSummary' });
        } else if (!contentEnded) {
            if (chance(0.5)) {
                // Played to the end.
                advance(Math.max(1000, duration - playhead), true);
                playhead = duration;
            }
            call({ op: 'contentEnd' });
            contentEnded = true;
            playing = false;
        } else {
            advance(int(1000, 20000), true);
        }
    }
    if (segment !== 0) {
        call({ op: 'segmentEnd' });
    }
    advance(int(1000, 5000), true);
    call({ op: 'end' });
    if (chance(0.2)) {
        call({ op: 'sessionSummary' });
    }
    return script;
}

// ---------------------------------------------------------------------------------------------
// The BrightScript scenario: one sub per session, run one after the other.

function bsString(value: string): string {
    return `"${value.replace(/"/g, '""')}"`;
}

/** Events logged since the scenario last paused for delivery. */
interface Pacing {
    eventsSinceSettle: number;
}

/**
 * Logged events (estimated high) after which the scenario waits for delivery: about one batch,
 * far below the core's in-memory limit, so nothing is dropped however fast the script runs.
 */
const EVENTS_PER_SETTLE = 60;

function sessionSub(script: SessionScript, pacing: Pacing): string {
    const lines: string[] = [];
    const out = (line: string) => {
        lines.push(`    ${line}`);
    };
    const settle = () => {
        out('diffSettle(ctx)');
        pacing.eventsSinceSettle = 0;
    };
    out(`s = c.MediaSession.build(${bsString(script.contentId)}, ${bsString(script.title)}, c.MEDIA_CONTENT_TYPE.VIDEO, c.MEDIA_STREAM_TYPE.ON_DEMAND, ${script.duration})`);
    out(`s.mediaContentCompleteLimit = ${script.limit}`);
    out(`s.excludeAdBreaksFromContentTime = ${script.excludeAdBreaksFromContentTime}`);
    let playhead = 0;
    let pendingAdReset = false;
    // Consecutive advances become one call.
    let advanceMs = 0;
    for (const step of script.steps) {
        if (step.op === 'advance') {
            advanceMs += step.ms;
            continue;
        }
        if (advanceMs > 0) {
            out(`ctx.clock.advance(${advanceMs})`);
            advanceMs = 0;
        }
        // Ends log their summaries too; a playhead update may log milestones.
        pacing.eventsSinceSettle += step.op === 'end' || step.op === 'adEnd' || step.op === 'adSkip' || step.op === 'segmentEnd' || step.op === 'segmentSkip' ? 2 : 1;
        if (pacing.eventsSinceSettle >= EVENTS_PER_SETTLE) {
            settle();
            pacing.eventsSinceSettle = step.op === 'end' ? 2 : 1;
        }
        if (step.playhead !== playhead) {
            out(`s.currentPlayheadPosition = ${step.playhead}`);
            playhead = step.playhead;
        }
        if (pendingAdReset && step.op !== 'adSummary') {
            // As the Roku seed advises: set adContent to invalid after the ad and its summary.
            out('s.adContent = invalid');
            pendingAdReset = false;
        }
        switch (step.op) {
            case 'start': out('mp.media.logMediaSessionStart(s, invalid)'); break;
            case 'end': out('mp.media.logMediaSessionEnd(s, invalid)'); break;
            case 'play': out('mp.media.logPlay(s, invalid)'); break;
            case 'pause': out('mp.media.logPause(s, invalid)'); break;
            case 'contentEnd': out('mp.media.logMediaContentEnd(s, invalid)'); break;
            case 'seekStart': out(`mp.media.logSeekStart(s, ${step.position}, invalid)`); break;
            case 'seekEnd': out(`mp.media.logSeekEnd(s, ${step.position}, invalid)`); break;
            case 'bufferStart': out(`mp.media.logBufferStart(s, ${step.duration}, ${step.percent}, ${step.position}, invalid)`); break;
            case 'bufferEnd': out(`mp.media.logBufferEnd(s, ${step.duration}, ${step.percent}, ${step.position}, invalid)`); break;
            case 'playhead': out('mp.media.logPlayheadPosition(s, invalid)'); break;
            case 'qos':
                out(`mp.media.${step.webName ? 'logUpdateQoS' : 'logQoS'}(s, ${step.startupTime}, ${step.droppedFrames}, ${step.bitRate}, ${step.fps}, invalid)`);
                break;
            case 'adBreakStart':
                out(`s.adBreak = c.AdBreak.build(${bsString(step.id)}, ${bsString(step.title)})`);
                out(`s.adBreak.duration = ${step.duration}`);
                out('mp.media.logAdBreakStart(s, invalid)');
                break;
            case 'adBreakEnd':
                out('mp.media.logAdBreakEnd(s, invalid)');
                out('s.adBreak = invalid');
                break;
            case 'adStart':
                out(`s.adContent = c.AdContent.build(${bsString(step.id)}, ${bsString(step.title)})`);
                out(`s.adContent.duration = ${step.duration}`);
                out('mp.media.logAdStart(s, invalid)');
                break;
            case 'adEnd': out('mp.media.logAdEnd(s, invalid)'); pendingAdReset = true; break;
            case 'adSkip': out('mp.media.logAdSkip(s, invalid)'); pendingAdReset = true; break;
            case 'adClick': out('mp.media.logAdClick(s, invalid)'); break;
            case 'adSummary': out('mp.media.logAdSummary(s, invalid)'); pendingAdReset = true; break;
            case 'segmentStart':
                out(`s.segment = c.Segment.build(${bsString(step.title)}, ${step.index}, ${step.duration})`);
                out('mp.media.logSegmentStart(s, invalid)');
                break;
            case 'segmentEnd': out('mp.media.logSegmentEnd(s, invalid)'); break;
            case 'segmentSkip': out('mp.media.logSegmentSkip(s, invalid)'); break;
            case 'segmentSummary': out('mp.media.logSegmentSummary(s, invalid)'); break;
            case 'sessionSummary': out('mp.media.logMediaSessionSummary(s, invalid)'); break;
        }
    }
    return `sub diffSession${script.index}(ctx as object, c as object, mp as object)\n${lines.join('\n')}\nend sub`;
}

const SETTLE_SUB = `' Waits until the Task has run every bridge call the scenario made and delivered every event: a
' script that never pauses would outrun the uploads (threads progress only while Main waits on
' the screen's port) and fill the core's in-memory queue. The harness's scenarioHandledAll reads
' the Task's handledSeq, so a call the engine lost before the upload made here does not hold the
' pause (the test reports it). (Bounded at 2 minutes of real time, a hang guard: on a loaded
' 2-core machine one settle took several seconds.)
sub diffSettle(ctx as object)
    ctx.mp.upload()
    timer = CreateObject("roTimespan")
    while timer.TotalMilliseconds() < 120000
        ctx.wait(5)
        status = ctx.status
        if type(status) = "roAssociativeArray" and status.pending = 0 and scenarioHandledAll(ctx)
            return
        end if
    end while
    print "[differential] settle timed out after call " + ctx.mp._transport.seq.toStr() + ": " + FormatJson(diffStatusLine(ctx.status))
end sub

' What the test reads of the Task's status (invalid before the first status).
function diffStatusLine(status as dynamic) as dynamic
    if type(status) <> "roAssociativeArray"
        return invalid
    end if
    return { callsHandled: status.callsHandled, lostCalls: status.lostCalls, pending: status.pending, queued: status.queued, batches: status.batches, dropped: status.dropped }
end function`;

/**
 * One scenario file that runs every session in turn, each with its own content id, uploading its
 * events to the collector and pausing whenever about one batch is waiting (diffSettle).
 */
export function brightScriptScenario(sessions: SessionScript[], seed: number): string {
    const pacing: Pacing = { eventsSinceSettle: 0 };
    const subs = sessions.map((s) => sessionSub(s, pacing));
    const calls = sessions.map((s) => `    diffSession${s.index}(ctx, c, ctx.mp)`).join('\n');
    return `' GENERATED by tests/node/media-differential.test.ts (seed ${seed}, ${sessions.length} sessions); do not edit.
sub runScenario(ctx as object)
    c = mParticleConstants()
    ' Calls made before the Task is ready each carry the bridge's whole backlog: wait for it.
    timer = CreateObject("roTimespan")
    while ctx.status = invalid and timer.TotalMilliseconds() < 60000
        ctx.wait(20)
    end while
${calls}
    diffSettle(ctx)
    print "[differential] status " + FormatJson(diffStatusLine(ctx.status))
end sub

${subs.join('\n\n')}

${SETTLE_SUB}
`;
}
