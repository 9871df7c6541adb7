/**
 * Builds a channel with brighterscript (bsc) and zips its staging folder. Runs of the same
 * channel differ only by injected files (pkg:/config/runner.json), so one build serves many runs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { zipSync } from 'fflate';
import { DiagnosticSeverity, ProgramBuilder } from 'brighterscript';

/** The fields of a bsc diagnostic we use (its declared type comes from an LSP package TS cannot see here). */
export interface Diagnostic {
    severity?: number;
    code?: string | number;
    message: string;
    range: { start: { line: number; character: number } };
    file?: { srcPath?: string };
}

export const ROOT = path.resolve(__dirname, '..', '..');

export interface BuildOptions {
    /** bsconfig file, relative to the repository root. */
    project: string;
    /** Staging folder (default: the bsconfig's). */
    stagingDir?: string;
    /** Extra files entries appended to the bsconfig's `files`. */
    extraFiles?: Array<string | { src: string | string[]; dest?: string }>;
    /** Overrides of bsconfig keys (e.g. files) for this build only. */
    overrides?: Record<string, unknown>;
}

export interface BuildResult {
    stagingDir: string;
    diagnostics: Diagnostic[];
    /** Errors and warnings (bslint findings included); a clean build has none. */
    problems: string[];
}

function formatDiagnostic(d: Diagnostic, relativeTo = ROOT): string {
    const file = d.file?.srcPath ? path.relative(relativeTo, d.file.srcPath) : '?';
    const severity = d.severity === DiagnosticSeverity.Error ? 'error' : 'warning';
    return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severity} ${d.code}: ${d.message}`;
}

export async function buildChannel(options: BuildOptions): Promise<BuildResult> {
    const configPath = path.join(ROOT, options.project);
    const config = JSON.parse(fs.readFileSync(configPath, 'utf8'));
    const stagingDir = path.resolve(ROOT, options.stagingDir ?? config.stagingDir ?? 'out/staging');
    fs.rmSync(stagingDir, { recursive: true, force: true });
    const files = [...(config.files ?? []), ...(options.extraFiles ?? [])];
    const builder = new ProgramBuilder();
    await builder.run({
        // bsc's own progress lines are noise here; diagnostics are formatted below.
        logLevel: 'error' as any,
        showDiagnosticsInConsole: false,
        ...config,
        ...options.overrides,
        project: configPath,
        cwd: ROOT,
        rootDir: path.resolve(ROOT, config.rootDir ?? '.'),
        files: (options.overrides?.files as any) ?? files,
        stagingDir,
        retainStagingDir: true,
        createPackage: false,
        copyToStaging: true,
        watch: false,
        deploy: false
    });
    const diagnostics = (builder.getDiagnostics() as unknown as Diagnostic[]).filter((d) =>
        d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning);
    return { stagingDir, diagnostics, problems: diagnostics.map((d) => formatDiagnostic(d)) };
}

export interface CheckOptions {
    /** Folder holding manifest, source/ and components/. */
    rootDir: string;
    /** bsconfig to read (none: bsc defaults, never a bsconfig.json found in a parent folder). */
    project?: string;
    /** Copy and transpile into this staging folder (default: validate only). */
    stagingDir?: string;
    files?: Array<string | { src: string | string[]; dest?: string }>;
    /** Count warnings too (default: errors only). */
    warnings?: boolean;
}

/** bsc over a channel folder that is not this repository's (dist/, a consumer channel): its problems, paths relative to rootDir's parent. */
export async function checkChannel(options: CheckOptions): Promise<string[]> {
    let project = options.project;
    if (!project) {
        project = path.join(ROOT, 'out', 'empty.bsconfig.json');
        fs.mkdirSync(path.dirname(project), { recursive: true });
        fs.writeFileSync(project, '{}\n');
    }
    const builder = new ProgramBuilder();
    await builder.run({
        project,
        rootDir: options.rootDir,
        cwd: path.dirname(project),
        ...(options.files ? { files: options.files } : {}),
        ...(options.stagingDir ? { stagingDir: options.stagingDir, retainStagingDir: true } : {}),
        copyToStaging: options.stagingDir !== undefined,
        createPackage: false,
        watch: false,
        deploy: false,
        logLevel: 'error' as any,
        showDiagnosticsInConsole: false
    });
    const wanted = (d: Diagnostic) => d.severity === DiagnosticSeverity.Error || (options.warnings === true && d.severity === DiagnosticSeverity.Warning);
    return (builder.getDiagnostics() as unknown as Diagnostic[]).filter(wanted).map((d) => formatDiagnostic(d, path.dirname(options.rootDir)));
}

/** Zips a staging folder, adding `inject` files (package path -> content). */
export function zipChannel(stagingDir: string, inject: Record<string, string | Buffer> = {}): Buffer {
    const entries: Record<string, Uint8Array> = {};
    const walk = (dir: string, prefix: string) => {
        for (const name of fs.readdirSync(dir)) {
            const full = path.join(dir, name);
            const rel = prefix ? `${prefix}/${name}` : name;
            if (fs.statSync(full).isDirectory()) {
                walk(full, rel);
            } else {
                entries[rel] = fs.readFileSync(full);
            }
        }
    };
    walk(stagingDir, '');
    for (const [rel, content] of Object.entries(inject)) {
        entries[rel] = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    }
    return Buffer.from(zipSync(entries, { level: 6 }));
}
