/**
 * Real-device helpers: sideload a zip with roku-deploy and read the device's debug console
 * (telnet port 8085). They need a Roku in developer mode on the network, so CI never runs them.
 */
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { rokuDeploy } from 'roku-deploy';

export interface DeviceTarget {
    host: string;
    password: string;
}

/** Reads ROKU_HOST / ROKU_PASSWORD; explains what is missing instead of failing obscurely. */
export function deviceFromEnv(env: NodeJS.ProcessEnv = process.env): DeviceTarget {
    const host = env.ROKU_HOST;
    const password = env.ROKU_PASSWORD;
    const missing = [!host && 'ROKU_HOST', !password && 'ROKU_PASSWORD'].filter(Boolean);
    if (missing.length > 0) {
        throw new Error(`set ${missing.join(' and ')} (the Roku's IP address and its developer password)`);
    }
    return { host: host!, password: password! };
}

/** Sideloads `zipPath` (replacing the dev channel) after pressing Home, as roku-deploy documents. */
export async function sideload(target: DeviceTarget, zipPath: string): Promise<void> {
    await rokuDeploy.pressHomeButton(target.host);
    await rokuDeploy.publish({
        host: target.host,
        password: target.password,
        outDir: path.dirname(path.resolve(zipPath)),
        outFile: path.basename(zipPath),
        failOnCompileError: true,
        retainDeploymentArchive: true
    });
}

/** An IPv4 address of this machine the device can reach (first non-internal interface). */
export function lanAddress(): string | undefined {
    for (const addresses of Object.values(os.networkInterfaces())) {
        for (const address of addresses ?? []) {
            if (address.family === 'IPv4' && !address.internal) {
                return address.address;
            }
        }
    }
    return undefined;
}

/**
 * Collects the debug console until `done(text)` is true or the timeout passes. Connect before
 * sideloading: the console only streams what is printed while connected.
 */
export function openConsole(host: string, port = 8085): { text: () => string; until: (done: (text: string) => boolean, timeoutMs: number) => Promise<string>; close: () => void } {
    const socket = net.connect({ host, port });
    let buffer = '';
    const waiters: Array<() => void> = [];
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
        buffer += chunk;
        waiters.splice(0).forEach((wake) => wake());
    });
    socket.on('error', () => waiters.splice(0).forEach((wake) => wake()));
    return {
        text: () => buffer,
        until: (done, timeoutMs) => new Promise<string>((resolve) => {
            const deadline = setTimeout(() => resolve(buffer), timeoutMs);
            const check = () => {
                if (done(buffer) || socket.destroyed) {
                    clearTimeout(deadline);
                    resolve(buffer);
                } else {
                    waiters.push(check);
                }
            };
            check();
        }),
        close: () => socket.destroy()
    };
}

/** Removes ANSI colour codes and carriage returns a device console adds. */
export function cleanConsole(text: string): string {
    // eslint-disable-next-line no-control-regex
    return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '').replace(/\r/g, '');
}

/** A console transcript is finished once Rooibos printed its result, or the channel crashed. */
export function consoleFinished(text: string): boolean {
    const clean = cleanConsole(text);
    return /\[Rooibos Result\]:\s*(PASS|FAIL)/.test(clean) || /Current Function:|Brightscript Debugger>/.test(clean);
}
