' A call on the render thread reaches the Task, which POSTs JSON to the collector.
sub runScenario(ctx as object)
    ctx.mp.logEvent("Plumbing Check", ctx.constants.CUSTOM_EVENT_TYPE.OTHER, { answer: 42, ok: true })
    ctx.clock.advance(1000)
    ctx.mp.upload()
end sub
