/**
 * @modelcontextprotocol/sdk's Client over StreamableHTTPClientTransport against a loopback server answering as MCP
 * servers do (test/fixtures/sdk/mcp.json). A refused POST is a StreamableHTTPError: the status as its numeric `code`,
 * the body's text written into its message ("Streamable HTTP error: Error POSTing to endpoint: …"), no headers. A
 * JSON-RPC error the server answers (in a 200, as JSON or an SSE frame) is an McpError with the JSON-RPC code as `code`
 * and no response. The transport retries no POST; its `reconnectionOptions` only concern the SSE stream.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Fault, FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Answer, type Loopback, type SdkFixture, closedPortUrl, loadFixtures, startLoopback } from './support.js';

type McpFixture = SdkFixture & { readonly phase: 'connect' | 'session'; readonly error: 'StreamableHTTPError' | 'McpError' };
const fixtures = loadFixtures('mcp') as readonly McpFixture[];
const httpErrors = fixtures.filter((f) => f.error === 'StreamableHTTPError');
const rpcErrors = fixtures.filter((f) => f.error === 'McpError');

// What a server answers a client's first request (initialize, id 0) and its initialized notification with, and the
// 405 that tells the transport the server offers no SSE stream on GET.
const INITIALIZED: readonly Answer[] = [
  { status: 200, headers: { 'mcp-session-id': 'session-1' }, body: { jsonrpc: '2.0', id: 0, result: { protocolVersion: '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: 'loopback', version: '1.0.0' } } } },
  { status: 202 },
  { status: 405 },
];

let server: Loopback;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startLoopback();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(() => server.close());

/** A fresh client, initialized over the transport; with a session id the transport resumes it and sends nothing. */
async function connect(url = `${server.url}/mcp`, sessionId?: string): Promise<Client> {
  const client = new Client({ name: 'faultline-test', version: '1.0.0' });
  clients.push(client);
  await client.connect(new StreamableHTTPClientTransport(new URL(url), sessionId === undefined ? {} : { sessionId }));
  return client;
}

/** The call a fixture's answer is for: initialize itself, or the first request inside a session the client holds. */
const call = (fixture: McpFixture): (() => Promise<unknown>) => (fixture.phase === 'connect' ? () => connect() : async () => (await connect(undefined, 'session-1')).listTools());

/** A JSON-RPC error as the server put it on the wire: the JSON itself, or the data of its SSE frame. */
const rpcBody = (fixture: McpFixture): string => {
  const body = fixture.response.body;
  if (typeof body !== 'string') return JSON.stringify(body);
  return body.split('\n').find((line) => line.startsWith('data: '))!.slice('data: '.length);
};

describe('mcp: classify(StreamableHTTPError) for a refused POST', () => {
  for (const fixture of httpErrors) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(call(fixture));
      expect(error).toBeInstanceOf(StreamableHTTPError);
      expect((error as StreamableHTTPError).code).toBe(fixture.response.status);
      expect((error as Error).message).toBe(`Streamable HTTP error: Error POSTing to endpoint: ${JSON.stringify(fixture.response.body)}`);
      expectFault(classify(error), fixture.expected);
      expect(server.requests).toHaveLength(1);
    });
  }

  it('the status is read from `code` because the message says HTTP; a bare numeric code is none', () => {
    expect(classify(new StreamableHTTPError(503, 'Error POSTing to endpoint: no healthy upstream'))).toMatchObject({ status: 503, code: 'service_unavailable' });
    expect(classify(Object.assign(new Error('Something failed'), { code: 503 })).status).toBeUndefined();
  });
});

describe('mcp: classify(McpError) for a JSON-RPC error the server answered', () => {
  for (const fixture of rpcErrors) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(call(fixture));
      expect(error).toBeInstanceOf(McpError);
      const wire = JSON.parse(rpcBody(fixture)) as { error: { code: number; message: string } };
      expect((error as McpError).code).toBe(wire.error.code);
      expect((error as Error).message).toBe(`MCP error ${wire.error.code}: ${wire.error.message}`);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      // No response is kept: the thrown error reads as the JSON-RPC error alone, without its HTTP status.
      expect(essentials(fault)).toEqual(essentials(classify({ body: rpcBody(fixture) })));
      expect(fault.message).not.toContain('MCP error');
    });
  }
});

describe('mcp: a refused connection', () => {
  it('connect_failed (fetch failed, ECONNREFUSED underneath), retried', async () => {
    const url = `${await closedPortUrl()}/mcp`;
    const error = await thrown(() => connect(url));
    expect(error).toBeInstanceOf(TypeError);
    expect(classify(error)).toMatchObject({ code: 'connect_failed', retry: 'always', source: 'network' });
  });
});

describe('mcp: retry({ maxRetries: 2 }) around connect and calls', () => {
  it('a 429 at connect is retried after the backoff (the SDK drops Retry-After) and the session opens', async () => {
    const limited = fixtures.find((f) => f.expected.code === 'rate_limited')!;
    server.script([limited.response, ...INITIALIZED]);
    const clock = new VirtualClock();
    const policy = retry({ maxRetries: 2, clock });
    const faults: Fault[] = [];
    policy.onRetry(({ fault }) => faults.push(fault));
    const result = await drive(clock, policy.execute(() => connect()));
    expect(result.ok).toBe(true);
    expect(faults.map((f) => [f.code, f.status, f.retryAfterMs])).toEqual([['rate_limited', 429, undefined]]);
    // The transport opens its SSE stream (GET) after the initialized notification without waiting: let it land here.
    while (!server.requests.some((r) => r.method === 'GET')) await new Promise((resolve) => setImmediate(resolve));
    const posts = server.requests.filter((r) => r.method === 'POST').map((r) => (JSON.parse(r.body) as { method: string }).method);
    expect(posts).toEqual(['initialize', 'initialize', 'notifications/initialized']);
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).not.toBe(60_000);
  });

  for (const fixture of fixtures.filter((f) => f.expected.retry === 'never')) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(call(fixture)));
      expect(server.requests).toHaveLength(1);
      expect(clock.sleeps).toEqual([]);
      expectFault((result as { error: FaultError }).error.fault, fixture.expected);
    });
  }
});
