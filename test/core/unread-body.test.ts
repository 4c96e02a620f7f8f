/**
 * An error holding a response nobody has read (ky's HTTPError): the policies read its body on the
 * async path to classify it, and the caller can still read it afterwards from `error.cause`.
 */
import { describe, expect, it } from 'vitest';
import { FaultError } from '../../src/core/fault.js';
import { classifyResponse, retry } from '../../src/index.js';

const quotaBody = '{"error":{"message":"You exceeded your current quota.","type":"insufficient_quota","code":"insufficient_quota"}}';
const httpError = (): Error & { response: Response } =>
  Object.assign(new Error('Request failed with status code 429'), { response: new Response(quotaBody, { status: 429, headers: { 'content-type': 'application/json' } }) });

describe('an error holding an unread response', () => {
  it('classifies from its body, and leaves the body readable for the caller', async () => {
    const error = httpError();
    const fault = await classifyResponse(error);
    expect(fault).toMatchObject({ code: 'quota_exhausted', retry: 'never', vendorCode: 'insufficient_quota' });
    expect(await error.response.json()).toMatchObject({ error: { type: 'insufficient_quota' } });
  });

  it('is not retried by a policy when its body says quota, and its response stays readable on cause', async () => {
    let calls = 0;
    const failure = await retry({ maxRetries: 3 })
      .execute(() => {
        calls++;
        throw httpError();
      })
      .catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(failure).toBeInstanceOf(FaultError);
    expect((failure as FaultError).code).toBe('quota_exhausted');
    const cause = (failure as FaultError).cause as { response: Response };
    expect(await cause.response.text()).toBe(quotaBody);
  });

  it('reads a Response given as it is (the caller asked for that body)', async () => {
    const response = new Response(quotaBody, { status: 429 });
    expect((await classifyResponse(response)).code).toBe('quota_exhausted');
    expect(response.bodyUsed).toBe(true);
  });
});
