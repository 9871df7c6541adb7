/**
 * Which Roku our device tooling talks to, from the environment: ROKU_HOST and ROKU_PASSWORD (the
 * developer password, user rokudev), and optional port overrides for devices behind a forwarder
 * or the emulated device the tests start: ROKU_INSTALLER_PORT (roku-deploy's `packagePort`,
 * default 80), ROKU_ECP_PORT (roku-deploy's `remotePort`, default 8060), ROKU_CONSOLE_PORT
 * (the BrightScript console, default 8085).
 */
import * as os from 'os';

export interface DeviceTarget {
    host: string;
    password: string;
    installerPort: number;
    ecpPort: number;
    consolePort: number;
}

export const DEFAULT_DEVICE_PORTS = { installerPort: 80, ecpPort: 8060, consolePort: 8085 } as const;

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
    const raw = env[name];
    if (raw === undefined || raw === '') {
        return fallback;
    }
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > 65535) {
        throw new Error(`${name} must be a port number (1-65535), got '${raw}'`);
    }
    return value;
}

/** Reads the target; explains what is missing instead of failing obscurely later. */
export function deviceFromEnv(env: NodeJS.ProcessEnv = process.env): DeviceTarget {
    const host = env.ROKU_HOST;
    const password = env.ROKU_PASSWORD;
    const missing = [!host && 'ROKU_HOST', !password && 'ROKU_PASSWORD'].filter(Boolean);
    if (missing.length > 0) {
        throw new Error(`set ${missing.join(' and ')} (the Roku's IP address and the developer password you chose when enabling developer mode)`);
    }
    return {
        host: host!,
        password: password!,
        installerPort: port(env, 'ROKU_INSTALLER_PORT', DEFAULT_DEVICE_PORTS.installerPort),
        ecpPort: port(env, 'ROKU_ECP_PORT', DEFAULT_DEVICE_PORTS.ecpPort),
        consolePort: port(env, 'ROKU_CONSOLE_PORT', DEFAULT_DEVICE_PORTS.consolePort)
    };
}

/** host, or host:port when the port is not the device's usual one. */
export function endpoint(host: string, portNumber: number, usual: number): string {
    return portNumber === usual ? host : `${host}:${portNumber}`;
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
