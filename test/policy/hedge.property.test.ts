/**
 * hedge against generated attempt sequences (how long each attempt takes and how it ends), checked
 * against a discrete-event model of the policy on a VirtualClock.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FaultError, createFault, isFaultError } from '../../src/core/fault.js';
import { hedge } from '../../src/policy/hedge.js';
import type { AttemptContext } from '../../src/policy/policy.js';
import { VirtualClock } from '../../src/testing/index.js';

const RUNS = Number(process.env.FC_RUNS ?? 300);

type Outcome = 'value' | 'retryable' | 'fatal';
interface Step {
  readonly ms: number;
  readonly outcome: Outcome;
}

// An attempt's end and a hedge timer can fall on the same instant; the model breaks such ties the
// way VirtualClock does, by the order in which they were scheduled.
const steps = fc.array(
  fc.record({ ms: fc.integer({ min: 0, max: 40 }).map((n) => n * 10 + 1), outcome: fc.constantFrom<Outcome>('value', 'value', 'retryable', 'fatal') }),
  { minLength: 1, maxLength: 6 },
);

interface Expected {
  readonly result: { ok: true; attempt: number } | { ok: false; outcome: Outcome };
  readonly started: readonly number[];
  readonly at: number;
}

/**
 * The model: events in time order, ties by the order they were scheduled (VirtualClock's rule). An
 * attempt ending and the hedge timer are both scheduled events.
 */
function model(plan: readonly Step[], delayMs: number, maxHedges: number): Expected {
  interface Event {
    readonly at: number;
    readonly seq: number;
    readonly kind: 'end' | 'timer';
    readonly attempt: number;
  }
  let seq = 0;
  let events: Event[] = [];
  const started: number[] = [];
  const running = new Set<number>();
  let timer: Event | undefined;
  const stepOf = (attempt: number): Step => plan[attempt - 1] ?? { ms: 1, outcome: 'fatal' };
  const launch = (now: number): void => {
    const attempt = started.length + 1;
    started.push(now);
    running.add(attempt);
    // The policy arms the next hedge timer before it calls fn, whose sleep is scheduled second.
    if (timer !== undefined) events = events.filter((e) => e !== timer);
    timer = started.length <= maxHedges ? { at: now + delayMs, seq: seq++, kind: 'timer', attempt } : undefined;
    if (timer !== undefined) events.push(timer);
    events.push({ at: now + stepOf(attempt).ms, seq: seq++, kind: 'end', attempt });
  };
  launch(0);
  for (;;) {
    events.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const event = events.shift();
    if (event === undefined) throw new Error('model: no event left');
    if (event.kind === 'timer') {
      timer = undefined;
      launch(event.at);
      continue;
    }
    running.delete(event.attempt);
    const { outcome } = stepOf(event.attempt);
    if (outcome === 'value') return { result: { ok: true, attempt: event.attempt }, started, at: event.at };
    if (outcome === 'fatal') return { result: { ok: false, outcome }, started, at: event.at };
    if (started.length <= maxHedges) launch(event.at);
    else if (running.size === 0) return { result: { ok: false, outcome }, started, at: event.at };
  }
}

async function run(plan: readonly Step[], delayMs: number, maxHedges: number) {
  const clock = new VirtualClock();
  const started: number[] = [];
  const aborted = new Set<number>();
  const fn = async ({ signal, attempt }: AttemptContext): Promise<number> => {
    started.push(clock.now());
    const step = plan[attempt - 1] ?? { ms: 1, outcome: 'fatal' as const };
    signal.addEventListener('abort', () => aborted.add(attempt), { once: true });
    await clock.sleep(step.ms);
    if (step.outcome === 'value') return attempt;
    throw new FaultError(createFault({ code: step.outcome === 'fatal' ? 'invalid_request' : 'bad_gateway', source: 'server' }));
  };
  let at = -1;
  const result = hedge({ delayMs, maxHedges, clock })
    .execute(fn)
    .then(
      (attempt) => ({ ok: true as const, attempt }),
      (error: unknown) => ({ ok: false as const, error }),
    )
    .finally(() => (at = clock.now()));
  await clock.runAll();
  return { result: await result, started, aborted, at, pendingTimers: clock.pendingTimers };
}

describe('hedge (properties)', () => {
  it('matches the model: same attempts started at the same times, same winner or fault, same settle time', async () => {
    await fc.assert(
      fc.asyncProperty(steps, fc.integer({ min: 0, max: 20 }).map((n) => n * 20), fc.integer({ min: 0, max: 4 }), async (plan, delayMs, maxHedges) => {
        const expected = model(plan, delayMs, maxHedges);
        const actual = await run(plan, delayMs, maxHedges);
        expect(actual.started).toEqual(expected.started);
        expect(actual.at).toBe(expected.at);
        if (expected.result.ok) {
          expect(actual.result).toEqual({ ok: true, attempt: expected.result.attempt });
        } else {
          expect(actual.result.ok).toBe(false);
          const error = (actual.result as { error: unknown }).error;
          expect(isFaultError(error) && error.code).toBe(expected.result.outcome === 'fatal' ? 'invalid_request' : 'bad_gateway');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('never starts more than 1 + maxHedges attempts, aborts exactly those still running when it settles, and leaves no timer', async () => {
    await fc.assert(
      fc.asyncProperty(steps, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 4 }), async (plan, delayMs, maxHedges) => {
        const actual = await run(plan, delayMs, maxHedges);
        expect(actual.started.length).toBeLessThanOrEqual(1 + maxHedges);
        // Attempt k+1 starts no later than delayMs after attempt k.
        for (let k = 1; k < actual.started.length; k++) {
          expect((actual.started[k] ?? 0) - (actual.started[k - 1] ?? 0)).toBeLessThanOrEqual(delayMs);
        }
        const endOf = (attempt: number): number => (actual.started[attempt - 1] ?? 0) + (plan[attempt - 1]?.ms ?? 1);
        for (const attempt of actual.aborted) expect(endOf(attempt)).toBeGreaterThanOrEqual(actual.at);
        actual.started.forEach((_, i) => {
          if (endOf(i + 1) > actual.at) expect(actual.aborted.has(i + 1)).toBe(true);
        });
        expect(actual.pendingTimers).toBe(0);
      }),
      { numRuns: RUNS },
    );
  });
});
