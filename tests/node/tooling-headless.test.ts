/**
 * The headless runner and the scenario CLI against real channels: a clean exit, a crash with its
 * BrightScript error, and a timeout. Needs Chromium (installed by .ci/install).
 */
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { test } from 'node:test';
import { zipSync, strToU8 } from 'fflate';
import { runChannel } from '../../tools/runner/headless';

const ROOT = path.join(__dirname, '..', '..');
const MANIFEST = 'title=Runner Test\nmajor_version=1\nminor_version=0\nbuild_version=1\n';

function channel(mainBrs: string): Buffer {
    return Buffer.from(zipSync({ 'manifest': strToU8(MANIFEST), 'source/main.brs': strToU8(mainBrs) }));
}

test('a channel that returns from Main exits cleanly with its output streamed in order', async () => {
    const seen: string[] = [];
    const result = await runChannel({
        zip: channel('sub main()\n    print "one"\n    print "two"\nend sub\n'),
        timeoutMs: 30_000,
        onOutput: (line) => seen.push(line)
    });
    assert.equal(result.status, 'exited');
    assert.equal(result.exitReason, 'EXIT_USER_NAV');
    const printed = seen.filter((l) => l === 'one' || l === 'two');
    assert.deepEqual(printed, ['one', 'two']);
});

test('a BrightScript crash is reported with its error and backtrace', async () => {
    const result = await runChannel({
        zip: channel('sub main()\n    helper()\nend sub\nsub helper()\n    x = missingFunction(1)\nend sub\n'),
        timeoutMs: 30_000
    });
    assert.equal(result.status, 'crashed');
    assert.equal(result.exitReason, 'EXIT_BRIGHTSCRIPT_CRASH');
    const errors = result.errors.join('\n');
    assert.match(errors, /main\.brs\(5/);
    assert.match(errors, /helper/);
});

test('a channel that never exits times out and is stopped', async () => {
    const result = await runChannel({
        zip: channel('sub main()\n    while true\n        sleep(100)\n    end while\nend sub\n'),
        timeoutMs: 4_000
    });
    assert.equal(result.status, 'timeout');
});

test('npm run simulate exits non-zero and prints the BrightScript error when a scenario crashes', () => {
    const run = spawnSync('npx', ['ts-node', 'tools/simulate.ts', 'tests/node/fixtures/crash-scenario.brs', '--timeout', '60'], { cwd: ROOT, encoding: 'utf8' });
    assert.notEqual(run.status, 0);
    const output = `${run.stdout}\n${run.stderr}`;
    assert.match(output, /BrightScript crash/);
    assert.match(output, /Scenario\.brs\(4/);
});
