' Benchmark scenario (npm run bench): cost of bridge calls on the calling thread, and how fast the
' Task thread works through them. Prints "[bench] name value unit" lines for tools/bench.ts.
sub runScenario(ctx as object)
    calls = 500
    session = ctx.constants.MediaSession.build("bench-1", "Benchmark", "Video", "OnDemand", 3600000, { content_show: "Bench" })

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
    baseline = benchHandled(ctx)
    ' One more call so the bridge reads mParticleReady and stops carrying its backlog.
    ctx.mp.upload()
    baseline = baseline + 1

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

    ' Calls whose render hook keeps mParticle's playback fields on the session.
    timer.Mark()
    for i = 1 to calls
        ctx.mp.media.logPause(session)
        ctx.mp.media.logPlay(session)
    end for
    elapsed = timer.TotalMilliseconds()
    print "[bench] bridge.media.logPause/logPlay " + str(elapsed * 1000 / (calls * 2)).trim() + " us/call"

    ' Answered on the render thread, no field write.
    timer.Mark()
    for i = 1 to calls
        spent = ctx.mp.media.getCurrentMediaTimeSpent(session)
    end for
    elapsed = timer.TotalMilliseconds()
    print "[bench] bridge.media.getCurrentMediaTimeSpent " + str(elapsed * 1000 / calls).trim() + " us/call"

    timer.Mark()
    target = baseline + calls * 4
    while benchHandled(ctx) < target and timer.TotalMilliseconds() < 60000
        ctx.wait(20)
    end while
    handled = benchHandled(ctx) - baseline
    seconds = timer.TotalMilliseconds() / 1000
    if seconds > 0
        print "[bench] task.callsHandledAfterBurst " + str(handled).trim() + " calls"
        print "[bench] task.drainSecondsAfterBurst " + str(seconds).trim() + " s"
    end if

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
