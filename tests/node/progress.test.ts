/**
 * The status line of long runs (tools/util/progress.ts): drawn in place on a terminal, absent in
 * CI and pipes, and never in the way of the run's own output.
 */
import { strict as assert } from 'assert';
import { test } from 'node:test';
import { Progress, type StatusStream } from '../../tools/util/progress';

function stream(isTTY: boolean): StatusStream & { written: string[] } {
    const written: string[] = [];
    return { isTTY, columns: 40, written, write: (text: string) => written.push(text) > 0 };
}

test('on a terminal the status is redrawn in place, cut to the width, and cleared when done', () => {
    const err = stream(true);
    const progress = new Progress('simulate', err, true);
    progress.update('12 requests, 300 mParticle events, 4 Adobe calls');
    assert.equal(err.written.length, 1);
    assert.match(err.written[0], /^\r\x1b\[2Ksimulate 0 s · 12 requests, 300 mPa/);
    assert.ok(err.written[0].length - '\r\x1b[2K'.length <= 39);
    progress.done();
    assert.equal(err.written.at(-1), '\r\x1b[2K');
});

test('output lines go above the status line', () => {
    const err = stream(true);
    const out = stream(true);
    const progress = new Progress('rooibos', err, true);
    progress.update('3 tests run');
    progress.log('[Rooibos Result]: PASS', out);
    assert.deepEqual(out.written, ['[Rooibos Result]: PASS\n']);
    assert.equal(err.written[1], '\r\x1b[2K', 'cleared before the line');
    assert.match(err.written[2], /rooibos 0 s · 3 tests run/, 'redrawn after it');
    progress.done();
});

test('in CI or a pipe nothing but the output lines is written', () => {
    const previous = process.env.CI;
    process.env.CI = 'true';
    try {
        const err = stream(true);
        const out = stream(false);
        const progress = new Progress('bench', err);
        assert.equal(progress.enabled, false);
        progress.update('5 figures');
        progress.log('bench: done', out);
        progress.done();
        assert.deepEqual(err.written, []);
        assert.deepEqual(out.written, ['bench: done\n']);
    } finally {
        if (previous === undefined) {
            delete process.env.CI;
        } else {
            process.env.CI = previous;
        }
    }
    assert.equal(new Progress('x', stream(false)).enabled, false, 'not a TTY');
});
