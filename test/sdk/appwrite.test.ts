/**
 * node-appwrite against a loopback server answering as Appwrite does (test/fixtures/sdk/appwrite.json: its error-handling
 * guide's shape, its errors.php codes and messages). AppwriteException keeps the status as `code`, Appwrite's own code as
 * `type` and the body's text as `response` (src/core/thrown-body.ts reads that text): before session 38 the Fault kept
 * the catalog's message. The exception keeps no headers, so a 429's X-RateLimit-Reset cannot reach the Fault.
 */
import { Client, Users } from 'node-appwrite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';
import { expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('appwrite');
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback();
});
afterAll(() => server.close());

const getUser = (url: string) => new Users(new Client().setEndpoint(`${url}/v1`).setProject('proj').setKey('standard_0000000000')).get('user1');

describe('appwrite: classify(AppwriteException) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(() => getUser(server.url));
      expect((error as Error).name).toBe('AppwriteException');
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(JSON.stringify(fault)).not.toContain('standard_0000000000');
      expect(server.requests).toHaveLength(1);
    });
  }
});

describe('appwrite: network failures', () => {
  it('a refused connection is connect_failed', async () => {
    expectFault(classify(await thrown(async () => getUser(await closedPortUrl()))), { code: 'connect_failed', retry: 'always' });
  });
});
