/**
 * The on-device path end to end against the emulated Roku developer device (a test double,
 * tools/device-emulator/): `npm run deploy` and `npm run test:device` run unchanged, pointed at it
 * through ROKU_HOST, ROKU_PASSWORD and the port overrides. The installer answers are checked with
 * roku-deploy itself. Needs Chromium (the sideloaded channel runs in the headless engine).
 */
import { strict as assert } from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { after, describe, test, type TestContext } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { rokuDeploy, UnauthorizedDeviceResponseError } from 'roku-deploy';
import { EmulatedRokuDevice, INSTALLER_TEXT, type EmulatedDeviceOptions } from '../../tools/device-emulator';
import { consoleFinished, DeviceConsole } from '../../tools/device/console';
import { sideload } from '../../tools/device/sideload';
import { deviceFromEnv } from '../../tools/device/target';
import { parseRooibosReport, summarise } from '../../tools/rooibos/report';

const ROOT = path.join(__dirname, '..', '..');
const PASSWORD = 'dev-secret';
const PLANTED_SPEC = 'tests/node/fixtures/device/PlantedFailure.spec.bs';
const SMALL_SPEC = 'tests/specs/channel/constants.spec.bs';
const NODE_SPEC = 'tests/specs/task/TaskInbox.spec.bs';

interface ToolRun {
    code: number | null;
    stdout: string;
    stderr: string;
    seconds: number;
}

/** A device of its own for one test, switched off (its channel stopped) when the test ends. */
async function emulatedDevice(t: TestContext, options: Partial<EmulatedDeviceOptions> = {}): Promise<EmulatedRokuDevice> {
    const device = await EmulatedRokuDevice.start({ password: PASSWORD, ...options });
    t.after(() => device.close());
    return device;
}

/** `npm run <script> -- args` with the device's environment, as a developer runs it. */
function runTool(script: 'deploy' | 'test:device', device: EmulatedRokuDevice, args: string[] = [], password = PASSWORD): Promise<ToolRun> {
    const started = Date.now();
    const env = { ...process.env, ...device.env(), ROKU_PASSWORD: password };
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], { cwd: ROOT, env, timeout: 180_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => stdout += chunk);
    child.stderr.on('data', (chunk) => stderr += chunk);
    return new Promise((resolve) => child.on('close', (code) => {
        const seconds = Math.round((Date.now() - started) / 100) / 10;
        console.log(`  npm run ${script} ${args.join(' ')}: exit ${code} in ${seconds} s`);
        resolve({ code, stdout, stderr, seconds });
    }));
}

const lastLine = (text: string) => text.trim().split('\n').pop() ?? '';

/** Resolves with what a console client received once `until` holds for it (or after `ms`). */
function readConsole(device: EmulatedRokuDevice, until: (text: string) => boolean, ms = 120_000): Promise<string> {
    return new Promise((resolve) => {
        const socket = net.connect({ host: device.host, port: device.consolePort });
        let text = '';
        const done = () => {
            clearTimeout(timer);
            socket.destroy();
            resolve(text);
        };
        const timer = setTimeout(done, ms);
        socket.on('data', (chunk) => {
            text += chunk.toString('utf8');
            if (until(text)) {
                done();
            }
        });
        socket.on('close', done);
    });
}

const channelZip = (files: Record<string, string>) => Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))));

// The suites share nothing but the machine: two at a time (CI has two cores), the longest first.
describe('the on-device path against emulated Roku developer devices', { concurrency: 2 }, () => {
    describe('npm run test:device against the emulated device: counts', () => {
        test('a planted failing spec is counted; the next, passing run ignores the report the console replays', async (t) => {
            const device = await emulatedDevice(t);
            const failing = await runTool('test:device', device, ['--collector-host', '127.0.0.1', '--spec', SMALL_SPEC, '--spec', PLANTED_SPEC]);
            assert.equal(failing.code, 1, failing.stderr);
            assert.match(failing.stderr, /^failed: fails on purpose$/m);
            const printed = /^(\d+) passed, (\d+) failed$/.exec(lastLine(failing.stdout));
            assert.ok(printed, failing.stdout);
            assert.equal(Number(printed[2]), 1);
            assert.ok(Number(printed[1]) > 1, 'the passing tests around the planted failure are counted too');
            // The parser reads the emulated console (device framing and all) to the same counts.
            assert.deepEqual(summarise(parseRooibosReport(device.consoleLog())), { passed: Number(printed[1]), failed: 1 });

            // The console replays the failed run to the next client; a later run must not read it as its own.
            const passing = await runTool('test:device', device, ['--collector-host', '127.0.0.1', '--spec', NODE_SPEC, '--spec', SMALL_SPEC]);
            assert.equal(passing.code, 0, passing.stderr + passing.stdout);
            const counts = summarise(parseRooibosReport(device.consoleLog()));
            assert.equal(counts.failed, 0);
            assert.equal(lastLine(passing.stdout), `${counts.passed} passed, 0 failed`);
            const smallSpecTests = Number(printed[1]) - 1;
            assert.ok(counts.passed > smallSpecTests, 'the node suite ran as well as the small spec');
            assert.doesNotMatch(passing.stderr, /fails on purpose/);
        });
    });

    describe('npm run test:device against the emulated device: failures', () => {

        test('a wrong password is refused before anything is built or sideloaded', async (t) => {
            const device = await emulatedDevice(t);
            const run = await runTool('test:device', device, ['--collector-host', '127.0.0.1'], 'not-the-password');
            assert.equal(run.code, 1);
            assert.match(run.stderr, /test:device: the Roku at http:\/\/127\.0\.0\.1:\d+ rejected ROKU_PASSWORD \(HTTP 401, user rokudev\): use the developer password/);
            assert.equal(device.requests.filter((r) => r.method === 'POST').length, 0);
            assert.deepEqual(device.keypresses, []);
        });

        test('a device that never finishes times out, fails, and is sent Home', async (t) => {
            const device = await emulatedDevice(t, { channelHangs: true });
            const run = await runTool('test:device', device, ['--collector-host', '127.0.0.1', '--timeout', '3', '--spec', SMALL_SPEC]);
            assert.equal(run.code, 1);
            assert.match(run.stderr, /no Rooibos result within 3 s/);
            assert.equal(lastLine(run.stdout), '0 passed, 1 failed');
            assert.deepEqual(device.keypresses, ['Home', 'Home'], 'Home before the sideload and after the timeout');
            assert.equal(device.channelRunning, false);
        });

        test('a console that drops before the report fails the run (another client took it)', async (t) => {
            const device = await emulatedDevice(t, { channelHangs: true });
            let intruder: Promise<string> | undefined;
            device.once('launched', () => {
                intruder = readConsole(device, (text) => text.includes('------ Compiling dev'), 10_000);
            });
            const run = await runTool('test:device', device, ['--collector-host', '127.0.0.1', '--spec', SMALL_SPEC]);
            assert.equal(run.code, 1);
            assert.match(run.stderr, /the console at 127\.0\.0\.1:\d+ closed before Rooibos reported/);
            assert.equal(lastLine(run.stdout), '0 passed, 1 failed');
            assert.ok(intruder, 'the channel was launched');
            assert.match(await intruder, /------ Compiling dev 'Media Analytics Sample' ------/, 'the new client is replayed the launch');
        });
    });

    describe('npm run deploy against the emulated device', () => {
        test('builds the sample, presses Home, sideloads it with digest auth; the channel runs and prints to the console', async (t) => {
            const device = await emulatedDevice(t);
            const order: string[] = [];
            device.on('keypress', (key: string) => order.push(`key ${key}`));
            device.on('request', (r: { method: string; action?: string; authorized: boolean }) => order.push(`${r.method}${r.action ? ` ${r.action}` : ''}${r.authorized ? '' : ' 401'}`));
            const run = await runTool('deploy', device);
            assert.equal(run.code, 0, run.stderr);
            assert.match(run.stdout, /deploy: out\/channel\.zip sideloaded to 127\.0\.0\.1 \(Successful deploy\)/);
            assert.ok(order.indexOf('key Home') < order.indexOf('POST Replace'), order.join(', '));
            assert.ok(order.includes('POST 401'), 'the upload is preceded by a bodyless digest challenge');
            assert.equal(device.installed?.title, 'Media Analytics Sample');

            // A console client gets the device's framing and then the channel's own prints, CRLF-terminated.
            const transcript = await readConsole(device, (text) => text.includes('[sample] pre-roll'));
            assert.match(transcript, /\[scrpt\.cmpl\] Compiling 'Media Analytics Sample', id 'dev'\r\n/);
            assert.match(transcript, /\r\n------ Compiling dev 'Media Analytics Sample' ------\r\n/);
            assert.match(transcript, /\r\n------ Running dev 'Media Analytics Sample' main ------\r\n/);
            assert.match(transcript, /\[sample\] tracking the Video node with media\.trackVideo\r\n/);
            assert.match(transcript, /\[sample\] pre-roll: 2 ads\r\n/);
            assert.ok(transcript.indexOf('Compiling dev') < transcript.indexOf('Running dev'));
        });

        test('a wrong password fails before the build with a message that says what to fix', async (t) => {
            const device = await emulatedDevice(t);
            const run = await runTool('deploy', device, [], 'not-the-password');
            assert.equal(run.code, 1);
            assert.match(run.stderr, /deploy: the Roku at http:\/\/127\.0\.0\.1:\d+ rejected ROKU_PASSWORD \(HTTP 401, user rokudev\)/);
            assert.equal(device.requests.filter((r) => r.method === 'POST').length, 0);
        });
    });

    describe('the emulated console and our console reader', () => {
        test('the report parser reads a recorded device capture (colours, CRLF, two runs) to its counts', () => {
            const capture = fs.readFileSync(path.join(__dirname, 'fixtures', 'device-console-fail.txt'), 'utf8');
            assert.deepEqual(summarise(parseRooibosReport(capture)), { passed: 7, failed: 2 });
        });

        test('a crash shows as the Micro Debugger\'s prompt, which ends the reading; the report counts it as a failure', async (t) => {
            const device = await emulatedDevice(t);
            const target = deviceFromEnv({ ...device.env(), ROKU_PASSWORD: PASSWORD });
            const zipPath = path.join(ROOT, 'out', `device-crash-${process.pid}.zip`);
            fs.writeFileSync(zipPath, channelZip({
                'manifest': 'title=Crash Check\nmajor_version=1\nminor_version=0\nbuild_version=1\n',
                'source/main.brs': 'sub main()\n    print "before the crash"\n    x = missingFunction(1)\nend sub\n'
            }));
            t.after(() => fs.rmSync(zipPath, { force: true }));
            const reader = await DeviceConsole.connect(target.host, target.consolePort);
            t.after(() => reader.close());
            await reader.settle();
            await sideload(target, zipPath);
            const { outcome, text } = await reader.waitFor(consoleFinished, 60_000, reader.mark());
            assert.equal(outcome, 'finished');
            assert.match(text, /------ Running dev 'Crash Check' main ------\r\nbefore the crash\r\n/);
            assert.match(text, /BrightScript Micro Debugger\.\r\n/);
            assert.match(text, /attempted on non-function/);
            assert.ok(text.endsWith('Brightscript Debugger> '), text.slice(-200));
            assert.deepEqual(summarise(parseRooibosReport(text)), { passed: 0, failed: 1 });
        });
    });

    describe('the emulated developer web server answers as a Roku does (checked with roku-deploy)', () => {
        const outDir = path.join(ROOT, 'out', `device-emulator-${process.pid}`);
        fs.mkdirSync(outDir, { recursive: true });
        after(() => fs.rmSync(outDir, { recursive: true, force: true }));
        const writeZip = (name: string, bytes: Buffer) => {
            fs.writeFileSync(path.join(outDir, name), bytes);
            return { outDir, outFile: name };
        };
        const valid = channelZip({ 'manifest': 'title=Installer Check\nmajor_version=1\nminor_version=0\nbuild_version=1\n', 'source/main.brs': 'sub main()\nend sub\n' });

        test('every request needs digest auth as rokudev; a wrong password is roku-deploy\'s Unauthorized', async (t) => {
            const device = await emulatedDevice(t);
            const bare = await fetch(`http://${device.host}:${device.installerPort}/plugin_install`, { method: 'POST' });
            assert.equal(bare.status, 401);
            assert.match(bare.headers.get('www-authenticate') ?? '', /^Digest .*realm="rokudev"/);
            assert.match(bare.headers.get('www-authenticate') ?? '', /qop="auth"/);
            assert.equal(await rokuDeploy.validateDeveloperPassword({ host: device.host, port: device.installerPort, password: 'nope' }), false);
            assert.equal(await rokuDeploy.validateDeveloperPassword({ host: device.host, port: device.installerPort, password: PASSWORD }), true);
            await assert.rejects(
                rokuDeploy.publish({ host: device.host, password: 'nope', packagePort: device.installerPort, ...writeZip('wrong.zip', valid), retainDeploymentArchive: true }),
                (err: unknown) => err instanceof UnauthorizedDeviceResponseError
            );
            assert.equal(device.installed, undefined);
        });

        test('install, an identical upload, a broken zip, a zip without a manifest, delete', async (t) => {
            const device = await emulatedDevice(t);
            const publish = (name: string, bytes: Buffer) => rokuDeploy.publish({
                host: device.host, password: PASSWORD, packagePort: device.installerPort, ...writeZip(name, bytes),
                retainDeploymentArchive: true, autoLaunch: false
            });
            assert.equal((await publish('valid.zip', valid)).message, 'Successful deploy');
            assert.equal(device.installed?.title, 'Installer Check');
            assert.equal(device.channelRunning, false, 'dev_autolaunch=0 installs without launching');
            assert.deepEqual(device.requests.at(-1)?.messages.map((m) => m.text), [INSTALLER_TEXT.received(valid.length), INSTALLER_TEXT.success]);

            assert.equal((await publish('again.zip', valid)).message, 'Identical to previous version -- not replacing');

            const broken = Buffer.alloc(2048, 7);
            await assert.rejects(publish('broken.zip', broken), /Invalid or corrupt zip archive/);
            // roku-deploy retries a failed Replace as Install; both get the failure page.
            assert.deepEqual(device.requests.filter((r) => r.authorized && r.method === 'POST').slice(-2).map((r) => r.action), ['Replace', 'Install']);
            await assert.rejects(publish('nomanifest.zip', channelZip({ 'source/main.brs': 'sub main()\nend sub\n', 'filler.txt': 'x'.repeat(1024) })), /No manifest\. Invalid package/);
            assert.equal(device.installed?.title, 'Installer Check', 'a failed upload leaves the installed channel in place');

            await rokuDeploy.deleteInstalledChannel({ host: device.host, password: PASSWORD, packagePort: device.installerPort });
            assert.equal(device.installed, undefined);
            assert.deepEqual(device.requests.at(-1)?.messages.map((m) => m.text), [INSTALLER_TEXT.deleted]);
            const launch = await fetch(`http://${device.host}:${device.ecpPort}/launch/dev`, { method: 'POST' });
            assert.equal(launch.status, 404, 'ECP cannot launch a dev channel that is not installed');
        });

        test('an identical upload is not relaunched by the device, so sideload() launches it over ECP', async (t) => {
            // A hanging channel never reaches the engine: only launches are counted here.
            const device = await emulatedDevice(t, { channelHangs: true });
            let launches = 0;
            device.on('launched', () => launches++);
            const target = deviceFromEnv({ ...device.env(), ROKU_PASSWORD: PASSWORD });
            const { outFile } = writeZip('relaunch.zip', valid);
            assert.equal((await sideload(target, path.join(outDir, outFile))).message, 'Successful deploy');
            assert.equal((await sideload(target, path.join(outDir, outFile))).message, 'Identical to previous version -- not replacing');
            assert.equal(launches, 2);
            assert.deepEqual(device.keypresses, ['Home', 'Home']);
        });
    });

});
