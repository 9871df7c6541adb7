' The Roku media seed's "Logging Advertising" samples (steps 1 to 4), verbatim, inside a session
' started and ended with the seed's own session samples. The app sets mediaContentTimeSpent by
' hand, as the seed does; those values win over the computed content time in the summary.
' Expected (tests/node/media-seed.test.ts): Media Session Start, Ad Break Start, Ad Start, Ad End,
' one Ad Session Summary (logAdSummary after logAdEnd does not send a second), Ad Break End,
' Media Session End, Media Session Summary.
sub runScenario(ctx as object)
    m.mparticle = ctx.mp
    mpConstants = mParticleConstants()

    customAttributes = { "example custom attribute": "example custom attribute value" }
    mediaSession = mpConstants.MediaSession.build("ABC123", "Space Pilot 3000", mparticleConstants().MEDIA_CONTENT_TYPE.VIDEO, mparticleConstants().MEDIA_STREAM_TYPE.LIVE_STREAM, 1800000)
    m.mparticle.media.logMediaSessionStart(mediaSession, customAttributes)
    ctx.clock.advance(1000)

    ' 1. Fire an AdBreakStart event
    adBreak = mpConstants.adBreak.build("XYZ123", "Gamer Ad Collection")
    adBreak.duration = 32000
    mediaSession.adBreak = adBreak
    m.mparticle.media.logAdBreakStart(mediaSession, customAttributes)
    ctx.clock.advance(100)

    ' 2. Trigger an AdStart event
    adContent = mpConstants.adContent.build("ABC890", "CP 2077 - Be Cool, Be Anything")
    adContent.duration = 16000
    adContent.position = 0
    adContent.campaign = "CP 2077 Preorder Push"
    mediaSession.adContent = adContent
    mediaSession.mediaContentTimeSpent = 1950
    m.mparticle.media.logAdStart(mediaSession, customAttributes)
    ctx.clock.advance(16000)

    ' 3. Fire AdEnd or AdSkip when appropriate, then the Ad Session Summary
    customAttributes = { "click_timestamp_ms": 1593007533602 }
    mediaSession.adContent.position = 800
    mediaSession.mediaContentTimeSpent = 2750
    m.mparticle.media.logAdEnd(mediaSession, customAttributes)
    m.mparticle.media.logAdSummary(mediaSession, customAttributes)
    mediaSession.adContent = invalid
    ctx.clock.advance(100)

    ' 4. Trigger an AdBreakEnd event when all ads have completed
    m.mparticle.media.logAdBreakEnd(mediaSession, customAttributes)
    mediaSession.adBreak = invalid
    ctx.clock.advance(1000)

    m.mparticle.media.logMediaSessionEnd(mediaSession, customAttributes)
    ctx.clock.advance(1000)
end sub
