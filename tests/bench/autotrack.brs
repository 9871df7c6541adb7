' Benchmark scenario of automatic tracking (npm run bench runs it three times, options.benchMode):
'   "cost"     render-thread cost of a Video field event with media.trackVideo observing it
'   "tracked"  a 10-minute session of a FakeVideo tracked by media.trackVideo, on the virtual clock
'   "hand"     the same 10 minutes logged by hand, as an app would
' Prints "[bench] name value unit" lines for tools/bench.ts; the Node side counts the uploads.
sub runScenario(ctx as object)
    while ctx.status = invalid
        ctx.wait(20)
    end while
    mode = ctx.options.benchMode
    if mode = "cost"
        benchFieldCost(ctx)
    else
        benchTenMinutes(ctx, mode = "tracked")
    end if
end sub

' Field writes on a FakeVideo without and with a tracker observing it: the difference is what a
' tracked Video field event costs the thread that handles the node's observers.
sub benchFieldCost(ctx as object)
    events = 200
    plain = CreateObject("roSGNode", "FakeVideo")
    timer = CreateObject("roTimespan")
    for i = 1 to events
        plain.position = i * 0.5
    end for
    baseline = timer.TotalMilliseconds()

    video = CreateObject("roSGNode", "FakeVideo")
    session = ctx.constants.MediaSession.build("bench-cost", "Bench", "Video", "OnDemand", 600000)
    ctx.mp.media.trackVideo(video, session, { positionIntervalMs: 1000 })
    video.control = "play"
    video.state = "playing"
    timer.Mark()
    for i = 1 to events
        video.position = i * 0.5
    end for
    tracked = timer.TotalMilliseconds()
    print "[bench] tracker.positionEvent " + str((tracked - baseline) * 1000 / events).trim() + " us/event (one bridge call per 2 events at 0.5 s steps)"

    toggles = events / 4
    timer.Mark()
    for i = 1 to toggles
        plain.state = "paused"
        plain.state = "playing"
    end for
    baseline = timer.TotalMilliseconds()
    timer.Mark()
    for i = 1 to toggles
        video.state = "paused"
        video.state = "playing"
    end for
    tracked = timer.TotalMilliseconds()
    print "[bench] tracker.stateEvent " + str((tracked - baseline) * 1000 / (toggles * 2)).trim() + " us/event (one bridge call each)"

    timer.Mark()
    for i = 1 to toggles
        video.streamingSegment = { segBitrateBps: 2000000 + (i mod 2) * 1000000, width: 1280, height: 720, segType: 2, segUrl: "https://cdn.test/" + i.toStr() + ".ts", segSequence: i }
    end for
    print "[bench] tracker.segmentEvent " + str(timer.TotalMilliseconds() * 1000 / toggles).trim() + " us/event (write included; one bridge call each)"
    video.state = "stopped"
end sub

' Ten minutes: startup buffering, play, a bitrate change at 2 min, a 10 s pause at 5 min, a 2 s
' stall at 7.5 min, the end. The virtual clock moves in 2-second steps (fewer calls for a loaded
' machine); the Video reports its position every 0.5 s within each step, and by hand the app
' reports the playhead every second.
sub benchTenMinutes(ctx as object, tracked as boolean)
    c = ctx.constants
    media = ctx.mp.media
    session = c.MediaSession.build("bench-10min", "Ten Minutes", c.MEDIA_CONTENT_TYPE.VIDEO, c.MEDIA_STREAM_TYPE.ON_DEMAND, 600000)
    session.excludeAdBreaksFromContentTime = true
    video = CreateObject("roSGNode", "FakeVideo")
    if tracked
        ctx.mp.media.trackVideo(video, session, { positionIntervalMs: 1000 })
        video.control = "play"
        video.state = "buffering"
    else
        media.logMediaSessionStart(session)
        media.logBufferStart(session, invalid, invalid, 0)
    end if
    ctx.clock.advance(1000)
    if tracked
        video.state = "playing"
    else
        media.logBufferEnd(session, 1000, 100, 0)
        media.logPlay(session)
    end if
    position = 0
    steps = 0
    while position < 600000
        ctx.clock.advance(2000)
        steps = steps + 1
        for quarter = 1 to 4
            position = position + 500
            if tracked
                video.position = position / 1000.0
            else if position mod 1000 = 0
                session.currentPlayheadPosition = position
                media.logPlayheadPosition(session)
            end if
        end for
        session.currentPlayheadPosition = position
        if steps = 60
            if tracked
                video.streamingSegment = { segBitrateBps: 4000000, width: 1920, height: 1080, segType: 2 }
            else
                media.logQoS(session, invalid, invalid, 4000000, invalid, { qos_resolution: "1920x1080" })
            end if
        else if steps = 150
            if tracked
                video.state = "paused"
            else
                media.logPause(session)
            end if
            ctx.clock.advance(10000)
            if tracked
                video.state = "playing"
            else
                media.logPlay(session)
            end if
        else if steps = 225
            if tracked
                video.state = "buffering"
            else
                media.logBufferStart(session, invalid, invalid, position)
            end if
            ctx.clock.advance(2000)
            if tracked
                video.state = "playing"
            else
                media.logBufferEnd(session, 2000, 100, position)
            end if
        end if
        ' Let the Task keep up (a real session spreads these calls over ten minutes).
        if steps mod 25 = 0
            ctx.wait(1)
        end if
    end while
    if tracked
        video.state = "finished"
    else
        media.logMediaContentEnd(session)
        media.logMediaSessionEnd(session)
    end if
    ' The last upload interval.
    ctx.clock.advance(10000)
    while ctx.status.callsHandled = invalid or ctx.status.lastCall <> "testing.advanceClock"
        ctx.wait(20)
    end while
    print "[bench] task.bridgeCalls " + ctx.status.callsHandled.toStr() + " calls"
end sub
