/**
 * @gitbeaker/rest against a loopback server answering as GitLab's REST API does (test/fixtures/sdk/gitbeaker.json:
 * GitLab's API docs and two public 429s). A refusal is a GitbeakerRequestError whose `cause` is a plain record
 * `{description, request, response}`: the fetch Response (status and headers; the SDK has read its body), the Request
 * (with the PRIVATE-TOKEN header) and, as `description`, only the body's `error` or else its `message`. A 429 or 502 the
 * SDK retries itself, ten times, and no option turns that off; then it throws GitbeakerRetryError, whose message names
 * the last status and which keeps nothing of the response.
 */
import { GitbeakerRequestError, GitbeakerRetryError, Gitlab } from '@gitbeaker/rest';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Fault, FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { type Settled, expectFault, thrown } from './cloud-support.js';
import { type Loopback, loadFixtures, startLoopback } from './support.js';

const TOKEN = 'glpat-not-a-real-token';
const fixtures = loadFixtures('gitbeaker');
const refusals = fixtures.filter((f) => f.response.status !== 429);
const limited = fixtures.filter((f) => f.response.status === 429);
let server: Loopback;
let api: InstanceType<typeof Gitlab>;

beforeAll(async () => {
  server = await startLoopback();
  api = new Gitlab({ host: server.url, token: TOKEN });
});
afterAll(() => server.close());
afterEach(() => vi.useRealTimers());

const showProject = () => api.Projects.show(1);

const raw = (fixture: (typeof fixtures)[number]) => ({
  status: fixture.response.status,
  headers: fixture.response.headers ?? {},
  body: typeof fixture.response.body === 'string' ? fixture.response.body : JSON.stringify(fixture.response.body),
});

/** What classify takes from the status and headers, which the SDK keeps whole (it keeps only part of the body). */
const fromResponse = (fault: Fault) => ({ status: fault.status, requestId: fault.requestId, retryAfterMs: fault.retryAfterMs });

/**
 * Settles `run` with the SDK's own retry delays (`setTimeout(2 ** i * 0.25)`, faked here) fired at once and the policy's
 * sleeps fired on its VirtualClock; `requestsAtSleep` counts the requests sent before each of the policy's sleeps.
 */
async function settle<T>(run: () => Promise<T>, clock = new VirtualClock()): Promise<{ result: Settled<T>; requestsAtSleep: number[] }> {
  vi.useFakeTimers({ toFake: ['setTimeout'] });
  const requestsAtSleep: number[] = [];
  let done = false;
  const settled = run().then(
    (value): Settled<T> => ({ ok: true, value }),
    (error: unknown): Settled<T> => ({ ok: false, error }),
  );
  void settled.then(() => {
    done = true;
  });
  while (!done) {
    if (clock.pendingTimers > 0) {
      requestsAtSleep.push(server.requests.length);
      await clock.runAll();
    } else if (vi.getTimerCount() > 0) await vi.advanceTimersToNextTimerAsync();
    else await new Promise((resolve) => setImmediate(resolve));
  }
  vi.useRealTimers();
  return { result: await settled, requestsAtSleep };
}

describe('gitbeaker: classify(GitbeakerRequestError) from GitLab responses', () => {
  for (const fixture of refusals) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(showProject);
      expect(error).toBeInstanceOf(GitbeakerRequestError);
      expect((error as GitbeakerRequestError).cause?.response.status).toBe(fixture.response.status);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      // GitLab's docs show no X-Request-Id on these, so there is none to find: the loopback sends none either.
      expect(fromResponse(fault)).toEqual(fromResponse(classify(raw(fixture))));
      expect(server.requests).toHaveLength(1);
    });
  }

  it("a field error map is read as GitLab's words, not as the JSON the SDK made its message", async () => {
    server.script([refusals.find((f) => f.expected.code === 'validation_failed')!.response]);
    const error = (await thrown(showProject)) as GitbeakerRequestError;
    expect(error.message).toBe('{"bio":["is too long (maximum is 255 characters)"]}');
    expect(classify(error).message).toBe('bio is too long (maximum is 255 characters)');
  });

  it("the private token the SDK keeps on the cause's request is nowhere in the Fault or the FaultError", async () => {
    for (const fixture of refusals) {
      server.script([fixture.response]);
      const error = (await thrown(showProject)) as GitbeakerRequestError;
      expect(error.cause?.request.headers.get('private-token')).toBe(TOKEN);
      expect(JSON.stringify(classify(error))).not.toContain(TOKEN);
      const wrapped = await thrown(() => retry({ maxRetries: 0 }).execute(showProject));
      expect(wrapped).toBeInstanceOf(FaultError);
      expect(JSON.stringify(wrapped)).not.toContain(TOKEN);
    }
  });
});

describe('gitbeaker: a 429 the SDK retried ten times itself (GitbeakerRetryError)', () => {
  for (const fixture of limited) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const { result } = await settle(showProject);
      const error = (result as { error: unknown }).error;
      expect(error).toBeInstanceOf(GitbeakerRetryError);
      expect(server.requests).toHaveLength(10);
      // Only the message is left: "… after 10 retries, last status code: 429. Check the applicable rate limits …".
      expect((error as Error).message).toContain('last status code: 429');
      expect((error as Error).cause).toBeUndefined();
      expectFault(classify(error), fixture.expected);
    });
  }
});

describe('gitbeaker: retry({ maxRetries: 2 }) around the SDK', () => {
  it("a 429: the SDK's ten tries come first, then the policy waits once and the project is read", async () => {
    server.script([...Array.from({ length: 10 }, () => limited[0]!.response), { status: 200, body: { id: 1, name: 'project' } }]);
    const clock = new VirtualClock();
    const { result, requestsAtSleep } = await settle(() => retry({ maxRetries: 2, clock }).execute(showProject), clock);
    expect(result).toMatchObject({ ok: true, value: { id: 1 } });
    expect(server.requests).toHaveLength(11);
    // GitLab's RateLimit-Reset never reaches the policy (the SDK keeps no response), so it waits its own backoff.
    expect(requestsAtSleep).toEqual([10]);
    expect(clock.sleeps).toHaveLength(1);
  });

  for (const fixture of refusals) {
    it(`${fixture.name}: one request`, async () => {
      server.script([fixture.response]);
      const clock = new VirtualClock();
      const { result } = await settle(() => retry({ maxRetries: 2, clock }).execute(showProject), clock);
      expect(server.requests).toHaveLength(1);
      expect(clock.sleeps).toEqual([]);
      expect((result as { error: FaultError }).error.fault.code).toBe(fixture.expected.code);
    });
  }
});
