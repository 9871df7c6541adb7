' A 2-hour media session compressed on the virtual clock (npm run bench): 12 segments of 10
' minutes, each sent as one burst and awaited: the playhead every 5 s of playback, a QoS update
' and a custom event every minute, a 30-second ad break every 15 minutes, a chapter per half hour.
' After each segment it prints "[bench] long.segment {json}" with the calls, the Task's busy time
' for them (status.busyMs), and, once uploads caught up (ctx.settle), what the Task holds (queue,
' batches, registry), so tools/bench.ts can compare the first 10 minutes with the last.
sub runScenario(ctx as object)
    c = ctx.constants
    media = ctx.mp.media
    while ctx.status = invalid
        ctx.wait(20)
    end while
    session = c.MediaSession.build("bench-2h", "Two Hours", c.MEDIA_CONTENT_TYPE.VIDEO, c.MEDIA_STREAM_TYPE.ON_DEMAND, 7200000, { content_show: "Bench" })
    media.logMediaSessionStart(session)
    media.logPlay(session)
    benchAwait(ctx)
    if ctx.options.benchProfile = true
        ' (the start is not part of the first 10 minutes)
        ctx.mp.testing.profile("setup")
    end if

    stepMs = 5000
    playhead = 0
    elapsed = 0
    for segment = 1 to 12
        before = benchStatus(ctx)
        sent = ctx.mp._transport.seq
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
        after = benchStatus(ctx)
        calls = ctx.mp._transport.seq - sent
        ' Uploads catch up before the next 10 minutes (compressed, they would fall behind).
        ctx.settle()
        held = ctx.status
        if ctx.options.benchProfile = true
            ' (a profiling build: the Task's phases and throws in these 10 minutes)
            ctx.mp.testing.profile("segment" + segment.toStr())
        end if
        print "[bench] long.segment " + FormatJson({ segment: segment, calls: calls, busyMs: after.busyMs - before.busyMs, queued: held.queued, batches: held.batches, storedBytes: held.storedBytes, delivered: held.delivered })
    end for
    media.logSegmentEnd(session)
    media.logMediaContentEnd(session)
    media.logMediaSessionEnd(session)
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

' The status once the Task has handled every call made so far.
function benchStatus(ctx as object) as object
    benchAwait(ctx)
    return ctx.status
end function

sub benchAwait(ctx as object)
    ctx.wait(1)
    while ctx.status.callsHandled = invalid or ctx.status.callsHandled < ctx.mp._transport.seq
        ctx.wait(10)
    end while
end sub
