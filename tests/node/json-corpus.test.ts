/**
 * core/Json.bs writes JSON two ways: the writer alone, and jsonEncode, which hands FormatJson every part
 * the probe found it writes exactly as the writer does. Over a generated corpus of 10,000 values (strings
 * with quotes, backslashes, every control character, non-ASCII and astral characters; Integers,
 * LongIntegers, Doubles, Floats, booleans, invalid; nested AAs and arrays, case-sensitive AAs with keys
 * that differ only by case) both must write the same bytes, and JSON.parse must read every output back as
 * the value it was made from. Scenario: tests/scenarios/json-corpus.bs (seed printed; a failing seed reproduces).
 */
import { before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { runScenario, type ScenarioResult } from '../../tools/simulate/runScenario';
import { seededRandom } from '../../tools/util/random';

const SCENARIO = path.join(__dirname, '..', 'scenarios', 'json-corpus.bs');
const VALUES = 10_000;
const SEED = Number(process.env.JSON_CORPUS_SEED ?? 20261201);

/** What a value is, as JSON.parse must read it back. */
type Expected =
    | { kind: 'string'; value: string }
    | { kind: 'integer' | 'double'; value: number }
    | { kind: 'long'; value: bigint }
    | { kind: 'float'; value: number }
    | { kind: 'boolean'; value: boolean }
    | { kind: 'null' }
    | { kind: 'array'; items: Expected[] }
    | { kind: 'object'; entries: Array<[string, Expected]>; caseSensitive: boolean };

type Recipe = Record<string, unknown>;

class Corpus {
    private readonly random: () => number;

    constructor(seed: number) {
        this.random = seededRandom(seed);
    }

    int(max: number): number {
        return Math.floor(this.random() * max);
    }

    pick<T>(items: readonly T[]): T {
        return items[this.int(items.length)];
    }

    char(): string {
        const pool = this.int(100);
        if (pool < 45) {
            return String.fromCharCode(0x20 + this.int(0x5f)); // printable ASCII
        } else if (pool < 55) {
            return this.pick(['"', '\\', '/', '"', '\\']);
        } else if (pool < 70) {
            return String.fromCharCode(this.int(0x20)); // control characters, NUL included
        } else if (pool < 75) {
            return this.pick(['\u007f', '\u00a0', '\u2028', '\u2029', '\ufeff']);
        } else if (pool < 85) {
            return String.fromCharCode(0xa1 + this.int(0x2000)); // Latin-1 and beyond
        } else if (pool < 93) {
            return String.fromCharCode(0x4e00 + this.int(0x5000)); // CJK
        }
        return String.fromCodePoint(0x1f300 + this.int(0x300)); // astral: a surrogate pair
    }

    text(maxLength: number): string {
        // Half the strings are plain (what FormatJson writes right here), half are anything.
        const plain = this.int(2) === 0;
        let text = '';
        const length = this.int(maxLength + 1);
        for (let i = 0; i < length; i++) {
            text += plain ? String.fromCharCode(0x30 + this.int(0x4b)).replace(/[\\"]/, 'q') : this.char();
        }
        return text;
    }

    digits(count: number): string {
        let digits = String(1 + this.int(9));
        for (let i = 1; i < count; i++) {
            digits += String(this.int(10));
        }
        return digits;
    }

    /** A leaf or a container, with its recipe (tests/scenarios/json-corpus.bs) and what it must read back as. */
    value(depth: number): [Recipe, Expected] {
        const roll = this.int(100);
        if (depth > 0 && roll < 12) {
            return this.array(depth);
        } else if (depth > 0 && roll < 25) {
            return this.object(depth);
        } else if (roll < 55) {
            const text = this.text(24);
            return [{ s: text }, { kind: 'string', value: text }];
        } else if (roll < 63) {
            const value = this.pick([0, -1, 2147483647, -2147483648, this.int(1000), -this.int(2147483647), this.int(2147483647)]);
            return [{ i: value }, { kind: 'integer', value }];
        } else if (roll < 73) {
            const big = this.int(4) === 0;
            let value = big ? BigInt(this.digits(1 + this.int(19))) : BigInt(this.digits(1 + this.int(16)));
            if (value > 9223372036854775807n) {
                value = 9223372036854775807n;
            }
            if (this.int(2) === 0) {
                value = this.int(10) === 0 && big ? -9223372036854775808n : -value;
            }
            return [{ l: value.toString() }, { kind: 'long', value }];
        } else if (roll < 85) {
            // At most 15 significant digits and 15 decimals, from 1e-6 up: what the writer keeps exactly.
            const count = 1 + this.int(15);
            const mantissa = this.digits(count);
            let k = this.int(16);
            while (Number(mantissa) / 10 ** k < 1e-6) {
                k--;
            }
            const negative = this.int(2) === 0;
            const signed = negative ? `-${mantissa}` : mantissa;
            return [{ d: [signed, k] }, { kind: 'double', value: Number(`${signed}e-${k}`) }];
        } else if (roll < 90) {
            const mantissa = this.digits(1 + this.int(7));
            let k = this.int(8);
            while (Number(mantissa) / 10 ** k < 1e-6) {
                k--;
            }
            return [{ f: [mantissa, k] }, { kind: 'float', value: Math.fround(Number(`${mantissa}e-${k}`)) }];
        } else if (roll < 96) {
            const value = this.int(2) === 0;
            return [{ b: value }, { kind: 'boolean', value }];
        }
        return [{ n: 0 }, { kind: 'null' }];
    }

    array(depth: number): [Recipe, Expected] {
        const recipes: Recipe[] = [];
        const items: Expected[] = [];
        for (let i = this.int(7); i > 0; i--) {
            const [recipe, expected] = this.value(depth - 1);
            recipes.push(recipe);
            items.push(expected);
        }
        return [{ a: recipes }, { kind: 'array', items }];
    }

    object(depth: number): [Recipe, Expected] {
        const caseSensitive = this.int(8) === 0;
        const pairs: Array<[string, Recipe]> = [];
        const entries: Array<[string, Expected]> = [];
        const seen = new Set<string>();
        for (let i = this.int(7); i > 0; i--) {
            let key = this.text(12);
            if (key === '' && this.int(4) !== 0) {
                key = 'k';
            }
            if (caseSensitive && entries.length > 0 && this.int(3) === 0) {
                // A twin of an earlier key, differing only by case.
                const earlier = this.pick(entries)[0];
                const twin = earlier === earlier.toUpperCase() ? earlier.toLowerCase() : earlier.toUpperCase();
                if (twin !== earlier) {
                    key = twin;
                }
            }
            // A case-insensitive AA holds one key per spelling; so does a sensitive one per exact key.
            const identity = caseSensitive ? key : key.toLowerCase();
            if (seen.has(identity)) {
                continue;
            }
            seen.add(identity);
            const [recipe, expected] = this.value(depth - 1);
            pairs.push([key, recipe]);
            entries.push([key, expected]);
        }
        return [{ o: pairs, ...(caseSensitive ? { cs: true } : {}) }, { kind: 'object', entries, caseSensitive }];
    }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Equal at a Float's precision: within one unit of the 7th significant digit (the writer gives a Float 7
 * significant digits; brs-engine keeps a Float as a double rounded to 7 of them).
 */
function sameFloat(parsed: unknown, value: number): boolean {
    if (typeof parsed !== 'number') {
        return false;
    }
    const unit = value === 0 ? 0 : 10 ** (Math.floor(Math.log10(Math.abs(value))) - 6);
    return Math.abs(parsed - value) <= unit;
}

/**
 * Compares what JSON.parse read with what the value was; returns the first difference, or undefined.
 * containerFloats: the engine keeps a Double stored in an array or AA as a Float.
 */
function difference(parsed: unknown, expected: Expected, containerFloats: boolean, at = '$'): string | undefined {
    const nested = at !== '$';
    switch (expected.kind) {
        case 'double':
            if (nested && containerFloats) {
                return sameFloat(parsed, expected.value) ? undefined : `${at}: ${parsed} is not the Float of ${expected.value}`;
            }
            return parsed === expected.value ? undefined : `${at}: ${JSON.stringify(parsed)} instead of ${JSON.stringify(expected.value)}`;
        case 'string':
        case 'boolean':
        case 'integer':
            return parsed === expected.value ? undefined : `${at}: ${JSON.stringify(parsed)} instead of ${JSON.stringify(expected.value)}`;
        case 'float':
            return sameFloat(parsed, expected.value) ? undefined : `${at}: ${parsed} is not the Float ${expected.value}`;
        case 'long': {
            const value = expected.value;
            // Beyond 2^53 JSON.parse reads the nearest double (the digits are checked separately).
            return parsed === Number(value) ? undefined : `${at}: ${parsed} instead of ${value}`;
        }
        case 'null':
            return parsed === null ? undefined : `${at}: ${JSON.stringify(parsed)} instead of null`;
        case 'array': {
            if (!Array.isArray(parsed) || parsed.length !== expected.items.length) {
                return `${at}: ${JSON.stringify(parsed)} is not an array of ${expected.items.length}`;
            }
            for (let i = 0; i < parsed.length; i++) {
                const found = difference(parsed[i], expected.items[i], containerFloats, `${at}[${i}]`);
                if (found) {
                    return found;
                }
            }
            return undefined;
        }
        case 'object': {
            if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
                return `${at}: ${JSON.stringify(parsed)} is not an object`;
            }
            const record = parsed as Record<string, unknown>;
            const keys = Object.keys(record).sort();
            const wanted = expected.entries.map(([key]) => key).sort();
            if (JSON.stringify(keys) !== JSON.stringify(wanted)) {
                return `${at}: keys ${JSON.stringify(keys)} instead of ${JSON.stringify(wanted)}`;
            }
            for (const [key, value] of expected.entries) {
                const found = difference(record[key], value, containerFloats, `${at}[${JSON.stringify(key)}]`);
                if (found) {
                    return found;
                }
            }
            return undefined;
        }
    }
}

/** LongIntegers beyond what JSON.parse reads exactly: their digits must be in the output as they are. */
function bigLongs(expected: Expected, found: bigint[] = []): bigint[] {
    if (expected.kind === 'long' && (expected.value > MAX_SAFE || expected.value < -MAX_SAFE)) {
        found.push(expected.value);
    } else if (expected.kind === 'array') {
        expected.items.forEach((item) => bigLongs(item, found));
    } else if (expected.kind === 'object') {
        expected.entries.forEach(([, value]) => bigLongs(value, found));
    }
    return found;
}

function kinds(expected: Expected, counts: Record<string, number>) {
    counts[expected.kind] = (counts[expected.kind] ?? 0) + 1;
    if (expected.kind === 'array') {
        expected.items.forEach((item) => kinds(item, counts));
    } else if (expected.kind === 'object') {
        if (expected.caseSensitive && new Set(expected.entries.map(([k]) => k.toLowerCase())).size < expected.entries.length) {
            counts.caseTwins = (counts.caseTwins ?? 0) + 1;
        }
        expected.entries.forEach(([, value]) => kinds(value, counts));
    } else if (expected.kind === 'string') {
        const text = expected.value;
        for (const [name, pattern] of [['quote', /"/], ['backslash', /\\/], ['control', /[\u0000-\u001f]/], ['nonAscii', /[^\u0000-\u007f]/], ['astral', /[\ud800-\udbff]/]] as const) {
            if (pattern.test(text)) {
                counts[name] = (counts[name] ?? 0) + 1;
            }
        }
    }
}

describe(`JSON: FormatJson and the writer over ${VALUES} generated values (seed ${SEED})`, { timeout: 1_200_000 }, () => {
    const corpus = new Corpus(SEED);
    const values = Array.from({ length: VALUES }, () => corpus.value(4));
    let result: ScenarioResult;
    let outputs: Map<number, string>;
    let differences: Map<number, string>;
    let probe: Record<string, unknown>;

    before(async () => {
        result = await runScenario({
            scenario: SCENARIO,
            timeoutMs: 900_000,
            files: { 'config/json-corpus.json': JSON.stringify(values.map(([recipe]) => recipe)) }
        });
        outputs = new Map();
        differences = new Map();
        for (const line of result.lines) {
            const match = /^\[(corpus|corpus-diff)\] (\d+) ([^]*)$/.exec(line);
            if (match?.[1] === 'corpus') {
                match[3].split('\t').forEach((output, offset) => outputs.set(Number(match[2]) + offset, output));
            } else if (match) {
                differences.set(Number(match[2]), match[3]);
            }
            const found = /^\[corpus\] probe (\{.*\})$/.exec(line);
            if (found) {
                probe = JSON.parse(found[1]) as Record<string, unknown>;
            }
        }
    });

    test('the corpus holds every kind the issue names', () => {
        const counts: Record<string, number> = {};
        values.forEach(([, expected]) => kinds(expected, counts));
        for (const kind of ['string', 'quote', 'backslash', 'control', 'nonAscii', 'astral', 'integer', 'long', 'double', 'float', 'boolean', 'null', 'array', 'object', 'caseTwins']) {
            assert.ok((counts[kind] ?? 0) >= 50, `${kind}: ${counts[kind] ?? 0} in the corpus`);
        }
    });

    test('the run finished and wrote every value', () => {
        assert.equal(result.failure, undefined, result.failure);
        assert.ok(result.lines.some((line) => line.startsWith(`[corpus] done ${VALUES} `)), 'the scenario finished');
        assert.equal(outputs.size, VALUES);
    });

    test("the probe finds this engine's FormatJson right for plain strings, keys in sorted order and whole numbers, wrong for escapes and decimals", () => {
        assert.equal(probe.native, true);
        assert.equal(probe.order, 'sorted');
        assert.equal(probe.plainstrings, true);
        assert.equal(probe.escapes, false, 'brs-engine writes quotes, backslashes and control characters as they are');
        assert.equal(probe.nativeStrings, false);
        assert.equal(probe.integers, true);
        assert.equal(probe.longs, true);
        assert.equal(probe.doubles, false, 'brs-engine writes Doubles in their shortest form (1/3 with 16 digits)');
        assert.equal(probe.floats, false, 'and Floats with %g (1200000 as 1.2e+06)');
        assert.equal(probe.checkCase, true, 'it mixes up the values of keys that differ only by case');
    });

    test('both paths write the same bytes for every value', () => {
        const shown = [...differences.entries()].slice(0, 3).map(([index, written]) => `#${index}: writer ${written} / jsonEncode ${outputs.get(index)}`);
        assert.equal(differences.size, 0, shown.join('\n'));
    });

    test('JSON.parse reads every output back as the value it was made from', () => {
        const problems: string[] = [];
        values.forEach(([, expected], index) => {
            const text = outputs.get(index);
            if (text === undefined) {
                problems.push(`#${index}: no output`);
                return;
            }
            let parsed: unknown;
            try {
                parsed = JSON.parse(text);
            } catch (err) {
                problems.push(`#${index}: ${(err as Error).message} in ${text}`);
                return;
            }
            const found = difference(parsed, expected, probe.containerdouble === 'roFloat');
            if (found) {
                problems.push(`#${index}: ${found}`);
            }
            for (const big of bigLongs(expected)) {
                if (!text.includes(big.toString())) {
                    problems.push(`#${index}: the digits of ${big} are not in ${text}`);
                }
            }
        });
        assert.deepEqual(problems.slice(0, 5), []);
    });
});
