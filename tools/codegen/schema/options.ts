/**
 * Options of m.global.mparticleOptions that have no default (so no entry in DEFAULT_OPTIONS).
 * The Task checks each against its type; a key that is neither here nor in DEFAULT_OPTIONS logs
 * one warning (a typo would otherwise be silently ignored). Add an option here with the module
 * that reads it.
 */
import type { ExtraOption } from './types';

export const extraOptions: ExtraOption[] = [
    { name: 'identifyRequest', type: 'object', description: '{ userIdentities: { <IDENTITY_TYPE>: value } } identified at start (else the last known identities).' },
    { name: 'startupArgs', type: 'object', description: 'The channel\'s launch arguments (Main\'s args): sent with the launch event; contentId is the session\'s launch referrer.' },
    { name: 'dataPlanId', type: 'string', description: 'Data plan id, sent as context.data_plan.plan_id in every batch.' },
    { name: 'dataPlanVersion', type: 'integer', description: 'Data plan version (with dataPlanId), sent as context.data_plan.plan_version.' },
    { name: 'isscenegraph', type: 'boolean', description: 'Read by mParticle\'s SDK to tell SceneGraph from legacy channels; accepted and ignored (this SDK is SceneGraph only).' },
    { name: 'mediaMilestones', type: 'array', description: 'Milestone percents for every media session (a session\'s milestones field wins).' },
    { name: 'adobeMedia', type: 'object', description: 'Adobe Media Edge forwarding, see docs/adobe.md.' }
];
