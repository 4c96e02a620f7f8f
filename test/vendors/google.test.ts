import { describe, expect, it } from 'vitest';
import { createFault } from '../../src/core/fault.js';
import { googleProfile, messageToken } from '../../src/vendors/google.js';
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

// Identity Toolkit (Firebase Auth) puts its code at the head of the legacy shape's message; firebase-js-sdk
// reads it as `errorMessage.split(' : ')[0]` (packages/auth/src/api/index.ts) from the codes in
// packages/auth/src/api/errors.ts (`ServerError`).
describe('google: a code leading the message (Firebase Auth / Identity Toolkit)', () => {
  const toolkit = (message: string, status?: number) =>
    snapshotOf({ ...(status === undefined ? {} : { status }), body: JSON.stringify({ error: { code: 400, message, errors: [{ message, domain: 'global', reason: 'invalid' }] } }) });

  it('TOO_MANY_ATTEMPTS_TRY_LATER is a throttle, the token its vendor code (firebase/firebase-js-sdk#2399, firebase/firebase-admin-node#1916)', () => {
    const words = 'TOO_MANY_ATTEMPTS_TRY_LATER : Too many unsuccessful login attempts.  Please include reCaptcha verification or try again later';
    expect(resolveWith(googleProfile, toolkit(words, 400))).toMatchObject({ code: 'rate_limited', retry: 'always', vendorCode: 'TOO_MANY_ATTEMPTS_TRY_LATER' });
    expect(resolveWith(googleProfile, toolkit('TOO_MANY_ATTEMPTS_TRY_LATER'))).toMatchObject({ code: 'rate_limited', retry: 'always', vendorCode: 'TOO_MANY_ATTEMPTS_TRY_LATER' });
  });

  it('the other server codes follow their meaning; one the table lacks is the status\'s bad request', () => {
    // The EMAIL_NOT_FOUND body, as Identity Toolkit answers a sign-in for an unknown address (ServerError.EMAIL_NOT_FOUND).
    expect(resolveWith(googleProfile, toolkit('EMAIL_NOT_FOUND', 400))).toMatchObject({ code: 'not_found', vendorCode: 'EMAIL_NOT_FOUND' });
    expect(resolveWith(googleProfile, toolkit('INVALID_ID_TOKEN', 400))).toMatchObject({ code: 'unauthenticated', vendorCode: 'INVALID_ID_TOKEN' });
    expect(resolveWith(googleProfile, toolkit('TOKEN_EXPIRED', 400))).toMatchObject({ code: 'unauthenticated', vendorCode: 'TOKEN_EXPIRED' });
    expect(resolveWith(googleProfile, toolkit('QUOTA_EXCEEDED', 400))).toMatchObject({ code: 'quota_exhausted', retry: 'never', vendorCode: 'QUOTA_EXCEEDED' });
    expect(resolveWith(googleProfile, toolkit('EMAIL_EXISTS', 400))).toMatchObject({ code: 'already_exists', vendorCode: 'EMAIL_EXISTS' });
    expect(resolveWith(googleProfile, toolkit('WEAK_PASSWORD : Password should be at least 6 characters', 400))).toMatchObject({ code: 'invalid_request', vendorCode: 'WEAK_PASSWORD' });
  });

  it('a sentence, a token without " : ", or an ErrorInfo reason keeps the older reading', () => {
    expect(resolveWith(googleProfile, toolkit('Invalid value for EMAIL_NOT_FOUND', 400))).toMatchObject({ code: 'invalid_request', vendorCode: 'invalid' });
    expect(resolveWith(googleProfile, toolkit('EMAIL_NOT_FOUND: no colon spacing', 400))).toMatchObject({ vendorCode: 'invalid' });
    const info = snapshotOf({ status: 400, body: JSON.stringify({ error: { code: 400, message: 'API_KEY_INVALID', status: 'INVALID_ARGUMENT', details: [{ '@type': `${T}ErrorInfo`, reason: 'API_KEY_INVALID' }] } }) });
    expect(resolveWith(googleProfile, info)).toMatchObject({ code: 'unauthenticated', vendorCode: 'API_KEY_INVALID' });
  });

  it('reads the leading token from a bounded prefix (1 MB of near-tokens)', () => {
    const cases: [string, string | undefined][] = [
      ['A_'.repeat(500_000), undefined],
      [`${'AB_'.repeat(3)}${'C'.repeat(999_991)}`, undefined],
      [`TOKEN_X${' :'.repeat(499_996)}x`, 'TOKEN_X'],
    ];
    for (const [long, want] of cases) {
      expect(long.length).toBe(1_000_000);
      // The pattern runs on the first 300 characters only: whatever follows cannot change (or slow) the answer.
      expect(messageToken(long)).toBe(messageToken(long.slice(0, 300)));
      expect(messageToken(long)).toBe(want);
    }
    expect(messageToken('TOO_MANY_ATTEMPTS_TRY_LATER')).toBe('TOO_MANY_ATTEMPTS_TRY_LATER');
  });
});
