/** Parsers the test pipeline relies on: argv, --option values, Rooibos reports (headless and device). */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { test } from 'node:test';
import { parseArgs } from '../../tools/util/args';
import { parseOptionArg } from '../../tools/simulate/runScenario';
import { parseRooibosReport, summarise } from '../../tools/rooibos/report';
import { cleanConsole, consoleFinished } from '../../tools/device/roku';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

test('parseArgs reads positionals, typed options and repeated lists', () => {
    const args = parseArgs(['a.brs', '--out', 'x.jsonl', '--timeout=5', '--option', 'k=1', '--option', 'j=2', '--quiet'],
        { out: 'string', timeout: 'number', option: 'list', quiet: 'boolean' });
    assert.deepEqual(args.positional, ['a.brs']);
    assert.equal(args.options.out, 'x.jsonl');
    assert.equal(args.options.timeout, 5);
    assert.deepEqual(args.options.option, ['k=1', 'j=2']);
    assert.equal(args.options.quiet, true);
});

test('parseArgs rejects unknown options and non-numeric numbers', () => {
    assert.throws(() => parseArgs(['--nope'], {}), /unknown option --nope/);
    assert.throws(() => parseArgs(['--timeout', 'soon'], { timeout: 'number' }), /needs a number/);
});

test('--option values are JSON when they parse as JSON, strings otherwise', () => {
    assert.deepEqual(parseOptionArg('logLevel=3'), ['logLevel', 3]);
    assert.deepEqual(parseOptionArg('enablePinning=false'), ['enablePinning', false]);
    assert.deepEqual(parseOptionArg('adobeMedia={"configId":"abc","channel":"c"}'), ['adobeMedia', { configId: 'abc', channel: 'c' }]);
    assert.deepEqual(parseOptionArg('apiKey=abc=def'), ['apiKey', 'abc=def']);
    assert.throws(() => parseOptionArg('noequals'), /key=value/);
});

test('a passing Rooibos report counts its tests', () => {
    const counts = parseRooibosReport(fixture('rooibos-report-pass.txt'));
    assert.equal(counts.result, 'PASS');
    assert.ok(counts.passed > 0);
    assert.equal(counts.failed + counts.crashed, 0);
    assert.deepEqual(summarise(counts), { passed: counts.passed, failed: 0 });
});

test('a failing Rooibos report counts failures and crashes, and names them', () => {
    const counts = parseRooibosReport(fixture('rooibos-report-fail.txt'));
    assert.equal(counts.result, 'FAIL');
    assert.equal(counts.failed, 1);
    assert.equal(counts.crashed, 1);
    assert.deepEqual(counts.failures, ['fails on purpose', 'crashes on purpose']);
    assert.deepEqual(summarise(counts), { passed: 7, failed: 2 });
});

test('a run that never printed a result is a failure, even with no failed test', () => {
    const unfinished = fixture('rooibos-report-pass.txt').split('[Rooibos Result]')[0].replace(/\[START TEST REPORT\][\s\S]*/, '');
    const summary = summarise(parseRooibosReport(unfinished));
    assert.ok(summary.failed >= 1);
});

test('a device console transcript: colours and CRLF removed, only the last report counts', () => {
    const raw = fixture('device-console-fail.txt');
    const clean = cleanConsole(raw);
    assert.ok(!clean.includes('\u001b'));
    assert.ok(!clean.includes('\r'));
    assert.ok(consoleFinished(raw));
    const counts = parseRooibosReport(clean);
    assert.equal(counts.result, 'FAIL');
    assert.deepEqual(summarise(counts), { passed: 7, failed: 2 });
});

test('a console still running is not finished', () => {
    assert.equal(consoleFinished("------ Running dev 'x' main ------\r\n>>>>>> It: something"), false);
    assert.equal(consoleFinished('Brightscript Debugger> '), true);
});
