/**
 * npm run build: builds the sample channel (SDK included) into out/channel and
 * out/channel.zip. Exits non-zero on any bsc or bslint diagnostic.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildChannel, ROOT, zipChannel } from './build/channel';

async function main() {
    const result = await buildChannel({ project: 'bsconfig.json' });
    for (const problem of result.problems) {
        console.error(problem);
    }
    if (result.problems.length > 0) {
        console.error(`build: ${result.problems.length} diagnostics`);
        process.exit(1);
    }
    const zipPath = path.join(ROOT, 'out', 'channel.zip');
    fs.writeFileSync(zipPath, zipChannel(result.stagingDir));
    console.log(`build: ${path.relative(ROOT, zipPath)} (no diagnostics)`);
}

main().catch((err) => {
    console.error(err);
    process.exit(1);
});
