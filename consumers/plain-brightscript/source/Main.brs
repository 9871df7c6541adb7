' A plain BrightScript channel (no build step) that installs the SDK by copying: dist/source and
' dist/components of the SDK go into this channel's source/ and components/, and the scene
' includes pkg:/source/mparticle/mParticleCore.brs. The integration is the one mParticle documents.
sub Main(args as dynamic)
    screen = CreateObject("roSGScreen")
    m.port = CreateObject("roMessagePort")
    screen.setMessagePort(m.port)
    scene = screen.CreateScene("PlayerScene")

    options = {}
    options.apiKey = "REPLACE WITH API KEY"
    options.apiSecret = "REPLACE WITH API SECRET"
    options.startupArgs = args
    options.logLevel = mParticleConstants().LOG_LEVEL.INFO
    identityApiRequest = { userIdentities: {} }
    identityApiRequest.userIdentities[mParticleConstants().IDENTITY_TYPE.CUSTOMER_ID] = "plain-consumer-1"
    options.identifyRequest = identityApiRequest
    useLocalCollector(options)

    screen.getGlobalNode().addFields({ mparticleOptions: options })
    screen.show()
    scene.observeField("finished", m.port)

    while true
        msg = wait(0, m.port)
        msgType = type(msg)
        if msgType = "roSGScreenEvent"
            if msg.isScreenClosed() then return
        else if msgType = "roSGNodeEvent" and msg.getField() = "finished" and msg.getData() = true
            return
        end if
    end while
end sub

' Not part of the integration: when this channel runs headlessly in the SDK's CI, the runner puts
' the local collector's endpoints and test credentials in pkg:/config/runner.json.
sub useLocalCollector(options as object)
    if not CreateObject("roFileSystem").Exists("pkg:/config/runner.json") then return
    runner = ParseJson(ReadAsciiFile("pkg:/config/runner.json"))
    if type(runner) = "roAssociativeArray" and type(runner.options) = "roAssociativeArray"
        options.append(runner.options)
    end if
end sub
