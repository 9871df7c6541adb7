' The Roku media seed's "Creating an instance of a Media Session" and "Logging media events"
' samples (steps 1 to 6), verbatim, in order. The scenario harness creates the mParticleTask and
' its bridge, so the seed's Task-creation lines are replaced by `m.mparticle = ctx.mp`;
' ctx.clock.advance between the steps stands for the time a viewer takes.
' Expected (tests/node/media-seed.test.ts): Media Session Start, Play, Pause, Media Content End,
' Media Session End and one Media Session Summary (step 6 does not send a second one).
sub runScenario(ctx as object)
    m.mparticle = ctx.mp
    mpConstants = mParticleConstants()

    'Media API
    customAttributes = {"example custom attribute" : "example custom attribute value"}    
    mediaSession = mpConstants.MediaSession.build("ABC123", "Space Pilot 3000", mparticleConstants().MEDIA_CONTENT_TYPE.VIDEO, mparticleConstants().MEDIA_STREAM_TYPE.LIVE_STREAM, 1800000)

    ' 1. Start a session
    customAttributes = { "example custom attribute": "example custom attribute value" }
    mediaSession = mpConstants.MediaSession.build("ABC123", "Space Pilot 3000", mparticleConstants().MEDIA_CONTENT_TYPE.VIDEO, mparticleConstants().MEDIA_STREAM_TYPE.LIVE_STREAM, 1800000)
    m.mparticle.media.logMediaSessionStart(mediaSession, customAttributes)
    ctx.clock.advance(1000)

    ' 2. Log a play event
    customAttributes = {"Source" : "Auto Playback"}    
    m.mparticle.media.logPlay(mediaSession, customAttributes)
    ctx.clock.advance(1900)

    ' 3. (optional) Fire other events for user interaction, i.e. pause
    mediaSession.currentPlayheadPosition = 1900
    customAttributes = {"Source" : "Player Controls"}
    m.mparticle.media.logPause(mediaSession, customAttributes)
    ctx.clock.advance(500)

    ' 4. End the Media Content once the content is complete
    m.mparticle.media.logMediaContentEnd(mediaSession, customAttributes)
    ctx.clock.advance(500)

    ' 5. End the Media Session once the user interaction is over
    m.mparticle.media.logMediaSessionEnd(mediaSession, customAttributes)

    ' 6. (optional) Fire a Session Summary Event if you'd like a summary of the session
    m.mparticle.media.logMediaSessionSummary(mediaSession, customAttributes)
    ctx.clock.advance(1000)
end sub
