/**
 * An emulated Roku developer device: a TEST DOUBLE that lets CI run `npm run deploy` and
 * `npm run test:device` end to end without a Roku. It serves, on loopback ports of its own:
 *   - the developer web server (port 80 on a device): `/plugin_install` behind HTTP Digest auth,
 *   - ECP (port 8060): keypresses, `/launch/dev`, device-info,
 *   - the BrightScript console (port 8085): what the sideloaded channel prints, framed as a device
 *     frames it.
 * A sideloaded zip runs in the headless engine (brs-engine in Chromium) like every other test.
 * It models what a device answers, not everything a device does: no compile check at install
 * time, no packaging, rekeying or screenshots, no debug protocol.
 */
import { EventEmitter } from 'events';
import { ConsoleServer } from './consoleServer';
import { DevChannel, type InstalledChannel } from './devChannel';
import { EcpServer } from './ecpServer';
import { InstallerServer, type InstallerRequest } from './installerServer';

export { INSTALLER_TEXT } from './installerPages';
export type { InstallerRequest } from './installerServer';

export interface EmulatedDeviceOptions {
    /** The developer password (user `rokudev`). */
    password: string;
    /** Interface to listen on (default 127.0.0.1). */
    host?: string;
    /** Ports; 0 (the default) picks a free one. */
    installerPort?: number;
    ecpPort?: number;
    consolePort?: number;
    /** Fault: the sideloaded channel never gets past launch (a device that never finishes). */
    channelHangs?: boolean;
    /** Longest a sideloaded channel may run (default 10 min). */
    channelRunLimitMs?: number;
}

/**
 * Events: `request` (InstallerRequest), `keypress` (key), `launched` (title), `exited` (run
 * status), `console-client` (a client connected to the console).
 */
export class EmulatedRokuDevice extends EventEmitter {
    private constructor(
        readonly host: string,
        readonly installerPort: number,
        readonly ecpPort: number,
        readonly consolePort: number,
        private readonly installer: InstallerServer,
        private readonly ecp: EcpServer,
        private readonly consoleServer: ConsoleServer,
        private readonly channel: DevChannel
    ) {
        super();
    }

    static async start(options: EmulatedDeviceOptions): Promise<EmulatedRokuDevice> {
        const host = options.host ?? '127.0.0.1';
        const relay: { device?: EmulatedRokuDevice } = {};
        const emit = (event: string, ...args: unknown[]) => relay.device?.emit(event, ...args);
        const consoleServer = new ConsoleServer(() => emit('console-client'));
        const channel = new DevChannel(consoleServer, { hangs: options.channelHangs, runLimitMs: options.channelRunLimitMs });
        channel.on('launched', (title: string) => emit('launched', title));
        channel.on('exited', (status: string) => emit('exited', status));
        const installer = new InstallerServer(options.password, channel, (request: InstallerRequest) => emit('request', request));
        const ecp = new EcpServer(channel, (key: string) => emit('keypress', key));
        const installerPort = await installer.listen(host, options.installerPort ?? 0);
        const ecpPort = await ecp.listen(host, options.ecpPort ?? 0);
        const consolePort = await consoleServer.listen(host, options.consolePort ?? 0);
        relay.device = new EmulatedRokuDevice(host, installerPort, ecpPort, consolePort, installer, ecp, consoleServer, channel);
        return relay.device;
    }

    /** Environment for our device tooling (`npm run deploy`, `npm run test:device`), without the password. */
    env(): Record<string, string> {
        return {
            ROKU_HOST: this.host,
            ROKU_INSTALLER_PORT: String(this.installerPort),
            ROKU_ECP_PORT: String(this.ecpPort),
            ROKU_CONSOLE_PORT: String(this.consolePort)
        };
    }

    /** Every request the developer web server answered, in order. */
    get requests(): readonly InstallerRequest[] {
        return this.installer.requests;
    }

    get keypresses(): readonly string[] {
        return this.ecp.keypresses;
    }

    get installed(): InstalledChannel | undefined {
        return this.channel.installed;
    }

    get channelRunning(): boolean {
        return this.channel.isRunning;
    }

    /** What the console printed since the last launch (what a connecting client is replayed). */
    consoleLog(): string {
        return this.consoleServer.log();
    }

    /** Closes the console client's connection, as when another tool takes the console. */
    dropConsoleClient(): void {
        this.consoleServer.dropClient();
    }

    async close(): Promise<void> {
        await this.channel.stop();
        await Promise.all([this.installer.close(), this.ecp.close(), this.consoleServer.close()]);
    }
}
