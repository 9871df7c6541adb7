' The fuzz test's channel side: runs the program tools/fuzz/generate.ts wrote to
' pkg:/config/fuzz.json through the real bridge, builders and setters (the format is described
' there), then settles and prints what the Task reports. Every call goes through the same
' functions a channel calls; a crash anywhere ends the run, which the test reports with its seed.
sub runScenario(ctx as object)
    program = ParseJson(ReadAsciiFile("pkg:/config/fuzz.json"))
    fuzz = {
        ctx: ctx
        slots: {}
        goodSessions: {}
        specials: fuzzSpecials()
        roots: { mp: ctx.mp, c: ctx.constants, global: { mParticleSGBridge: mParticleSGBridge, mParticleConstants: mParticleConstants } }
        holders: {}
        made: 0
    }
    timer = CreateObject("roTimespan")
    for each op in program.ops
        if op.f <> invalid
            fuzzCall(fuzz, op)
        else if op.g <> invalid
            fuzzGood(fuzz, op)
        else if op.gm <> invalid
            fuzzGoodSession(fuzz, op)
        else if op.o <> invalid
            ctx.mp.setOptOut(true)
            ctx.mp.setOptOut(false)
        else if op.w <> invalid
            ctx.wait(op.w)
        end if
    end for
    print "[fuzz] calls made " + fuzz.made.toStr() + " in " + timer.TotalMilliseconds().toStr() + " ms"
    status = fuzzSettle(ctx)
    print "[fuzz] status " + FormatJson({ sent: ctx.mp._transport.seq, callsHandled: status.callsHandled, lostCalls: status.lostCalls, warnings: status.warnings, errors: status.errors, dropped: status.dropped, droppedByReason: status.droppedByReason })
end sub

' ctx.settle(), saying every 10 s what the Task still has to do (a run that hangs says where).
function fuzzSettle(ctx as object) as object
    ctx.mp.upload()
    said = CreateObject("roTimespan")
    while true
        status = ctx.status
        ' This bridge's calls (the harness reads handledSeq: trackVideo's tracker nodes add calls
        ' of their own to callsHandled). A lost call is counted once a later one arrives; the
        ' judge reports it.
        if status <> invalid and status.pending = 0 and scenarioHandledAll(ctx)
            return status
        end if
        if said.TotalMilliseconds() >= 10000
            said.Mark()
            if status = invalid
                print "[fuzz] waiting for the Task's first status"
            else
                print "[fuzz] waiting: " + FormatJson({ callsHandled: status.callsHandled, lostCalls: status.lostCalls, sent: ctx.mp._transport.seq, pending: status.pending, queued: status.queued, batches: status.batches, inFlight: status.inFlight, identityPending: status.identityPending, lastUploadCode: status.lastUploadCode, lastUploadError: status.lastUploadError, lastCall: status.lastCall, handledSeq: status.handledSeq, id: ctx.mp._transport.id })
            end if
        end if
        ctx.wait(100)
    end while
    return invalid
end function

sub fuzzCall(fuzz as object, op as object)
    holder = fuzz.holders[op.h]
    if holder = invalid
        holder = fuzz.roots
        for each part in op.h.Tokenize(".")
            holder = holder[part]
        end for
        fuzz.holders[op.h] = holder
    end if
    args = op.a
    if op.x <> invalid
        for each index in op.x
            args[index] = fuzzDecode(fuzz, args[index], invalid, invalid)
        end for
    end if
    fuzz.made = fuzz.made + 1
    result = fuzzInvoke(holder, op.f, args)
    if op.r <> invalid
        fuzz.slots[op.r] = result
    end if
end sub

' Calls holder[name] with exactly the arguments given (a sub answers invalid).
function fuzzInvoke(h as object, name as string, a as object) as dynamic
    n = a.count()
    if n = 0
        return h[name]()
    else if n = 1
        return h[name](a[0])
    else if n = 2
        return h[name](a[0], a[1])
    else if n = 3
        return h[name](a[0], a[1], a[2])
    else if n = 4
        return h[name](a[0], a[1], a[2], a[3])
    else if n = 5
        return h[name](a[0], a[1], a[2], a[3], a[4])
    else if n = 6
        return h[name](a[0], a[1], a[2], a[3], a[4], a[5])
    else if n = 7
        return h[name](a[0], a[1], a[2], a[3], a[4], a[5], a[6])
    else if n = 8
        return h[name](a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7])
    else if n = 9
        return h[name](a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8])
    else if n = 10
        return h[name](a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9])
    else if n = 11
        return h[name](a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10])
    end if
    print "[fuzz] no call form for " + n.toStr() + " arguments"
    return invalid
end function

' A value of the program: JSON, except AAs with a "$" key (generate.ts).
function fuzzDecode(fuzz as object, spec as dynamic, parent as dynamic, root as dynamic) as dynamic
    kind = type(spec)
    if kind = "roAssociativeArray"
        tag = spec["$"]
        if tag <> invalid
            return fuzzTagged(fuzz, spec, tag, parent, root)
        end if
        out = {}
        if root = invalid
            root = out
        end if
        for each key in spec
            name = key
            if type(name) <> "String" and type(name) <> "roString"
                name = ""
            end if
            item = spec[name]
            if type(item) = "roAssociativeArray" or type(item) = "roArray"
                item = fuzzDecode(fuzz, item, out, root)
            end if
            out[name] = item
        end for
        return out
    else if kind = "roArray"
        out = []
        if root = invalid
            root = out
        end if
        for each item in spec
            if type(item) = "roAssociativeArray" or type(item) = "roArray"
                item = fuzzDecode(fuzz, item, out, root)
            end if
            out.push(item)
        end for
        return out
    end if
    return spec
end function

function fuzzTagged(fuzz as object, spec as object, tag as string, parent as dynamic, root as dynamic) as dynamic
    if tag = "cyc"
        return parent
    else if tag = "root"
        return root
    else if tag = "slot"
        return fuzz.slots[spec.v]
    else if tag = "s"
        return String(spec.n, spec.c)
    else if tag = "n"
        return fuzz.specials[spec.v]
    else if tag = "node"
        return CreateObject("roSGNode", "ContentNode")
    else if tag = "task"
        return fuzz.ctx.task
    else if tag = "obj"
        if spec.v = "roRegex"
            return CreateObject("roRegex", "a+", "i")
        end if
        return CreateObject(spec.v)
    else if tag = "fn"
        return fuzzNoop
    else if tag = "range"
        list = []
        for i = 0 to spec.n - 1
            list.push(i)
        end for
        return list
    end if
    return invalid
end function

sub fuzzNoop()
end sub

function fuzzSpecials() as object
    zero = 0.0#
    huge# = 1.0#
    for i = 1 to 300
        huge# = huge# * 10
    end for
    tiny# = 1.0#
    for i = 1 to 300
        tiny# = tiny# / 10
    end for
    return {
        int64max: 9223372036854775807&
        int64min: -9223372036854775807& - 1
        nan: zero / zero
        inf: 1.0# / zero
        ninf: -1.0# / zero
        hugeDouble: huge#
        tinyDouble: tiny#
        negZero: -zero
        epochMs: 1700000000000&
        int32max: 2147483647
        int32min: -2147483647 - 1
        fraction: 1900.5#
        float: 0.1
    }
end function

' Known good events: each must be stored exactly once, whatever the calls around them did.
sub fuzzGood(fuzz as object, op as object)
    n = op.g.toStr()
    if op.k = "v"
        fuzz.ctx.mp.logScreenEvent("Fuzz Good Screen " + n, { fuzz_good: n })
    else
        fuzz.ctx.mp.logEvent("Fuzz Good " + n, "other", { fuzz_good: n })
    end if
end sub

sub fuzzGoodSession(fuzz as object, op as object)
    n = op.gm.toStr()
    mp = fuzz.ctx.mp
    if op.s = "start"
        session = fuzz.ctx.constants.MediaSession.build("fuzz-good-" + n, "Fuzz Good " + n, "Video", "OnDemand", 600000, { fuzz_good: n })
        fuzz.goodSessions[n] = session
        mp.media.logMediaSessionStart(session)
        return
    end if
    session = fuzz.goodSessions[n]
    if op.s = "play"
        mp.media.logPlay(session)
    else if op.s = "pause"
        mp.media.logPause(session)
    else if op.s = "end"
        mp.media.logMediaSessionEnd(session)
    end if
end sub
