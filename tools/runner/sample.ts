/**
 * The sample channel (src/components/sample) as `npm run demo` and `npm start` run it: built with bsc,
 * then played headlessly against a collector, with Adobe forwarding on. It plays a 16-second clip
 * (sampleMedia, served by the collector) with a pre-roll and a mid-roll in real time (about 35 s).
 */
import type { Collector } from '../collector';
import { makeTestClip } from '../media/testClip';
import { buildChannel, zipChannel } from '../build/channel';
import { runChannel, type OutputLevel, type RunResult } from './headless';
import { collectorOptions, runnerConfigFile } from './runnerConfig';

/** Where `npm start` serves the collector and its live viewer unless told otherwise (--port). */
export const START_PORT = 8420;

export const SAMPLE_ADOBE = {
    configId: 'demo-datastream',
    channel: 'sample-channel',
    playerName: 'roku-sample-player',
    appVersion: 'roku-media-sdk-demo'
};

/** What the collector serves the sample at /media/ (one colour per second, so progress shows). */
export function sampleMedia(): Record<string, Buffer> {
    return { 'content.mp4': makeTestClip({ seconds: 16 }) };
}

/** Builds the sample channel; throws with bsc's diagnostics when the build is not clean. */
export async function buildSample(): Promise<string> {
    const build = await buildChannel({ project: 'bsconfig.json' });
    if (build.problems.length > 0) {
        throw new Error(`the sample channel does not build cleanly:\n${build.problems.join('\n')}`);
    }
    return build.stagingDir;
}

/** Plays the built sample against the collector until it exits (or 150 s pass: a loaded machine is slow). */
export function runSample(stagingDir: string, collector: Collector, onOutput?: (line: string, level: OutputLevel) => void): Promise<RunResult> {
    const zip = zipChannel(stagingDir, runnerConfigFile({
        collectorUrl: collector.url,
        options: collectorOptions(collector.url, { adobeMedia: SAMPLE_ADOBE })
    }));
    return runChannel({ zip, timeoutMs: 150_000, onOutput });
}
