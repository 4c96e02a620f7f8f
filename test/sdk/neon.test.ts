/**
 * @neondatabase/serverless' HTTP query path (`neon()`), sent by neonConfig.fetchEndpoint to a loopback server answering
 * as Neon's SQL-over-HTTP proxy does (test/fixtures/sdk/neon.json). Any status but 400 becomes a NeonDbError whose
 * message is "Server error (HTTP status N): <body>"; a 400's PostgreSQL fields are copied onto it; a fetch that fails
 * keeps its error as `sourceError`. No status or header is kept as a field.
 */
import { NeonDbError, neon, neonConfig } from '@neondatabase/serverless';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('neon');
let server: Loopback;
let endpoint = '';
const saved = neonConfig.fetchEndpoint;

beforeAll(async () => {
  server = await startLoopback();
  endpoint = `${server.url}/sql`;
  neonConfig.fetchEndpoint = () => endpoint;
});
afterAll(async () => {
  neonConfig.fetchEndpoint = saved;
  await server.close();
});

const sql = neon('postgresql://user:not-a-password@ep-loopback-123456.us-east-2.aws.neon.tech/db', { disableWarningInBrowsers: true });
const query = () => sql`SELECT 1`;

const raw = (fixture: (typeof fixtures)[number]) => ({ status: fixture.response.status, body: fixture.response.body as string });
// The SDK keeps no status, so the one field a raw response has beyond it is left out of the comparison.
const withoutStatus = (fault: Parameters<typeof essentials>[0]) => ({ ...essentials(fault), status: undefined });

describe('neon: classify(NeonDbError) from the HTTP endpoint responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(query);
      expect(error).toBeInstanceOf(NeonDbError);
      expect((error as Error).message).toBe(`Server error (HTTP status ${fixture.response.status}): ${fixture.response.body as string}`);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(withoutStatus(fault)).toEqual(withoutStatus(classify(raw(fixture))));
    });
  }

  it("the body's message is the Fault's, not the SDK's 'Server error (HTTP status N)' sentence", async () => {
    for (const fixture of fixtures) {
      server.script([fixture.response]);
      const fault = classify(await thrown(query));
      expect(fault.message).toBe(JSON.parse(fixture.response.body as string).message);
    }
  });

  it('a 503 with no body (status only) is service_unavailable, read from the sentence', async () => {
    server.script([{ status: 503 }]);
    const fault = classify(await thrown(query));
    expect([fault.code, fault.retry]).toEqual(['service_unavailable', 'always']);
  });

  it('a refused connection, kept as sourceError, is connect_failed', async () => {
    endpoint = `${await closedPortUrl()}/sql`;
    try {
      const error = await thrown(query);
      expect(error).toBeInstanceOf(NeonDbError);
      expect((error as Error).message).toBe('Error connecting to database: TypeError: fetch failed');
      const fault = classify(error);
      expect([fault.code, fault.retry, fault.status]).toEqual(['connect_failed', 'always', undefined]);
      expect(fault.message).toMatch(/^connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
    } finally {
      endpoint = `${server.url}/sql`;
    }
  });
});

// neon()'s HTTP path sends each query once and has no retry setting.
describe('neon: retry({ maxRetries: 2 }) around the SDK', () => {
  it('a 503 with no body (status only) is sent three times', async () => {
    server.script([{ status: 503 }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(query));
    expect(server.requests).toHaveLength(3);
    expect((result as { error: FaultError }).error.fault.code).toBe('service_unavailable');
  });

  it('a refused connection is retried', async () => {
    endpoint = `${await closedPortUrl()}/sql`;
    let calls = 0;
    try {
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(() => (++calls, query())));
      expect(calls).toBe(3);
      expect((result as { error: FaultError }).error.fault.code).toBe('connect_failed');
    } finally {
      endpoint = `${server.url}/sql`;
    }
  });

  it('the control-plane 500 is sent once unless the query is marked idempotent', async () => {
    const failed = fixtures[0]!;
    server.script([failed.response]);
    const clock = new VirtualClock();
    await drive(clock, retry({ maxRetries: 2, clock }).execute(query));
    expect(server.requests).toHaveLength(1);
    server.script([failed.response]);
    await drive(clock, retry({ maxRetries: 2, clock, idempotent: true }).execute(query));
    expect(server.requests).toHaveLength(3);
  });
});
