/** Paths of generated artifacts other tools read, and loaders for them. */
import * as fs from 'fs';
import * as path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** The mParticle data plan version of the SDK's uploads (see tools/codegen/emit/dataplan.ts). */
export const DATA_PLAN_FILE = 'dataplan/mparticle-media.dataplan.json';

/** The generated data plan version ({ version_document: { data_points } }), parsed. */
export function loadDataPlan(root = REPO_ROOT): Record<string, unknown> {
    return JSON.parse(fs.readFileSync(path.join(root, DATA_PLAN_FILE), 'utf8')) as Record<string, unknown>;
}
