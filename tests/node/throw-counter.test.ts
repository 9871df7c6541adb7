import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeThrowSites, instrumentWorker, THROWS_PREFIX } from '../../tools/runner/throwCounter';

// The bench's --profile counts brs-engine's control-flow throws by rewriting its worker script:
// the rewrite must still be valid JavaScript for the installed engine version.
test('the instrumented brs-engine worker still parses and carries the counters', () => {
    const worker = fs.readFileSync(require.resolve('brs-engine/lib/brs.worker.js'), 'utf8');
    const out = instrumentWorker(worker);
    assert.doesNotThrow(() => new Function(out));
    assert.equal(out.split('globalThis.__mpThrows||').length - 1, 3, 'return, exit for and exit while each count');
    assert.ok(out.includes(`"print,${THROWS_PREFIX}"`), 'a profile print is followed by the counts');
});

test('an engine whose worker has another shape is refused with a clear message', () => {
    assert.throws(() => instrumentWorker('class A extends Error{}'), /update tools\/runner\/throwCounter.ts/);
});

test('each throw site is named by the function or class method holding its line', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throws-'));
    fs.mkdirSync(path.join(dir, 'components'));
    fs.writeFileSync(path.join(dir, 'components', 'A.brs'), [
        'function helper(x as dynamic) as boolean',
        '    return x = 1',
        'end function',
        'function __ns_Thing_builder()',
        '    instance = {}',
        '    instance.run = function() as integer',
        '        return 2',
        '    end function',
        '    return instance',
        'end function'
    ].join('\n'));
    const line = THROWS_PREFIX + JSON.stringify([['pkg:/components/A.brs:7 return', 40], ['pkg:/components/A.brs:2 return', 3]]);
    assert.deepEqual(describeThrowSites(line, dir), [
        { site: 'components/A.brs:7', kind: 'return', where: 'ns_Thing.run', count: 40 },
        { site: 'components/A.brs:2', kind: 'return', where: 'helper', count: 3 }
    ]);
    fs.rmSync(dir, { recursive: true, force: true });
});
