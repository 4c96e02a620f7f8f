/**
 * The PocketBase JS SDK against a loopback server answering as PocketBase does (test/fixtures/sdk/pocketbase.json: the
 * server's own API preview examples). ClientResponseError keeps the status and the parsed body as `response` (also
 * `data`), whose own `data` is the fields' errors, `{}` when there are none: that empty record is no body, so the body
 * itself is read (src/core/thrown-body.ts bodyOf). Before session 38 the Fault kept the status alone, the message the
 * catalog's. The SDK keeps no headers.
 */
import PocketBase from 'pocketbase';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';
import { expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('pocketbase');
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback();
});
afterAll(() => server.close());

const getPost = (url: string) => {
  const pb = new PocketBase(url);
  pb.autoCancellation(false);
  return pb.collection('posts').getOne('abc123');
};

describe('pocketbase: classify(ClientResponseError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(() => getPost(server.url));
      expect((error as Error).name).toMatch(/^ClientResponseError/);
      expectFault(classify(error), fixture.expected);
      expect(server.requests).toHaveLength(1);
    });
  }
});

describe('pocketbase: network failures', () => {
  it('a refused connection is connect_failed', async () => {
    expectFault(classify(await thrown(async () => getPost(await closedPortUrl()))), { code: 'connect_failed', retry: 'always' });
  });
});
