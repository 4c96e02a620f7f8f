/**
 * @shopify/admin-api-client's GraphQL client against a loopback server answering as the Shopify Admin API does
 * (test/fixtures/sdk/shopify.json: public issue reports and community threads). `request()` never throws: it resolves
 * `{data?, errors?, extensions?}`, its `errors` a plain object `{networkStatusCode, message, graphQLErrors?, response}`
 * whose Response's body it has read. A caller throws (or classifies) that `errors` object: classify reads the Response's
 * status and headers and the members beside it, `graphQLErrors` as GraphQL's `errors` (src/core/thrown.ts
 * fetchedBeside), so a 200 THROTTLED is rate_limited. Before session 38 every one of them was `unknown`, never retried;
 * so was the client's "GraphQL Client: fetch failed", its cause dropped, now connection_reset as undici's own words are.
 */
import { createAdminApiClient } from '@shopify/admin-api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';
import { expectFault } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('shopify');
const TOKEN = 'shpat_00000000000000000000000000000000';
const SHOP = 'https://faultline-test.myshopify.com';
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback();
});
afterAll(() => server.close());

/** The errors the client resolves with, its requests sent to `url` (the client only ever calls https://<shop>). */
async function errorsOf(url: string): Promise<unknown> {
  const client = createAdminApiClient({
    storeDomain: 'faultline-test.myshopify.com',
    apiVersion: '2025-01',
    accessToken: TOKEN,
    retries: 0,
    customFetchApi: (input, init) => fetch(String(input).replace(SHOP, url), init),
  });
  const result = await client.request('query { shop { name } }');
  expect(result.errors).toBeDefined();
  return result.errors;
}

describe('shopify: classify(the resolved errors) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const errors = await errorsOf(server.url);
      const fault = classify(errors);
      expectFault(fault, fixture.expected);
      expect(JSON.stringify(fault)).not.toContain(TOKEN);
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]!.headers['x-shopify-access-token']).toBe(TOKEN);
    });
  }
});

describe('shopify: network failures', () => {
  it('a refused connection, its cause dropped ("GraphQL Client: fetch failed"), is connection_reset', async () => {
    const errors = await errorsOf(await closedPortUrl());
    expect((errors as { message: string }).message).toBe('GraphQL Client: fetch failed');
    expectFault(classify(errors), { code: 'connection_reset', retry: 'idempotent' });
  });
});
