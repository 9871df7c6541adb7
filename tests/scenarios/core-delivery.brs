' The core under load: 40 custom events (the names "Delivery 1" .. "Delivery 40"), screen views,
' user attributes, a login and session attributes, spread over virtual time so interval, size and
' session-end uploads all happen. tests/node/core-delivery.test.ts runs it against a collector that
' fails requests at random and checks that every event was stored exactly once.
sub runScenario(ctx as object)
    mp = ctx.mp
    types = ctx.constants.CUSTOM_EVENT_TYPE
    mp.setUserAttribute("plan", "gold")
    for i = 1 to 40
        attributes = { index: i, even: (i mod 2 = 0), ratio: i / 4, title: "Say " + chr(34) + "hi" + chr(34) }
        mp.logEvent("Delivery " + i.toStr(), types.NAVIGATION, attributes)
        if i mod 10 = 0
            mp.logScreenEvent("Screen " + i.toStr(), { index: i })
        end if
        if i = 20
            mp.identity.login({ userIdentities: { customerid: "delivery-customer" } })
            mp.setSessionAttribute("phase", "second half")
        end if
        ctx.clock.advance(1500)
    end for
    ' long enough for the session to time out and be uploaded
    ctx.clock.advance(70000)
    mp.logEvent("Delivery after timeout", types.OTHER)
    mp.upload()
end sub
