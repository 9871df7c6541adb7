/**
 * The two consumer channels under consumers/, built the way their developers would build them:
 *   - plain-brightscript: no build step; dist/source and dist/components copied into the channel;
 *   - ropm-brighterscript: `ropm install` of the packed package (noprefix), then bsc.
 * Each is zipped with pkg:/config/runner.json pointing it at a collector, ready for runChannel.
 * ropmPrefixedCheck installs the plain channel with a prefixed ropm install instead and runs bsc.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { checkChannel, ROOT, zipChannel } from '../build/channel';
import { runnerConfigFile, type RunnerConfig } from '../runner/runnerConfig';

export const CONSUMERS_DIR = path.join(ROOT, 'consumers');
const WORK_DIR = path.join(ROOT, 'out', 'consumers');

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
    const result = spawnSync(cmd, args, { cwd, env, encoding: 'utf8' });
    if (result.status !== 0) {
        throw new Error(`${cmd} ${args.join(' ')} (in ${path.relative(ROOT, cwd) || '.'}) exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
    }
    return result.stdout;
}

const NOT_CHECKED_IN = new Set(['node_modules', 'roku_modules', 'out', 'package-lock.json']);

/** Copies a folder, leaving out what a developer's checkout would not have. */
function copyTree(from: string, to: string) {
    fs.cpSync(from, to, {
        recursive: true,
        filter: (src) => !path.relative(from, src).split(path.sep).some((part) => NOT_CHECKED_IN.has(part))
    });
}

/** `ropm install` in a channel folder; npm runs offline (the dependency is a local tarball without dependencies). */
function ropmInstall(dir: string) {
    run(path.join(ROOT, 'node_modules', '.bin', 'ropm'), ['install'], dir, { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' });
}

/** `npm pack` of this repository (its prepack script builds dist/); returns the tarball's path. */
export function packPackage(destDir = path.join(WORK_DIR, 'pack')): string {
    fs.rmSync(destDir, { recursive: true, force: true });
    fs.mkdirSync(destDir, { recursive: true });
    const stdout = run('npm', ['pack', '--pack-destination', destDir], ROOT);
    const name = stdout.trim().split('\n').pop()!.trim();
    const tarball = path.join(destDir, name);
    if (!name.endsWith('.tgz') || !fs.existsSync(tarball)) {
        throw new Error(`npm pack did not report a tarball:\n${stdout}`);
    }
    return tarball;
}

/** The plain channel with the SDK copied in (dist/source -> source, dist/components -> components). */
export function plainConsumerZip(distDir: string, config: RunnerConfig): Buffer {
    const dir = path.join(WORK_DIR, 'plain-brightscript');
    fs.rmSync(dir, { recursive: true, force: true });
    copyTree(path.join(CONSUMERS_DIR, 'plain-brightscript'), dir);
    fs.cpSync(path.join(distDir, 'source'), path.join(dir, 'source'), { recursive: true });
    fs.cpSync(path.join(distDir, 'components'), path.join(dir, 'components'), { recursive: true });
    return zipChannel(dir, runnerConfigFile(config));
}

export interface RopmBuild {
    zip: Buffer;
    /** The consumer's bsc errors and warnings (SDK files in roku_modules included). */
    problems: string[];
    /** Where ropm put the SDK's source/ files. */
    installedSource: string;
}

/**
 * Installs the tarball into a copy of the ropm consumer with ropm (its package.json's dependency
 * pointed at the tarball; npm runs offline, the tarball has no dependencies) and builds it with bsc.
 */
export async function ropmConsumerBuild(tarball: string, config: RunnerConfig): Promise<RopmBuild> {
    const dir = path.join(WORK_DIR, 'ropm-brighterscript');
    fs.rmSync(dir, { recursive: true, force: true });
    copyTree(path.join(CONSUMERS_DIR, 'ropm-brighterscript'), dir);
    const pkgPath = path.join(dir, 'package.json');
    const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8'));
    pkg.dependencies.mparticle = `file:${tarball}`;
    fs.writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
    ropmInstall(dir);
    const problems = await checkChannel({
        project: path.join(dir, 'bsconfig.json'),
        rootDir: path.join(dir, 'src'),
        stagingDir: path.join(dir, 'out', 'staging'),
        warnings: true
    });
    return {
        zip: zipChannel(path.join(dir, 'out', 'staging'), runnerConfigFile(config)),
        problems,
        installedSource: path.join(dir, 'src', 'source', 'roku_modules', 'mparticle')
    };
}

/** What a default (prefixed) ropm install under the alias `mparticle` renames (README "Install"). */
export const PREFIXED_NAMES: Array<[RegExp, string]> = [
    [/\bmParticleSGBridge\(/g, 'mparticle_mParticleSGBridge('],
    [/\bmParticleConstants\(\)/g, 'mparticle_mParticleConstants()'],
    [/"mParticleTask"/g, '"mparticle_mParticleTask"'],
    [/pkg:\/source\/mparticle\/mParticleCore\.brs/g, 'pkg:/source/roku_modules/mparticle/mparticle/mParticleCore.brs']
];

/**
 * The plain channel installed with a prefixed ropm install instead (no `noprefix`; its SDK calls
 * renamed as PREFIXED_NAMES says), validated by bsc: returns its errors (none when every prefixed
 * name resolves and ropm's edits left every file parseable).
 */
export async function ropmPrefixedCheck(tarball: string): Promise<{ problems: string[]; dir: string }> {
    const dir = path.join(WORK_DIR, 'ropm-prefixed');
    fs.rmSync(dir, { recursive: true, force: true });
    copyTree(path.join(CONSUMERS_DIR, 'plain-brightscript'), path.join(dir, 'src'));
    for (const file of ['source/Main.brs', 'components/PlayerScene.brs', 'components/PlayerScene.xml']) {
        const full = path.join(dir, 'src', file);
        fs.writeFileSync(full, PREFIXED_NAMES.reduce((text, [pattern, name]) => text.replace(pattern, name), fs.readFileSync(full, 'utf8')));
    }
    fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({
        name: 'mparticle-ropm-prefixed-consumer',
        version: '1.0.0',
        private: true,
        dependencies: { mparticle: `file:${tarball}` },
        ropm: { rootDir: 'src' }
    }, null, 2)}\n`);
    ropmInstall(dir);
    return { problems: await checkChannel({ rootDir: path.join(dir, 'src') }), dir };
}
