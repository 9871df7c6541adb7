/**
 * The generated typings compile: typings/*.d.ts under `tsc --strict` (library files checked, with
 * tests/typings/usage.ts exercising them, including lines that must not compile), and the
 * BrighterScript typedefs load into a brighterscript Program without diagnostics, with the
 * Roku seed's own code checked against them. A changed schema's typings compile too.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Program } from 'brighterscript';
import { schema } from '../../tools/codegen/schema';
import type { Schema } from '../../tools/codegen/schema/types';
import { generate } from '../../tools/codegen/outputs';
import { REPO_ROOT } from '../../tools/codegen/artifacts';

const TYPEDEFS = 'typings/brighterscript/mParticle.d.bs';
const TSC = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

function tsc(project: string): { status: number | null; output: string } {
    const run = spawnSync(process.execPath, [TSC, '--noEmit', '-p', project], { cwd: REPO_ROOT, encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** The seed's render-thread code (mparticle-roku-media-sdk.txt), as a component would hold it. */
const SEED_USAGE = `
sub init()
    m.mParticleTask = createObject("roSGNode", "mParticleTask")
    m.mParticleTask.ObserveField(mParticleConstants().SCENEGRAPH_NODES.IDENTITY_RESULT_NODE, "onIdentityResult")
    m.mParticleTask.ObserveField(mParticleConstants().SCENEGRAPH_NODES.CURRENT_USER_NODE, "onCurrentUserChanged")
    m.mparticle = mParticleSGBridge(m.mParticleTask)
    mpConstants = mParticleConstants()
    customAttributes = { "example custom attribute": "example custom attribute value" }
    mediaSession = mpConstants.MediaSession.build("ABC123", "Space Pilot 3000", mparticleConstants().MEDIA_CONTENT_TYPE.VIDEO, mparticleConstants().MEDIA_STREAM_TYPE.LIVE_STREAM, 1800000)
    m.mparticle.media.logMediaSessionStart(mediaSession, customAttributes)
    m.mparticle.media.logPlay(mediaSession, { "Source": "Auto Playback" })
    mediaSession.currentPlayheadPosition = 1900
    m.mparticle.media.logPause(mediaSession, { "Source": "Player Controls" })
    adBreak = mpConstants.adBreak.build("XYZ123", "Gamer Ad Collection")
    adBreak.duration = 32000
    mediaSession.adBreak = adBreak
    m.mparticle.media.logAdBreakStart(mediaSession, customAttributes)
    adContent = mpConstants.adContent.build("ABC890", "CP 2077 - Be Cool, Be Anything")
    adContent.duration = 16000
    adContent.position = 0
    adContent.campaign = "CP 2077 Preorder Push"
    mediaSession.adContent = adContent
    m.mparticle.media.logAdStart(mediaSession, customAttributes)
    m.mparticle.media.logAdEnd(mediaSession, { "click_timestamp_ms": 1593007533602 })
    m.mparticle.media.logAdSummary(mediaSession, customAttributes)
    mediaSession.adContent = invalid
    m.mparticle.media.logAdBreakEnd(mediaSession, customAttributes)
    m.mparticle.media.logMediaContentEnd(mediaSession, customAttributes)
    m.mparticle.media.logMediaSessionEnd(mediaSession, customAttributes)
    m.mparticle.media.logMediaSessionSummary(mediaSession, customAttributes)
    m.mparticle.logEvent("Custom Media Event", mparticleConstants().CUSTOM_EVENT_TYPE.MEDIA, customAttributes)
end sub

sub onIdentityResult()
end sub

sub onCurrentUserChanged()
end sub
`;

/** In a channel the SDK provides this component; here a stand-in so the scope resolves. */
const TASK_STUB = '<?xml version="1.0" encoding="utf-8" ?>\n<component name="mParticleTask" extends="Task" />\n';
const SCENE = (script: string) => `<?xml version="1.0" encoding="utf-8" ?>
<component name="SeedScene" extends="Scene">
    <script type="text/brightscript" uri="${script}" />
    <script type="text/brightscript" uri="pkg:/source/mParticle.d.bs" />
</component>
`;

/** What the tests read of a brighterscript diagnostic. */
interface Finding {
    code: number | string;
    message: string;
    range: { start: { line: number } };
    file?: { pkgPath: string };
}

function diagnosticsOf(typedefs: string, files: Record<string, string> = {}): Finding[] {
    const program = new Program({ rootDir: REPO_ROOT, logLevel: 'error' as never });
    program.setFile('source/mParticle.d.bs', typedefs);
    for (const [pkgPath, content] of Object.entries(files)) {
        program.setFile(pkgPath, content);
    }
    program.validate();
    const diagnostics = program.getDiagnostics() as unknown as Finding[];
    program.dispose();
    return diagnostics;
}

function describeDiagnostics(diagnostics: Finding[]): string {
    return diagnostics.map((d) => `${d.file?.pkgPath}:${d.range.start.line + 1} ${d.code} ${d.message}`).join('\n');
}

describe('typings: TypeScript', () => {
    test('typings/tsconfig.json is strict and checks library files', () => {
        const config = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'typings', 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown>; include: string[] };
        assert.equal(config.compilerOptions.strict, true);
        assert.equal(config.compilerOptions.skipLibCheck, false);
        assert.ok(config.include.some((p) => p.includes('tests/typings')));
    });

    test('typings compile under tsc --strict, and usage that must fail does (tests/typings/usage.ts)', () => {
        const run = tsc('typings/tsconfig.json');
        assert.equal(run.status, 0, run.output);
    });

    test('the typings of a changed schema compile too (new bridge method, attribute, event)', () => {
        const s: Schema = structuredClone(schema);
        const logPlay = s.bridge.find((m) => m.namespace === 'media' && m.name === 'logPlay')!;
        s.bridge.push({ ...logPlay, name: 'logChapterMarker', handler: { target: 'media', method: 'logChapterMarker' } });
        s.mediaAttributes.push({ key: 'content_language', type: 'string', description: 'Spoken language.' });
        s.mediaEvents.push({ constant: 'CHAPTER_MARKER', name: 'Chapter Marker', attributes: ['media_session_id'], description: 'x' });
        (s.constants.find((g) => g.name === 'MEDIA_EVENT_NAME')!.value as Record<string, string>).CHAPTER_MARKER = 'Chapter Marker';
        const dir = path.join(REPO_ROOT, 'out', `typings-check-${process.pid}`);
        fs.rmSync(dir, { recursive: true, force: true });
        try {
            for (const [file, content] of generate(s)) {
                if (file.startsWith('typings/') && file.endsWith('.d.ts')) {
                    fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
                    fs.writeFileSync(path.join(dir, file), content);
                }
            }
            fs.writeFileSync(path.join(dir, 'use.ts'), [
                "import type { SGBridge, MediaSession, MediaEventAttributes, ChapterMarkerAttributes } from './typings';",
                'declare const bridge: SGBridge;',
                'declare const session: MediaSession;',
                "bridge.media.logChapterMarker(session, { a: '1' });",
                "const attributes: MediaEventAttributes['Chapter Marker'] = { media_session_id: 'x', content_language: 'fr' };",
                'export const used: ChapterMarkerAttributes = attributes;',
                ''
            ].join('\n'));
            fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
                compilerOptions: { target: 'ES2022', module: 'commonjs', moduleResolution: 'node', lib: ['ES2022'], strict: true, noEmit: true, skipLibCheck: false, types: [] },
                include: ['typings/*.d.ts', 'use.ts']
            }));
            const run = tsc(path.relative(REPO_ROOT, path.join(dir, 'tsconfig.json')));
            assert.equal(run.status, 0, run.output);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe('typings: BrighterScript typedefs', () => {
    const typedefs = fs.readFileSync(path.join(REPO_ROOT, TYPEDEFS), 'utf8');

    test(`${TYPEDEFS} loads into a brighterscript Program without diagnostics`, () => {
        const diagnostics = diagnosticsOf(typedefs);
        assert.equal(diagnostics.length, 0, describeDiagnostics(diagnostics));
    });

    test("the Roku seed's code checks cleanly against the typedefs", () => {
        const diagnostics = diagnosticsOf(typedefs, {
            'components/SeedScene.brs': SEED_USAGE,
            'components/SeedScene.xml': SCENE('pkg:/components/SeedScene.brs'),
            'components/mParticleTask.xml': TASK_STUB
        });
        assert.equal(diagnostics.length, 0, describeDiagnostics(diagnostics));
    });

    test('calls that do not match a typedef are reported', () => {
        const diagnostics = diagnosticsOf(typedefs, {
            'components/SeedScene.brs': 'sub init()\n    bridge = mParticleSGBridge(m.top, "extra")\n    print bridge\n    print mParticleConstants(1)\nend sub\n',
            'components/SeedScene.xml': SCENE('pkg:/components/SeedScene.brs')
        });
        assert.deepEqual(diagnostics.map((d) => d.code).sort(), [1002, 1002], describeDiagnostics(diagnostics));
    });

    test('declares every bridge method, constant group and builder of the schema', () => {
        for (const method of schema.bridge) {
            const iface = method.namespace ? `interface ${method.namespace.charAt(0).toUpperCase()}${method.namespace.slice(1)}Bridge` : 'interface SGBridge';
            const start = typedefs.indexOf(iface);
            const body = typedefs.slice(start, typedefs.indexOf('end interface', start));
            assert.match(body, new RegExp(`\\n\\s+(sub|function) ${method.name}\\(`), `${method.namespace}.${method.name}`);
        }
        for (const group of schema.constants) {
            assert.match(typedefs, new RegExp(`\\n\\s+${group.name} as `), group.name);
        }
        for (const builder of schema.builders) {
            assert.match(typedefs, new RegExp(`interface ${builder.name}Builder\\n[\\s\\S]*?function build\\(`), builder.name);
        }
    });
});
