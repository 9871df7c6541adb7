/**
 * npm run codegen [-- --check]
 * Writes every generated file from tools/codegen/schema. With --check, writes nothing and exits
 * non-zero when a generated file is missing or differs from what the schema produces.
 */
import * as fs from 'fs';
import * as path from 'path';
import { schema } from './schema';
import { generate } from './outputs';
import { SchemaError } from './validate';

const ROOT = path.resolve(__dirname, '..', '..');

export function staleFiles(outputs: Map<string, string>, root = ROOT): string[] {
    const stale: string[] = [];
    for (const [file, content] of outputs) {
        const full = path.join(root, file);
        if (!fs.existsSync(full) || fs.readFileSync(full, 'utf8') !== content) {
            stale.push(file);
        }
    }
    return stale;
}

function main() {
    const check = process.argv.includes('--check');
    let outputs: Map<string, string>;
    try {
        outputs = generate(schema);
    } catch (err) {
        console.error(err instanceof SchemaError ? err.message : err);
        process.exit(1);
    }
    if (check) {
        const stale = staleFiles(outputs);
        if (stale.length > 0) {
            console.error(`generated files are stale (run npm run codegen):\n  ${stale.join('\n  ')}`);
            process.exit(1);
        }
        console.log(`codegen: ${outputs.size} generated files are current`);
        return;
    }
    for (const [file, content] of outputs) {
        const full = path.join(ROOT, file);
        fs.mkdirSync(path.dirname(full), { recursive: true });
        fs.writeFileSync(full, content);
    }
    console.log(`codegen: wrote ${outputs.size} files`);
}

if (require.main === module) {
    main();
}
