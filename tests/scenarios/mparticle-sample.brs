' A channel written for mParticle's Roku SDK 2.3.1, unchanged: every call of its README snippets
' and then of its sample channel's component (example-scenegraph-sdk helloworld init), in their
' order, with the same kind of values (written here). The README's Main options (startupArgs,
' FORCE_PRODUCTION, identifyRequest with email and customer id, enablePinning false) and the
' options mParticle's own tests set (dataPlanId, dataPlanVersion, isscenegraph) are passed by
' tests/node/mparticle-sample.test.ts; the harness creates the mParticleTask. The scenario waits
' for the identity calls to be answered, as the sample's observer would see them; the last
' clock advance times the session out so its session_end (with the session attribute) is
' uploaded too.
sub runScenario(ctx as object)
    m.mParticleTask = ctx.task

    ' --- README: "Create the mParticle Task Node" and "Usage" ---------------------------------
    mp = mParticleSGBridge(m.mParticleTask)
    mp.logEvent("Component Initialized")
    mp.logEvent("hello world!")
    mp.logEvent("example")
    customAttributes = { "example custom attribute": "example custom attribute value" }
    mp.logEvent("hello world!", mparticleConstants().CUSTOM_EVENT_TYPE.NAVIGATION, customAttributes)
    mp.logScreenEvent("hello screen!")

    mpConstants = mparticleConstants()
    actionApi = mpConstants.ProductAction
    product = mpConstants.Product.build("foo-product-sku", "foo-product-name", 123.45)
    productAction = mpConstants.ProductAction.build(actionApi.ACTION_TYPE.PURCHASE, 123.45, [product])
    mp.logCommerceEvent(productAction)

    mp.setIntegrationAttribute("160", "app_instance_id", "your_app_instance_id")
    ctx.clock.advance(500)

    ' --- The sample channel's component init ---------------------------------------------
    m.mparticle = mParticleSGBridge(m.mParticleTask)
    mpConstants = mparticleconstants()
    identityApiRequest = {}
    identityApiRequest.userIdentities = {}
    identityApiRequest.userIdentities[mpConstants.IDENTITY_TYPE.OTHER] = "foo"
    m.mparticle.identity.modify(identityApiRequest)
    identityApiRequest = {}
    identityApiRequest.userIdentities = {}
    identityApiRequest.userIdentities[mpConstants.IDENTITY_TYPE.OTHER] = "bar"
    m.mparticle.identity.modify(identityApiRequest)
    m.mparticle.logEvent("hello world!")
    m.mparticle.identity.setUserAttribute("example attribute key", "example attribute value 1")
    m.mparticle.identity.setUserAttribute("example attribute array", ["foo", "bar"])
    m.mparticle.identity.setUserAttribute("example attribute key", "example attribute value 2")
    m.mparticle.identity.setUserAttribute("example attribute array", ["noo", "mar"])

    m.mparticle.logScreenEvent("hello screen!")

    ' The sample's consent section, its commented-out lines included (they need purposes set
    ' up in a workspace; the local collector takes any).
    time = CreateObject("roDateTime")
    consentStateAPI = mpConstants.ConsentState
    consentState = consentStateAPI.build()

    gdprConsentStateApi = mpConstants.GDPRConsentState
    gdprConsentState = gdprConsentStateApi.build(false, time.asSeconds())
    gdprConsentStateApi.setDocument(gdprConsentState, "agreement.v2")
    gdprConsentStateApi.setLocation(gdprConsentState, "example.com/signup")
    gdprConsentStateApi.setHardwareId(gdprConsentState, "IDFA:00000000-1111-2222-3333-444444444444")
    consentStateAPI.addGDPRConsentState(consentState, "functional", gdprConsentState)

    gdprToDelete = gdprConsentStateApi.build(false, time.asSeconds())
    gdprConsentStateApi.setDocument(gdprToDelete, "deletion.agreement")
    gdprConsentStateApi.setLocation(gdprToDelete, "example.test")
    gdprConsentStateApi.setHardwareId(gdprToDelete, "HARDWARE-ID-TO-DELETE")
    consentStateAPI.addGDPRConsentState(consentState, "performance", gdprToDelete)
    print formatjson(consentState)

    consentStateAPI.removeGDPRConsentState(consentState, "performance")
    consentStateAPI.removeGDPRConsentState(consentState, "functional")
    print formatjson(consentState)

    ccpaConsentStateApi = mpConstants.CCPAConsentState
    ccpaToDelete = ccpaConsentStateApi.build(false, time.asSeconds())
    ccpaConsentStateApi.setDocument(ccpaToDelete, "deletion.agreement")
    ccpaConsentStateApi.setLocation(ccpaToDelete, "example.test")
    ccpaConsentStateApi.setHardwareId(ccpaToDelete, "HARDWARE-ID-TO-DELETE")
    consentStateAPI.setCCPAConsentState(consentState, ccpaToDelete)
    consentStateAPI.removeCCPAConsentState(consentState)

    ccpaConsentState = ccpaConsentStateApi.build(true, time.asSeconds())
    ccpaConsentStateApi.setDocument(ccpaConsentState, "agreement.v4")
    ccpaConsentStateApi.setLocation(ccpaConsentState, "example.com/privacy")
    ccpaConsentStateApi.setHardwareId(ccpaConsentState, "IDFA:00000000-1111-2222-3333-444444444444")
    consentStateAPI.setCCPAConsentState(consentState, ccpaConsentState)
    print formatjson(consentState)
    m.mparticle.identity.setConsentState(consentState)

    ' Commerce
    product = mpConstants.Product.build("foo-sku", "foo-name", 123.45)
    actionApi = mpConstants.ProductAction
    productAction = actionApi.build(actionApi.ACTION_TYPE.PURCHASE, 123.45, [product])
    actionApi.setCheckoutStep(productAction, 5)
    actionApi.setCouponCode(productAction, "foo-coupon-code")
    actionApi.setShippingAmount(productAction, 33.42)

    promotionList = [mpConstants.Promotion.build("foo-id", "foo-name", "foo-creative", "foo-position")]
    promotionAction = mpConstants.PromotionAction.build(mpConstants.PromotionAction.ACTION_TYPE.VIEW, promotionList)

    impressions = [mpConstants.Impression.build("foo-list", [product])]
    m.mparticle.setSessionAttribute("foo attribute key", "bar attribute value")
    m.mparticle.logCommerceEvent(productAction, promotionAction, impressions, { "foo-attribute": "bar-attribute-value" })

    ' Custom Media Event
    customAttributes = { "example custom attribute": "example custom attribute value" }
    m.mparticle.logEvent("Custom Media Event", mparticleConstants().CUSTOM_EVENT_TYPE.MEDIA, customAttributes)

    ' Media API
    customAttributes = { "example custom attribute": "example custom attribute value" }
    mediaSession = mpConstants.MediaSession.build("ABC123", "Space Pilot 3000", mparticleConstants().MEDIA_CONTENT_TYPE.VIDEO, mparticleConstants().MEDIA_STREAM_TYPE.LIVE_STREAM, 1800000)
    m.mparticle.media.logMediaSessionStart(mediaSession, customAttributes)
    print "Logging session after start: " + formatjson(mediaSession)

    segment = mpConstants.Segment.build("Chapter 1", 0, 183400)
    mediaSession.segment = segment
    mediaSession.mediaSessionSegmentTotal = 1
    mediaSession.currentPlayheadPosition = 0
    mediaSession.mediaContentTimeSpent = 0
    m.mparticle.media.logSegmentStart(mediaSession, customAttributes)

    customAttributes = { "Source": "Auto Playback" }
    m.mparticle.media.logPlay(mediaSession, customAttributes)

    mediaSession.currentPlayheadPosition = 1000
    mediaSession.mediaContentTimeSpent = 1000
    m.mparticle.media.logPlayheadPosition(mediaSession)

    mediaSession.currentPlayheadPosition = 1900
    mediaSession.mediaContentTimeSpent = 1900
    customAttributes = { "Source": "Player Controls" }
    m.mparticle.media.logPause(mediaSession, customAttributes)

    adBreak = mpConstants.adBreak.build("XYZ123", "Gamer Ad Collection")
    adBreak.duration = 32000
    mediaSession.adBreak = adBreak
    m.mparticle.media.logAdBreakStart(mediaSession, {})

    adContent = mpConstants.adContent.build("ABC890", "CP 2077 - Be Cool, Be Anything")
    adContent.duration = 16000
    adContent.position = 0
    adContent.campaign = "CP 2077 Preorder Push"
    mediaSession.adContent = adContent
    mediaSession.mediaSessionAdTotal = 1
    mediaSession.mediaSessionAdObjects.push(adContent.id)
    mediaSession.mediaContentTimeSpent = 1950
    m.mparticle.media.logAdStart(mediaSession, {})

    customAttributes = { "click_timestamp_ms": 1593007533602 }
    mediaSession.adContent.position = 800
    mediaSession.mediaContentTimeSpent = 2750
    m.mparticle.media.logAdClick(mediaSession, customAttributes)

    m.mparticle.media.logAdEnd(mediaSession, {})
    m.mparticle.media.logAdSummary(mediaSession, {})
    mediaSession.adContent = invalid

    adContent2 = mpConstants.adContent.build("ABC543", "VtM: B2 - Own the night")
    adContent2.duration = 16000
    adContent2.position = 0
    adContent2.campaign = "VtM: Revival"
    mediaSession.adContent = adContent2
    mediaSession.mediaSessionAdTotal = 2
    mediaSession.mediaSessionAdObjects.push(adContent2.id)
    mediaSession.mediaContentTimeSpent = 3000
    m.mparticle.media.logAdStart(mediaSession, {})

    mediaSession.adContent.position = 3000
    mediaSession.mediaContentTimeSpent = 6000
    m.mparticle.media.logAdSkip(mediaSession, {})
    m.mparticle.media.logAdSummary(mediaSession, {})
    mediaSession.adContent = invalid

    m.mparticle.media.logAdBreakEnd(mediaSession, {})
    mediaSession.adBreak = invalid

    m.mparticle.media.logQoS(mediaSession, 120, 3, 1232133, 46, {})

    m.mparticle.media.logSegmentEnd(mediaSession, customAttributes)
    m.mparticle.media.logSegmentSummary(mediaSession, customAttributes)
    mediaSession.segment = invalid

    segment2 = mpConstants.Segment.build("Chapter 2", 1, 17500)
    mediaSession.segment = segment2
    mediaSession.mediaSessionSegmentTotal = 2
    m.mparticle.media.logSegmentStart(mediaSession, customAttributes)

    m.mparticle.media.logSeekStart(mediaSession, 1900, customAttributes)
    m.mparticle.media.logSeekEnd(mediaSession, 45600, {})

    m.mparticle.media.logSegmentSkip(mediaSession, customAttributes)
    m.mparticle.media.logSegmentSummary(mediaSession, customAttributes)
    mediaSession.segment = invalid

    m.mparticle.media.logBufferStart(mediaSession, 1200, 0.12, 45600, customAttributes)
    m.mparticle.media.logBufferEnd(mediaSession, 563300, 1.0, 45600, {})

    mediaSession.mediaContentComplete = true
    m.mparticle.media.logMediaContentEnd(mediaSession, customAttributes)

    m.mparticle.media.logMediaSessionEnd(mediaSession, customAttributes)
    m.mparticle.media.logMediaSessionSummary(mediaSession, customAttributes)
    print "Logging session after End: " + formatjson(mediaSession)

    ' The sample's observers: the identity result, and "User Changed" with the current user
    ' once both modify calls were answered.
    currentUser = invalid
    print "[scenario] waiting for the identity answers"
    for attempt = 1 to 300
        ctx.wait(200)
        currentUser = m.mParticleTask[mParticleConstants().SCENEGRAPH_NODES.CURRENT_USER_NODE]
        if type(currentUser) = "roAssociativeArray" and type(currentUser.userIdentities) = "roAssociativeArray"
            other = currentUser.userIdentities.other
            if type(other) = "String" or type(other) = "roString"
                if other = "bar"
                    print "[scenario] identity answered after"; attempt * 200; " ms"
                    exit for
                end if
            end if
        end if
    end for
    print "IdentityResult: " + formatjson(m.mParticleTask[mParticleConstants().SCENEGRAPH_NODES.IDENTITY_RESULT_NODE])
    print "Current user: " + formatjson(currentUser)
    m.mparticle.logEvent("User Changed", mparticleconstants().CUSTOM_EVENT_TYPE.USER_CONTENT, currentUser)

    ' mParticle's own consent test: a GDPR purpose set again after the sample removed it.
    gdprConsentState = gdprConsentStateApi.build(false, time.asSeconds())
    gdprConsentStateApi.setDocument(gdprConsentState, "agreement.v2")
    gdprConsentStateApi.setLocation(gdprConsentState, "example.com/signup")
    gdprConsentStateApi.setHardwareId(gdprConsentState, "IDFA:00000000-1111-2222-3333-444444444444")
    consentStateAPI.addGDPRConsentState(consentState, "functional", gdprConsentState)
    m.mparticle.setConsentState(consentState)
    m.mparticle.logEvent("Consent Updated")

    ctx.clock.advance(61000)
end sub
