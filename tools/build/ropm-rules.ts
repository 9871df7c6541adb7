/**
 * What dist/ must look like for `ropm install` to prefix it correctly, with or without the app's
 * `ropm.noprefix`. The rules come from ropm's README; the two transforms work around behaviour of
 * ropm itself (0.10.0, the version on the registry here, and the current source alike):
 *   - with `noprefix`, ropm still prefixes every identifier that names one of the package's
 *     functions (a function used as a value, e.g. `{ logPlay: mParticle_generated_bridge_logPlay }`)
 *     while leaving the function's declaration alone, so the value becomes an undefined name and
 *     calling it crashes. `inlineFunctionReferences` writes such values as anonymous functions;
 *   - its parser (brighterscript 0.39 in ropm 0.10.0) has no `interface`: see interfaceMethodsAsFields.
 */
import {
    createVisitor, isCallExpression, isDottedGetExpression, isDottedSetStatement, isIndexedGetExpression,
    isIndexedSetStatement, Lexer, ParseMode, Parser, WalkMode
} from 'brighterscript';

interface Position { line: number; character: number }

function offsetOf(text: string, position: Position): number {
    let offset = 0;
    for (let line = 0; line < position.line; line++) {
        offset = text.indexOf('\n', offset) + 1;
    }
    return offset + position.character;
}

function parse(text: string) {
    return Parser.parse(Lexer.scan(text).tokens, { mode: ParseMode.BrightScript });
}

/** Every place a .brs file uses one of `functions` as a value (not as the callee of a call). */
function functionValueReferences(text: string, functions: Set<string>): Array<{ name: string; start: Position; end: Position }> {
    const found: Array<{ name: string; start: Position; end: Position }> = [];
    parse(text).ast.walk(createVisitor({
        VariableExpression: (variable, parent) => {
            const isObjectOf = (isDottedGetExpression(parent) || isDottedSetStatement(parent) || isIndexedGetExpression(parent) || isIndexedSetStatement(parent)) && (parent as { obj?: unknown }).obj === variable;
            const isCallee = isCallExpression(parent) && parent.callee === variable;
            if (!isObjectOf && !isCallee && functions.has(variable.name.text.toLowerCase())) {
                found.push({ name: variable.name.text, start: variable.name.range.start, end: variable.name.range.end });
            }
        }
    }), { walkMode: WalkMode.visitAllRecursive });
    return found;
}

/** Each top-level function of the package as an anonymous function literal, by lowercase name. */
function anonymousForms(files: Record<string, string>): Map<string, string> {
    const forms = new Map<string, string>();
    for (const [rel, text] of Object.entries(files)) {
        if (!rel.endsWith('.brs')) {
            continue;
        }
        for (const fn of parse(text).references.functionStatements) {
            if (!fn.range) {
                continue;
            }
            const start = offsetOf(text, fn.range.start);
            const nameStart = offsetOf(text, fn.name.range.start);
            const nameEnd = offsetOf(text, fn.name.range.end);
            const end = offsetOf(text, fn.range.end);
            forms.set(fn.name.text.toLowerCase(), `${text.slice(start, nameStart).trimEnd()}${text.slice(nameEnd, end)}`);
        }
    }
    return forms;
}

/**
 * Replaces every use of a package function as a value by an anonymous copy of it (same
 * parameters, body and `m` binding when called as an AA member), so ropm's noprefix install
 * has no name to get wrong. The named functions stay (they are also called directly).
 */
export function inlineFunctionReferences(files: Record<string, string>): { files: Record<string, string>; inlined: number } {
    let current = { ...files };
    let inlined = 0;
    // An inlined body may itself use a function as a value; a few passes settle it, a cycle does not.
    for (let pass = 0; pass < 4; pass++) {
        const forms = anonymousForms(current);
        const names = new Set(forms.keys());
        let changed = 0;
        const next: Record<string, string> = {};
        for (const [rel, text] of Object.entries(current)) {
            if (!rel.endsWith('.brs')) {
                next[rel] = text;
                continue;
            }
            const refs = functionValueReferences(text, names)
                .map((r) => ({ ...r, from: offsetOf(text, r.start), to: offsetOf(text, r.end) }))
                .sort((a, b) => b.from - a.from);
            let edited = text;
            for (const ref of refs) {
                // Indent the copy like the line it lands on, so it reads as part of it.
                const lineStart = edited.lastIndexOf('\n', ref.from - 1) + 1;
                const indent = /^[ \t]*/.exec(edited.slice(lineStart))![0];
                const form = forms.get(ref.name.toLowerCase())!.replace(/\n(?=[^\n])/g, `\n${indent}`);
                edited = edited.slice(0, ref.from) + form + edited.slice(ref.to);
            }
            changed += refs.length;
            next[rel] = edited;
        }
        current = next;
        inlined += changed;
        if (changed === 0) {
            return { files: current, inlined };
        }
    }
    throw new Error('inlineFunctionReferences: functions still used as values after 4 passes (a function refers to itself as a value?)');
}

/**
 * ropm 0.10.0 parses packages with brighterscript 0.39, which has no `interface`: each interface
 * method (a `sub` line without `end sub`) opens a nested function there, and a few dozen of them
 * make that parser run out of memory. In the shipped typedef an interface method is therefore a
 * field `name as function`, its signature kept in the comment above it.
 */
export function interfaceMethodsAsFields(typedef: string): string {
    let inInterface = false;
    return typedef.split('\n').map((line) => {
        if (/^\s*interface\s+\w+/i.test(line)) {
            inInterface = true;
        } else if (/^\s*end\s+interface\b/i.test(line)) {
            inInterface = false;
        } else if (inInterface) {
            const method = /^(\s*)(?:sub|function)\s+(\w+)\s*(\(.*\)(?:\s+as\s+[\w.]+)?)\s*$/i.exec(line);
            if (method) {
                return `${method[1]}' ${method[2]}${method[3]}\n${method[1]}${method[2]} as function`;
            }
        }
        return line;
    }).join('\n');
}

/**
 * ropm's rules for package authors: Task function names assigned as
 * `m.top.functionName = "<literal>"`, observer callbacks as one-line string literals (never an XML
 * `onChange` attribute: ropm 0.10.0 prefixes the handler but not the attribute), no BrightScript in
 * XML CDATA, and no package function used as a value (see
 * inlineFunctionReferences). Returns one line per violation.
 */
export function ropmRuleViolations(files: Record<string, string>): string[] {
    const problems: string[] = [];
    const functions = new Set<string>();
    for (const [rel, text] of Object.entries(files)) {
        if (rel.endsWith('.brs')) {
            parse(text).references.functionStatements.forEach((fn) => functions.add(fn.name.text.toLowerCase()));
        }
    }
    for (const [rel, text] of Object.entries(files)) {
        if (rel.endsWith('.xml') && /<!\[CDATA\[/i.test(text)) {
            problems.push(`${rel}: BrightScript in a CDATA block (ropm does not prefix it)`);
        }
        if (rel.endsWith('.xml') && /\sonChange\s*=/i.test(text)) {
            problems.push(`${rel}: an onChange handler in XML (ropm prefixes the function, not the attribute: observe the field in init())`);
        }
        if (!rel.endsWith('.brs')) {
            continue;
        }
        text.split('\n').forEach((line, i) => {
            const code = line.replace(/'.*$/, '').trim();
            if (/\bfunctionName\s*=/i.test(code) && !/^m\.top\.functionName\s*=\s*"\w+"$/i.test(code)) {
                problems.push(`${rel}:${i + 1}: Task functionName must be assigned as m.top.functionName = "<name>" (ropm rewrites only that form)`);
            }
            if (/\.observeField(?:Scoped)?\s*\([^)]*$/i.test(code)) {
                problems.push(`${rel}:${i + 1}: observeField call spans lines (ropm prefixes only one-line calls)`);
            }
        });
        for (const ref of functionValueReferences(text, functions)) {
            problems.push(`${rel}:${ref.start.line + 1}: function ${ref.name} used as a value (ropm's noprefix install would break it)`);
        }
    }
    return problems;
}
