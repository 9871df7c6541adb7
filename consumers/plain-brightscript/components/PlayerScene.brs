' Plays one short, scripted video session the way a channel reports its Video node, with an ad
' break and a chapter, then uploads and sets `finished` once the SDK has delivered everything.
sub init()
    m.mParticleTask = createObject("roSGNode", "mParticleTask")
    m.mParticleTask.observeField(mParticleConstants().SCENEGRAPH_NODES.STATUS_NODE, "onStatus")
    mp = mParticleSGBridge(m.mParticleTask)
    m.mp = mp

    mp.logScreenEvent("Player", { entry: "plain-consumer" })
    mp.logEvent("Player Opened", mParticleConstants().CUSTOM_EVENT_TYPE.NAVIGATION, { consumer: "plain-brightscript" })

    c = mParticleConstants()
    session = c.MediaSession.build("plain-clip-1", "Plain Clip", c.MEDIA_CONTENT_TYPE.VIDEO, c.MEDIA_STREAM_TYPE.ON_DEMAND, 60000)
    mp.media.logMediaSessionStart(session)
    mp.media.logPlay(session)

    session.segment = c.Segment.build("Chapter 1", 1, 20000)
    mp.media.logSegmentStart(session)
    session.currentPlayheadPosition = 20000
    mp.media.logPlayheadPosition(session, 20000)
    mp.media.logSegmentEnd(session)
    session.segment = invalid

    session.adBreak = c.AdBreak.build("break-1", "Mid-roll")
    mp.media.logAdBreakStart(session)
    session.adContent = c.AdContent.build("ad-1", "Plain Ad")
    mp.media.logAdStart(session)
    mp.media.logAdEnd(session)
    session.adContent = invalid
    mp.media.logAdBreakEnd(session)
    session.adBreak = invalid

    mp.media.logPause(session)
    session.currentPlayheadPosition = 60000
    mp.media.logMediaContentEnd(session)
    mp.media.logMediaSessionEnd(session)

    mp.upload()
end sub

sub onStatus()
    status = m.mParticleTask[mParticleConstants().SCENEGRAPH_NODES.STATUS_NODE]
    if type(status) = "roAssociativeArray" and status.lastCall = "upload" and status.pending = 0
        m.top.finished = true
    end if
end sub
