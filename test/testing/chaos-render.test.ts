// What the chaos server puts on the wire for a decided action, and the ledger of side effects and
// stored replies it keeps — without a server.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { SideEffectLedger, operationKey } from '../../src/testing/chaos-ledger.js';
import { faultReply, okReply, rawReply, renderAction, replayReply } from '../../src/testing/chaos-render.js';
import type { VendorProfile } from '../../src/vendors/profile.js';
import { BUILTIN_PROFILES } from '../../src/vendors/registry.js';

const profile = (id: string): VendorProfile => BUILTIN_PROFILES.find((p) => p.id === id) as VendorProfile;

describe('rendering', () => {
  it('answers ok with the request id in header and body, overridable by the action', () => {
    expect(okReply('req_000007')).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json', 'x-request-id': 'req_000007' },
      body: '{"ok":true,"request_id":"req_000007"}',
    });
    expect(okReply('req_000007', { type: 'ok', status: 201, headers: { 'x-request-id': 'mine', etag: '"1"' }, body: '{}' })).toEqual({
      status: 201,
      headers: { 'content-type': 'application/json', 'x-request-id': 'mine', etag: '"1"' },
      body: '{}',
    });
  });

  it('sends a raw response as written, JSON unless it says otherwise', () => {
    expect(rawReply({ type: 'response', status: 502 })).toEqual({ status: 502, headers: { 'content-type': 'application/json' }, body: '' });
    expect(rawReply({ type: 'response', status: 503, headers: { 'content-type': 'text/html' }, body: '<h1>down</h1>' }).headers).toEqual({ 'content-type': 'text/html' });
  });

  it("renders a fault in the vendor's shape with the server's request id, which classify reads back", () => {
    const reply = faultReply(profile('fhir-inference'), { code: 'rate_limited', retryAfterMs: 7_000, limit: 60 }, 'req_000001');
    expect([reply.status, reply.headers['retry-after'], reply.headers['x-request-id']]).toEqual([429, '7', 'req_000001']);
    const fault = classify(reply, { vendor: 'fhir-inference' });
    expect([fault.code, fault.retryAfterMs, fault.requestId]).toEqual(['rate_limited', 7_000, 'req_000001']);
  });

  it("keeps a fault's own request id over the server's", () => {
    const reply = faultReply(profile('fhir-inference'), { code: 'internal', requestId: 'upstream-9' }, 'req_000001');
    expect(classify(reply, { vendor: 'fhir-inference' }).requestId).toBe('upstream-9');
  });

  it('adds X-RateLimit-* headers for rate-limit facts the renderer did not write', () => {
    const reply = faultReply(profile('fhir-inference'), { code: 'rate_limited', rateLimit: { limit: 10, remaining: 0, resetMs: 5_500 } }, 'req_000001');
    expect([reply.headers['x-ratelimit-limit'], reply.headers['x-ratelimit-remaining'], reply.headers['x-ratelimit-reset']]).toEqual(['10', '0', '6']);
  });

  it('renders a generic {error:{code,message}} for a profile without a renderer', () => {
    const bare: VendorProfile = { id: 'bare', detect: () => false, parse: () => undefined, codes: {} };
    const reply = faultReply(bare, 'service_unavailable', 'req_000002');
    expect([reply.status, reply.headers['x-request-id'], JSON.parse(reply.body).error.code]).toEqual([503, 'req_000002', 'service_unavailable']);
  });

  it('marks a replay, and sends nothing for hang, close and reset', () => {
    expect(replayReply(okReply('req_000001')).headers['idempotent-replayed']).toBe('true');
    for (const type of ['hang', 'close', 'reset'] as const) expect(renderAction({ type }, 'req_000001', profile('pulse'))).toBeUndefined();
    expect(renderAction({ type: 'fault', fault: 'internal' }, 'req_000001', profile('pulse'))?.status).toBe(500);
  });
});

describe('SideEffectLedger', () => {
  const call = { method: 'POST', path: '/v1/runs', body: '{"job":1}', idempotencyKey: undefined };

  it('counts a logical call done twice as one duplicate: same key, or same method, path and body', () => {
    const ledger = new SideEffectLedger();
    ledger.commit(call, okReply('a'));
    ledger.commit({ ...call, body: '{"job":2}' }, okReply('b'));
    expect(ledger.duplicates).toBe(0);
    ledger.commit(call, okReply('c'));
    ledger.commit(call, okReply('d'));
    expect(ledger.duplicates).toBe(2);
    expect(operationKey({ ...call, idempotencyKey: 'k' })).toBe(operationKey({ ...call, body: 'other', idempotencyKey: 'k' }));
  });

  it('stores the reply under the idempotency key only', () => {
    const ledger = new SideEffectLedger();
    ledger.commit(call, okReply('a'));
    ledger.commit({ ...call, idempotencyKey: 'k-1' }, okReply('b'));
    expect([ledger.replayFor(undefined), ledger.replayFor('k-2'), ledger.replayFor('k-1')?.headers['x-request-id']]).toEqual([undefined, undefined, 'b']);
  });
});
