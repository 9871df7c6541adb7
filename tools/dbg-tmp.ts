import { runScenario } from './simulate/runScenario';
(async () => {
    const r = await runScenario({ scenario: process.argv[2], timeoutMs: 900000, bsConst: { MP_PROFILE: true }, options: { logLevel: 0 },
        onOutput: (l) => {
            const m = /\[profile\] (\{.*\})/.exec(l);
            if (m) {
                const p = JSON.parse(m[1]);
                if (p.label === 'reset') return;
                const calls = Math.max(1, p.calls || 200);
                const n = p.label === 'pauseplay' ? 100 : 200;
                const rows = Object.entries(p.phases as Record<string, { us: number; entries: number }>).sort((a, b) => b[1].us - a[1].us).map(([k, v]) => `${k}=${(v.us / n).toFixed(0)}us(${(v.entries / n).toFixed(1)})`);
                console.log(p.label, `hook=${p.hookPairUs}us`, `wall/call=${(p.wallUs / n).toFixed(0)}us`, rows.join(' '));
            } else if (/\[micro\]|rror/.test(l)) console.log(l);
        } });
    console.log(r.failure ?? 'ok');
})();
