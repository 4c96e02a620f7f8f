import { describe, expect, it } from 'vitest';
import { createFault } from '../../src/core/fault.js';
import { googleProfile } from '../../src/vendors/google.js';
import { loadFixtures, snapshotOf } from './generic-support.js';
import { resolve as resolveWith, resolveCase } from './vendor-support.js';

const T = 'type.googleapis.com/google.rpc.';
const exhausted = (details: unknown[], message = 'Quota exceeded') =>
  snapshotOf({ status: 429, body: JSON.stringify({ error: { code: 429, message, status: 'RESOURCE_EXHAUSTED', details } }) });

describe('google profile', () => {
  for (const c of loadFixtures('google')) {
    it(`reads ${c.id}`, () => {
      const got = resolveCase(googleProfile, c);
      expect(got).toBeDefined();
      for (const [k, v] of Object.entries(c.expect)) expect(got?.[k], k).toEqual(v);
    });
  }

  it('RESOURCE_EXHAUSTED is rate_limited for a per-minute quota and quota_exhausted for a per-day one', () => {
    const perMinute = [{ '@type': `${T}QuotaFailure`, violations: [{ quotaId: 'GenerateRequestsPerMinutePerProjectPerModel' }] }];
    const perDay = [{ '@type': `${T}QuotaFailure`, violations: [{ quotaId: 'GenerateRequestsPerDayPerProjectPerModel' }] }];
    expect(resolveWith(googleProfile, exhausted(perMinute))?.code).toBe('rate_limited');
    expect(resolveWith(googleProfile, exhausted(perDay))).toMatchObject({ code: 'quota_exhausted', retry: 'never' });
    const rate = [{ '@type': `${T}ErrorInfo`, reason: 'RATE_LIMIT_EXCEEDED', domain: 'googleapis.com', metadata: { quota_limit: 'ReadRequestsPerMinutePerProject' } }];
    const daily = [{ '@type': `${T}ErrorInfo`, reason: 'RATE_LIMIT_EXCEEDED', domain: 'googleapis.com', metadata: { quota_limit: 'DefaultRequestsPerDayPerProject' } }];
    expect(resolveWith(googleProfile, exhausted(rate))?.code).toBe('rate_limited');
    expect(resolveWith(googleProfile, exhausted(daily))?.code).toBe('quota_exhausted');
    expect(resolveWith(googleProfile, exhausted([{ '@type': `${T}ErrorInfo`, reason: 'RESOURCE_QUOTA_EXCEEDED' }]))?.code).toBe('quota_exhausted');
  });

  it('takes RetryInfo.retryDelay, else "Please retry in Ns" from the message', () => {
    expect(resolveWith(googleProfile, exhausted([{ '@type': `${T}RetryInfo`, retryDelay: '30s' }]))?.retryAfterMs).toBe(30_000);
    expect(resolveWith(googleProfile, exhausted([], 'Quota exceeded. Please retry in 45.578569677s.'))?.retryAfterMs).toBe(45_579);
  });

  it('maps gRPC names and the numbers of a bare grpc-gateway Status', () => {
    const cases = [
      ['UNAVAILABLE', 503, 'service_unavailable'], ['DEADLINE_EXCEEDED', 504, 'gateway_timeout'], ['ABORTED', 409, 'conflict'],
      ['FAILED_PRECONDITION', 400, 'precondition_failed'], ['OUT_OF_RANGE', 400, 'invalid_request'], ['DATA_LOSS', 500, 'data_loss'],
      ['UNKNOWN', 500, 'internal'], ['CANCELLED', 499, 'cancelled'], ['UNAUTHENTICATED', 401, 'unauthenticated'],
    ] as const;
    for (const [name, status, code] of cases) {
      const s = snapshotOf({ status, body: JSON.stringify({ error: { code: status, message: 'x', status: name } }) });
      expect(resolveWith(googleProfile, s)?.code, name).toBe(code);
    }
    const bare = snapshotOf({ status: 503, body: '{"code":14,"message":"connection refused","details":[]}' });
    expect(resolveWith(googleProfile, bare)).toMatchObject({ code: 'service_unavailable', vendorCode: 'UNAVAILABLE' });
  });

  it('turns BadRequest.fieldViolations into fields', () => {
    const s = snapshotOf({ status: 400, body: JSON.stringify({ error: { code: 400, message: 'bad', status: 'INVALID_ARGUMENT',
      details: [{ '@type': `${T}BadRequest`, fieldViolations: [{ field: 'book.title', description: 'must not be empty' }] }] } }) });
    expect(resolveWith(googleProfile, s)?.fields).toEqual([{ path: 'book.title', message: 'must not be empty' }]);
  });

  it('does not claim OpenAI (type) or Azure (string code) envelopes', () => {
    const openai = '{"error":{"message":"x","type":"invalid_request_error","param":null,"code":400}}';
    const azure = '{"error":{"code":"ResourceNotFound","message":"x"}}';
    expect(googleProfile.detect(snapshotOf({ status: 400, body: openai }))).toBe(false);
    expect(googleProfile.detect(snapshotOf({ status: 404, body: azure }))).toBe(false);
  });

  it('renders what it reads', () => {
    const rows = [['RESOURCE_EXHAUSTED', 'rate_limited', 'always'], ['userRateLimitExceeded', 'rate_limited', 'always'], ['quotaExceeded', 'quota_exhausted', 'never'], ['backendError', 'internal', 'always']] as const;
    for (const [vendorCode, code, retry] of rows) {
      const fault = createFault({ code, vendorCode, retry, retryAfterMs: 1500, requestId: 'abc-123', message: 'no' });
      expect(resolveWith(googleProfile, snapshotOf(googleProfile.render!(fault))), vendorCode).toMatchObject({ code, vendorCode, retry: fault.retry, retryAfterMs: 1500, requestId: 'abc-123' });
    }
    const quota = createFault({ code: 'quota_exhausted', vendorCode: 'RESOURCE_EXHAUSTED' });
    expect(resolveWith(googleProfile, snapshotOf(googleProfile.render!(quota)))?.code).toBe('quota_exhausted');
  });
});

describe('google: status and legacy reason together', () => {
  it('reports the most specific code (the legacy reason over the gRPC name) as vendorCode and lets a known reason decide code and retry', () => {
    const quota = snapshotOf({ status: 403, body: JSON.stringify({ error: { code: 403, message: 'The request cannot be completed because you have exceeded your quota.', errors: [{ message: 'x', domain: 'youtube.quota', reason: 'quotaExceeded' }], status: 'PERMISSION_DENIED' } }) });
    expect(resolveWith(googleProfile, quota)).toMatchObject({ code: 'quota_exhausted', retry: 'never', vendorCode: 'quotaExceeded' });
    const backend = snapshotOf({ status: 500, body: JSON.stringify({ error: { code: 500, message: 'Backend Error', errors: [{ message: 'Backend Error', domain: 'global', reason: 'backendError' }], status: 'INTERNAL' } }) });
    expect(resolveWith(googleProfile, backend)).toMatchObject({ code: 'internal', retry: 'always', vendorCode: 'backendError' });
  });
});
