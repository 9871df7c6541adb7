/**
 * npm run dist: builds dist/, the release form of the SDK (see tools/build/dist.ts). Exits
 * non-zero on any bsc diagnostic or broken packaging rule. `npm pack` runs it (prepack).
 */
import * as path from 'path';
import { ROOT } from './build/channel';
import { buildDist } from './build/dist';

async function main() {
    const result = await buildDist();
    for (const problem of result.problems) {
        console.error(problem);
    }
    if (result.problems.length > 0) {
        console.error(`dist: ${result.problems.length} problems`);
        process.exit(1);
    }
    console.log(`dist: ${result.files.length} files in ${path.relative(ROOT, result.outDir)}/`);
}

main().catch((err) => {
    console.error(err);
    process.exit(1);
});
