/**
 * Sideloading with roku-deploy: check the developer password first (a HEAD on /plugin_install
 * with digest auth, before any build time is spent on a device that will refuse it), press Home,
 * publish the zip (roku-deploy POSTs it to /plugin_install as `Replace`, then `Install`), and
 * launch the channel over ECP when the device kept the previous upload ("Identical to previous
 * version": it does not relaunch then). roku-deploy's errors become messages that say what to do.
 */
import * as path from 'path';
import {
    CompileError,
    DeviceUnreachableError,
    FailedDeviceResponseError,
    InvalidDeviceResponseCodeError,
    rokuDeploy,
    UnauthorizedDeviceResponseError
} from 'roku-deploy';
import { DEFAULT_DEVICE_PORTS, endpoint, type DeviceTarget } from './target';

/** A device problem with a message a developer can act on. */
export class DeviceError extends Error { }

const REQUEST_TIMEOUT_MS = 30_000;

const installerUrl = (t: DeviceTarget) => `http://${endpoint(t.host, t.installerPort, DEFAULT_DEVICE_PORTS.installerPort)}`;
const ecpUrl = (t: DeviceTarget) => `http://${t.host}:${t.ecpPort}`;

function wrongPassword(target: DeviceTarget): DeviceError {
    return new DeviceError(`the Roku at ${installerUrl(target)} rejected ROKU_PASSWORD (HTTP 401, user rokudev): use the developer password chosen when developer mode was enabled`);
}

function errorCode(err: unknown): string | undefined {
    const e = err as { code?: string; cause?: { code?: string } };
    return e?.code ?? e?.cause?.code;
}

function unreachable(what: string, url: string, err: unknown): DeviceError {
    const reason = errorCode(err) ?? (err instanceof Error ? err.message : String(err));
    return new DeviceError(`cannot reach the Roku's ${what} at ${url} (${reason}): check ROKU_HOST, that the device is on, and that developer mode is enabled`);
}

/**
 * Resolves when the device accepts the password (or answers the check with neither 200 nor 401, so
 * the upload itself, which roku-deploy checks too, decides); a DeviceError for a rejected password
 * or an unreachable device.
 */
export async function checkDeveloperPassword(target: DeviceTarget): Promise<'accepted' | 'unverified'> {
    let accepted: boolean;
    try {
        accepted = await rokuDeploy.validateDeveloperPassword({
            host: target.host,
            port: target.installerPort,
            password: target.password,
            timeout: REQUEST_TIMEOUT_MS
        });
    } catch (err) {
        if (err instanceof InvalidDeviceResponseCodeError) {
            return 'unverified';
        }
        // roku-deploy keeps the network error it wrapped as `results`.
        const cause = err instanceof DeviceUnreachableError ? err.results ?? err : err;
        throw unreachable('developer web server', installerUrl(target), cause);
    }
    if (!accepted) {
        throw wrongPassword(target);
    }
    return 'accepted';
}

/** ECP keypress Home: leaves the running channel, as roku-deploy advises before a sideload. */
export async function pressHome(target: DeviceTarget): Promise<void> {
    try {
        await rokuDeploy.pressHomeButton(target.host, target.ecpPort, REQUEST_TIMEOUT_MS);
    } catch (err) {
        throw unreachable('ECP service', ecpUrl(target), err);
    }
}

/** ECP `POST /launch/dev`: starts the sideloaded channel. */
export async function launchDevChannel(target: DeviceTarget): Promise<void> {
    let response: Response;
    try {
        response = await fetch(`${ecpUrl(target)}/launch/dev`, { method: 'POST', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch (err) {
        throw unreachable('ECP service', ecpUrl(target), err);
    }
    if (!response.ok) {
        throw new DeviceError(`the Roku did not launch the sideloaded channel (ECP /launch/dev answered ${response.status}${response.status === 403 ? ': set "Control by mobile apps" to Permissive or Default' : ''})`);
    }
}

export interface SideloadResult {
    /** What the device said: "Successful deploy" or "Identical to previous version -- not replacing". */
    message: string;
}

/** Sideloads `zipPath`, replacing the dev channel, and leaves it running. */
export async function sideload(target: DeviceTarget, zipPath: string): Promise<SideloadResult> {
    await checkDeveloperPassword(target);
    await pressHome(target);
    let result: { message: string };
    try {
        result = await rokuDeploy.publish({
            host: target.host,
            password: target.password,
            packagePort: target.installerPort,
            remotePort: target.ecpPort,
            outDir: path.dirname(path.resolve(zipPath)),
            outFile: path.basename(zipPath),
            failOnCompileError: true,
            retainDeploymentArchive: true,
            timeout: REQUEST_TIMEOUT_MS
        });
    } catch (err) {
        if (err instanceof UnauthorizedDeviceResponseError) {
            throw wrongPassword(target);
        }
        if (err instanceof CompileError) {
            throw new DeviceError('the Roku could not compile the channel (Install Failure: Compilation Failed); its console (port 8085) names the file and line');
        }
        if (err instanceof FailedDeviceResponseError) {
            throw new DeviceError(`the Roku refused the package: ${err.message}`);
        }
        const code = errorCode(err);
        if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ETIMEDOUT' || code === 'ENOTFOUND') {
            throw unreachable('developer web server', installerUrl(target), err);
        }
        throw new DeviceError(`sideloading failed: ${err instanceof Error ? err.message : err}`);
    }
    if (/identical to previous version/i.test(result.message)) {
        await launchDevChannel(target);
    }
    return { message: result.message };
}
