' A 2-hour media session compressed on the virtual clock (npm run bench): 12 segments of 10
' minutes, each sent as one burst and awaited: the playhead every 5 s of playback, a QoS update
' and a custom event every minute, a 30-second ad break every 15 minutes, a chapter per half hour.
' After each segment it prints "[bench] long.segment {json}" with the calls, the Task's busy time
' for them (status.busyMs), once uploads caught up (ctx.settle) what the Task holds (queue,
' batches, registry), and the mean time of a slice of a fixed reference workload this thread
' ran while the Task worked through them (referenceUs: the machine's speed then), so
' tools/bench.ts can compare the first 10 minutes with the last, also net of the machine's drift.
sub runScenario(ctx as object)
    c = ctx.constants
    media = ctx.mp.media
    while ctx.status = invalid
        ctx.wait(20)
    end while
    ' Warm-up: the same 10 minutes on a session of its own, ended before the measured one
    ' starts, so the first 10 minutes measured do not carry the engine's warm-up (without it the
    ' first 10 minutes cost 32-38 ms per call against 13-25 ms in the next ones, measured).
    warmup = c.MediaSession.build("bench-warmup", "Warm-up", c.MEDIA_CONTENT_TYPE.VIDEO, c.MEDIA_STREAM_TYPE.ON_DEMAND, 600000, { content_show: "Bench" })
    media.logMediaSessionStart(warmup)
    media.logPlay(warmup)
    benchTenMinutes(ctx, warmup, { elapsed: 0, playhead: 0 })
    ' (the reference workload warms up too)
    benchAwaitSampling(ctx, { us: 0, slices: 0 })
    media.logSegmentEnd(warmup)
    media.logMediaSessionEnd(warmup)
    benchAwait(ctx)
    ctx.settle()

    session = c.MediaSession.build("bench-2h", "Two Hours", c.MEDIA_CONTENT_TYPE.VIDEO, c.MEDIA_STREAM_TYPE.ON_DEMAND, 7200000, { content_show: "Bench" })
    media.logMediaSessionStart(session)
    media.logPlay(session)
    benchAwait(ctx)
    if ctx.options.benchProfile = true
        ' (the warm-up and the start are not part of the first 10 minutes)
        ctx.mp.testing.profile("setup")
    end if

    position = { elapsed: 0, playhead: 0 }
    for segment = 1 to 12
        before = benchStatus(ctx)
        sent = ctx.mp._transport.seq
        benchTenMinutes(ctx, session, position)
        ' (while the Task works through them this thread times slices of the reference workload)
        during = { us: 0, slices: 0 }
        benchAwaitSampling(ctx, during)
        after = ctx.status
        calls = ctx.mp._transport.seq - sent
        ' Uploads catch up before the next 10 minutes (compressed, they would fall behind).
        ctx.settle()
        held = ctx.status
        if ctx.options.benchProfile = true
            ' (a profiling build: the Task's phases and throws in these 10 minutes)
            ctx.mp.testing.profile("segment" + segment.toStr())
        end if
        print "[bench] long.segment " + FormatJson({ segment: segment, calls: calls, busyMs: after.busyMs - before.busyMs, queued: held.queued, batches: held.batches, storedBytes: held.storedBytes, delivered: held.delivered, referenceUs: during.us / during.slices, slices: during.slices })
    end for
    media.logSegmentEnd(session)
    media.logMediaContentEnd(session)
    media.logMediaSessionEnd(session)
end sub

' The calls of 10 minutes of playback from position.elapsed (ms of the session, ad breaks
' included) and position.playhead (content ms), which move on.
sub benchTenMinutes(ctx as object, session as object, position as object)
    c = ctx.constants
    media = ctx.mp.media
    stepMs = 5000
    elapsed = position.elapsed
    playhead = position.playhead
    for tick = 1 to 120
        elapsed = elapsed + stepMs
        if elapsed mod 1800000 = stepMs
            if session.segment <> invalid
                media.logSegmentEnd(session)
            end if
            session.segment = c.Segment.build("Chapter " + (elapsed \ 1800000 + 1).toStr(), elapsed \ 1800000, 1800000)
            media.logSegmentStart(session)
        end if
        if elapsed mod 900000 = 0
            benchAdBreak(ctx, session, elapsed, playhead)
        end if
        playhead = playhead + stepMs
        session.currentPlayheadPosition = playhead
        media.logPlayheadPosition(session)
        if elapsed mod 60000 = 0
            media.logQoS(session, 1200, elapsed \ 60000, 4000000, 30)
            ctx.mp.logEvent("Bench Minute", "other", { minute: elapsed \ 60000 })
        end if
        ctx.clock.advance(stepMs)
    end for
    position.elapsed = elapsed
    position.playhead = playhead
end sub

sub benchAdBreak(ctx as object, session as object, elapsed as integer, playhead as integer)
    c = ctx.constants
    media = ctx.mp.media
    session.adBreak = c.AdBreak.build("break-" + elapsed.toStr(), "Mid-roll")
    session.adBreak.duration = 30000
    media.logAdBreakStart(session)
    session.adContent = c.AdContent.build("ad-" + elapsed.toStr(), "Sponsor")
    session.adContent.duration = 30000
    media.logAdStart(session)
    for i = 1 to 6
        ctx.clock.advance(5000)
        session.currentPlayheadPosition = playhead
        media.logPlayheadPosition(session)
    end for
    media.logAdEnd(session)
    media.logAdBreakEnd(session)
end sub

' A fixed workload on this thread, timed (us): what the SDK's Task does most (AA literals, field
' reads, type checks, string building, calls that return), so its time moves with the machine's
' load as the Task's does.
function benchReference(iterations as integer) as integer
    timer = CreateObject("roTimespan")
    total = 0
    for i = 1 to iterations
        item = { id: "reference-" + i.toStr(), position: i * 5000, kind: type(i), done: false }
        total = total + benchReferenceStep(item)
    end for
    return timer.TotalMicroseconds()
end function

function benchReferenceStep(item as object) as integer
    if type(item.position) = "Integer" and item.done = false
        return item.id.len()
    end if
    return 0
end function

' The status once the Task has handled every call made so far.
function benchStatus(ctx as object) as object
    benchAwait(ctx)
    return ctx.status
end function

' benchAwait, timing a slice of the reference workload between polls: during.us, during.slices.
' (A reference timed before and after each 10 minutes instead followed the Task's time less well
' than the raw figure did: the load here changes within seconds.)
sub benchAwaitSampling(ctx as object, during as object)
    ctx.wait(1)
    while ctx.status.callsHandled = invalid or ctx.status.callsHandled < ctx.mp._transport.seq
        during.us = during.us + benchReference(40)
        during.slices = during.slices + 1
        ctx.wait(5)
    end while
end sub

sub benchAwait(ctx as object)
    ctx.wait(1)
    while ctx.status.callsHandled = invalid or ctx.status.callsHandled < ctx.mp._transport.seq
        ctx.wait(10)
    end while
end sub
