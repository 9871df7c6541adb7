/**
 * The Rooibos test channel a device run sideloads: the bsconfig.test.json build, or the same build
 * with only some spec files (`--spec`, a quicker run on a device). A selected spec keeps its place
 * in the test build, or, from elsewhere, goes where its kind goes: node suites (`@SGNode`) with the
 * components, the others into Main's source. Spec support files on the components side are kept
 * when a selected spec imports them (unreferenced component files are a build warning).
 */
import * as fs from 'fs';
import * as path from 'path';
import { rokuDeploy } from 'roku-deploy';
import { buildChannel, ROOT, type BuildResult } from '../build/channel';

export const TEST_PROJECT = 'bsconfig.test.json';

type FilesEntry = string | { src: string | string[]; dest?: string };
interface PackageFile { src: string; dest: string }

const isSpec = (p: string) => p.endsWith('.spec.bs');
const posix = (p: string) => p.split(path.sep).join('/');

/** Package folder for a spec file, by the kind of suite it declares. */
export function specDestination(source: string): string {
    return /^\s*@SGNode\s*\(/im.test(source) ? 'components/tests/specs' : 'source/tests';
}

function importsOf(file: string): string[] {
    return [...fs.readFileSync(file, 'utf8').matchAll(/^\s*import\s+"pkg:\/([^"]+)"/gim)].map((m) => m[1].toLowerCase());
}

/** Every file of the test build with `specs` (paths relative to the repository) as its only spec files. */
export async function filesWithSpecs(projectFiles: FilesEntry[], specs: string[]): Promise<PackageFile[]> {
    const all = (await rokuDeploy.getFilePaths(projectFiles as any, ROOT)).map((f) => ({ src: f.src, dest: posix(f.dest) }));
    const selected = specs.map((spec): PackageFile => {
        const src = posix(path.resolve(ROOT, spec));
        if (!isSpec(src) || !fs.existsSync(src)) {
            throw new Error(`--spec ${spec}: not a .spec.bs file`);
        }
        const known = all.find((f) => posix(path.resolve(f.src)) === src);
        return known ?? { src, dest: `${specDestination(fs.readFileSync(src, 'utf8'))}/${path.basename(src)}` };
    });
    const specDirs = new Set(all.filter((f) => isSpec(f.dest)).map((f) => path.posix.dirname(f.dest)));
    const support = all.filter((f) => !isSpec(f.dest) && specDirs.has(path.posix.dirname(f.dest)) && f.dest.startsWith('components/'));
    // Imports are followed through support files (one may import another).
    const imported = new Set<string>();
    const pending = selected.flatMap((f) => importsOf(f.src));
    for (let dest = pending.pop(); dest !== undefined; dest = pending.pop()) {
        const file = support.find((f) => f.dest.toLowerCase() === dest);
        if (file && !imported.has(dest)) {
            imported.add(dest);
            pending.push(...importsOf(file.src));
        }
    }
    const kept = all.filter((f) => !isSpec(f.dest) && (!support.includes(f) || imported.has(f.dest.toLowerCase())));
    return [...kept, ...selected];
}

export async function buildTestChannel(stagingDir: string, specs: string[] = []): Promise<BuildResult> {
    if (specs.length === 0) {
        return buildChannel({ project: TEST_PROJECT, stagingDir });
    }
    const config = JSON.parse(fs.readFileSync(path.join(ROOT, TEST_PROJECT), 'utf8'));
    const files = await filesWithSpecs(config.files ?? [], specs);
    return buildChannel({ project: TEST_PROJECT, stagingDir, overrides: { files } });
}
