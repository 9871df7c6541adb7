/**
 * pkg:/config/runner.json: how a headless run tells the channel where its local collector is.
 * The sample channel, the scenario harness and the Rooibos specs read it; nothing in the SDK
 * does (the SDK only sees m.global.mparticleOptions).
 */
import { DEFAULT_API_KEY, DEFAULT_API_SECRET } from '../collector';

export const RUNNER_CONFIG_PATH = 'config/runner.json';

export interface RunnerConfig {
    collectorUrl: string;
    /** Merged into m.global.mparticleOptions by whoever creates the mParticleTask. */
    options: Record<string, unknown>;
}

/** SDK options that point every endpoint at the collector, unless `overrides` set them. */
export function collectorOptions(collectorUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const options: Record<string, unknown> = {
        apiKey: DEFAULT_API_KEY,
        apiSecret: DEFAULT_API_SECRET,
        nativeBaseUrl: collectorUrl,
        eventsBaseUrl: collectorUrl,
        identityBaseUrl: collectorUrl,
        ...overrides
    };
    // Adobe forwarding stays off unless asked for; when on, it talks to the collector too.
    const adobe = options.adobeMedia;
    if (adobe && typeof adobe === 'object' && !('edgeBaseUrl' in (adobe as object))) {
        options.adobeMedia = { ...(adobe as object), edgeBaseUrl: collectorUrl };
    }
    return options;
}

export function runnerConfigFile(config: RunnerConfig): Record<string, string> {
    return { [RUNNER_CONFIG_PATH]: JSON.stringify(config, null, 2) };
}
