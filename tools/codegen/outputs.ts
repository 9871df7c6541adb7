/** Every generated file, by repository-relative path. */
import type { Schema } from './schema/types';
import { validateSchema } from './validate';
import { emitBridge, emitConstants, emitDispatch, emitTaskXml } from './emit/brightscript';
import { emitMediaTables } from './emit/media';

export type Outputs = Map<string, string>;

export function generate(schema: Schema): Outputs {
    validateSchema(schema);
    return new Map<string, string>([
        ['src/source/mparticle/generated/Constants.bs', emitConstants(schema)],
        ['src/source/mparticle/generated/Bridge.bs', emitBridge(schema)],
        ['src/components/mparticle/generated/TaskDispatch.bs', emitDispatch(schema)],
        ['src/components/mparticle/mParticleTask.xml', emitTaskXml(schema)],
        ['src/components/mparticle/generated/MediaTables.bs', emitMediaTables(schema)]
    ]);
}
