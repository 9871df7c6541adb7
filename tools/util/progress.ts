/**
 * A status line for long runs (npm test, bench, simulate), redrawn in place on an interactive
 * terminal: only when the stream is a TTY and $CI is not set. Anywhere else (CI, pipes, files)
 * it writes nothing, so logs hold only the normal output.
 */
export interface StatusStream {
    isTTY?: boolean;
    columns?: number;
    write(text: string): boolean;
}

export class Progress {
    readonly enabled: boolean;
    private text = '';
    private shown = false;
    private lastDraw = 0;
    private readonly started = Date.now();
    private readonly ticker?: NodeJS.Timeout;

    constructor(private readonly label: string, private readonly stream: StatusStream = process.stderr, enabled?: boolean) {
        this.enabled = enabled ?? (Boolean(stream.isTTY) && !process.env.CI);
        if (this.enabled) {
            // Keeps the elapsed time moving while nothing else happens; never keeps the process alive.
            this.ticker = setInterval(() => this.draw(), 1000);
            this.ticker.unref();
        }
    }

    /** Sets the status text (drawn at most ten times a second). */
    update(text: string) {
        this.text = text;
        if (this.enabled && Date.now() - this.lastDraw >= 100) {
            this.draw();
        }
    }

    /** Prints a line of normal output above the status line. */
    log(line: string, out: StatusStream = process.stdout) {
        this.clear();
        out.write(`${line}\n`);
        if (this.enabled) {
            this.draw();
        }
    }

    /** Removes the status line for good. */
    done() {
        if (this.ticker) {
            clearInterval(this.ticker);
        }
        this.clear();
    }

    private clear() {
        if (this.shown) {
            this.stream.write('\r\x1b[2K');
            this.shown = false;
        }
    }

    private draw() {
        if (!this.enabled) {
            return;
        }
        this.lastDraw = Date.now();
        const seconds = Math.round((Date.now() - this.started) / 1000);
        const line = `${this.label} ${seconds} s${this.text ? ` · ${this.text}` : ''}`;
        const width = Math.max(20, (this.stream.columns ?? 100) - 1);
        this.stream.write(`\r\x1b[2K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
        this.shown = true;
    }
}
