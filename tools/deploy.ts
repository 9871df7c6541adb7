/**
 * npm run deploy: builds the sample channel and sideloads it to ROKU_HOST (developer password in
 * ROKU_PASSWORD) with roku-deploy.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildChannel, ROOT, zipChannel } from './build/channel';
import { deviceFromEnv, sideload } from './device/roku';

async function main() {
    const target = deviceFromEnv();
    const build = await buildChannel({ project: 'bsconfig.json' });
    if (build.problems.length > 0) {
        console.error(build.problems.join('\n'));
        process.exit(1);
    }
    const zipPath = path.join(ROOT, 'out', 'channel.zip');
    fs.writeFileSync(zipPath, zipChannel(build.stagingDir));
    await sideload(target, zipPath);
    console.log(`deploy: ${path.relative(ROOT, zipPath)} sideloaded to ${target.host}`);
}

main().catch((err) => {
    console.error(`deploy: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
});
