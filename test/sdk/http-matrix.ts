/**
 * The HTTP-client half of the SDK matrix: one set of vendor responses (test/fixtures/sdk/http.json,
 * each copied from a vendor's docs or an SDK's tests) played by the loopback server to a real client
 * (axios, got, ky, ofetch, undici). For each response: `classify` of the client's error gives the
 * Fault the raw bytes give, and `retry({ maxRetries: 2 })` sends the right number of requests and
 * waits the server's hint on a VirtualClock. Each client's test file calls `httpMatrix` once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fault, FaultError, classify, classifyResponse, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { type Answer, type Loopback, type SdkFixture, loadFixtures, startLoopback } from './support.js';

/** One HTTP client as the matrix drives it. */
export interface HttpClient {
  /** Sends one GET to `url` with the client's own retries off; rejects with the client's error. */
  readonly call: (url: string) => Promise<unknown>;
  /** Whether a value is the client's own error (the FaultError's `cause` must be it). */
  readonly isClientError: (value: unknown) => boolean;
  /**
   * The client's error holds a body nobody has read (ky's `HTTPError`; ofetch's Blob for a content
   * type it does not know): only `classifyResponse` sees it, and that is what the policies use.
   * `true` for every fixture, or the names of the fixtures where it happens.
   */
  readonly unreadBody?: boolean | readonly string[];
  /**
   * Fields that differ from the fixture's `expected` because the client itself drops what carries
   * them (undici's responseError interceptor keeps only JSON and text/plain bodies), by fixture name.
   */
  readonly lost?: Readonly<Record<string, SdkFixture['expected']>>;
}

export const HTTP_FIXTURES: readonly SdkFixture[] = loadFixtures('http');

// Framing headers describe the bytes as the vendor sent them, not as the loopback server sends them.
const FRAMING = new Set(['content-length', 'transfer-encoding']);

/** A fixture's response as a loopback answer. */
export function answerOf(fixture: SdkFixture): Answer {
  // Lower case, so a fixture's `Content-Type` replaces the server's default instead of doubling it.
  const headers = Object.fromEntries(
    Object.entries(fixture.response.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v] as const).filter(([k]) => !FRAMING.has(k)),
  );
  return { ...fixture.response, headers };
}

/** The Fault fields a fixture names (`null` in the fixture: the field is absent). */
export function expectFault(fault: Fault, expected: SdkFixture['expected']): void {
  const picked = Object.fromEntries(Object.keys(expected).map((k) => [k, (fault as unknown as Record<string, unknown>)[k] ?? null]));
  expect(picked).toEqual(expected);
}

/** What the client threw for one call (fails the test when it resolved). */
export async function thrownBy(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to reject');
}

/**
 * Settles `pending` while real I/O runs: whenever the policy sleeps on the VirtualClock, time jumps
 * to the sleep's end; otherwise the event loop turns so the loopback server can answer.
 */
export async function drive<T>(pending: Promise<T>, clock: VirtualClock): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
  const done = pending.then(
    (value) => (outcome = { ok: true, value }),
    (error: unknown) => (outcome = { ok: false, error }),
  );
  while (outcome === undefined) {
    const at = clock.nextTimerAt;
    if (at !== undefined) await clock.advance(at - clock.now());
    else await new Promise((resolve) => setImmediate(resolve));
  }
  await done;
  return outcome;
}

/** `retry({ maxRetries: 2 })` from the root entry around one client call, on a VirtualClock. */
export async function retried(client: HttpClient, url: string) {
  const clock = new VirtualClock();
  const policy = retry({ maxRetries: 2, clock });
  const delays: number[] = [];
  policy.onRetry((event) => delays.push(event.delayMs));
  const result = await drive(policy.execute(() => client.call(url)), clock);
  return { result, delays, clock };
}

/** The whole matrix for one client: classify and retry for every fixture, plus a real reset. */
export function httpMatrix(client: HttpClient): void {
  let server: Loopback;
  beforeAll(async () => {
    server = await startLoopback();
  });
  afterAll(() => server.close());

  const cases = HTTP_FIXTURES.map((f) => {
    const fixture = { ...f, expected: { ...f.expected, ...client.lost?.[f.name] } };
    return [`${(f as SdkFixture & { scenario?: string }).scenario ?? ''}: ${f.name}`, fixture] as const;
  });
  describe.each(cases)('%s', (_, fixture) => {
    it('classify(error) gives the Fault of the raw response', async () => {
      server.script([answerOf(fixture)]);
      const error = await thrownBy(() => client.call(server.url));
      expect(client.isClientError(error)).toBe(true);
      const unread = client.unreadBody === true || (Array.isArray(client.unreadBody) && client.unreadBody.includes(fixture.name));
      const fault = unread ? await classifyResponse(error) : classify(error);
      expectFault(fault, fixture.expected);
      // The async twin agrees with the sync one when the body was read already (an unread body
      // is gone after one read).
      if (!unread) expectFault(await classifyResponse(error), fixture.expected);
      // The same bytes as a plain snapshot: an SDK's error and its raw response agree.
      if (client.lost?.[fixture.name] === undefined) expect(fault.code).toBe(classify(fixture.response).code);
    });

    it('retry({ maxRetries: 2 }) sends what the Fault allows and waits the hint; the error stays the cause', async () => {
      server.script([answerOf(fixture)]);
      const { result, delays } = await retried(client, server.url);
      expect(result.ok).toBe(false);
      const error = (result as { error: unknown }).error;
      expect(error).toBeInstanceOf(FaultError);
      const failure = error as FaultError;
      expect(failure.fault.code).toBe(fixture.expected.code);
      expect(client.isClientError(failure.cause)).toBe(true);
      const retries = fixture.expected.retry === 'always' ? 2 : 0;
      expect(server.requests).toHaveLength(1 + retries);
      const hint = fixture.expected.retryAfterMs;
      if (typeof hint === 'number') expect(delays).toEqual(Array(retries).fill(hint));
    });
  });

  it("a connection reset is connection_reset, retried only when the call is idempotent", async () => {
    server.script(['reset']);
    const error = await thrownBy(() => client.call(server.url));
    expect(client.isClientError(error)).toBe(true);
    const fault = classify(error);
    expect([fault.code, fault.retry, fault.source]).toEqual(['connection_reset', 'idempotent', 'network']);
    server.script(['reset']);
    const once = await retried(client, server.url);
    expect(server.requests).toHaveLength(1);
    expect(((once.result as { error: unknown }).error as FaultError).fault.code).toBe('connection_reset');
    server.script(['reset', { status: 200, body: { ok: true } }]);
    const clock = new VirtualClock();
    const again = await drive(retry({ maxRetries: 2, idempotent: true, clock }).execute(() => client.call(server.url)), clock);
    expect(again.ok).toBe(true);
    expect(server.requests).toHaveLength(2);
  });
}
