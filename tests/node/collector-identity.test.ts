/** Local collector: mParticle IDSync (auth, stable MPIDs, logout, modify, validation). */
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { startCollector, type Collector } from '../../tools/collector';
import { postJson, postSigned } from '../../tools/collector/client';
import { signedHeaders } from '../../tools/collector/auth';
import { basicAuth, sampleIdentityRequest, sampleModifyRequest } from '../../tools/collector/samples';

const CREDENTIALS = { apiKey: 'test-api-key', apiSecret: 'test-api-secret' };
const INT64 = /^-?\d{1,19}$/;

describe('collector: IDSync', () => {
    let c: Collector;
    before(async () => {
        c = await startCollector({ quiet: true });
    });
    after(() => c.close());

    const call = async (path: string, knownIdentities: Record<string, string>) => {
        const res = await postSigned(`${c.url}/v1/${path}`, sampleIdentityRequest(knownIdentities));
        assert.equal(res.status, 200, res.text);
        return res.json as { mpid: string; is_logged_in: boolean; context: null; is_ephemeral: boolean; matched_identities: Record<string, string> };
    };

    test('answers identify in the IDSync shape with a signed 64-bit mpid string', async () => {
        const res = await call('identify', { customerid: 'shape-1', device_application_stamp: 'das-shape' });
        assert.match(res.mpid, INT64);
        assert.equal(BigInt(res.mpid) >= -(2n ** 63n) && BigInt(res.mpid) < 2n ** 63n, true);
        assert.deepEqual(Object.keys(res).sort(), ['context', 'is_ephemeral', 'is_logged_in', 'matched_identities', 'mpid']);
        assert.equal(res.context, null);
        assert.equal(res.is_ephemeral, false);
        assert.equal(res.is_logged_in, true);
        assert.deepEqual(res.matched_identities, { customerid: 'shape-1', device_application_stamp: 'das-shape' });
    });

    test('gives the same known identities the same mpid, and logout the device-only one', async () => {
        const user = await call('identify', { customerid: 'c-1', email: 'c1@example.com', device_application_stamp: 'das-1' });
        const again = await call('identify', { customerid: 'c-1', device_application_stamp: 'das-other' });
        const byEmail = await call('login', { email: 'c1@example.com', device_application_stamp: 'das-1' });
        assert.equal(again.mpid, user.mpid);
        assert.equal(byEmail.mpid, user.mpid, 'email was linked to the user by the first identify');
        assert.equal(byEmail.is_logged_in, true);

        const device = await call('identify', { device_application_stamp: 'das-1' });
        assert.notEqual(device.mpid, user.mpid);
        assert.equal(device.is_logged_in, false);

        const loggedOut = await call('logout', { customerid: 'c-1', device_application_stamp: 'das-1' });
        assert.equal(loggedOut.mpid, device.mpid, 'logout answers the device-only mpid');
        assert.equal(loggedOut.is_logged_in, false);
        assert.deepEqual(loggedOut.matched_identities, { device_application_stamp: 'das-1' });

        const otherDevice = await call('identify', { device_application_stamp: 'das-2' });
        assert.notEqual(otherDevice.mpid, device.mpid);
    });

    test('derives mpids from the identities, so a fresh collector agrees', async () => {
        const first = await call('identify', { customerid: 'stable-1' });
        const other = await startCollector({ quiet: true });
        try {
            const res = await postSigned(`${other.url}/v1/identify`, sampleIdentityRequest({ customerid: 'stable-1' }));
            assert.equal(res.json.mpid, first.mpid);
        } finally {
            await other.close();
        }
    });

    test('modify links new identities to the mpid (path and body forms)', async () => {
        const user = await call('login', { customerid: 'm-1', email: 'old@example.com' });
        const res = await postSigned(`${c.url}/v1/${user.mpid}/modify`,
            sampleModifyRequest([{ identity_type: 'email', old_value: 'old@example.com', new_value: 'new@example.com' }]));
        assert.equal(res.status, 200, res.text);
        assert.equal(res.json.mpid, user.mpid);
        assert.deepEqual(res.json.change_results, [{ identity_type: 'email', modified_mpid: user.mpid }]);
        assert.deepEqual(res.json.matched_identities, { customerid: 'm-1', email: 'new@example.com' });
        assert.equal((await call('login', { email: 'new@example.com' })).mpid, user.mpid);

        const bodyForm = await postSigned(`${c.url}/v1/modify`,
            { ...sampleModifyRequest([{ identity_type: 'other', old_value: null, new_value: 'o-1' }]), mpid: user.mpid });
        assert.equal(bodyForm.status, 200, bodyForm.text);
        assert.equal(bodyForm.json.mpid, user.mpid);
        assert.equal((await call('login', { other: 'o-1' })).mpid, user.mpid);
    });

    test('records every call', async () => {
        const before = c.identityCalls().length;
        const req = sampleIdentityRequest({ customerid: 'rec-1' });
        const res = await postSigned(`${c.url}/v1/identify`, req);
        const calls = c.identityCalls();
        assert.equal(calls.length, before + 1);
        const last = calls[calls.length - 1];
        assert.equal(last.call, 'identify');
        assert.equal(last.mpid, res.json.mpid);
        assert.equal(last.requestId, req.request_id);
        assert.equal(last.isLoggedIn, true);
        assert.deepEqual(last.request, req);
        assert.deepEqual(last.response, res.json);
        assert.equal(c.stats().identityCalls, calls.length);
    });

    test('accepts a signed request (x-mp-key, Date, x-mp-signature) or Basic auth; 401 otherwise, x-mp-key alone included', async () => {
        const body = sampleIdentityRequest({ customerid: 'auth-1' });
        const text = JSON.stringify(body);
        const before = c.stats();
        assert.equal((await postSigned(`${c.url}/v1/identify`, body)).status, 200);
        assert.equal((await postJson(`${c.url}/v1/identify`, body, { Authorization: basicAuth() })).status, 200);
        const unauthorized = [
            await postJson(`${c.url}/v1/identify`, body, { 'x-mp-key': 'test-api-key' }),
            await postJson(`${c.url}/v1/identify`, body, { 'x-mp-key': 'wrong' }),
            await postJson(`${c.url}/v1/identify`, body),
            await postJson(`${c.url}/v1/identify`, body, { Authorization: basicAuth('test-api-key', 'wrong') }),
            await postSigned(`${c.url}/v1/identify`, body, { ...CREDENTIALS, apiSecret: 'wrong secret' }),
            await postSigned(`${c.url}/v1/login`, body, CREDENTIALS, signedHeaders(CREDENTIALS, '/v1/identify', text)),
            await postSigned(`${c.url}/v1/identify`, { ...body, request_id: 'tampered' }, CREDENTIALS, signedHeaders(CREDENTIALS, '/v1/identify', text))
        ];
        assert.deepEqual(unauthorized.map((r) => r.status), [401, 401, 401, 401, 401, 401, 401]);
        assert.match(String(unauthorized[0].json.errors[0].message), /API-key-only/);
        assert.equal(c.stats().unauthorized, before.unauthorized + unauthorized.length);
        assert.equal(c.stats().malformed, before.malformed);
    });

    test('400 + malformed for bad requests', async () => {
        const before = c.stats();
        const { known_identities: _k, ...noIdentities } = sampleIdentityRequest({});
        const cases: Array<[unknown, RegExp, string?]> = [
            [noIdentities, /^known_identities: required field missing$/],
            [sampleIdentityRequest({}, { environment: 'prod' }), /^environment: "prod" is not one of/],
            [sampleIdentityRequest({ customerid: 5 as unknown as string }), /^known_identities\.customerid: expected string/],
            [sampleIdentityRequest({}, { client_sdk: { platform: 'roku' } }), /^client_sdk\.sdk_vendor: required field missing$/],
            ['{not json', /invalid JSON/],
            [sampleModifyRequest([{ identity_type: 'email', old_value: null, new_value: 'x@y.z' }]), /^path mpid: expected a signed 64-bit integer/, '/v1/abc/modify'],
            [sampleModifyRequest([{ identity_type: 'email', old_value: null, new_value: 'x@y.z' }]), /^mpid: expected a signed 64-bit integer/, '/v1/modify']
        ];
        for (const [body, reason, path] of cases) {
            const res = await postSigned(`${c.url}${path ?? '/v1/identify'}`, body);
            assert.equal(res.status, 400, res.text);
            assert.ok(res.json.errors.some((e: string) => reason.test(e)), `${reason} in ${res.text}`);
            assert.equal(c.malformed().at(-1)?.api, 'idsync');
        }
        assert.equal(c.stats().malformed, before.malformed + cases.length);
        assert.equal(c.stats().identityCalls, before.identityCalls);
    });
});
