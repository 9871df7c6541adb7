/**
 * Builds dist/, the release form of the SDK (what the npm/ropm package ships and what a channel
 * copies): whatever src/source/mparticle and src/components/mparticle hold, transpiled by bsc, then
 *   - every .brs under source/mparticle joined into one file, source/mparticle/mParticleCore.brs,
 *     so a channel includes the render-thread API with the one script tag mParticle documents;
 *   - the bslib helpers the transpiled code calls appended to that file under our own names
 *     (mParticle_bslib_*), so no pkg:/source/bslib.brs is needed (nor can it clash with the app's);
 *   - component XML script tags that pointed into source/ (bslib, the render-thread files) replaced
 *     by one tag for mParticleCore.brs;
 *   - the BrighterScript typedefs next to it (source/mparticle/mParticleCore.d.bs: bsc reads a
 *     typedef named like its .brs file in place of it);
 *   - the changes ropm needs to install it with or without prefixes (ropm-rules.ts).
 * The result is checked: bsc validates it as a plain BrightScript channel (no function missing or
 * defined twice) and it keeps ropm's rules, so `ropm install` can prefix it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildChannel, checkChannel, ROOT } from './channel';
import { version as SDK_VERSION } from '../../package.json';
import { inlineFunctionReferences, interfaceMethodsAsFields, ropmRuleViolations } from './ropm-rules';

export const DIST_DIR = path.join(ROOT, 'dist');
export const CORE_PKG_PATH = 'pkg:/source/mparticle/mParticleCore.brs';
/** The typedef file bsc pairs with mParticleCore.brs (same base name), from codegen's output. */
export const TYPEDEF_SOURCE = 'typings/brighterscript/mParticle.d.bs';
const TYPEDEF_DEST = 'source/mparticle/mParticleCore.d.bs';
const HELPER_PREFIX = 'mParticle_bslib_';

export interface DistResult {
    outDir: string;
    /** Files written, relative to outDir, sorted. */
    files: string[];
    /** bsc diagnostics of the SDK build and of the finished dist, and rule violations. */
    problems: string[];
}

function walk(dir: string, rel = ''): string[] {
    const found: string[] = [];
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
        const child = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
            found.push(...walk(dir, child));
        } else {
            found.push(child);
        }
    }
    return found.sort();
}

/** Top-level functions of bslib.brs by name, each with its full text. */
export function parseHelpers(bslib: string): Map<string, string> {
    const helpers = new Map<string, string>();
    const pattern = /^(function|sub)\s+(bslib_\w+)\s*\([\s\S]*?^end\s+\1\b/gim;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(bslib)) !== null) {
        helpers.set(match[2].toLowerCase(), match[0]);
    }
    return helpers;
}

/** Applies `edit` to the code of each line, leaving string literals and comments alone. */
function editCode(text: string, edit: (code: string) => string): string {
    return text.split('\n').map((line) => {
        let out = '';
        let code = '';
        for (let i = 0; i < line.length; i++) {
            const ch = line[i];
            if (ch === '"') {
                const close = line.indexOf('"', i + 1);
                const end = close < 0 ? line.length : close + 1;
                out += edit(code) + line.slice(i, end);
                code = '';
                i = end - 1;
            } else if (ch === "'") {
                return out + edit(code) + line.slice(i);
            } else {
                code += ch;
            }
        }
        return out + edit(code);
    }).join('\n');
}

/**
 * Numeric literals that BrightScript on a device accepts but brighterscript's parsers do not,
 * put in parentheses (same meaning):
 *   - `100.toStr()`: bsc inlines a numeric const as a literal (`MAX.toStr()`), and bsc's
 *     BrightScript parser (a consumer's build, ropm's prefixer) rejects a method call on it;
 *   - `2147483647#` at the end of a line: the lexer of brighterscript 0.39 (ropm 0.10.0) swallows
 *     the newline after an integer with a `#` suffix, so every later line is off by one and a
 *     prefixed install writes its prefixes into the wrong places.
 */
export function parenthesizeLiterals(text: string): string {
    return editCode(text, (code) => code
        .replace(/(?<![\w.])(\d+(?:\.\d+)?)\.([A-Za-z_]\w*)\s*\(/g, '($1).$2(')
        .replace(/(?<![\w.#])(\d+#)(?![\w#])/g, '($1)'));
}

/**
 * The typedef declares the public API only. bsc reads a typedef in place of its .brs file, so
 * the SDK's own components, which call the file's other functions, would not validate: those are
 * declared too (signature only), after the API.
 */
export function withInternalDeclarations(typedef: string, coreBrs: string): string {
    const declared = new Set([...typedef.matchAll(/^(?:function|sub)\s+(\w+)/gim)].map((m) => m[1].toLowerCase()));
    const lines: string[] = [];
    for (const match of coreBrs.matchAll(/^(function|sub)\s+(\w+)\s*\(.*$/gim)) {
        if (!declared.has(match[2].toLowerCase())) {
            lines.push(match[0].trim(), `end ${match[1].toLowerCase()}`);
        }
    }
    if (lines.length === 0) {
        return typedef;
    }
    return `${typedef.trimEnd()}\n\n' Internal functions of mParticleCore.brs, declared so bsc can validate the SDK's components; not API.\n${lines.join('\n')}\n`;
}

/** `bslib_x` -> `mParticle_bslib_x` (calls and the helpers' own definitions). */
export function renameHelpers(code: string): string {
    return code.replace(/\bbslib_(\w+)/gi, (_, name: string) => `${HELPER_PREFIX}${name}`);
}

function usedHelpers(code: string): string[] {
    const names = new Set<string>();
    for (const match of code.matchAll(/\bbslib_(\w+)/gi)) {
        names.add(`bslib_${match[1]}`.toLowerCase());
    }
    return [...names].sort();
}

/**
 * Script tags of a component that point into pkg:/source/ become one tag for mParticleCore.brs
 * (the first one keeps its place); every other line is kept.
 */
export function rewriteComponentScripts(xml: string, xmlPath: string): string {
    let coreIncluded = false;
    const lines = xml.split('\n').filter((line) => {
        const uri = /<script\b[^>]*\buri="([^"]+)"/i.exec(line)?.[1];
        if (!uri || !uri.toLowerCase().startsWith('pkg:/source/')) {
            return true;
        }
        const known = uri.toLowerCase() === 'pkg:/source/bslib.brs' || uri.toLowerCase().startsWith('pkg:/source/mparticle/');
        if (!known) {
            throw new Error(`${xmlPath}: script ${uri} is outside the SDK; dist ships only source/mparticle`);
        }
        if (coreIncluded) {
            return false;
        }
        coreIncluded = true;
        return true;
    });
    return lines.map((line) => line.replace(/(<script\b[^>]*\buri=")pkg:\/source\/[^"]+(")/i, `$1${CORE_PKG_PATH}$2`)).join('\n');
}

/** Validates dist as a channel of its own (bsc, no plugins, the repository's manifest): errors only. */
function validateDist(outDir: string): Promise<string[]> {
    return checkChannel({
        rootDir: outDir,
        files: ['source/**/*', 'components/**/*', { src: path.join(ROOT, 'manifest'), dest: 'manifest' }]
    });
}

export async function buildDist(outDir = DIST_DIR): Promise<DistResult> {
    const stagingDir = path.join(ROOT, 'out', 'dist-staging');
    const build = await buildChannel({
        project: 'bsconfig.json',
        stagingDir,
        overrides: {
            files: [
                'manifest',
                { src: 'src/source/mparticle/**/*', dest: 'source/mparticle' },
                { src: 'src/components/mparticle/**/*', dest: 'components/mparticle' }
            ],
            // The release never carries the profiling build's hooks (bsc drops #if MP_PROFILE blocks).
            manifest: { bs_const: { MP_PROFILE: false } }
        }
    });
    if (build.problems.length > 0) {
        return { outDir, files: [], problems: build.problems };
    }

    const bslibPath = path.join(stagingDir, 'source', 'bslib.brs');
    const helpers = parseHelpers(fs.existsSync(bslibPath) ? fs.readFileSync(bslibPath, 'utf8') : '');
    const out: Record<string, string> = {};

    const coreParts: string[] = [];
    const sourceFiles = walk(path.join(stagingDir, 'source', 'mparticle')).filter((f) => f.endsWith('.brs'));
    // mParticleCore first: its header comment says what the file is.
    sourceFiles.sort((a, b) => Number(b === 'mParticleCore.brs') - Number(a === 'mParticleCore.brs'));
    for (const rel of sourceFiles) {
        const text = fs.readFileSync(path.join(stagingDir, 'source', 'mparticle', rel), 'utf8')
            // bsc leaves `import` statements as comments; everything is in this one file now.
            .replace(/^'import "[^"]*"\r?\n?/gm, '')
            .trim();
        coreParts.push(`' ---- source/mparticle/${rel.replace(/\.brs$/, '.bs')}\n${text.replace(/mParticleCore\.bs\b/g, 'mParticleCore.brs')}`);
    }

    for (const rel of walk(path.join(stagingDir, 'components', 'mparticle'))) {
        const dest = `components/mparticle/${rel}`;
        const text = fs.readFileSync(path.join(stagingDir, 'components', 'mparticle', rel), 'utf8');
        if (rel.endsWith('.xml')) {
            out[dest] = rewriteComponentScripts(text, dest);
        } else if (rel.endsWith('.brs')) {
            out[dest] = text.replace(/^'import "[^"]*"\r?\n?/gm, '');
        } else {
            out[dest] = text;
        }
    }

    const allCode = [...coreParts, ...Object.values(out)].join('\n');
    const needed = usedHelpers(allCode);
    const problems: string[] = [];
    const helperParts: string[] = [];
    for (const name of needed) {
        const helper = helpers.get(name);
        if (helper) {
            helperParts.push(helper);
        } else {
            problems.push(`${name} is called but bslib.brs has no such function`);
        }
    }
    const header = [
        `' mParticle media-analytics SDK for Roku ${SDK_VERSION}: the render-thread API (mParticleSGBridge,`,
        `' mParticleConstants) in one file. Include it in every component that calls the SDK:`,
        `'   <script type="text/brightscript" uri="${CORE_PKG_PATH}" />`,
        `' Built by \`npm run dist\` from src/source/mparticle; change the sources, not this file.`
    ].join('\n');
    const helperSection = helperParts.length > 0
        ? [`' ---- helpers of the BrighterScript runtime (bslib), under the SDK's own names`, ...helperParts]
        : [];
    out['source/mparticle/mParticleCore.brs'] = `${[header, ...coreParts, ...helperSection].join('\n\n')}\n`;
    for (const rel of Object.keys(out)) {
        if (rel.endsWith('.brs')) {
            out[rel] = parenthesizeLiterals(renameHelpers(out[rel]));
        }
    }
    const typedef = fs.readFileSync(path.join(ROOT, TYPEDEF_SOURCE), 'utf8');
    out[TYPEDEF_DEST] = withInternalDeclarations(interfaceMethodsAsFields(typedef), out['source/mparticle/mParticleCore.brs']);
    const ropmSafe = inlineFunctionReferences(out);
    Object.assign(out, ropmSafe.files);
    problems.push(...ropmRuleViolations(out));
    for (const [rel, text] of Object.entries(out)) {
        if (rel.endsWith('.brs') && /mParticle_profiler_(enter|leave|report)|^\s*#(if|const)\b/m.test(text)) {
            problems.push(`${rel}: profiling code or conditional compilation left in the release`);
        }
    }

    fs.rmSync(outDir, { recursive: true, force: true });
    for (const [rel, text] of Object.entries(out)) {
        fs.mkdirSync(path.dirname(path.join(outDir, rel)), { recursive: true });
        fs.writeFileSync(path.join(outDir, rel), text);
    }
    fs.rmSync(stagingDir, { recursive: true, force: true });
    problems.push(...await validateDist(outDir));
    return { outDir, files: Object.keys(out).sort(), problems };
}
