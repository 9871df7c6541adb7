/** The side column: problems (plan violations, malformed requests, faults), IDSync calls, the request log. */
import type { IdentityCall } from '../../collector/records';
import { clock, plural } from '../model/format';
import type { Problem, RequestView } from '../model/requests';

const REQUESTS_SHOWN = 200;

function time(iso: string): string {
    const t = Date.parse(iso);
    return Number.isNaN(t) ? iso : clock(t);
}

function scrollTo(eventKey: string) {
    document.getElementById(`ev-${eventKey}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
}

export function ProblemsPanel({ problems }: { problems: Problem[] }) {
    return (
        <section class="panel problems" data-panel="problems">
            <h3>Problems <span class="count">{problems.length}</span></h3>
            {problems.length === 0 && <p class="muted">No plan violations, malformed requests or faults.</p>}
            <ul>
                {problems.map((p) => (
                    <li class={`problem kind-${p.kind}`} data-problem={p.kind}>
                        <div class="problem-head">
                            <strong>{p.title}</strong>
                            <span class="muted mono">{time(p.receivedAt)}</span>
                        </div>
                        {p.details.map((d) => <div class="detail">{d}</div>)}
                        {p.eventKeys.length > 0 && (
                            <button type="button" class="link" onClick={() => scrollTo(p.eventKeys[0])}>show {plural(p.eventKeys.length, 'event')}</button>
                        )}
                    </li>
                ))}
            </ul>
        </section>
    );
}

function identities(call: IdentityCall): string {
    const known = call.request.known_identities ?? call.request.identity_changes;
    if (Array.isArray(known)) {
        return known.map((c) => `${String(c.identity_type)}: ${String(c.old_value ?? '∅')} → ${String(c.new_value ?? '∅')}`).join(', ');
    }
    if (known && typeof known === 'object') {
        return Object.entries(known as Record<string, unknown>).map(([k, v]) => `${k}=${String(v)}`).join(' ');
    }
    return '';
}

export function IdentityPanel({ calls }: { calls: IdentityCall[] }) {
    return (
        <section class="panel identity" data-panel="identity">
            <h3>IDSync <span class="count">{calls.length}</span></h3>
            {calls.length === 0 && <p class="muted">No identity calls yet.</p>}
            <ul>
                {calls.map((call) => (
                    <li data-identity-call={call.call}>
                        <div class="problem-head">
                            <strong>{call.call}</strong>
                            <span class="muted mono">{time(call.receivedAt)}</span>
                        </div>
                        <div class="detail mono">{identities(call) || 'no identities'}</div>
                        <div class="detail">→ mpid <code>{call.mpid}</code> {call.isLoggedIn ? <span class="pill ok">logged in</span> : <span class="pill">anonymous</span>}</div>
                    </li>
                ))}
            </ul>
        </section>
    );
}

export function RequestsPanel({ requests }: { requests: RequestView[] }) {
    const shown = requests.slice(-REQUESTS_SHOWN).reverse();
    return (
        <section class="panel requests" data-panel="requests">
            <h3>Requests <span class="count">{requests.length}</span></h3>
            {requests.length > REQUESTS_SHOWN && <p class="muted">The latest {REQUESTS_SHOWN}, newest first.</p>}
            <table>
                <tbody>
                    {shown.map((r) => (
                        <tr class={r.problem ? `problem-${r.problem}` : ''} data-request={r.label}>
                            <td class="mono muted">{time(r.receivedAt)}</td>
                            <td><span class={`api api-${r.api}`}>{r.api}</span></td>
                            <td>{r.label}{r.resend && <span class="pill warn">re-send</span>}</td>
                            <td class="num">{r.status ?? 'dropped'}{r.fault && <span class="pill bad">{r.fault}</span>}</td>
                        </tr>
                    ))}
                </tbody>
            </table>
        </section>
    );
}
