/**
 * @directus/sdk against a loopback server answering as a Directus API does (test/fixtures/sdk/directus.json). The SDK's
 * REST client rejects a failed request with no Error but a plain object, `{errors, response}`: the body's `errors` (or a
 * text body as it came: test/vendors/session38-sdk-shapes.test.ts) beside the fetch Response, whose body it has read. classify reads the Response's status and
 * headers and the `errors` beside it (src/core/thrown.ts fetchedBeside); before session 38 every such rejection was
 * `unknown`, never retried. The SDK has no retries of its own.
 */
import { createDirectus, readItems, rest } from '@directus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';
import { expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('directus');
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback();
});
afterAll(() => server.close());

const readPosts = (url: string) => createDirectus(url).with(rest()).request(readItems('posts'));

describe('directus: classify(the SDK rejection) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(() => readPosts(server.url));
      expect(error).not.toBeInstanceOf(Error);
      expect(Object.keys(error as object).sort()).toEqual(['errors', 'response']);
      expectFault(classify(error), fixture.expected);
      expect(server.requests).toHaveLength(1);
    });
  }
});

describe('directus: network failures', () => {
  it('a refused connection is connect_failed', async () => {
    expectFault(classify(await thrown(async () => readPosts(await closedPortUrl()))), { code: 'connect_failed', retry: 'always' });
  });

  it('a connection cut mid-request is connection_reset', async () => {
    server.script(['reset']);
    expectFault(classify(await thrown(() => readPosts(server.url))), { code: 'connection_reset', retry: 'idempotent' });
  });
});
