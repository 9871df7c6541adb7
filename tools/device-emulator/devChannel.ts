/**
 * The emulated device's one sideloaded ("dev") channel: it runs the installed zip in the same
 * headless engine as every other test (brs-engine in Chromium) and prints to the console with the
 * device's framing: the compile and launch log lines, `------ Compiling dev '<title>' ------`,
 * `------ Running dev '<title>' main ------`, and on a crash the Micro Debugger's banner and its
 * `Brightscript Debugger> ` prompt. Test double.
 */
import { EventEmitter } from 'events';
import { runChannel, type RunStatus } from '../runner/headless';
import type { ConsoleServer } from './consoleServer';

export interface InstalledChannel {
    title: string;
    bytes: number;
    zip: Buffer;
}

export interface DevChannelOptions {
    /** Fault: the channel never gets past launch (prints the compile lines, then nothing). */
    hangs?: boolean;
    /** A run is stopped after this long, so a test double never outlives its test (default 10 min). */
    runLimitMs?: number;
}

/** Framing lines the engine prints itself; the device's own framing replaces them. */
const ENGINE_FRAMING = /^------ (Running dev|Finished) '.*' .*------$/;

/** "MM-DD HH:MM:SS.mmm", the stamp of the device's system log lines. */
function stamp(date = new Date()): string {
    const two = (n: number) => String(n).padStart(2, '0');
    return `${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

export function manifestTitle(manifest: string): string {
    return /^\s*title\s*=(.*)$/m.exec(manifest)?.[1].trim() ?? '';
}

export class DevChannel extends EventEmitter {
    private installedChannel: InstalledChannel | undefined;
    private running: { abort: AbortController; done: Promise<RunStatus | 'hung'> } | undefined;

    constructor(private readonly console: ConsoleServer, private readonly options: DevChannelOptions = {}) {
        super();
    }

    get installed(): InstalledChannel | undefined {
        return this.installedChannel;
    }

    get isRunning(): boolean {
        return this.running !== undefined;
    }

    async install(channel: InstalledChannel, launch: boolean): Promise<void> {
        await this.stop();
        this.installedChannel = channel;
        if (launch) {
            await this.launch();
        }
    }

    async remove(): Promise<void> {
        await this.stop();
        this.installedChannel = undefined;
    }

    /** Starts the installed channel (stopping a running one first); false when none is installed. */
    async launch(): Promise<boolean> {
        const channel = this.installedChannel;
        if (!channel) {
            return false;
        }
        await this.stop();
        const { title } = channel;
        this.console.startLog();
        const launched = Date.now();
        this.console.writeLine(`${stamp()} [beacon.signal] |AppLaunchInitiate ---------> TimeBase(0 ms)`);
        this.console.writeLine(`${stamp()} [beacon.signal] |AppCompileInitiate --------> TimeBase(0 ms)`);
        this.console.writeLine(`${stamp()} [scrpt.cmpl] Compiling '${title}', id 'dev'`);
        this.console.writeLine('');
        this.console.writeLine(`------ Compiling dev '${title}' ------`);
        const abort = new AbortController();
        this.emit('launched', title);
        if (this.options.hangs) {
            const done = new Promise<'hung'>((resolve) => abort.signal.addEventListener('abort', () => resolve('hung')));
            this.running = { abort, done };
            return true;
        }
        const enterRunning = () => {
            const compileMs = Date.now() - launched;
            this.console.writeLine(`${stamp()} [scrpt.ctx.cmpl.time] Compiled '${title}', id 'dev' in ${compileMs} milliseconds`);
            this.console.writeLine(`${stamp()} [beacon.signal] |AppCompileComplete --------> Duration(${compileMs} ms)`);
            this.console.writeLine(`${stamp()} [ui.frm.plugin.running.enter] Entering PLUGIN_RUNNING for dev`);
            this.console.writeLine(`${stamp()} [scrpt.ctx.run.enter] UI: Entering '${title}', id 'dev'`);
            this.console.writeLine('');
            this.console.writeLine(`------ Running dev '${title}' main ------`);
        };
        let entered = false;
        const done = runChannel({
            zip: channel.zip,
            timeoutMs: this.options.runLimitMs ?? 600_000,
            signal: abort.signal,
            onOutput: (line, level) => {
                if (level === 'error') {
                    return; // printed with the debugger's banner when the run ends
                }
                if (ENGINE_FRAMING.test(line)) {
                    if (!entered && line.startsWith('------ Running dev')) {
                        entered = true;
                        enterRunning();
                    }
                    return;
                }
                if (!entered) {
                    entered = true;
                    enterRunning();
                }
                this.console.writeLine(line);
            }
        }).then((result) => {
            if (result.status === 'crashed') {
                this.console.writeLine('');
                this.console.writeLine('BrightScript Micro Debugger.');
                this.console.writeLine('Enter any BrightScript statement, debug commands, or HELP.');
                this.console.writeLine('');
                for (const line of result.errors.join('\n').split(/\r?\n/)) {
                    this.console.writeLine(line);
                }
                this.console.writeLine('');
                this.console.write('Brightscript Debugger> ');
            }
            return result.status;
        }, (err: unknown) => {
            this.console.writeLine(`emulated device: the channel could not be run: ${err instanceof Error ? err.message : err}`);
            return 'crashed' as RunStatus;
        });
        this.running = { abort, done };
        void done.then((status) => {
            if (this.running?.done === done) {
                this.running = undefined;
            }
            this.emit('exited', status);
        });
        return true;
    }

    /** Exits the running channel (the Home key), waiting until it has stopped. */
    async stop(): Promise<void> {
        const running = this.running;
        if (!running) {
            return;
        }
        this.running = undefined;
        running.abort.abort();
        await running.done;
    }
}
