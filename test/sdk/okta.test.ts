/**
 * @okta/okta-sdk-nodejs against a loopback server answering as Okta does (test/fixtures/sdk/okta.json: okta-auth-js'
 * test fixtures; the 429's X-Rate-Limit-* as Okta documents them). OktaApiError spreads Okta's body onto itself
 * (`errorCode`, `errorSummary`, `errorLink`, `errorId`, `errorCauses`) and keeps the status and the Headers: the body is
 * put back together (src/core/sdk-bodies.ts oktaBody). Before session 38 the vendor's code was lost, and "Invalid token
 * provided." was masked as a secret ("Invalid token [REDACTED]").
 */
import okta from '@okta/okta-sdk-nodejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';
import { expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('okta');
const TOKEN = '00abcdefghijklmnopqrstuvwxyz0123456789ABCD';
/** The virtual now the 429's reset is counted from, in whole seconds (X-Rate-Limit-Reset is epoch seconds). */
const NOW = Date.UTC(2026, 11, 8, 2, 0, 0);
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback();
});
afterAll(() => server.close());

const getUser = (url: string) =>
  new okta.Client({ orgUrl: url, token: TOKEN, cacheMiddleware: null, requestExecutor: new okta.DefaultRequestExecutor({ maxRetries: 0, requestTimeout: 0 }) }).userApi.getUser({ userId: '00uprobe' });

/** The fixture's response, its run-time reset filled in, and the response's Date (which a reset is measured from) the same virtual now. */
function answer(response: (typeof fixtures)[number]['response']): typeof response {
  const headers = response.headers === undefined ? undefined : Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k, v === '{{now+30}}' ? String(NOW / 1000 + 30) : v]));
  return headers === undefined ? response : { ...response, headers: { ...headers, date: new Date(NOW).toUTCString() } };
}

describe('okta: classify(OktaApiError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([answer(fixture.response)]);
      const error = await thrown(() => getUser(server.url));
      expect((error as Error).name).toBe('OktaApiError');
      const fault = classify(error, { now: NOW });
      expectFault(fault, fixture.expected);
      expect(JSON.stringify(fault)).not.toContain(TOKEN);
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]!.headers.authorization).toBe(`SSWS ${TOKEN}`);
    });
  }
});

describe('okta: network failures', () => {
  it('a refused connection is connect_failed', async () => {
    expectFault(classify(await thrown(async () => getUser(await closedPortUrl()))), { code: 'connect_failed', retry: 'always' });
  });
});
