' Adobe Media Edge API, Example 2 "Two chapters separated by an ad break" (seed:
' ../shared/seeds/adobe-media-edge-api-examples.md), played the way a channel reports its player.
' The SDK sends the eighteen rows' Media Edge calls by itself: pings come from its timer (the ad
' interval is the default 10 s), the playhead from its own extrapolation, frozen in the ad break.
' Run with --option 'adobeMedia={"configId":"abc","channel":"sample-channel",
' "playerName":"sample-html5-api-player","appVersion":"va-api-0.0.0"}'.
sub runScenario(ctx as object)
    c = ctx.constants
    media = ctx.mp.media
    ' The seed's sessionStart says length 54 (its chapters add up to 26 s); kept as given.
    session = c.MediaSession.build("VA API Sample Player", "ClickMe", c.MEDIA_CONTENT_TYPE.VIDEO, c.MEDIA_STREAM_TYPE.ON_DEMAND, 54000)

    ' Row 1, 0 s: sessionStart. Row 2, 0 s: the ping timer starts (no call). Row 3, 0 s: play.
    media.logMediaSessionStart(session)
    media.logPlay(session)

    ' Row 4, 1 s: Chapter 1 starts -> chapterStart, playhead 1.
    ctx.clock.advance(1000)
    session.segment = c.Segment.build("Chapter one", 1, 15000)
    media.logSegmentStart(session)

    ' Row 5, 10 s: ping, playhead 10. Row 6, 15 s: Chapter 1 completes -> chapterComplete, 15.
    ctx.clock.advance(14000)
    media.logSegmentEnd(session)
    session.segment = invalid

    ' Row 7, 15 s: the mid-roll ad break starts -> adBreakStart, playhead 15.
    session.adBreak = c.AdBreak.build("mid-roll-1", "Mid-roll break")
    session.adBreak.duration = 28000
    media.logAdBreakStart(session)

    ' Row 8, 15 s: Ad 1 starts -> adStart, playhead 15.
    session.adContent = c.AdContent.build("001", "Ad 1")
    session.adContent.duration = 16000
    session.adContent.advertiser = "Ad Guys"
    session.adContent.campaign = "1"
    session.adContent.creative = "42"
    session.adContent.placement = "sample_placement"
    session.adContent.siteId = "XYZ"
    session.adContent.position = 1
    media.logAdStart(session, { myCustomData1: "CustomData1", myCustomData2: "CustomData2" })

    ' Row 9, 20 s and 30 s: two pings during Ad 1, playhead 15. Row 10, 31 s: Ad 1 completes.
    ctx.clock.advance(16000)
    media.logAdEnd(session)

    ' Row 11, 31 s: Ad 2 starts -> adStart, playhead 15.
    session.adContent = c.AdContent.build("002", "Ad 2")
    session.adContent.duration = 12000
    session.adContent.advertiser = "Ad Guys"
    session.adContent.campaign = "2"
    session.adContent.creative = "44"
    session.adContent.placement = "sample_placement2"
    session.adContent.siteId = "XYZ"
    session.adContent.position = 2
    media.logAdStart(session)

    ' Row 12, 40 s: ping, playhead 15. Row 13, 43 s: Ad 2 completes -> adComplete.
    ctx.clock.advance(12000)
    media.logAdEnd(session)
    session.adContent = invalid

    ' Row 14, 43 s: the ad break completes -> adBreakComplete, playhead 15.
    media.logAdBreakEnd(session)
    session.adBreak = invalid

    ' Row 15, 43 s: Chapter 2 starts -> chapterStart, playhead 15.
    session.segment = c.Segment.build("Chapter two", 2, 11000)
    media.logSegmentStart(session)

    ' Row 16, 50 s: ping, playhead 22. Row 17, 54 s: Chapter 2 completes -> chapterComplete, 26.
    ctx.clock.advance(11000)
    media.logSegmentEnd(session)
    session.segment = invalid

    ' Row 18, 54 s: the content is over -> sessionComplete, playhead 26.
    media.logMediaContentEnd(session)

    ' The app ends the media session: nothing more goes to Adobe (the session is complete).
    media.logMediaSessionEnd(session)
end sub
