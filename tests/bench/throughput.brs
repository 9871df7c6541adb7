' Benchmark scenario (npm run bench): the bridge's cost per call on the calling thread, and how
' fast the Task thread works through a burst of them. Prints "[bench] name value unit" lines for
' tools/bench.ts. The workload: a media session start and play, then 500 logPlayheadPosition and
' 500 logEvent with 3 attributes, made as fast as the render thread can (the Task receives them
' once the render thread waits on its port again, so its time starts there).
'   options.benchSession  "small" (one session attribute) or "large" (12 KB of them)
'   options.benchProfile  true in a profiling build: testing.profile("burst") after the burst
sub runScenario(ctx as object)
    calls = 500
    attributes = { content_show: "Bench" }
    if ctx.options.benchSession = "large"
        attributes = benchLargeAttributes(12288)
    end if
    session = ctx.constants.MediaSession.build("bench-1", "Benchmark", "Video", "OnDemand", 3600000, attributes)

    ' Before the Task is ready each call also carries the bridge's short backlog.
    timer = CreateObject("roTimespan")
    for i = 1 to 20
        ctx.mp.setSessionAttribute("early" + i.toStr(), i)
    end for
    print "[bench] bridge.beforeReady " + str(timer.TotalMilliseconds() * 1000 / 20).trim() + " us/call"

    while ctx.status = invalid
        ctx.wait(20)
    end while
    ctx.mp.media.logMediaSessionStart(session)
    ctx.mp.media.logPlay(session)
    ' One more call so the bridge reads mParticleReady and stops carrying its backlog.
    ctx.mp.upload()
    if ctx.options.benchProfile = true
        ctx.mp.testing.profile("setup")
    end if
    baseline = ctx.mp._transport.seq
    benchAwaitHandled(ctx, baseline, 60000)

    timer.Mark()
    for i = 1 to calls
        session.currentPlayheadPosition = i * 1000
        ctx.mp.media.logPlayheadPosition(session)
    end for
    elapsed = timer.TotalMilliseconds()
    print "[bench] bridge.media.logPlayheadPosition " + str(elapsed * 1000 / calls).trim() + " us/call"

    timer.Mark()
    for i = 1 to calls
        ctx.mp.logEvent("Bench Event", "other", { index: i, label: "bench", flag: true })
    end for
    elapsed = timer.TotalMilliseconds()
    print "[bench] bridge.logEvent " + str(elapsed * 1000 / calls).trim() + " us/call"

    timer.Mark()
    handled = benchAwaitHandled(ctx, baseline + calls * 2, 180000) - baseline
    seconds = timer.TotalMilliseconds() / 1000
    if ctx.options.benchProfile = true
        ctx.mp.testing.profile("burst")
    end if
    print "[bench] task.burstCalls " + str(handled).trim() + " calls"
    print "[bench] task.burstSeconds " + str(seconds).trim() + " s"
    if seconds > 0
        print "[bench] task.callsPerSecond " + str(handled / seconds).trim() + " calls/s"
    end if

    ' Calls whose render hook keeps mParticle's playback fields on the session.
    pairs = 100
    timer.Mark()
    for i = 1 to pairs
        ctx.mp.media.logPause(session)
        ctx.mp.media.logPlay(session)
    end for
    elapsed = timer.TotalMilliseconds()
    print "[bench] bridge.media.logPause/logPlay " + str(elapsed * 1000 / (pairs * 2)).trim() + " us/call"

    ' The same calls again, warm, in rounds the Task catches up between (the first bursts above
    ' also pay for the interpreter's first runs of each path, and the Task works meanwhile): the
    ' median round.
    benchWarmRounds(ctx, session, "playhead", 7, 100)
    benchWarmRounds(ctx, session, "logEvent", 7, 100)

    ' Answered on the render thread, no field write.
    timer.Mark()
    for i = 1 to calls
        ctx.mp.media.getCurrentMediaTimeSpent(session)
    end for
    elapsed = timer.TotalMilliseconds()
    print "[bench] bridge.media.getCurrentMediaTimeSpent " + str(elapsed * 1000 / calls).trim() + " us/call"

    ' What the bridge adds to its one field write: the same call written straight to the field
    ' (what a bridge call cost before issue 15), then bridge calls whose arguments grow (one
    ' FormatJson pass over them) and whose arguments hold a cycle (a copy, bounded at 8 levels and
    ' 1000 values).
    attributes = { index: 1, label: "bench", flag: true }
    timer.Mark()
    for i = 1 to calls
        ctx.task.mParticleApiCall = { b: "raw", s: i, m: "media.logPlayheadPosition", a: ["Bench Event", "other", attributes] }
    end for
    print "[bench] bridge.fieldWriteOnly " + str(timer.TotalMilliseconds() * 1000 / calls).trim() + " us/call"
    benchCalls(ctx, "bridge.logEvent.sameArguments", attributes, calls)
    for each size in [10, 100, 1000]
        attributes = {}
        for i = 1 to size
            attributes["k" + i.toStr()] = i
        end for
        benchCalls(ctx, "bridge.logEvent.attributes" + size.toStr(), attributes, 50)
        attributes.self = attributes
        benchCalls(ctx, "bridge.logEvent.cyclicAttributes" + size.toStr(), attributes, 10)
    end for

    ctx.mp.media.logMediaContentEnd(session)
    ctx.mp.media.logMediaSessionEnd(session)
end sub

' `rounds` bursts of `calls` calls, each once the Task has handled every call before it; prints
' the median round's cost per call.
sub benchWarmRounds(ctx as object, session as object, kind as string, rounds as integer, calls as integer)
    name = "bridge.media.logPlayheadPosition.warm"
    if kind = "logEvent"
        name = "bridge.logEvent.warm"
    end if
    perCall = []
    timer = CreateObject("roTimespan")
    for round = 1 to rounds
        target = ctx.mp._transport.seq
        benchAwaitHandled(ctx, target, 60000)
        timer.Mark()
        for i = 1 to calls
            if kind = "logEvent"
                ctx.mp.logEvent("Bench Event", "other", { index: i, label: "bench", flag: true })
            else
                session.currentPlayheadPosition = i * 1000
                ctx.mp.media.logPlayheadPosition(session)
            end if
        end for
        elapsed = timer.TotalMilliseconds()
        perCall.push(elapsed * 1000 / calls)
    end for
    perCall.sort()
    print "[bench] " + name + " " + str(perCall[rounds \ 2]).trim() + " us/call (median of " + rounds.toStr() + " rounds of " + calls.toStr() + ")"
end sub

' 80 session attributes (events carry at most 100) of about `bytes` characters of JSON in all.
function benchLargeAttributes(bytes as integer) as object
    attributes = {}
    count = 80
    value = String(bytes \ count - 20, "v")
    for i = 1 to count
        attributes["attribute_" + i.toStr()] = value
    end for
    return attributes
end function

sub benchCalls(ctx as object, name as string, attributes as object, calls as integer)
    timer = CreateObject("roTimespan")
    for i = 1 to calls
        ctx.mp.logEvent("Bench Size", "other", attributes)
    end for
    print "[bench] " + name + " " + str(timer.TotalMilliseconds() * 1000 / calls).trim() + " us/call"
    ' Let the Task work through them before the next series (it shares the cores).
    ctx.wait(1000)
end sub

function benchHandled(ctx as object) as integer
    ctx.wait(1)
    if ctx.status = invalid or ctx.status.callsHandled = invalid
        return 0
    end if
    return ctx.status.callsHandled
end function

' Waits (on the screen's port) until the Task has handled `target` calls or `limitMs` passed;
' returns the calls handled.
function benchAwaitHandled(ctx as object, target as integer, limitMs as integer) as integer
    timer = CreateObject("roTimespan")
    handled = benchHandled(ctx)
    while handled < target and timer.TotalMilliseconds() < limitMs
        ctx.wait(10)
        handled = benchHandled(ctx)
    end while
    return handled
end function
