/** Declarative field checks for JSON payloads, collecting readable errors such as `events[2].data.x: expected string, got number 1`. */
import { isPlainObject } from './http-io';

const MAX_ERRORS = 50;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
/** The largest JSON number that can stand for a 64-bit integer (2^63 - 1 parses as 2^63). */
const INT64_NUMBER_MAX = 2 ** 63;

export type Kind =
    | 'string' | 'nonEmptyString' | 'integer' | 'nonNegativeInteger' | 'number' | 'nonNegativeNumber' | 'timestamp' | 'boolean' | 'object' | 'array'
    | 'mpid' | 'batchId' | 'stringMap' | 'attributeValue';

export interface Rule {
    kind: Kind;
    required?: boolean;
    /** Allowed values for a string (for an integer: its decimal text). */
    oneOf?: readonly string[];
    /** null is an accepted value (e.g. the old value of a new user attribute). */
    nullable?: boolean;
    /** For 'object': rules for its fields. */
    fields?: Record<string, Rule>;
    /** For 'array': the rule every item must meet. */
    items?: Rule;
    /** For 'stringMap': values may also be null. */
    nullableValues?: boolean;
}

export function describe(value: unknown): string {
    if (value === null) {
        return 'null';
    }
    if (Array.isArray(value)) {
        return 'array';
    }
    if (typeof value === 'object') {
        return 'object';
    }
    const shown = JSON.stringify(value) ?? String(value);
    return `${typeof value} ${shown.length > 40 ? `${shown.slice(0, 37)}...` : shown}`;
}

/** A decimal string that fits a signed 64-bit integer, as mParticle MPIDs are. */
export function isInt64String(value: string): boolean {
    if (!/^-?\d{1,19}$/.test(value)) {
        return false;
    }
    const n = BigInt(value);
    return n >= INT64_MIN && n <= INT64_MAX;
}

export class Checker {
    readonly errors: string[] = [];

    add(at: string, message: string) {
        if (this.errors.length < MAX_ERRORS) {
            this.errors.push(`${at}: ${message}`);
        }
    }

    fields(obj: Record<string, unknown>, rules: Record<string, Rule>, at: string) {
        for (const [key, rule] of Object.entries(rules)) {
            const value = obj[key];
            const where = at ? `${at}.${key}` : key;
            if (value === undefined) {
                if (rule.required) {
                    this.add(where, 'required field missing');
                }
                continue;
            }
            if (value === null && rule.nullable) {
                continue;
            }
            this.value(value, rule, where);
        }
    }

    value(value: unknown, rule: Rule, at: string) {
        const expect = (what: string) => this.add(at, `expected ${what}, got ${describe(value)}`);
        switch (rule.kind) {
            case 'string':
            case 'nonEmptyString':
                if (typeof value !== 'string') {
                    expect('string');
                } else if (rule.kind === 'nonEmptyString' && value.trim() === '') {
                    this.add(at, 'must not be empty');
                } else if (rule.oneOf && !rule.oneOf.includes(value)) {
                    this.add(at, `${JSON.stringify(value)} is not one of ${rule.oneOf.join(', ')}`);
                }
                break;
            case 'integer':
                if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > INT64_NUMBER_MAX) {
                    expect('64-bit integer');
                } else if (rule.oneOf && !rule.oneOf.includes(String(value))) {
                    this.add(at, `${value} is not one of ${rule.oneOf.join(', ')}`);
                }
                break;
            case 'number':
                if (typeof value !== 'number' || !Number.isFinite(value)) {
                    expect('finite number');
                }
                break;
            case 'nonNegativeInteger':
                if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
                    expect('non-negative integer');
                }
                break;
            case 'nonNegativeNumber':
                if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
                    expect('non-negative number');
                }
                break;
            case 'timestamp':
                // int64 milliseconds on the platform; a fraction usually means seconds*1000 done in floating point.
                if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > INT64_NUMBER_MAX) {
                    expect('non-negative 64-bit integer (ms)');
                }
                break;
            case 'boolean':
                if (typeof value !== 'boolean') {
                    expect('boolean');
                }
                break;
            case 'object':
                if (!isPlainObject(value)) {
                    expect('object');
                } else if (rule.fields) {
                    this.fields(value, rule.fields, at);
                }
                break;
            case 'array':
                if (!Array.isArray(value)) {
                    expect('array');
                } else if (rule.items) {
                    const items = rule.items;
                    value.forEach((item, i) => this.value(item, items, `${at}[${i}]`));
                }
                break;
            case 'mpid':
                if (typeof value === 'string' ? !isInt64String(value) : !(typeof value === 'number' && Number.isSafeInteger(value))) {
                    expect('signed 64-bit integer (string or number)');
                }
                break;
            case 'batchId':
                if (!((typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isInteger(value)))) {
                    expect('non-empty string or integer');
                }
                break;
            case 'stringMap':
                if (!isPlainObject(value)) {
                    expect(rule.nullableValues ? 'object of string or null values' : 'object of string values');
                    break;
                }
                for (const [name, v] of Object.entries(value)) {
                    if (typeof v !== 'string' && !(v === null && rule.nullableValues)) {
                        this.add(`${at}.${name}`, `expected string, got ${describe(v)}`);
                    }
                }
                break;
            case 'attributeValue':
                if (!(typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string')))) {
                    expect('string or array of strings');
                }
                break;
        }
    }
}
