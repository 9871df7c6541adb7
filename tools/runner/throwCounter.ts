/**
 * `npm run bench -- --profile`: counts the control-flow exceptions brs-engine throws. The engine
 * runs every executed `return`, `exit for` and `exit while` as a thrown JavaScript Error (31-100
 * µs each, see docs/architecture.md, engine facts), so their number per call is a deterministic
 * measure of the hot path's cost, free of this machine's timing noise.
 *
 * instrumentWorker() rewrites the engine's worker script as it is served: each of those errors
 * counts its source line (per thread: a thread is a worker), and a thread's `print` of a line that
 * starts with "[profile] {" (testing.profile, profiling builds) is followed by
 * "[throws] [[site, count], ...]", the counts since its previous profile line, most first.
 * describeThrowSites() names each site's BrightScript function from the staged channel.
 */
import * as fs from 'fs';
import * as path from 'path';

export const THROWS_PREFIX = '[throws] ';

// A comma expression: the constructors go on with `,this.location=e,...` after their super().
const COUNT = (kind: string) =>
    `,(()=>{const c=globalThis.__mpThrows||(globalThis.__mpThrows=new Map),k=(e?e.file+":"+e.start.line:"?")+" ${kind}";c.set(k,(c.get(k)||0)+1)})()`;

/** The worker script with the counters in; throws when the engine's code no longer has the expected shape. */
export function instrumentWorker(source: string): string {
    let out = source;
    for (const [message, kind] of [['`return` encountered', 'return'], ['`exit for` encountered', 'exit for'], ['`exit while` encountered', 'exit while']]) {
        const pattern = new RegExp(`(super\\("${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}",e\\))`, 'g');
        const found = out.match(pattern)?.length ?? 0;
        if (found !== 1) {
            throw new Error(`throw counter: brs-engine's worker has ${found} constructors for "${message}" (expected 1): update tools/runner/throwCounter.ts for this engine version`);
        }
        out = out.replace(pattern, `$1${COUNT(kind)}`);
    }
    // The print statement ends with a write of "print,<text>" to the engine's stdout (the
    // runtime-error report writes one too, without the `Tab` clean-up after it).
    const print = /(([A-Za-z_$][\w$]*)\.stdout\.write\(`print,\$\{([A-Za-z_$][\w$]*)\}`\))(?=,this\.environment\.remove\("Tab"\))/g;
    const prints = out.match(print)?.length ?? 0;
    if (prints !== 1) {
        throw new Error(`throw counter: brs-engine's worker has ${prints} print writes (expected 1): update tools/runner/throwCounter.ts for this engine version`);
    }
    out = out.replace(print, (_all, write: string, host: string, text: string) =>
        `${write},(${text}.startsWith("[profile] {")&&globalThis.__mpThrows&&(()=>{const a=[...globalThis.__mpThrows.entries()].sort((x,y)=>y[1]-x[1]);` +
        `${host}.stdout.write("print,${THROWS_PREFIX}"+JSON.stringify(a)+"\\r\\n");globalThis.__mpThrows=new Map})())`);
    return out;
}

export interface ThrowSite {
    /** e.g. "components/mparticle/core/Values.brs:14" (a line of the staged channel) */
    site: string;
    kind: string;
    /** the BrightScript function or class method holding the line */
    where: string;
    count: number;
}

/** The sites of a "[throws] ..." line, with the function each line belongs to (from the staged .brs files). */
export function describeThrowSites(line: string, stagingDir: string): ThrowSite[] {
    const entries = JSON.parse(line.slice(THROWS_PREFIX.length)) as Array<[string, number]>;
    const files = new Map<string, string[]>();
    return entries.map(([key, count]) => {
        const match = /^pkg:\/(.+):(\d+) (.+)$/.exec(key);
        if (!match) {
            return { site: key, kind: '', where: '?', count };
        }
        const [, file, lineText, kind] = match;
        if (!files.has(file)) {
            const full = path.join(stagingDir, file);
            files.set(file, fs.existsSync(full) ? fs.readFileSync(full, 'utf8').split('\n') : []);
        }
        const source = files.get(file) ?? [];
        let where = '?';
        for (let i = Math.min(Number(lineText), source.length) - 1; i >= 0; i--) {
            // A class method is `instance.name = function(...)` inside its class's builder.
            const method = /instance\.(\w+) = (?:function|sub)\b/.exec(source[i]);
            const fn = /^\s*(?:function|sub)\s+(\w+)/i.exec(source[i]);
            if (method || fn) {
                where = method ? method[1] : fn![1];
                const owner = method ? source.slice(0, i).reverse().find((l) => /^\s*function __(\w+)_builder\(/.test(l)) : undefined;
                if (owner) {
                    where = `${/__(\w+)_builder/.exec(owner)![1]}.${where}`;
                }
                break;
            }
        }
        return { site: `${file}:${lineText}`, kind, where, count };
    });
}
