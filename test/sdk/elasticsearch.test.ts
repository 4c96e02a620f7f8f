/**
 * @elastic/elasticsearch against a loopback server answering as Elasticsearch does (test/fixtures/sdk/elasticsearch.json:
 * bodies users reported). Its ResponseError keeps the status as `meta.statusCode`, the headers as `meta.headers` and the
 * parsed body as `meta.body`; a refused or reset connection is its ConnectionError over the socket error. The client
 * retries 3 times by default; `maxRetries: 0` here. A 403 `security_exception` "… is unauthorized for user [x]" names a
 * user Elasticsearch knows and an action its roles do not grant: permission_denied, not a credential refused.
 */
import { Client, errors } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('elasticsearch');
const KEY = 'NotAKey00000000000000000000000000000000000000000000==';
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback();
});
afterAll(() => server.close());

const search = (node = server.url) => () => new Client({ node, maxRetries: 0, auth: { apiKey: KEY } }).search({ index: 'logstash-*' });
const raw = (fixture: (typeof fixtures)[number]) => ({ status: fixture.response.status, headers: fixture.response.headers ?? {}, body: fixture.response.body });

describe('elasticsearch: classify(ResponseError) from the responses users reported', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(search());
      expect(error).toBeInstanceOf(errors.ResponseError);
      expectFault(classify(error), fixture.expected);
      expect(essentials(classify(error))).toEqual(essentials(classify(raw(fixture))));
      expect(server.requests).toHaveLength(1);
      expect(JSON.stringify(classify(error))).not.toContain(KEY);
    });
  }
});

describe('elasticsearch: a connection that fails', () => {
  it('a refused connection is connect_failed', async () => {
    const error = await thrown(search(await closedPortUrl()));
    expect(error).toBeInstanceOf(errors.ConnectionError);
    expectFault(classify(error), { code: 'connect_failed', retry: 'always' });
  });

  it('a reset after the request is connection_reset', async () => {
    server.script(['reset']);
    const error = await thrown(search());
    expectFault(classify(error), { code: 'connection_reset', retry: 'idempotent' });
  });
});

describe('elasticsearch: retry({ maxRetries: 2 }) around the client', () => {
  it('a 403 the roles refuse is sent once', async () => {
    server.script([fixtures[0]!.response]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(search()));
    expect(server.requests).toHaveLength(1);
    expect((result as { error: FaultError }).error.fault).toMatchObject({ code: 'permission_denied', vendorCode: 'security_exception' });
  });
});
