/**
 * npm run deploy: builds the sample channel and sideloads it to the Roku at ROKU_HOST (developer
 * password in ROKU_PASSWORD; port overrides in tools/device/target.ts) with roku-deploy. The
 * password is checked before the build; the channel is left running on the device.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildChannel, ROOT, zipChannel } from './build/channel';
import { checkDeveloperPassword, sideload } from './device/sideload';
import { deviceFromEnv } from './device/target';

async function main(): Promise<number> {
    const target = deviceFromEnv();
    await checkDeveloperPassword(target);
    const build = await buildChannel({ project: 'bsconfig.json' });
    if (build.problems.length > 0) {
        console.error(build.problems.join('\n'));
        return 1;
    }
    const zipPath = path.join(ROOT, 'out', 'channel.zip');
    fs.writeFileSync(zipPath, zipChannel(build.stagingDir));
    const result = await sideload(target, zipPath);
    console.log(`deploy: ${path.relative(ROOT, zipPath)} sideloaded to ${target.host} (${result.message}); its output is on the console: telnet ${target.host} ${target.consolePort}`);
    return 0;
}

main().then((code) => {
    process.exitCode = code;
}, (err: unknown) => {
    console.error(`deploy: ${err instanceof Error ? err.message : err}`);
    process.exitCode = 1;
});
