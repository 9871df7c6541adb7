/**
 * Values and formatting shared by the viewer's model and page. Pure, and free of Node: the page's bundle
 * includes it (so nothing here may import the collector's server modules).
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Items by key, each list in the items' order; items whose key is null are left out. */
export function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string | null): Map<string, T[]> {
    const groups = new Map<string, T[]>();
    for (const item of items) {
        const key = keyOf(item);
        if (key === null) {
            continue;
        }
        const list = groups.get(key);
        if (list) {
            list.push(item);
        } else {
            groups.set(key, [item]);
        }
    }
    return groups;
}

/** The first 8 characters of a long id, as the collector's log lines show them. */
export function shortId(id: string): string {
    return id.length > 8 ? id.slice(0, 8) : id;
}

/** An attribute value as a number, or null (attributes arrive as strings). */
export function num(value: unknown): number | null {
    if (typeof value === 'number') {
        return Number.isFinite(value) ? value : null;
    }
    if (typeof value !== 'string' || value.trim() === '') {
        return null;
    }
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
}

/** 1234 -> "1.2 s", 65000 -> "1:05.0", -500 -> "-0.5 s". */
export function seconds(ms: number): string {
    const sign = ms < 0 ? '-' : '';
    const abs = Math.abs(ms);
    if (abs < 60_000) {
        return `${sign}${(abs / 1000).toFixed(1)} s`;
    }
    const minutes = Math.floor(abs / 60_000);
    const rest = ((abs % 60_000) / 1000).toFixed(1).padStart(4, '0');
    return `${sign}${minutes}:${rest}`;
}

/** An epoch time as HH:MM:SS.mmm in UTC, the way the collector's log lines print it. */
export function clock(epochMs: number): string {
    return new Date(epochMs).toISOString().slice(11, 23);
}

/** 12345 -> "12,345". */
export function grouped(n: number): string {
    const [whole, fraction] = String(Math.round(n * 1000) / 1000).split('.');
    const digits = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return fraction ? `${digits}.${fraction}` : digits;
}

export function plural(n: number, word: string, many = `${word}s`): string {
    return `${n} ${n === 1 ? word : many}`;
}
