/**
 * npm run collector -- [options]: runs the local collector in the foreground, printing one line per arriving
 * event until Ctrl-C, then a summary.
 */
import * as fs from 'fs';
import { parseArgs, type OptionKind } from '../util/args';
import { FAULT_KINDS, startCollector, type CollectorOptions, type FaultKind } from './index';

const SPEC: Record<string, OptionKind> = {
    port: 'number',
    host: 'string',
    db: 'string',
    'api-key': 'string',
    'api-secret': 'string',
    'fault-rate': 'number',
    'fault-kinds': 'string',
    'fault-seed': 'number',
    'fault-paths': 'string',
    'retry-after': 'number',
    'slow-ms': 'number',
    'data-plan': 'string',
    'wire-log': 'string',
    'allow-unknown-sessions': 'boolean',
    'adobe-region': 'string',
    'adobe-hint-ttl': 'number',
    quiet: 'boolean',
    help: 'boolean'
};

const USAGE = `usage: npm run collector -- [options]

  --port N                  port to bind (default 0: a free port)
  --host H                  interface to bind (default 127.0.0.1)
  --db FILE                 SQLite file to load and keep up to date (default: in memory)
  --api-key K               expected mParticle key (default test-api-key)
  --api-secret S            expected mParticle secret (default test-api-secret)
  --data-plan FILE          mParticle data plan (version) JSON to flag batches against
  --fault-rate R            inject faults into this fraction (0..1) of requests
  --fault-kinds LIST        comma list of ${FAULT_KINDS.join(',')} (default: all)
  --fault-seed N            PRNG seed for faults (default 1)
  --fault-paths PREFIX      only fault paths starting with PREFIX
  --retry-after SEC         Retry-After sent with 429/503 (default 1)
  --slow-ms MS              delay for 'slow' faults (default 1500)
  --allow-unknown-sessions  accept Adobe events with a sessionID this collector did not hand out
  --adobe-region R          Edge region (location hint) to answer with (default or2)
  --adobe-hint-ttl SEC      ttlSeconds of the location hint (default 1800)
  --wire-log FILE           on exit, write every request as JSON Lines to FILE
  --quiet                   print only the URL and the summary`;

function clock(): string {
    return new Date().toISOString().slice(11, 23);
}

function buildOptions(options: Record<string, unknown>): CollectorOptions {
    const result: CollectorOptions = {
        port: options.port as number | undefined,
        host: options.host as string | undefined,
        dbPath: options.db as string | undefined,
        apiKey: options['api-key'] as string | undefined,
        apiSecret: options['api-secret'] as string | undefined,
        allowUnknownAdobeSessions: options['allow-unknown-sessions'] === true,
        adobeRegion: options['adobe-region'] as string | undefined,
        adobeHintTtlSec: options['adobe-hint-ttl'] as number | undefined,
        quiet: options.quiet === true,
        log: (line) => console.log(`${clock()} ${line}`)
    };
    if (typeof options['data-plan'] === 'string') {
        result.dataPlan = JSON.parse(fs.readFileSync(options['data-plan'], 'utf8')) as object;
    }
    if (typeof options['fault-rate'] === 'number') {
        const kinds = typeof options['fault-kinds'] === 'string'
            ? options['fault-kinds'].split(',').map((k) => k.trim()).filter((k) => k !== '') as FaultKind[]
            : [...FAULT_KINDS];
        result.faults = {
            rate: options['fault-rate'],
            kinds,
            seed: options['fault-seed'] as number | undefined,
            paths: options['fault-paths'] as string | undefined,
            retryAfterSec: options['retry-after'] as number | undefined,
            slowMs: options['slow-ms'] as number | undefined
        };
    } else if (options['fault-kinds'] !== undefined) {
        throw new Error('--fault-kinds needs --fault-rate');
    }
    return result;
}

async function main(argv: string[]): Promise<void> {
    const { options, positional } = parseArgs(argv, SPEC);
    if (options.help) {
        console.log(USAGE);
        return;
    }
    if (positional.length > 0) {
        throw new Error(`unexpected argument ${positional[0]}`);
    }
    const collector = await startCollector(buildOptions(options));
    console.log(`collector listening on ${collector.url}`);
    console.log(`  live viewer       GET  ${collector.viewerUrl}`);
    console.log(`  mParticle events  POST ${collector.url}/v2/events`);
    console.log(`  mParticle IDSync  POST ${collector.url}/v1/identify | login | logout | {mpid}/modify`);
    console.log(`  Adobe Media Edge  POST ${collector.url}/ee[/{region}]/va/v1/{eventType}?configId=...`);
    console.log(`  Adobe identity    POST ${collector.url}/ee[/{region}]/v1/interact?configId=...`);
    console.log(`  summary           GET  ${collector.url}/summary`);
    console.log(`  stored batches    GET  ${collector.url}/query/batches[?batch_id=...&event_name=...]`);

    let stopping = false;
    const stop = async () => {
        if (stopping) {
            return;
        }
        stopping = true;
        const wireLogFile = options['wire-log'];
        if (typeof wireLogFile === 'string') {
            collector.writeWireLog(wireLogFile);
            console.log(`wire log written to ${wireLogFile}`);
        }
        const stats = collector.stats();
        await collector.close();
        console.log(`summary: ${JSON.stringify(stats)}`);
        process.exit(0);
    };
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
}

main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    console.error(USAGE);
    process.exit(2);
});
