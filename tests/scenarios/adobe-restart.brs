' Adobe forwarding across restarts and an opt-out, with the real Task, registry and collector
' (tests/node/adobe-restart.test.ts checks what arrives). Run with --option 'adobeMedia={"configId":"abc"}'.
'
'   1. Session A starts and Edge accepts it (its session id is known); then the network goes down
'      and A's pings and a pause wait. Session B starts while the network is down: its sessionStart
'      is never accepted. The channel restarts.
'   2. The network comes back: A's waiting calls go out in A's Adobe session, each once, and as
'      nobody goes on with A, a sessionEnd closes it; B's calls go out and a sessionEnd closes it.
'   3. Opt-out: after the opt_out event nothing at all is sent, over a session with Adobe
'      forwarding, a clock advance and a restart.
'   4. Opt back in: a new ECID, and media sessions are forwarded again.
sub runScenario(ctx as object)
    c = ctx.constants

    ' 1. Session A, accepted.
    ctx.settle()
    a = c.MediaSession.build("restart-A", "Restart A", c.MEDIA_CONTENT_TYPE.VIDEO, c.MEDIA_STREAM_TYPE.ON_DEMAND, 600000)
    ctx.mp.media.logMediaSessionStart(a)
    ctx.mp.media.logPlay(a)
    ctx.settle()
    ctx.network(false)
    ' Pings at 10 and 20 s and the pause at 25 s cannot be delivered.
    ctx.clock.advance(25000)
    ctx.mp.media.logPause(a)
    ' Session B: its sessionStart cannot be delivered either.
    b = c.MediaSession.build("restart-B", "Restart B", c.MEDIA_CONTENT_TYPE.VIDEO, c.MEDIA_STREAM_TYPE.ON_DEMAND, 300000)
    ctx.mp.media.logMediaSessionStart(b)
    ctx.mp.media.logPlay(b)
    ' Past the registry's 3 s write delay (what waits since 25 s is written at 28 s), and before
    ' the next ping (30 s).
    ctx.clock.advance(4000)
    ctx.restart()

    ' 2. The new Task delivers what the old one could not; the network comes back.
    ctx.network(true)
    ' Retries run on the virtual clock; A's 30 s wait for its media session to go on ends.
    ctx.clock.advance(40000)
    ctx.settle()

    ' 3. Opted out: nothing is sent after the opt_out event.
    ctx.mp.setOptOut(true)
    ctx.settle()
    print "[scenario] opted out"
    optedOut = c.MediaSession.build("restart-C", "Opted out", c.MEDIA_CONTENT_TYPE.VIDEO, c.MEDIA_STREAM_TYPE.ON_DEMAND, 300000)
    ctx.mp.media.logMediaSessionStart(optedOut)
    ctx.mp.media.logPlay(optedOut)
    ctx.mp.logEvent("while opted out")
    ctx.mp.identity.login({ userIdentities: { customerid: "opted-out" } })
    ctx.clock.advance(60000)
    ctx.mp.media.logMediaSessionEnd(optedOut)
    ctx.clock.advance(5000)
    ctx.restart()
    still = c.MediaSession.build("restart-D", "Still opted out", c.MEDIA_CONTENT_TYPE.VIDEO, c.MEDIA_STREAM_TYPE.ON_DEMAND, 300000)
    ctx.mp.media.logMediaSessionStart(still)
    ctx.mp.media.logPlay(still)
    ctx.clock.advance(30000)
    ctx.settle()
    print "[scenario] opting back in"

    ' 4. Opted back in: forwarding resumes, with a new ECID (fetched before the session starts).
    ctx.mp.setOptOut(false)
    ctx.settle()
    e = c.MediaSession.build("restart-E", "Back in", c.MEDIA_CONTENT_TYPE.VIDEO, c.MEDIA_STREAM_TYPE.ON_DEMAND, 300000)
    ctx.mp.media.logMediaSessionStart(e)
    ctx.mp.media.logPlay(e)
    ctx.clock.advance(12000)
    ctx.mp.media.logMediaSessionEnd(e)
end sub
