' The core under load: 40 custom events (the names "Delivery 1" .. "Delivery 40"), screen views,
' user attributes, a login and session attributes, spread over virtual time so interval, size and
' session-end uploads all happen, and a restart of the channel after event 25 (what was not yet
' delivered goes out from the registry). tests/node/core-delivery.test.ts runs it on both
' transports against a collector that fails requests at random and checks that every event was
' stored exactly once.
sub runScenario(ctx as object)
    types = ctx.constants.CUSTOM_EVENT_TYPE
    ctx.mp.setUserAttribute("plan", "gold")
    for i = 1 to 40
        attributes = { index: i, even: (i mod 2 = 0), ratio: i / 4, title: "Say " + chr(34) + "hi" + chr(34) }
        ctx.mp.logEvent("Delivery " + i.toStr(), types.NAVIGATION, attributes)
        if i mod 10 = 0
            ctx.mp.logScreenEvent("Screen " + i.toStr(), { index: i })
        end if
        if i = 20
            ctx.mp.identity.login({ userIdentities: { customerid: "delivery-customer" } })
            ctx.mp.setSessionAttribute("phase", "second half")
        end if
        ctx.clock.advance(1500)
        if i = 25
            ' give retries a few turns, so the registry holds little, then exit and launch again
            for turn = 1 to 4
                ctx.clock.advance(5000)
            end for
            ctx.restart()
        end if
    end for
    ' long enough for the session to time out and be uploaded
    ctx.clock.advance(70000)
    ctx.mp.logEvent("Delivery after timeout", types.OTHER)
    ctx.mp.upload()
end sub
