' Adobe Media Edge API, Example 1 "Buffer state and a pause" (seed:
' ../shared/seeds/adobe-media-edge-api-examples.md), played the way a channel reports its player.
' The SDK sends the nine rows' Media Edge calls by itself: pings come from its timer, the playhead
' from its own extrapolation (the app reports a position only once, when the first stall begins).
' Run with --option 'adobeMedia={"configId":"abc","channel":"sample-channel",
' "playerName":"sample-html5-api-player","appVersion":"va-api-0.0.0"}'.
sub runScenario(ctx as object)
    c = ctx.constants
    media = ctx.mp.media
    session = c.MediaSession.build("VA API Sample Player", "ClickMe", c.MEDIA_CONTENT_TYPE.VIDEO, c.MEDIA_STREAM_TYPE.ON_DEMAND, 60000)

    ' Row 1, 0 s: auto-play; the video starts loading -> sessionStart.
    ' Row 2, 0 s: the ping timer starts (the SDK's; no call).
    media.logMediaSessionStart(session)

    ' Row 3, 1 s: the player has shown 1 s of content and stalls -> bufferStart, playhead 1.
    ctx.clock.advance(1000)
    session.currentPlayheadPosition = 1000
    media.logBufferStart(session, 0, 0, 1000)

    ' Row 4, 4 s: the stall is over -> play (logBufferEnd resumes playback), playhead 1.
    ctx.clock.advance(3000)
    media.logBufferEnd(session, 3000, 100, 1000)

    ' Row 5, 10 s: ping, playhead 7. Row 6, 15 s: the user pauses -> pauseStart, playhead 12.
    ctx.clock.advance(11000)
    media.logPause(session)

    ' Row 7, 20 s: ping, playhead 12 (paused). Row 8, 24 s: the user plays -> play, playhead 12.
    ctx.clock.advance(9000)
    media.logPlay(session)

    ' Row 9, 29 s: the user closes the app -> sessionEnd, playhead 17.
    ctx.clock.advance(5000)
    media.logMediaSessionEnd(session)
end sub
