// Model-based test: the bulkhead under concurrent calls, completions, caller aborts and queue
// timeouts, against a reference model of two plain arrays (running, queued).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FaultError, createFault, isFaultError } from '../../src/core/fault.js';
import { type BulkheadPolicy, bulkhead } from '../../src/policy/bulkhead.js';
import { VirtualClock } from '../../src/testing/index.js';
import { countingController } from './retry.helpers.js';

const RUNS = Number(process.env.FC_RUNS ?? 200);

interface Call {
  readonly id: number;
  readonly controller: AbortController | undefined;
  readonly live: (() => number) | undefined;
  readonly queuedAt: number;
  finish?: (ok: boolean) => void;
  outcome?: unknown;
  settled: boolean;
}

interface Model {
  readonly max: number;
  readonly maxQueue: number;
  readonly queueMs: number | undefined;
  running: Call[];
  queue: Call[];
  calls: Call[];
  /** Ids in the order the model expects fn to start. */
  expectedStarts: number[];
}

interface Real {
  readonly bulkhead: BulkheadPolicy;
  readonly clock: VirtualClock;
  readonly started: number[];
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function check(m: Model, r: Real): void {
  expect(r.bulkhead.running).toBe(m.running.length);
  expect(r.bulkhead.queued).toBe(m.queue.length);
  expect(r.bulkhead.running).toBeLessThanOrEqual(m.max);
  expect(r.bulkhead.queued).toBeLessThanOrEqual(m.maxQueue);
  // FIFO, and no waiter lost or run twice.
  expect(r.started).toEqual(m.expectedStarts);
}

/** A queued waiter that gets a place starts running (the model's half of a release). */
function promote(m: Model): void {
  const next = m.queue.shift();
  if (next !== undefined) {
    m.running.push(next);
    m.expectedStarts.push(next.id);
  }
}

class Start implements fc.AsyncCommand<Model, Real> {
  constructor(readonly withSignal: boolean) {}
  check(): boolean {
    return true;
  }
  async run(m: Model, r: Real): Promise<void> {
    const id = m.calls.length;
    const counting = this.withSignal ? countingController() : undefined;
    const call: Call = { id, controller: counting?.controller, live: counting?.live, queuedAt: r.clock.now(), settled: false };
    m.calls.push(call);
    const promise = r.bulkhead.execute(
      () => {
        r.started.push(id);
        return new Promise((resolve, reject) => {
          call.finish = (ok) => (ok ? resolve(id) : reject(new FaultError(createFault({ code: 'internal', status: 500 }))));
        });
      },
      counting === undefined ? undefined : { signal: counting.signal },
    );
    promise.then(
      (v) => {
        call.outcome = v;
        call.settled = true;
      },
      (e: unknown) => {
        call.outcome = e;
        call.settled = true;
      },
    );
    if (m.running.length < m.max) {
      m.running.push(call);
      m.expectedStarts.push(id);
    } else if (m.queue.length < m.maxQueue) {
      m.queue.push(call);
    } else {
      await turn();
      expect(call.settled).toBe(true);
      expect(isFaultError(call.outcome) && call.outcome.code).toBe('bulkhead_full');
      expect((call.outcome as FaultError).source).toBe('policy');
    }
    await turn();
    check(m, r);
  }
  toString(): string {
    return `start(${this.withSignal ? 'signal' : ''})`;
  }
}

class Complete implements fc.AsyncCommand<Model, Real> {
  constructor(readonly index: number, readonly ok: boolean) {}
  check(m: Model): boolean {
    return m.running.length > 0;
  }
  async run(m: Model, r: Real): Promise<void> {
    const [call] = m.running.splice(this.index % m.running.length, 1);
    if (call === undefined) return;
    call.finish?.(this.ok);
    promote(m);
    await turn();
    await turn();
    if (!call.controller?.signal.aborted) {
      expect(call.settled).toBe(true);
      if (this.ok) expect(call.outcome).toBe(call.id);
      else expect(isFaultError(call.outcome) && call.outcome.code).toBe('internal');
    }
    check(m, r);
  }
  toString(): string {
    return `complete(${this.index}, ${this.ok})`;
  }
}

class Abort implements fc.AsyncCommand<Model, Real> {
  constructor(readonly index: number) {}
  check(m: Model): boolean {
    return m.calls.some((c) => c.controller !== undefined && !c.controller.signal.aborted && !c.settled);
  }
  async run(m: Model, r: Real): Promise<void> {
    const open = m.calls.filter((c) => c.controller !== undefined && !c.controller.signal.aborted && !c.settled);
    const call = open[this.index % open.length];
    if (call === undefined) return;
    const q = m.queue.indexOf(call);
    // A queued waiter leaves at once; a running call keeps its place until fn settles (fn ignores the signal here).
    if (q >= 0) m.queue.splice(q, 1);
    call.controller?.abort();
    await turn();
    expect(call.settled).toBe(true);
    expect(isFaultError(call.outcome) && call.outcome.code).toBe('cancelled');
    expect(call.live?.()).toBe(0);
    check(m, r);
  }
  toString(): string {
    return `abort(${this.index})`;
  }
}

class Advance implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ms: number) {}
  check(): boolean {
    return true;
  }
  async run(m: Model, r: Real): Promise<void> {
    const now = r.clock.now() + this.ms;
    const expired = m.queueMs === undefined ? [] : m.queue.filter((c) => c.queuedAt + (m.queueMs as number) <= now);
    m.queue = m.queue.filter((c) => !expired.includes(c));
    await r.clock.advance(this.ms);
    for (const call of expired) {
      expect(call.settled).toBe(true);
      expect(isFaultError(call.outcome) && call.outcome.code).toBe('bulkhead_full');
      expect(call.live?.() ?? 0).toBe(0);
    }
    check(m, r);
  }
  toString(): string {
    return `advance(${this.ms})`;
  }
}

const commandsArb = fc.commands(
  [
    fc.oneof(
      { arbitrary: fc.boolean().map((s) => new Start(s)), weight: 5 },
      { arbitrary: fc.tuple(fc.nat(), fc.boolean()).map(([i, ok]) => new Complete(i, ok)), weight: 3 },
      { arbitrary: fc.nat().map((i) => new Abort(i)), weight: 2 },
      { arbitrary: fc.constantFrom(10, 50, 100, 250).map((ms) => new Advance(ms)), weight: 2 },
    ),
  ],
  { maxCommands: 40, size: "large" },
);

describe('bulkhead (model-based)', () => {
  it('never runs more than maxConcurrent nor queues more than maxQueue, serves the line in order, loses and repeats no waiter', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 4 }),
        fc.option(fc.constantFrom(0, 40, 100, 300), { nil: undefined }),
        commandsArb,
        async (max, maxQueue, queueMs, commands) => {
          const clock = new VirtualClock();
          const real: Real = { bulkhead: bulkhead({ maxConcurrent: max, maxQueue, clock, ...(queueMs === undefined ? {} : { queueTimeoutMs: queueMs }) }), clock, started: [] };
          const model: Model = { max, maxQueue, queueMs, running: [], queue: [], calls: [], expectedStarts: [] };
          await fc.asyncModelRun(() => ({ model, real }), commands);
          // Drain: every call still running finishes, each promoting the next waiter.
          while (model.running.length > 0) await new Complete(0, true).run(model, real);
          expect(model.queue).toEqual([]);
          check(model, real);
          expect(clock.pendingTimers).toBe(0);
          for (const call of model.calls) {
            expect(call.settled).toBe(true);
            expect(call.live?.() ?? 0).toBe(0);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
