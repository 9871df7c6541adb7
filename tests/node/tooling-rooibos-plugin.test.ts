/** The brighterscript plugin that makes Rooibos node suites run headlessly fails loudly when Rooibos changes. */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { test } from 'node:test';
import { patchTestRunner } from '../../tools/rooibos-headless/plugin';

const runnerSource = fs.readFileSync(path.join(__dirname, '..', '..', 'node_modules', 'rooibos-roku', 'dist', 'lib', 'framework', 'source', 'rooibos', 'TestRunner.bs'), 'utf8');

test('runNodeTest waits on the screen port and only for the test result field', () => {
    const patched = patchTestRunner(runnerSource);
    assert.match(patched, /port = GetGlobalAA\(\)\.port/);
    assert.match(patched, /if type\(event\) = "roSGNodeEvent" and event\.getField\(\) = "rooibosTestResult"/);
    assert.equal(patched.split('\n').length, runnerSource.split('\n').length, 'line numbers stay put for stack traces');
});

test('a Rooibos whose runNodeTest changed makes the patch fail, naming what is missing', () => {
    const changed = runnerSource.replace('port = CreateObject("roMessagePort")\n        node.observeField', 'resultPort = CreateObject("roMessagePort")\n        node.observeField');
    assert.notEqual(changed, runnerSource, 'fixture edit applied');
    assert.throws(() => patchTestRunner(changed), /runNodeTest's fresh result port not found exactly once/);
});
