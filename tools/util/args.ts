/** Minimal argv parser: `--name value` / `--name=value` options (repeatable ones collect into arrays) and positionals. */
export type OptionKind = 'string' | 'number' | 'boolean' | 'list';

export interface ParsedArgs {
    positional: string[];
    options: Record<string, string | number | boolean | string[] | undefined>;
}

export function parseArgs(argv: string[], spec: Record<string, OptionKind>): ParsedArgs {
    const positional: string[] = [];
    const options: ParsedArgs['options'] = {};
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (!arg.startsWith('--')) {
            positional.push(arg);
            continue;
        }
        const eq = arg.indexOf('=');
        const name = arg.slice(2, eq >= 0 ? eq : undefined);
        const kind = spec[name];
        if (!kind) {
            throw new Error(`unknown option --${name}`);
        }
        if (kind === 'boolean') {
            options[name] = eq >= 0 ? arg.slice(eq + 1) !== 'false' : true;
            continue;
        }
        const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
        if (value === undefined) {
            throw new Error(`--${name} needs a value`);
        }
        if (kind === 'number') {
            const n = Number(value);
            if (!Number.isFinite(n)) {
                throw new Error(`--${name} needs a number, got ${value}`);
            }
            options[name] = n;
        } else if (kind === 'list') {
            options[name] = [...((options[name] as string[] | undefined) ?? []), value];
        } else {
            options[name] = value;
        }
    }
    return { positional, options };
}
