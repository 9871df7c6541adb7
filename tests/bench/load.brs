' The load phase of npm run bench: an app making 470 logEvent calls a second for 15 s (7,050
' calls), back on its port after every 10, on the real clock. Prints "[bench] load.sample {json}"
' about once a second (the Task's status as the app sees it) and "[bench] load.start" /
' "[bench] load.end" around the burst, so tools/bench.ts can tell which uploads reached the
' collector during it; then waits until the Task has taken every call.
sub runScenario(ctx as object)
    rate = 470
    seconds = 15
    group = 10
    while ctx.status = invalid
        ctx.wait(20)
    end while
    ' The bridge stops carrying its backlog once it has seen mParticleReady.
    ctx.mp.upload()
    while ctx.status.callsHandled = invalid or ctx.status.callsHandled < ctx.mp._transport.seq
        ctx.wait(20)
    end while

    total = rate * seconds
    made = 0
    nextSample = 0
    timer = CreateObject("roTimespan")
    print "[bench] load.start"
    while made < total
        for i = 1 to group
            made = made + 1
            ctx.mp.logEvent("Load Event", "other", { index: made, label: "load", flag: true })
        end for
        if timer.TotalMilliseconds() >= nextSample
            benchLoadSample(ctx, timer, made)
            nextSample = nextSample + 1000
        end if
        remaining = (made * 1000) \ rate - timer.TotalMilliseconds()
        if remaining < 1
            remaining = 1
        end if
        ctx.wait(remaining)
    end while
    print "[bench] load.end " + str(timer.TotalMilliseconds() / 1000).trim() + " s"
    print "[bench] load.callsMade " + made.toStr() + " calls"

    ' Until the Task has taken every call (handled or shed), sampling as before.
    limit = 600000
    while (ctx.status.callsHandled = invalid or ctx.status.callsHandled < ctx.mp._transport.seq) and timer.TotalMilliseconds() < limit
        ctx.wait(100)
        if timer.TotalMilliseconds() >= nextSample
            benchLoadSample(ctx, timer, made)
            nextSample = nextSample + 1000
        end if
    end while
    benchLoadSample(ctx, timer, made)
    print "[bench] load.caughtUp " + str(timer.TotalMilliseconds() / 1000).trim() + " s after the start"
    if ctx.options.benchProfile = true
        ctx.mp.testing.profile("load")
    end if
end sub

sub benchLoadSample(ctx as object, timer as object, made as integer)
    status = ctx.status
    sample = { t: timer.TotalMilliseconds(), made: made }
    for each key in ["callsHandled", "callsShed", "backlog", "delivered", "dropped", "pending", "lostCalls", "busyMs", "inFlight", "lastUploadCode"]
        sample[key] = status[key]
    end for
    print "[bench] load.sample " + FormatJson(sample)
end sub
