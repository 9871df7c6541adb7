/**
 * Every generated file, by repository-relative path. `npm run codegen -- --check` compares each
 * of them with the file on disk, so a new output only needs an entry here.
 */
import type { Schema } from './schema/types';
import { validateSchema } from './validate';
import { emitBridge, emitConstants, emitDispatch, emitTaskXml } from './emit/brightscript';
import { emitMediaTables } from './emit/media';
import { emitBatchTs, emitBridgeTs, emitConstantsTs, emitIndexTs, emitMediaEventsTs } from './emit/typescript';
import { emitTypedefs } from './emit/typedefs';
import { emitDataPlan } from './emit/dataplan';
import { emitApiReference } from './emit/markdown';
import { DATA_PLAN_FILE } from './artifacts';

export type Outputs = Map<string, string>;

export function generate(schema: Schema): Outputs {
    validateSchema(schema);
    return new Map<string, string>([
        ['src/source/mparticle/generated/Constants.bs', emitConstants(schema)],
        ['src/source/mparticle/generated/Bridge.bs', emitBridge(schema)],
        ['src/components/mparticle/generated/TaskDispatch.bs', emitDispatch(schema)],
        ['src/components/mparticle/mParticleTask.xml', emitTaskXml(schema)],
        ['src/components/mparticle/generated/MediaTables.bs', emitMediaTables(schema)],
        ['typings/index.d.ts', emitIndexTs()],
        ['typings/constants.d.ts', emitConstantsTs(schema)],
        ['typings/bridge.d.ts', emitBridgeTs(schema)],
        ['typings/media-events.d.ts', emitMediaEventsTs(schema)],
        ['typings/batch.d.ts', emitBatchTs(schema)],
        ['typings/brighterscript/mParticle.d.bs', emitTypedefs(schema)],
        [DATA_PLAN_FILE, emitDataPlan(schema)],
        ['docs/api.md', emitApiReference(schema)]
    ]);
}
