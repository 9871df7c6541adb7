/** Interface fields of the mParticleTask node. */
import type { TaskField } from './types';

export const taskFields: TaskField[] = [
    { id: 'mParticleApiCall', type: 'assocarray', alwaysNotify: true, writtenBy: 'render', description: 'One bridge call per write (see BridgeTransport.bs).' },
    { id: 'mParticleReady', type: 'boolean', writtenBy: 'task', description: 'true once the Task has read its options and restored persisted state.' },
    { id: 'mParticleIdentityResult', type: 'assocarray', alwaysNotify: true, writtenBy: 'task', description: 'Result of the latest identity call: { httpCode, mpid?, body?, error? }.' },
    { id: 'mParticleCurrentUser', type: 'assocarray', writtenBy: 'task', description: 'Current user: { mpid, userIdentities, userAttributes }.' },
    { id: 'mParticleCurrentSession', type: 'assocarray', writtenBy: 'task', description: 'Current mParticle session: { sessionId, startTime }.' },
    { id: 'mParticleStatus', type: 'assocarray', alwaysNotify: true, writtenBy: 'task', description: 'Delivery status: pending (0 = nothing left to deliver), inFlight, delivered, dropped, droppedByReason, callsHandled (bridge calls run or shed), callsShed, backlog (calls taken and not yet run), lostCalls, lastCall (method id of the last bridge call handled), handledSeq (bridge id -> sequence number of its last call run or shed), busyMs (time the Task thread spent working), draining. Written at most every 200 ms while work is pending (every second while calls wait in the backlog).' },
    { id: 'mediaEventListener', type: 'assocarray', alwaysNotify: true, writtenBy: 'task', description: 'With options.mediaEventListener = true: each media event as it is logged: { name, type, mediaSessionId, timestamp, attributes }.' }
];
