' The Task loop while the network is slow and while calls flood in (tests/node/task-network-load.test.ts).
' Phase "slow": the first events batch is answered 45 s late (the test forces it); meanwhile
' the app makes a call every 2.5 s and the virtual clock moves with real time, until the batch
' is delivered. Phase "flood": 600 logEvent calls at 470 a second (10 per 21 ms, the app back
' on its port between), batchSize 20, with a record every 50 calls while they are made and after
' (the Task now handles a few hundred calls a second: 200 were handled before a batch came back).
' 600 stay under the Task backlog's bounds (1000 calls, 512 KB), so none may be shed.
' Each line "[load] {...}" is a JSON record the test reads.
sub runScenario(ctx as object)
    mp = ctx.mp
    while ctx.status = invalid or ctx.status.transfer <> "worker" or ctx.status.identityPending <> 0
        ctx.wait(50)
    end while

    mp.logEvent("slow answer")
    mp.upload()
    timer = CreateObject("roTimespan")
    tick = 0
    while tick < 30 and (ctx.status.deliveredBatches = 0 or ctx.status.pending <> 0)
        tick = tick + 1
        mp.setSessionAttribute("tick", tick)
        ctx.clock.advance(2500)
        ctx.wait(2500)
        scenarioRecord(ctx, "slow", { tick: tick, ms: timer.TotalMilliseconds() })
    end while
    scenarioRecord(ctx, "slowDone", { ms: timer.TotalMilliseconds() })

    before = ctx.status.callsHandled
    total = 600
    for index = 1 to total
        mp.logEvent("flood " + index.toStr(), "other", { index: index })
        if index mod 10 = 0
            ctx.wait(21)
        end if
        if index mod 50 = 0
            scenarioRecord(ctx, "flood", {})
        end if
    end for
    scenarioRecord(ctx, "floodSent", { before: before, total: total })
    last = -1
    while ctx.status.callsHandled < before + total
        ctx.wait(50)
        if ctx.status.callsHandled <> last
            last = ctx.status.callsHandled
            scenarioRecord(ctx, "flood", {})
        end if
    end while
end sub

' One "[load]" line: the phase, the given values and the Task's status.
sub scenarioRecord(ctx as object, phase as string, values as object)
    status = ctx.status
    record = { phase: phase, handled: status.callsHandled, timeouts: status.timeouts, lateAnswers: status.lateAnswers, deliveredBatches: status.deliveredBatches, inFlight: status.inFlight, lastUploadError: status.lastUploadError }
    record.append(values)
    print "[load] " + FormatJson(record)
end sub
