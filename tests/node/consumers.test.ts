/**
 * The SDK as a channel developer installs it: `npm pack` (prepack builds dist/), then two consumer
 * channels run headlessly against the collector. The plain BrightScript one copies the packed
 * dist/ into its folders (no build step); the BrighterScript one installs the tarball with ropm
 * (noprefix) and builds with bsc against the shipped typedefs. Needs Chromium (.ci/install).
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { before, describe, test } from 'node:test';
import { startCollector, type Collector } from '../../tools/collector';
import { packPackage, plainConsumerZip, ropmConsumerBuild, ropmPrefixedCheck } from '../../tools/consumers/consumers';
import { runChannel, type RunResult } from '../../tools/runner/headless';
import { collectorOptions } from '../../tools/runner/runnerConfig';

const ROOT = path.join(__dirname, '..', '..');

/** What both consumers log: their screen, then one video session with a chapter and a mid-roll. */
const MEDIA_EVENTS = [
    'Media Session Start', 'Play', 'Segment Start', 'Segment End', 'Segment Session Summary',
    'Ad Break Start', 'Ad Start', 'Ad End', 'Ad Session Summary', 'Ad Break End', 'Pause',
    'Media Content End', 'Media Session End', 'Media Session Summary'
];

const ADOBE = { configId: 'consumer-datastream', channel: 'consumer-channel', playerName: 'consumer-player', appVersion: '1.0.0' };

let tarball = '';
let unpackedDist = '';

before(() => {
    tarball = packPackage();
    const unpacked = path.join(path.dirname(tarball), 'unpacked');
    fs.mkdirSync(unpacked, { recursive: true });
    const untar = spawnSync('tar', ['-xzf', tarball, '-C', unpacked], { encoding: 'utf8' });
    assert.equal(untar.status, 0, untar.stderr);
    unpackedDist = path.join(unpacked, 'package', 'dist');
});

async function runAgainstCollector(zipFor: (collector: Collector) => Promise<Buffer> | Buffer, adobe = false) {
    const collector = await startCollector({ quiet: true });
    try {
        const zip = await zipFor(collector);
        const result = await runChannel({ zip, timeoutMs: 300_000 });
        return { result, collector, events: collector.events(), adobe: collector.adobeEvents(), identity: collector.identityCalls(), malformed: collector.malformed() };
    } finally {
        await collector.close();
    }
}

function config(collector: Collector, overrides: Record<string, unknown> = {}) {
    return { collectorUrl: collector.url, options: collectorOptions(collector.url, overrides) };
}

function assertCleanRun(result: RunResult) {
    assert.equal(result.status, 'exited', `run ${result.status} ${result.exitReason ?? ''}\n${result.errors.join('\n')}\n${result.lines.slice(-30).join('\n')}`);
    assert.equal(result.exitReason, 'EXIT_USER_NAV');
    assert.deepEqual(result.errors, []);
}

function assertDelivered(outcome: Awaited<ReturnType<typeof runAgainstCollector>>, screen: string) {
    const { events, identity, malformed } = outcome;
    assert.deepEqual(malformed, [], 'no malformed request');
    assert.equal(identity.length >= 1 && identity[0].call, 'identify');
    const types = events.map((e) => e.eventType);
    assert.ok(types.includes('session_start'), `session_start among ${types.join(', ')}`);
    const screenView = events.find((e) => e.eventType === 'screen_view');
    assert.equal(screenView?.eventName, screen);
    const media = events.filter((e) => e.customEventType === 'media').map((e) => e.eventName);
    assert.deepEqual(media.filter((name) => MEDIA_EVENTS.includes(name!)), MEDIA_EVENTS);
    const summary = events.find((e) => e.eventName === 'Media Session Summary')!;
    assert.equal(summary.attributes.media_content_complete, 'true');
    assert.equal(summary.attributes.media_session_ad_total, '1');
    assert.equal(summary.attributes.media_session_segment_total, '1');
    // Everything from one session of one user.
    assert.equal(new Set(events.map((e) => e.sessionUuid)).size, 1);
    assert.equal(new Set(events.map((e) => e.mpid)).size, 1);
}

describe('package: npm pack', () => {
    test('the tarball holds dist/ only (plus package.json, README, CHANGELOG, LICENSE), with the one-file render-thread API', () => {
        const list = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.trim().split('\n');
        const outsideDist = list.filter((f) => !f.startsWith('package/dist/'));
        assert.deepEqual(outsideDist.sort(), ['package/CHANGELOG.md', 'package/LICENSE', 'package/README.md', 'package/package.json']);
        assert.ok(list.includes('package/dist/source/mparticle/mParticleCore.brs'));
        assert.ok(list.includes('package/dist/source/mparticle/mParticleCore.d.bs'));
        assert.ok(list.includes('package/dist/components/mparticle/mParticleTask.xml'));
        assert.deepEqual(list.filter((f) => f.startsWith('package/dist/source/') && f.endsWith('.brs')), ['package/dist/source/mparticle/mParticleCore.brs']);
        assert.ok(!list.some((f) => /bslib/i.test(f)), 'no bslib.brs shipped');
    });

    test('package.json is a ropm package whose SDK_VERSION is its version', () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
        assert.ok(pkg.keywords.includes('ropm'));
        assert.equal(pkg.ropm.packageRootDir, 'dist');
        assert.equal(pkg.ropm.noprefix, undefined, 'ropm refuses packages that set noprefix');
        const core = fs.readFileSync(path.join(unpackedDist, 'source', 'mparticle', 'mParticleCore.brs'), 'utf8');
        assert.ok(core.includes(`SDK_VERSION: "${pkg.version}"`));
    });
});

describe('consumer channels', () => {
    test('plain BrightScript: copies dist/, adds one script tag, runs with no build step and delivers its session', async () => {
        const outcome = await runAgainstCollector((collector) => plainConsumerZip(unpackedDist, config(collector)));
        assertCleanRun(outcome.result);
        assertDelivered(outcome, 'Player');
        assert.equal(outcome.events.find((e) => e.eventName === 'Player Opened')?.attributes.consumer, 'plain-brightscript');
    });

    test('ropm + BrighterScript: installs the tarball with noprefix, builds clean against the typedefs, delivers to mParticle and Adobe', async () => {
        let problems: string[] = [];
        let installed = '';
        const outcome = await runAgainstCollector(async (collector) => {
            const build = await ropmConsumerBuild(tarball, config(collector, { adobeMedia: ADOBE }));
            problems = build.problems;
            installed = build.installedSource;
            return build.zip;
        });
        assert.deepEqual(problems, [], 'bsc: no diagnostics, SDK files included');
        assert.ok(fs.existsSync(path.join(installed, 'mparticle', 'mParticleCore.d.bs')));
        assertCleanRun(outcome.result);
        assertDelivered(outcome, 'Player');
        const adobeCalls = outcome.adobe.map((a) => a.eventType);
        assert.equal(adobeCalls[0], 'sessionStart');
        assert.ok(adobeCalls.includes('adStart') && adobeCalls.includes('sessionComplete'), adobeCalls.join(', '));
    });
});

describe('ropm without noprefix', () => {
    test('a prefixed install renames the SDK consistently: the plain channel with the renamed calls validates clean', async () => {
        const { problems, dir } = await ropmPrefixedCheck(tarball);
        assert.deepEqual(problems, []);
        const core = fs.readFileSync(path.join(dir, 'src', 'source', 'roku_modules', 'mparticle', 'mparticle', 'mParticleCore.brs'), 'utf8');
        assert.match(core, /^function mparticle_mParticleSGBridge\(/m);
        const task = fs.readFileSync(path.join(dir, 'src', 'components', 'roku_modules', 'mparticle', 'mparticle', 'mParticleTask.brs'), 'utf8');
        assert.match(task, /m\.top\.functionName = "mparticle_mParticleTaskMain"/);
        assert.match(task, /^sub init\(\)/m, 'init is never prefixed');
    });
});
