' The live viewer's acceptance run (tests/node/viewer.test.ts): one media session on the virtual
' clock with a chapter, a pause, a mid-roll ad break with one ad, a second chapter and the end of
' the content, forwarded to Adobe Media Edge (its pings every 10 s), and one planted data-plan
' violation: the Pause carries `pause_reason`, an attribute the generated plan does not know.
' Run with --option 'adobeMedia={"configId":"viewer","channel":"sample-channel"}'.
sub runScenario(ctx as object)
    c = ctx.constants
    media = ctx.mp.media
    session = c.MediaSession.build("viewer-clip", "Viewer Clip", c.MEDIA_CONTENT_TYPE.VIDEO, c.MEDIA_STREAM_TYPE.ON_DEMAND, 24000)

    ' 0 s: start and play; chapter 1 (12 s of content).
    media.logMediaSessionStart(session)
    media.logPlay(session)
    session.segment = c.Segment.build("Part one", 1, 12000)
    media.logSegmentStart(session)

    ' 5 s: paused for 4 s (the planted violation rides on this Pause).
    ctx.clock.advance(5000)
    session.currentPlayheadPosition = 5000
    media.logPause(session, { pause_reason: "remote" })
    ctx.clock.advance(4000)
    media.logPlay(session)

    ' 16 s: chapter 1 ends at playhead 12 s; a mid-roll break with one 8-second ad.
    ctx.clock.advance(7000)
    session.currentPlayheadPosition = 12000
    media.logSegmentEnd(session)
    session.segment = invalid
    session.adBreak = c.AdBreak.build("mid-1", "Mid-roll")
    session.adBreak.duration = 8000
    media.logAdBreakStart(session)
    session.adContent = c.AdContent.build("ad-7", "Trailer")
    session.adContent.duration = 8000
    session.adContent.advertiser = "Viewer Films"
    session.adContent.position = 1
    media.logAdStart(session)
    ctx.clock.advance(8000)
    media.logAdEnd(session)
    session.adContent = invalid
    media.logAdBreakEnd(session)
    session.adBreak = invalid

    ' 24 s: chapter 2 plays to the end of the content at 36 s (playhead 24 s).
    session.segment = c.Segment.build("Part two", 2, 12000)
    media.logSegmentStart(session)
    ctx.clock.advance(12000)
    session.currentPlayheadPosition = 24000
    media.logSegmentEnd(session)
    session.segment = invalid
    media.logMediaContentEnd(session)
    media.logMediaSessionEnd(session)
end sub
