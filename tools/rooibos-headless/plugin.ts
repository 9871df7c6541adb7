/**
 * brighterscript plugin (listed after rooibos-roku in bsconfig.test.json) that lets Rooibos
 * @SGNode suites run on brs-engine. It edits only Rooibos' own framework files:
 *
 * 1. rooibos_promises observes fields with anonymous subs, which it turns into observer names
 *    with `callback.toStr()`. brs-engine cannot resolve those generated names, so the observer
 *    never fires and every node test waits forever. Each anonymous observer callback is hoisted
 *    into a named top-level sub (BrightScript has no closures, so the body moves unchanged).
 * 2. TestRunner.runNodeTest waits for the node's result on a fresh port; the engine only runs the
 *    render thread (and Tasks) while Main waits on the screen's port. It now waits on the screen
 *    port (Rooibos keeps it in the main thread's global m.port) and accepts only the
 *    rooibosTestResult field event.
 *
 * If Rooibos' code no longer looks as expected (an upgrade), the build fails with a message
 * naming what was not found, rather than hanging at run time.
 */
import {
    createIdentifier,
    createVariableExpression,
    createVisitor,
    DiagnosticSeverity,
    FunctionStatement,
    isBrsFile,
    isCallExpression,
    isFunctionExpression,
    isVariableExpression,
    WalkMode,
    type BeforeFileTranspileEvent,
    type BscFile,
    type CompilerPlugin,
    type Program,
    type FunctionExpression,
    type SourceObj
} from 'brighterscript';

const PROMISES_FILE = 'source/roku_modules/rooibos_promises/promises.brs';
const RUNNER_FILE = 'source/rooibos/TestRunner.bs';
const OBSERVE_FUNCTION = 'rooibos_promises_internal_observeFieldScoped';
/** Anonymous observer callbacks in rooibos-roku 5.15.7's promises code. */
const EXPECTED_OBSERVER_CALLBACKS = 2;

export class RooibosHeadlessError extends Error { }

function normalise(p: string): string {
    return p.replace(/\\/g, '/').toLowerCase();
}

/** One exact edit of Rooibos source text; fails when the text is not found exactly once. */
function replaceOnce(source: string, pattern: RegExp, replacement: string, what: string): string {
    const matches = source.match(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'));
    if (!matches || matches.length !== 1) {
        throw new RooibosHeadlessError(`rooibos-headless: ${what} not found exactly once in ${RUNNER_FILE} (found ${matches?.length ?? 0}); Rooibos changed, update tools/rooibos-headless/plugin.ts`);
    }
    return source.replace(pattern, replacement);
}

/** Fix 2, on the source text of TestRunner.bs before it is parsed. */
export function patchTestRunner(source: string): string {
    let patched = replaceOnce(
        source,
        /(node = m\.testScene\.createChild\(testSuite\.generatedNodeName\)\s*\n\s*)port = CreateObject\("roMessagePort"\)/,
        '$1port = GetGlobalAA().port \' rooibos-headless: wait on the screen port',
        'runNodeTest\'s fresh result port'
    );
    patched = replaceOnce(
        patched,
        /(event = wait\(0, port\)\s*\n\s*)if type\(event\) = "roSGNodeEvent"(\s*\n\s*exit while)/,
        '$1if type(event) = "roSGNodeEvent" and event.getField() = "rooibosTestResult"$2',
        'runNodeTest\'s result wait loop'
    );
    return patched;
}

function findObserverCallbacks(file: BscFile): Array<{ args: unknown[]; func: FunctionExpression }> {
    const found: Array<{ args: unknown[]; func: FunctionExpression }> = [];
    if (!isBrsFile(file)) {
        return found;
    }
    file.ast.walk(createVisitor({
        CallExpression: (call) => {
            if (isCallExpression(call) && isVariableExpression(call.callee) &&
                call.callee.name.text.toLowerCase() === OBSERVE_FUNCTION.toLowerCase() && isFunctionExpression(call.args[2])) {
                found.push({ args: call.args, func: call.args[2] as FunctionExpression });
            }
        }
    }), { walkMode: WalkMode.visitAllRecursive });
    return found;
}

function observerCallbackProblem(file: BscFile): string | undefined {
    const count = findObserverCallbacks(file).length;
    if (count !== EXPECTED_OBSERVER_CALLBACKS) {
        return `rooibos-headless: expected ${EXPECTED_OBSERVER_CALLBACKS} anonymous observer callbacks passed to ${OBSERVE_FUNCTION} in ${PROMISES_FILE}, found ${count}; Rooibos changed, update tools/rooibos-headless/plugin.ts`;
    }
    return undefined;
}

/** Fix 1, on the AST of promises.brs before it is transpiled. Returns the number of callbacks hoisted. */
export function hoistObserverCallbacks(event: BeforeFileTranspileEvent): number {
    const file = event.file;
    const found = findObserverCallbacks(file);
    if (!isBrsFile(file) || found.length !== EXPECTED_OBSERVER_CALLBACKS) {
        return 0;
    }
    found.forEach(({ args, func }, index) => {
        const name = `rooibos_promises_internal_headlessObserver${index + 1}`;
        event.editor.setArrayValue(args as any[], 2, createVariableExpression(name));
        event.editor.arrayPush(file.ast.statements, new FunctionStatement(createIdentifier(name), func));
    });
    return found.length;
}

/**
 * Problems are reported as bsc diagnostics (so the build fails and names them); bsc would only
 * log an exception thrown from a plugin hook and carry on.
 */
export default function plugin(): CompilerPlugin {
    const problems: string[] = [];
    let runnerSeen = false;
    let promisesSeen = false;
    return {
        name: 'rooibos-headless',
        beforeFileParse: (source: SourceObj) => {
            if (normalise(source.pathAbsolute).endsWith(RUNNER_FILE.toLowerCase())) {
                runnerSeen = true;
                try {
                    source.source = patchTestRunner(source.source);
                } catch (err) {
                    problems.push((err as Error).message);
                }
            }
        },
        afterFileParse: (file: BscFile) => {
            if (normalise(file.pkgPath).endsWith(PROMISES_FILE.toLowerCase())) {
                promisesSeen = true;
                const problem = observerCallbackProblem(file);
                if (problem) {
                    problems.push(problem);
                }
            }
        },
        afterProgramValidate: (program: Program) => {
            const all = [...problems];
            if (!runnerSeen || !promisesSeen) {
                all.push(`rooibos-headless: Rooibos framework files not seen (TestRunner: ${runnerSeen}, promises: ${promisesSeen}); list rooibos-roku before this plugin`);
            }
            program.addDiagnostics(all.map((message) => ({
                code: 'rooibos-headless',
                message,
                severity: DiagnosticSeverity.Error,
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
                file: program.getFile('manifest') ?? (Object.values(program.files)[0] as BscFile)
            })));
        },
        beforeFileTranspile: (event: BeforeFileTranspileEvent) => {
            if (normalise(event.file.pkgPath).endsWith(PROMISES_FILE.toLowerCase())) {
                hoistObserverCallbacks(event);
            }
        }
    };
}
