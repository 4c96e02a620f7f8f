import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAULT_CODES, RETRY_CLASSES } from '../../src/core/catalog.js';
import { FaultError, createFault, isRetryable, type Fault } from '../../src/core/fault.js';
import { classify } from '../../src/entry/default-classifier.js';
import { exponentialBackoff, type Jitter } from '../../src/policy/backoff.js';
import { retry } from '../../src/policy/retry.js';
import { VirtualClock } from '../../src/testing/index.js';
import { countingController, seededRandom } from './retry.helpers.js';
import { basicClassifier } from '../../src/core/basic-classifier.js';
import { faultErrorOf } from '../../src/core/fault-error-of.js';

// What every policy does with a thrown value, with no vendor profile (these inputs hold no unread body).
const toFaultError = (thrown: unknown): FaultError => faultErrorOf(thrown, basicClassifier) as FaultError;

const RUNS = Number(process.env.FC_RUNS ?? 150);

// ---- what an attempt can do -------------------------------------------------------------------
type Snapshot = { readonly status: number; readonly headers: Record<string, string>; readonly body: string };
type Step =
  | { readonly kind: 'ok' }
  | { readonly kind: 'response'; readonly response: Snapshot }
  | { readonly kind: 'fault'; readonly fault: Fault }
  | { readonly kind: 'thrown'; readonly make: () => unknown; readonly label: string };

const faultStep: fc.Arbitrary<Step> = fc
  .record(
    {
      code: fc.constantFrom(...FAULT_CODES),
      status: fc.integer({ min: 400, max: 599 }),
      retry: fc.constantFrom(...RETRY_CLASSES),
      retryAfterMs: fc.oneof(fc.integer({ min: 0, max: 120_000 }), fc.constantFrom(0, 1_000, 60_000, 60_001)),
      retryLimit: fc.integer({ min: 0, max: 6 }),
    },
    { requiredKeys: ['code', 'status'] },
  )
  .map((init) => ({ kind: 'fault' as const, fault: createFault(init) }));

// Error bodies in the shapes vendors send them, with and without server hints.
const BODIES: readonly string[] = [
  '',
  'upstream connect error or disconnect/reset before headers',
  '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
  '{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}',
  '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
  '{"error":{"code":429,"message":"Resource has been exhausted","status":"RESOURCE_EXHAUSTED"}}',
  '{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403}',
  '{"detail":"Internal Server Error"}',
  '{"error":"internal_error","message":"oops"}',
];
const responseStep: fc.Arbitrary<Step> = fc
  .record({
    status: fc.oneof(fc.constantFrom(400, 401, 402, 403, 404, 408, 409, 413, 422, 425, 429, 500, 501, 502, 503, 504), fc.integer({ min: 400, max: 599 })),
    retryAfter: fc.option(fc.oneof(fc.integer({ min: 0, max: 120 }).map(String), fc.constantFrom('60', '61', 'soon', '-5', '1.5')), { nil: undefined }),
    shouldRetryHeader: fc.option(fc.constantFrom('true', 'false'), { nil: undefined }),
    body: fc.constantFrom(...BODIES),
  })
  .map(({ status, retryAfter, shouldRetryHeader, body }) => {
    const headers: Record<string, string> = {};
    if (retryAfter !== undefined) headers['Retry-After'] = retryAfter;
    if (shouldRetryHeader !== undefined) headers['x-should-retry'] = shouldRetryHeader;
    if (body.startsWith('{')) headers['content-type'] = body.includes('"title"') ? 'application/problem+json' : 'application/json';
    return { kind: 'response' as const, response: { status, headers, body } };
  });

const NETWORK_ERRORS: ReadonlyArray<[string, () => unknown]> = [
  ['ECONNRESET', () => Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
  ['ECONNREFUSED', () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })],
  ['ENOTFOUND', () => Object.assign(new Error('getaddrinfo ENOTFOUND api.invalid'), { code: 'ENOTFOUND' })],
  ['EPIPE', () => Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })],
  ['fetch failed', () => new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'UND_ERR_SOCKET' }) })],
  ['AbortError', () => new DOMException('This operation was aborted', 'AbortError')],
  ['TimeoutError', () => new DOMException('The operation timed out', 'TimeoutError')],
  ['string', () => 'boom'],
  ['undefined', () => undefined],
];
const thrownStep: fc.Arbitrary<Step> = fc
  .constantFrom(...NETWORK_ERRORS)
  .map(([label, make]) => ({ kind: 'thrown' as const, make, label }));

const script = fc.array(fc.oneof({ weight: 1, arbitrary: fc.constant<Step>({ kind: 'ok' }) }, { weight: 3, arbitrary: responseStep }, { weight: 2, arbitrary: faultStep }, { weight: 2, arbitrary: thrownStep }), {
  minLength: 1,
  maxLength: 10,
});

const settings = fc
  .record({
    maxRetries: fc.integer({ min: 0, max: 6 }),
    idempotent: fc.boolean(),
    maxRetryAfterMs: fc.integer({ min: 0, max: 90_000 }),
    initialMs: fc.integer({ min: 0, max: 2_000 }),
    factor: fc.double({ min: 1, max: 3, noNaN: true }),
    extraMs: fc.integer({ min: 0, max: 60_000 }),
    jitter: fc.constantFrom<Jitter>('none', 'full', 'equal', 'decorrelated'),
    seed: fc.integer(),
  })
  .map((s) => ({ ...s, maxMs: s.initialMs + s.extraMs }));
type Settings = typeof settings extends fc.Arbitrary<infer S> ? S : never;

function faultOf(step: Step): Fault | undefined {
  if (step.kind === 'ok') return undefined;
  if (step.kind === 'response') return classify(step.response, { now: 0 });
  return step.kind === 'fault' ? step.fault : toFaultError(step.make()).fault;
}

/** The rule, written out: how many attempts the policy makes for this script. */
function expectedAttempts(s: Settings, steps: readonly Step[]): number {
  for (let attempt = 1; ; attempt++) {
    const fault = faultOf(steps[attempt - 1] ?? { kind: 'ok' });
    if (fault === undefined) return attempt;
    const stop =
      attempt > s.maxRetries ||
      (fault.retryLimit !== undefined && attempt > fault.retryLimit) ||
      (fault.retryAfterMs !== undefined && fault.retryAfterMs > s.maxRetryAfterMs) ||
      !isRetryable(fault, { idempotent: s.idempotent });
    if (stop) return attempt;
  }
}

async function run(s: Settings, steps: readonly Step[]) {
  const clock = new VirtualClock();
  const { signal, live } = countingController();
  const policy = retry({
    maxRetries: s.maxRetries,
    idempotent: s.idempotent,
    maxRetryAfterMs: s.maxRetryAfterMs,
    backoff: exponentialBackoff({ initialMs: s.initialMs, factor: s.factor, maxMs: s.maxMs, jitter: s.jitter }),
    clock,
    random: seededRandom(s.seed),
  });
  const times: number[] = [];
  const pending = policy
    .execute(({ attempt }) => {
      times.push(clock.now());
      const step = steps[attempt - 1] ?? { kind: 'ok' };
      if (step.kind === 'ok') return attempt;
      if (step.kind === 'response') throw new FaultError(classify(step.response, { now: 0 }));
      throw step.kind === 'fault' ? new FaultError(step.fault) : step.make();
    }, { signal })
    .then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));
  await clock.runAll();
  const result = await pending;
  return { result, times, sleeps: [...clock.sleeps], pending: clock.pendingTimers, listeners: live() };
}

describe('retry (properties)', () => {
  it('makes exactly the attempts the rules allow, never more than min(maxRetries, retryLimit) + 1', async () => {
    await fc.assert(
      fc.asyncProperty(settings, script, async (s, steps) => {
        const { result, times } = await run(s, steps);
        const attempts = times.length;
        expect(attempts).toBe(expectedAttempts(s, steps));
        expect(attempts).toBeLessThanOrEqual(s.maxRetries + 1);
        for (let i = 1; i < attempts; i++) {
          const fault = faultOf(steps[i - 1] as Step) as Fault;
          // Every fault that was followed by a retry allowed it.
          expect(fault.retry).not.toBe('never');
          if (fault.retry === 'idempotent') expect(s.idempotent).toBe(true);
          if (fault.retryLimit !== undefined) expect(i).toBeLessThanOrEqual(fault.retryLimit);
        }
        const last = faultOf(steps[attempts - 1] ?? { kind: 'ok' });
        if (last === undefined) expect(result).toEqual({ ok: true, value: attempts });
        else {
          expect(result.ok).toBe(false);
          expect((result as { error: FaultError }).error.code).toBe(last.code);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('waits the server hint, or a delay within the backoff bounds', async () => {
    await fc.assert(
      fc.asyncProperty(settings, script, async (s, steps) => {
        const { times } = await run(s, steps);
        for (let i = 1; i < times.length; i++) {
          const gap = (times[i] as number) - (times[i - 1] as number);
          const hint = (faultOf(steps[i - 1] as Step) as Fault).retryAfterMs;
          if (hint !== undefined) {
            // Times are sums of fractional jittered delays, so the gap carries float rounding.
            expect(gap).toBeCloseTo(hint, 6);
            continue;
          }
          const ceiling = s.initialMs === 0 ? 0 : Math.min(s.maxMs, s.initialMs * s.factor ** (i - 1));
          const [lo, hi] =
            s.jitter === 'none' ? [ceiling, ceiling] : s.jitter === 'full' ? [0, ceiling] : s.jitter === 'equal' ? [ceiling / 2, ceiling] : [0, s.maxMs];
          expect(gap).toBeGreaterThanOrEqual(lo - 1e-6);
          expect(gap).toBeLessThanOrEqual(hi + 1e-6);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('gives the same delays for the same seed', async () => {
    await fc.assert(
      fc.asyncProperty(settings, script, async (s, steps) => {
        const a = await run(s, steps);
        const b = await run(s, steps);
        expect(b.sleeps).toEqual(a.sleeps);
        expect(b.times).toEqual(a.times);
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('leaves no timer pending and no listener on the caller signal once settled', async () => {
    await fc.assert(
      fc.asyncProperty(settings, script, async (s, steps) => {
        const { pending, listeners } = await run(s, steps);
        expect(pending).toBe(0);
        expect(listeners).toBe(0);
      }),
      { numRuns: RUNS },
    );
  });

  it('aborting at any moment ends in cancelled with nothing pending', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 40_000 }),
        fc.boolean(),
        async (maxRetries, durations, abortAt, hinted) => {
          const clock = new VirtualClock();
          const { controller, signal, live } = countingController();
          const policy = retry({ maxRetries, idempotent: true, clock, backoff: exponentialBackoff({ initialMs: 500, jitter: 'none' }) });
          let settled: { ok: boolean; error?: unknown } | undefined;
          void policy
            .execute(async ({ signal: s, attempt }) => {
              await clock.sleep(durations[(attempt - 1) % durations.length] as number, s);
              throw new FaultError(createFault({ code: 'service_unavailable', ...(hinted ? { retryAfterMs: 1_500 } : {}) }));
            }, { signal })
            .then(() => (settled = { ok: true }), (error: unknown) => (settled = { ok: false, error }));
          await clock.advance(abortAt);
          const before = settled;
          controller.abort();
          await Promise.resolve();
          await Promise.resolve();
          if (before === undefined) {
            expect(settled?.ok).toBe(false);
            expect((settled?.error as FaultError).code).toBe('cancelled');
          }
          // Nothing waits for time any more: the abort removed every sleep and listener itself.
          expect(clock.pendingTimers).toBe(0);
          expect(live()).toBe(0);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
