/**
 * Schema validation: an invalid schema never generates anything, and the error names the entry
 * (duplicates, unknown types, a bridge method without a handler, tables that disagree).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { schema } from '../../tools/codegen/schema';
import type { BridgeMethod, Schema } from '../../tools/codegen/schema/types';
import { generate } from '../../tools/codegen/outputs';
import { SchemaError, validateSchema } from '../../tools/codegen/validate';

function copySchema(): Schema {
    return structuredClone(schema);
}

function media(s: Schema, name: string): BridgeMethod {
    const method = s.bridge.find((m) => m.namespace === 'media' && m.name === name);
    assert.ok(method, name);
    return method;
}

/** Asserts that generating from `s` fails with SchemaError problems matching each pattern. */
function rejects(s: Schema, ...patterns: RegExp[]): SchemaError {
    let error: unknown;
    try {
        generate(s);
    } catch (err) {
        error = err;
    }
    assert.ok(error instanceof SchemaError, `expected a SchemaError, got ${String(error)}`);
    for (const pattern of patterns) {
        const problem = error.problems.find((p) => pattern.test(p));
        assert.ok(problem, `no problem matches ${pattern}:\n${error.message}`);
        assert.ok(error.message.includes(problem), 'the message lists every problem');
    }
    return error;
}

describe('codegen: schema validation', () => {
    test('the project schema is valid', () => {
        assert.doesNotThrow(() => validateSchema(schema));
    });

    describe('duplicate names (BrightScript is case-insensitive)', () => {
        test('bridge method', () => {
            const s = copySchema();
            s.bridge.push({ ...media(s, 'logPlay'), name: 'LogPlay' });
            rejects(s, /^duplicate bridge method "media\.LogPlay" \(same name as "media\.logPlay"\)$/);
        });

        test('the same name in two namespaces is fine', () => {
            const s = copySchema();
            s.bridge.push({ ...media(s, 'logPlay'), namespace: 'testing' });
            assert.doesNotThrow(() => validateSchema(s));
        });

        test('constant group and builder', () => {
            const s = copySchema();
            s.constants.push({ name: 'MEDIASESSION', description: 'clash', value: 1 });
            rejects(s, /^duplicate constant group or builder "MediaSession" \(same name as "MEDIASESSION"\)$/);
        });

        test('constant key inside a group', () => {
            const s = copySchema();
            s.constants.push({ name: 'PLAYER_STATE', description: 'x', value: { PLAYING: 'a', playing: 'b' } });
            rejects(s, /^duplicate constant "PLAYER_STATE\.playing" \(same name as "PLAYER_STATE\.PLAYING"\)$/);
        });

        test('task field, media attribute, media event name and constant', () => {
            const s = copySchema();
            s.taskFields.push({ ...s.taskFields[0] });
            s.mediaAttributes.push({ key: 'content_id', type: 'string', description: 'again' });
            s.mediaEvents.push({ ...s.mediaEvents[0] });
            rejects(s,
                /^duplicate task field "mParticleApiCall"$/,
                /^duplicate media attribute "content_id"$/,
                /^duplicate media event name "Media Session Start"$/,
                /^duplicate media event constant "SESSION_START"$/);
        });

        test('parameter of a bridge method, field of a builder', () => {
            const s = copySchema();
            const pause = media(s, 'logPause');
            pause.params = [pause.params[0], { ...pause.params[0] }];
            s.builders[0].fields.push({ ...s.builders[0].fields[0] });
            rejects(s, /^duplicate parameter "media\.logPause\(mediaSession\)"$/, /^duplicate builder field "MediaSession\.contentId"$/);
        });
    });

    describe('unknown types', () => {
        test('bridge parameter type', () => {
            const s = copySchema();
            (media(s, 'logSeekStart').params[1] as { type: string }).type = 'float';
            rejects(s, /^bridge method "media\.logSeekStart": parameter "position" has unknown type "float"$/);
        });

        test('task field type', () => {
            const s = copySchema();
            s.taskFields.push({ id: 'mParticleColor', type: 'color' as never, writtenBy: 'task', description: 'x' });
            rejects(s, /^task field "mParticleColor": unknown type "color"/);
        });

        test('media attribute type and unit', () => {
            const s = copySchema();
            s.mediaAttributes.push({ key: 'content_release', type: 'date' as never, unit: 'min' as never, description: 'x' });
            rejects(s, /^media attribute "content_release": unknown type "date"/, /^media attribute "content_release": unknown unit "min"$/);
        });

        test('builder field and parameter type', () => {
            const s = copySchema();
            const adBreak = s.builders.find((b) => b.name === 'AdBreak')!;
            adBreak.fields.push({ name: 'podType', type: 'enum' as never, description: 'x' });
            adBreak.params.push({ name: 'pod', type: 'list' as never, optional: true, description: 'x' });
            rejects(s, /^builder "AdBreak": field "podType" has unknown type "enum"$/, /^builder "AdBreak": parameter "pod" has unknown type "list"$/);
        });

        test('a MediaSession parameter needs the MediaSession builder', () => {
            const s = copySchema();
            s.builders = s.builders.filter((b) => b.name !== 'MediaSession');
            rejects(s, /^bridge method "media\.logPlay": parameter "mediaSession" is a MediaSession, but no builder MediaSession exists$/);
        });
    });

    describe('bridge methods and their handlers', () => {
        test('a bridge method without a handler', () => {
            const s = copySchema();
            delete (media(s, 'logPause') as Partial<BridgeMethod>).handler;
            (s.bridge.find((m) => m.name === 'upload')!.handler as { method: string }).method = '';
            rejects(s, /^bridge method "media\.logPause": has no Task handler$/, /^bridge method "upload": has no Task handler$/);
        });

        test('a handler on an object the Task does not have', () => {
            const s = copySchema();
            media(s, 'logPlay').handler = { target: 'adobe' as never, method: 'logPlay' };
            rejects(s, /^bridge method "media\.logPlay": unknown handler target "adobe"/);
        });

        test('a handler method that is not an identifier', () => {
            const s = copySchema();
            media(s, 'logPlay').handler = { target: 'media', method: 'log-play' };
            rejects(s, /^bridge method "media\.logPlay": handler method: "log-play" is not a valid BrightScript identifier$/);
        });

        test('an unknown namespace, and a top-level name taken by the bridge object', () => {
            const s = copySchema();
            s.bridge.push({ ...media(s, 'logPlay'), namespace: 'ads' as never });
            s.bridge.push({ ...media(s, 'logPlay'), namespace: '', name: 'media' });
            rejects(s, /^bridge method "ads\.logPlay": unknown namespace "ads"/, /^bridge method "media": the name is taken by a member of mParticleSGBridge\(\)$/);
        });

        test('a required parameter after an optional one', () => {
            const s = copySchema();
            const play = media(s, 'logPlay');
            play.params = [...play.params, { name: 'source', type: 'string', description: 'x' }];
            rejects(s, /^bridge method "media\.logPlay": required parameter "source" follows an optional one$/);
        });
    });

    describe('tables that must agree', () => {
        test('a media event with an unknown attribute or bridge call', () => {
            const s = copySchema();
            s.mediaEvents[0] = { ...s.mediaEvents[0], attributes: [...s.mediaEvents[0].attributes, 'content_mood'], loggedBy: 'logStart' };
            rejects(s,
                /^media event "Media Session Start": unknown attribute "content_mood"$/,
                /^media event "Media Session Start": logged by unknown bridge call "media\.logStart"$/);
        });

        test('MEDIA_EVENT_NAME disagrees with the media events', () => {
            const s = copySchema();
            const names = s.constants.find((g) => g.name === 'MEDIA_EVENT_NAME')!.value as Record<string, string>;
            names.PLAY = 'Playing';
            names.REWIND = 'Rewind';
            rejects(s,
                /^media event "Play": MEDIA_EVENT_NAME\.PLAY is "Playing", expected "Play"$/,
                /^constant "MEDIA_EVENT_NAME\.REWIND": no media event has this constant$/);
        });

        test('SCENEGRAPH_NODES names a field the Task does not have', () => {
            const s = copySchema();
            s.taskFields = s.taskFields.filter((f) => f.id !== 'mParticleStatus');
            rejects(s, /^constant "SCENEGRAPH_NODES\.STATUS_NODE": "mParticleStatus" is not a task field$/);
        });

        test('every problem is reported at once', () => {
            const s = copySchema();
            delete (media(s, 'logPause') as Partial<BridgeMethod>).handler;
            s.taskFields.push({ ...s.taskFields[0] });
            const error = rejects(s, /has no Task handler/, /duplicate task field/);
            assert.equal(error.problems.length, 2);
        });
    });
});
