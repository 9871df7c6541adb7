/**
 * How `npm run dist` turns the transpiled SDK into its release form (tools/build/dist.ts) and keeps
 * it installable by ropm with or without prefixes (tools/build/ropm-rules.ts). The built result is
 * exercised end to end by consumers.test.ts.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, test } from 'node:test';
import {
    parenthesizeLiterals, parseHelpers, renameHelpers, rewriteComponentScripts, TYPEDEF_SOURCE, withInternalDeclarations
} from '../../tools/build/dist';
import { inlineFunctionReferences, interfaceMethodsAsFields, ropmRuleViolations } from '../../tools/build/ropm-rules';

const ROOT = path.join(__dirname, '..', '..');

describe('dist: one file, no bslib.brs', () => {
    const bslib = [
        "' header",
        'function bslib_toString(value)',
        '    return value.toStr()',
        'end function',
        '',
        'sub bslib_noop()',
        'end sub',
        ''
    ].join('\n');

    test('bslib helpers are read by name with their whole text', () => {
        const helpers = parseHelpers(bslib);
        assert.deepEqual([...helpers.keys()], ['bslib_tostring', 'bslib_noop']);
        assert.equal(helpers.get('bslib_tostring'), 'function bslib_toString(value)\n    return value.toStr()\nend function');
    });

    test('helper calls and definitions move to the SDK prefix, so they cannot clash with an app that has bslib', () => {
        assert.equal(renameHelpers('x = bslib_toString(1) + bslib_coalesce(a, b)'), 'x = mParticle_bslib_toString(1) + mParticle_bslib_coalesce(a, b)');
        assert.equal(renameHelpers('function bslib_toString(value)'), 'function mParticle_bslib_toString(value)');
        assert.equal(renameHelpers('mybslib_x = 1'), 'mybslib_x = 1');
    });

    test("component script tags into source/ become one tag for mParticleCore.brs; the component's own stay", () => {
        const xml = [
            '<component name="mParticleTask" extends="Task">',
            '    <script type="text/brightscript" uri="pkg:/source/mparticle/generated/Constants.brs" />',
            '    <script type="text/brightscript" uri="pkg:/components/mparticle/Sdk.brs" />',
            '    <script type="text/brightscript" uri="pkg:/source/bslib.brs" />',
            '</component>'
        ].join('\n');
        assert.equal(rewriteComponentScripts(xml, 'Task.xml'), [
            '<component name="mParticleTask" extends="Task">',
            '    <script type="text/brightscript" uri="pkg:/source/mparticle/mParticleCore.brs" />',
            '    <script type="text/brightscript" uri="pkg:/components/mparticle/Sdk.brs" />',
            '</component>'
        ].join('\n'));
    });

    test('a component script from outside the SDK fails the build instead of shipping a dangling path', () => {
        assert.throws(() => rewriteComponentScripts('<script uri="pkg:/source/app/utils.brs" />', 'X.xml'), /outside the SDK/);
    });

    test("literals brighterscript's parsers misread get parentheses: 100.toStr() (an inlined const) and 2147483647# (ropm's lexer)", () => {
        assert.equal(parenthesizeLiterals('x = "at most " + 100.toStr() + " of " + 2.5.toStr()'), 'x = "at most " + (100).toStr() + " of " + (2.5).toStr()');
        assert.equal(parenthesizeLiterals('    return m.state / 2147483647#'), '    return m.state / (2147483647#)');
        assert.equal(parenthesizeLiterals('x = count.toStr() + a1.toStr() + 1.5 + 1.5# + n#'), 'x = count.toStr() + a1.toStr() + 1.5 + 1.5# + n#');
        assert.equal(parenthesizeLiterals('x = "5.toStr() 12#" \' and 7.toStr() 9#'), 'x = "5.toStr() 12#" \' and 7.toStr() 9#', 'strings and comments untouched');
    });

    test("the typedef also declares the core's internal functions, since bsc reads it in place of the .brs", () => {
        const typedef = 'function mParticleSGBridge(task = invalid as object) as object\nend function\n';
        const core = 'function mParticleSGBridge(task = invalid as dynamic) as object\nend function\nsub mParticle_bridge_send(method as string, args as object)\n    print method\nend sub\n';
        const result = withInternalDeclarations(typedef, core);
        assert.match(result, /\nsub mParticle_bridge_send\(method as string, args as object\)\nend sub\n$/);
        assert.equal(result.match(/function mParticleSGBridge/g)?.length, 1);
    });
});

describe('dist: ropm rules', () => {
    const files = {
        'source/a.brs': [
            'function mParticleSGBridge(task as dynamic) as object',
            '    return { send: mParticle_send, task: task }',
            'end function',
            'sub mParticle_send(method as string)',
            '    m.last = method',
            'end sub',
            ''
        ].join('\n')
    };

    test('a package function used as a value is a violation (ropm noprefix would prefix the value, not the function)', () => {
        assert.deepEqual(ropmRuleViolations(files), ["source/a.brs:2: function mParticle_send used as a value (ropm's noprefix install would break it)"]);
    });

    test('an XML onChange handler is a violation (ropm prefixes the function, not the attribute)', () => {
        const xml = { 'components/c.xml': '<component name="C" extends="Node"><interface><field id="f" type="string" onChange="onF" /></interface></component>' };
        assert.deepEqual(ropmRuleViolations(xml), ['components/c.xml: an onChange handler in XML (ropm prefixes the function, not the attribute: observe the field in init())']);
    });

    test('such values become anonymous copies of the function, indented like their line, and the violation is gone', () => {
        const { files: out, inlined } = inlineFunctionReferences(files);
        assert.equal(inlined, 1);
        assert.equal(out['source/a.brs'].split('\n').slice(0, 5).join('\n'), [
            'function mParticleSGBridge(task as dynamic) as object',
            '    return { send: sub(method as string)',
            '        m.last = method',
            '    end sub, task: task }',
            'end function'
        ].join('\n'));
        assert.deepEqual(ropmRuleViolations(out), []);
    });

    test('Task function names must be plain string literals, observers one line, no CDATA', () => {
        const problems = ropmRuleViolations({
            'components/T.brs': 'sub init()\n    m.top.functionName = "run" + suffix\n    m.top.observeField("x",\n        "onX")\nend sub\n',
            'components/T.xml': '<component name="T"><script><![CDATA[ sub init() : end sub ]]></script></component>'
        });
        assert.equal(problems.length, 3, problems.join('\n'));
        assert.match(problems.join('\n'), /functionName must be assigned/);
        assert.match(problems.join('\n'), /observeField call spans lines/);
        assert.match(problems.join('\n'), /CDATA/);
        assert.deepEqual(ropmRuleViolations({ 'components/T.brs': 'sub init()\n    m.top.functionName = "mParticleTaskMain"\nend sub\n' }), []);
    });

    test("the shipped typedef parses with ropm's own brighterscript (0.39 has no interface; method lines made it run out of memory)", { timeout: 60_000 }, () => {
        const typedef = fs.readFileSync(path.join(ROOT, TYPEDEF_SOURCE), 'utf8');
        const shipped = interfaceMethodsAsFields(typedef);
        assert.match(shipped, /\n {8}' logPlay\(mediaSession as mParticle\.MediaSession, customAttributes = invalid as object\)\n {8}logPlay as function\n/);
        assert.doesNotMatch(shipped, /^\s+sub \w+\(/m);
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const ropmBsc = require(path.join(ROOT, 'node_modules', 'ropm', 'node_modules', 'brighterscript'));
        const started = process.hrtime.bigint();
        ropmBsc.Parser.parse(ropmBsc.Lexer.scan(shipped).tokens, { mode: ropmBsc.ParseMode.BrighterScript });
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        console.log(`ropm's parser read the shipped typedef in ${ms.toFixed(0)} ms`);
    });
});
