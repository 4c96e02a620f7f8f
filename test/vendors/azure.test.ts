import { describe, expect, it } from 'vitest';
import { createFault } from '../../src/core/fault.js';
import { awsProfile } from '../../src/vendors/aws.js';
import { azureProfile } from '../../src/vendors/azure.js';
import { loadFixtures, snapshotOf } from './generic-support.js';
import { resolve, resolveCase } from './vendor-support.js';

describe('azure profile', () => {
  for (const c of loadFixtures('azure')) {
    it(`reads ${c.id}`, () => {
      const got = resolveCase(azureProfile, c);
      expect(got).toBeDefined();
      for (const [k, v] of Object.entries(c.expect)) expect(got?.[k], k).toEqual(v);
    });
  }

  it('lets the deepest known innererror code decide, and reports the deepest code as vendorCode', () => {
    const body = { error: { code: 'InvalidTemplateDeployment', message: 'x', innererror: { code: 'Outer', innererror: { code: 'QuotaExceeded' } } } };
    expect(resolve(azureProfile, snapshotOf({ status: 400, body: JSON.stringify(body) }))).toMatchObject({ code: 'quota_exhausted', vendorCode: 'QuotaExceeded' });
  });

  it('an unknown deepest code is the vendorCode while the top-level code still decides', () => {
    const body = { error: { code: 'Conflict', message: 'x', innererror: { code: 'SomeUnlistedReason' } } };
    expect(resolve(azureProfile, snapshotOf({ status: 400, body: JSON.stringify(body) }))).toMatchObject({ code: 'conflict', vendorCode: 'SomeUnlistedReason' });
  });

  it('a code every details[] entry shares is the vendorCode; differing ones leave the top-level code', () => {
    const one = { error: { code: 'BadArgument', message: 'x', details: [{ code: 'NullValue', target: 'a', message: 'm' }, { code: 'NullValue', target: 'b', message: 'm' }] } };
    expect(resolve(azureProfile, snapshotOf({ status: 400, body: JSON.stringify(one) }))).toMatchObject({ code: 'invalid_request', vendorCode: 'NullValue' });
    const two = { error: { code: 'BadArgument', message: 'x', details: [{ code: 'NullValue', target: 'a' }, { code: 'MalformedValue', target: 'b' }] } };
    expect(resolve(azureProfile, snapshotOf({ status: 400, body: JSON.stringify(two) }))).toMatchObject({ code: 'invalid_request', vendorCode: 'BadArgument' });
  });

  it('never claims OpenAI / Azure OpenAI shapes: error.type, error.param, snake_case or numeric codes', () => {
    for (const body of [
      '{"error":{"message":"x","type":"invalid_request_error","param":null,"code":"context_length_exceeded"}}',
      '{"error":{"code":"429","message":"Requests to the ChatCompletions_Create Operation have exceeded token rate limit. Please retry after 6 seconds."}}',
      '{"error":{"code":"insufficient_quota","message":"You exceeded your current quota"}}',
      '{"error":{"code":"content_filter","message":"filtered","param":"prompt","status":400}}',
    ]) expect(azureProfile.detect(snapshotOf({ status: 429, body })), body).toBe(false);
  });

  it('reads a bodiless HEAD error from x-ms-error-code', () => {
    const s = snapshotOf({ status: 404, headers: { 'x-ms-error-code': 'BlobNotFound', 'x-ms-request-id': 'r-1' } });
    expect(resolve(azureProfile, s)).toMatchObject({ code: 'not_found', vendorCode: 'BlobNotFound', requestId: 'r-1' });
  });

  it('takes Storage XML from AWS: ServerBusy is overloaded', () => {
    const s = snapshotOf({ status: 503, headers: { 'x-ms-request-id': 'abc' }, body: '<?xml version="1.0" encoding="utf-8"?><Error><Code>ServerBusy</Code><Message>Ingress is over the account limit.\nRequestId:abc\nTime:2024-01-01T00:00:00Z</Message></Error>' });
    expect(awsProfile.detect(s)).toBe(false);
    expect(resolve(azureProfile, s)).toMatchObject({ code: 'overloaded', retry: 'always', vendorCode: 'ServerBusy', message: 'Ingress is over the account limit.' });
  });

  it('renders what it reads', () => {
    for (const [vendorCode, code] of [['TooManyRequests', 'rate_limited'], ['ResourceNotFound', 'not_found'], ['Directory_ConcurrencyViolation', 'conflict']] as const) {
      const fault = createFault({ code, vendorCode, retry: vendorCode === 'Directory_ConcurrencyViolation' ? 'always' : undefined, retryAfterMs: 1500, requestId: 'r-9' });
      expect(resolve(azureProfile, snapshotOf(azureProfile.render!(fault)))).toMatchObject({ code, vendorCode, retry: fault.retry, retryAfterMs: 1500, requestId: 'r-9' });
    }
  });
});

describe('azure detection', () => {
  it('leaves UPPER_SNAKE codes without x-ms-* headers to the generic shapes', () => {
    expect(azureProfile.detect(snapshotOf({ status: 429, body: '{"error":{"code":"QUOTA_EXCEEDED","message":"x"}}' }))).toBe(false);
    expect(azureProfile.detect(snapshotOf({ status: 404, body: '{"error":{"code":"Request_ResourceNotFound","message":"x"}}' }))).toBe(true);
  });
});

describe('azure: Cosmos DB', () => {
  it("reads the flat {code, message} with x-ms-retry-after-ms and the activity id", () => {
    const s = snapshotOf({ status: 429, headers: { 'x-ms-activity-id': 'a1b2c3', 'x-ms-retry-after-ms': '250' },
      body: '{"code":"TooManyRequests","message":"Message: {\\"Errors\\":[\\"Request rate is large.\\"]}"}' });
    expect(resolve(azureProfile, s)).toMatchObject({ code: 'rate_limited', vendorCode: 'TooManyRequests', requestId: 'a1b2c3' });
  });
  it('does not read a flat {code, message} without x-ms-* headers', () => {
    expect(azureProfile.detect(snapshotOf({ status: 429, body: '{"code":"TooManyRequests","message":"x"}' }))).toBe(false);
  });
});

describe('azure: single-word codes', () => {
  it('needs a vouching header or innerError for a lower-case word code', () => {
    expect(azureProfile.detect(snapshotOf({ status: 403, body: '{"error":{"code":"forbidden","message":"Not authorized"}}' }))).toBe(false);
    expect(azureProfile.detect(snapshotOf({ status: 401, body: '{"error":{"code":"unauthenticated","message":"x","innerError":{"request-id":"r","date":"d"}}}' }))).toBe(true);
  });
});

describe('azure: unlisted codes by their words', () => {
  it('reads Key Vault codes', () => {
    expect(resolve(azureProfile, snapshotOf({ status: 404, headers: { 'x-ms-request-id': 'kv' }, body: '{"error":{"code":"SecretNotFound","message":"A secret with (name/id) x was not found in this key vault."}}' }))?.code).toBe('not_found');
    expect(resolve(azureProfile, snapshotOf({ status: 429, headers: { 'x-ms-request-id': 'kv' }, body: '{"error":{"code":"Throttled","message":"Request was not processed because too many requests were received."}}' }))?.code).toBe('rate_limited');
  });
});
