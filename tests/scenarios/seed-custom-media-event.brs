' The Roku media seed's "Custom Media Events" sample, verbatim: a custom event of type media
' logged through the core (not through the media API).
' Expected (tests/node/media-seed.test.ts): one custom event "Custom Media Event" of
' custom_event_type media with the attribute.
sub runScenario(ctx as object)
    m.mparticle = ctx.mp

    customAttributes = {"example custom attribute" : "example custom attribute value"}
    m.mparticle.logEvent("Custom Media Event", mparticleConstants().CUSTOM_EVENT_TYPE.MEDIA, customAttributes)
    ctx.clock.advance(1000)
end sub
