import { runScenario } from './simulate/runScenario';
(async () => {
    const r = await runScenario({ scenario: process.argv[2], timeoutMs: 900000, bsConst: { MP_PROFILE: true }, options: { useVirtualClock: false, benchProfile: true, logLevel: 0 },
        onOutput: (l) => {
            const m = /\[profile\] (\{.*\})/.exec(l);
            if (m) {
                const p = JSON.parse(m[1]);
                const rows = Object.entries(p.phases as Record<string, { us: number; entries: number }>).sort((a, b) => b[1].us - a[1].us).map(([k, v]) => `${k}=${(v.us / 1e6).toFixed(2)}s/${v.entries}`);
                console.log(p.label, `calls=${p.calls} hook=${p.hookPairUs}us wall=${(p.wallUs / 1e6).toFixed(1)}s`, rows.join(' '));
            } else if (/load.sample/.test(l)) console.log(l.slice(0, 300));
        } });
    console.log(r.failure ?? 'ok');
})();
