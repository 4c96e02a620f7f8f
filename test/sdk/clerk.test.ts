/**
 * @clerk/backend against a loopback server answering as api.clerk.com does (test/fixtures/sdk/clerk.json: the SDK's own
 * tests). Its ClerkAPIResponseError keeps the status, Clerk's `errors` (their `code` and message), the trace id as
 * `clerkTraceId` and, of the headers, Retry-After alone, in seconds, as `retryAfter`; no body, no headers.
 */
import { createClerkClient } from '@clerk/backend';
import { isClerkAPIResponseError } from '@clerk/backend/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, expectFault, thrown } from './cloud-support.js';
import { type Loopback, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('clerk');
let server: Loopback;
let clerk: ReturnType<typeof createClerkClient>;

beforeAll(async () => {
  server = await startLoopback();
  clerk = createClerkClient({ secretKey: 'sk_test_not_a_key', apiUrl: server.url });
});
afterAll(() => server.close());

const getUser = () => clerk.users.getUser('user_deadbeef');

describe('clerk: classify(ClerkAPIResponseError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(getUser);
      expect(isClerkAPIResponseError(error)).toBe(true);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      // Clerk's errors are no GraphQL result, though they come as `errors`; the SDK's own code is no vendor code.
      expect(fault.vendor).not.toBe('graphql');
      expect(fault.vendorCode).toBe(fixture.expected.vendorCode);
      expect((error as { code: string }).code).toBe('api_response_error');
    });
  }
});

describe('clerk: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a 429 waits the Retry-After Clerk sent and the call succeeds', async () => {
    server.script([{ status: 429, headers: { 'retry-after': '2' }, body: { errors: [] } }, { status: 200, body: { object: 'user', id: 'user_deadbeef' } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(getUser));
    expect(result).toMatchObject({ ok: true, value: { id: 'user_deadbeef' } });
    expect(clock.sleeps).toEqual([2000]);
  });

  it('a 422 is sent once', async () => {
    server.script([fixtures[0]!.response]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(getUser));
    expect(server.requests).toHaveLength(1);
    expect((result as { error: FaultError }).error.fault).toMatchObject({ code: 'validation_failed', vendorCode: 'whatever_error' });
  });
});
