/**
 * npm run format / format:check (tools/format.ts): bsfmt with the repository's bsfmt.json.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { test } from 'node:test';
import { brightScriptFiles, loadOptions, unformatted } from '../../tools/format';

test("bsfmt.json describes the code's style: a file written in it is left alone, one that is not is reported and fixed", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bsfmt-'));
    try {
        const styled = [
            'sub init()',
            '    m.counts = { plays: 0, pauses: [] }',
            '    if m.top <> invalid and type(m.top) = "roSGNode"',
            '        m.top.observeField("control", "onControl")',
            '    else if String(2, "x") = "xx"',
            '        print "no node"',
            '    end if',
            'end sub',
            ''
        ].join('\n');
        fs.writeFileSync(path.join(dir, 'styled.brs'), styled);
        fs.writeFileSync(path.join(dir, 'sloppy.bs'), 'Sub init()\n  m.counts={plays:0}   \n  If m.top=invalid Then\n      print "x"\n  ElseIf 1\n  EndIf\nEnd Sub\n');
        const options = loadOptions();
        const changed = unformatted(['styled.brs', 'sloppy.bs'], options, dir);
        assert.deepEqual(changed.map((c) => c.file), ['sloppy.bs']);
        assert.equal(changed[0].formatted, 'sub init()\n    m.counts = { plays: 0 }\n    if m.top = invalid then\n        print "x"\n    else if 1\n    end if\nend sub\n');
        fs.writeFileSync(path.join(dir, 'sloppy.bs'), changed[0].formatted);
        assert.deepEqual(unformatted(['styled.brs', 'sloppy.bs'], options, dir), []);
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
});

test('the check covers the SDK, specs, scenarios, sample and consumer channels, but not the verbatim seed samples', () => {
    const files = brightScriptFiles();
    for (const expected of ['src/source/mparticle/mParticleCore.bs', 'src/components/mparticle/Sdk.bs', 'consumers/plain-brightscript/source/Main.brs', 'consumers/ropm-brighterscript/src/components/PlayerScene.bs']) {
        assert.ok(files.includes(expected), expected);
    }
    assert.ok(files.some((f) => f.startsWith('tests/specs/')));
    assert.ok(!files.some((f) => /^tests\/scenarios\/seed-/.test(f)));
    assert.ok(!files.some((f) => f.startsWith('node_modules/') || f.startsWith('out/') || f.startsWith('dist/')));
});
