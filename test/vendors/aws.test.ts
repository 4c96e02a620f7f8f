import { describe, expect, it } from 'vitest';
import { createFault } from '../../src/core/fault.js';
import { awsProfile } from '../../src/vendors/aws.js';
import { loadFixtures, snapshotOf } from './generic-support.js';
import { resolve as resolveWith, resolveCase } from './vendor-support.js';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  snapshotOf({ status, headers: { 'content-type': 'application/x-amz-json-1.1', ...headers }, body: JSON.stringify(body) });

describe('aws profile', () => {
  for (const c of loadFixtures('aws')) {
    it(`reads ${c.id}`, () => {
      const got = resolveCase(awsProfile, c);
      expect(got).toBeDefined();
      for (const [k, v] of Object.entries(c.expect)) expect(got?.[k], k).toEqual(v);
    });
  }

  it('strips the namespace prefix and any ":" suffix, header first', () => {
    const s = json(400, { __type: 'com.amazonaws.kinesis#ThrottlingException', message: 'Rate exceeded' }, {
      'x-amzn-errortype': 'ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.service/',
    });
    expect(resolveWith(awsProfile, s)).toMatchObject({ code: 'rate_limited', retry: 'always', vendorCode: 'ThrottlingException' });
  });

  it('reads every code of the SDK throttling list as rate_limited, even on HTTP 400', () => {
    for (const code of ['Throttling', 'ThrottledException', 'RequestThrottledException', 'TooManyRequestsException', 'TransactionInProgressException',
      'RequestLimitExceeded', 'BandwidthLimitExceeded', 'LimitExceededException', 'RequestThrottled', 'SlowDown', 'PriorRequestNotComplete', 'EC2ThrottledException']) {
      expect(resolveWith(awsProfile, json(400, { __type: code }))?.code, code).toBe('rate_limited');
    }
    expect(resolveWith(awsProfile, json(400, { __type: 'KMSThrottlingException' }))?.code).toBe('rate_limited');
  });

  it('retries clock skew after re-signing, but not a bad signature', () => {
    expect(resolveWith(awsProfile, json(403, { __type: 'RequestTimeTooSkewed' }))).toMatchObject({ code: 'unauthenticated', retry: 'always' });
    expect(resolveWith(awsProfile, json(403, { __type: 'SignatureDoesNotMatch' }))).toMatchObject({ code: 'unauthenticated', retry: 'never' });
    expect(resolveWith(awsProfile, json(400, { __type: 'RequestTimeout' }))).toMatchObject({ code: 'request_timeout', retry: 'always' });
  });

  it('leaves Azure Storage XML (x-ms-* headers) and bare JSON without AWS marks alone', () => {
    const azure = snapshotOf({ status: 503, headers: { 'x-ms-request-id': 'abc', 'x-ms-error-code': 'ServerBusy' }, body: '<?xml version="1.0" encoding="utf-8"?><Error><Code>ServerBusy</Code><Message>busy</Message></Error>' });
    expect(awsProfile.detect(azure)).toBe(false);
    expect(awsProfile.detect(snapshotOf({ status: 400, body: '{"message":"bad"}' }))).toBe(false);
    expect(awsProfile.detect(snapshotOf({ status: 400, body: '{"error":{"code":"x","message":"y"}}' }))).toBe(false);
  });

  it('renders what it reads', () => {
    for (const [vendorCode, code] of [['ThrottlingException', 'rate_limited'], ['NoSuchKey', 'not_found'], ['ServiceUnavailableException', 'service_unavailable']] as const) {
      const fault = createFault({ code, vendorCode, retryAfterMs: 2000, requestId: 'LDM6CJP8RMQ1' });
      expect(resolveWith(awsProfile, snapshotOf(awsProfile.render!(fault)))).toMatchObject({ code, vendorCode, retryAfterMs: 2000, requestId: 'LDM6CJP8RMQ1' });
    }
  });
});

describe('aws detection behind API Gateway', () => {
  it('reads API Gateway bodies but not an API that API Gateway merely fronts', () => {
    const h = { 'x-amzn-requestid': '7a62c49f-347e-4fc4-9331-6e8eEXAMPLE', 'x-amzn-errortype': 'MissingAuthenticationTokenException' };
    expect(resolveWith(awsProfile, snapshotOf({ status: 403, headers: h, body: '{"message":"Missing Authentication Token"}' }))).toMatchObject({ code: 'unauthenticated', vendorCode: 'MissingAuthenticationTokenException' });
    const fronted = snapshotOf({ status: 429, headers: { 'x-amzn-requestid': 'abc' }, body: '{"error":"rate_limited","message":"slow down","retry_in":3}' });
    expect(awsProfile.detect(fronted)).toBe(false);
  });
});

describe('aws: query errors in JSON', () => {
  it('reads {Error: {Code, Message, Type}, RequestId}', () => {
    const s = json(400, { Error: { Code: 'Throttling', Message: 'Rate exceeded', Type: 'Sender' }, RequestId: '7a62c49f-347e-4fc4-9331-6e8eEXAMPLE' });
    expect(resolveWith(awsProfile, s)).toMatchObject({ code: 'rate_limited', vendorCode: 'Throttling', requestId: '7a62c49f-347e-4fc4-9331-6e8eEXAMPLE' });
  });
  it('prefers the x-amzn-query-error code of awsQuery-compatible services', () => {
    const s = json(400, { __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'The specified queue does not exist.' }, { 'x-amzn-query-error': 'AWS.SimpleQueueService.NonExistentQueue;Sender' });
    expect(resolveWith(awsProfile, s)).toMatchObject({ code: 'not_found', vendorCode: 'AWS.SimpleQueueService.NonExistentQueue' });
  });
});
