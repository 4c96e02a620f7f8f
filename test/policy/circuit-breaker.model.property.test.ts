// Model-based test: the circuit breaker under interleaved calls (successes, failures, client errors,
// cancellations, slow calls), concurrent probes, clock advances and manual isolate/reset, against a
// small reference model that keeps plain arrays of outcomes instead of rings and running totals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FaultError, createFault, isFaultError } from '../../src/core/fault.js';
import { type BreakerStrategy, consecutiveFailures, failureRatio } from '../../src/policy/breaker-strategy.js';
import { type CircuitBreakerPolicy, circuitBreaker } from '../../src/policy/circuit-breaker.js';
import { VirtualClock } from '../../src/testing/index.js';

const RUNS = Number(process.env.FC_RUNS ?? 200);
/** Transitions the runs went through: the test also checks it exercised every one. */
const seen = new Set<string>(); 

type Kind = 'ok' | 'fail' | 'client' | 'cancel';
type Name = 'closed' | 'open' | 'half-open' | 'isolated';

interface Config {
  readonly strategy: BreakerStrategy;
  readonly breakMs: number;
  readonly maxBreakMs: number;
  readonly breakFactor: number;
  readonly halfOpenMaxCalls: number;
  readonly halfOpenSuccesses: number;
}

interface Pending {
  readonly kind: Kind;
  readonly controller: AbortController | undefined;
  readonly version: number;
  readonly start: number;
  readonly settle: () => void;
  readonly promise: Promise<unknown>;
}

/** The reference: the breaker's rules written as directly as possible. */
class Model {
  state: Name = 'closed';
  version = 0;
  openUntil = 0;
  breakMs: number;
  probes = 0;
  successes = 0;
  outcomes: { at: number; failed: boolean; slow: boolean }[] = [];
  pending: Pending[] = [];
  constructor(readonly config: Config) {
    this.breakMs = config.breakMs;
  }

  move(to: Name): void {
    seen.add(`${this.state}->${to}`);
    this.state = to;
    this.version++;
    this.probes = 0;
    this.successes = 0;
    this.outcomes = [];
  }

  open(breakMs: number, now: number): void {
    this.breakMs = breakMs;
    this.openUntil = now + breakMs;
    this.move('open');
  }

  /** -1 when refused, else the version. */
  admit(now: number): number {
    if (this.state === 'closed') return this.version;
    if (this.state === 'isolated') return -1;
    if (this.state === 'open') {
      if (now < this.openUntil) return -1;
      this.move('half-open');
    }
    if (this.probes >= this.config.halfOpenMaxCalls) return -1;
    this.probes++;
    return this.version;
  }

  trips(now: number): boolean {
    const s = this.config.strategy;
    let window = this.outcomes;
    if (s.kind === 'consecutive') {
      let run = 0;
      for (let i = window.length - 1; i >= 0 && window[i]?.failed; i--) run++;
      return run >= s.threshold;
    }
    if (s.kind === 'calls') window = window.slice(-s.windowCalls);
    else {
      const width = s.windowMs / s.buckets;
      const current = Math.floor(now / width);
      window = window.filter((o) => Math.floor(o.at / width) > current - s.buckets);
    }
    const calls = window.length;
    const failures = window.filter((o) => o.failed).length;
    const slow = window.filter((o) => o.slow).length;
    return calls >= s.minimumCalls && (failures >= s.threshold * calls || (s.slowCallRatio > 0 && slow >= s.slowCallRatio * calls));
  }

  /** The call ended: `neutral` (client error after cancel, etc.) frees a probe and counts nowhere. */
  record(kind: Kind, version: number, start: number, now: number): void {
    if (version !== this.version) return;
    const slowMs = this.config.strategy.slowCallMs;
    const slow = slowMs > 0 && now - start >= slowMs;
    const neutral = kind === 'cancel';
    const failed = kind === 'fail' || (kind === 'ok' && slow);
    if (this.state === 'closed') {
      if (neutral) return;
      // A client error is a success as far as the upstream's health goes.
      this.outcomes.push({ at: now, failed, slow: slow && kind !== 'client' });
      if (this.trips(now)) this.open(this.breakMs, now);
    } else if (this.state === 'half-open') {
      this.probes--;
      if (neutral) return;
      if (failed) this.open(Math.min(this.config.maxBreakMs, Math.floor(this.breakMs * this.config.breakFactor)), now);
      else if (++this.successes >= this.config.halfOpenSuccesses) {
        this.breakMs = this.config.breakMs;
        this.move('closed');
      }
    }
  }
}

interface Real {
  readonly breaker: CircuitBreakerPolicy;
  readonly clock: VirtualClock;
  calls: number;
}

function thrown(kind: Kind): unknown {
  if (kind === 'fail') return new FaultError(createFault({ code: 'service_unavailable', status: 503 }));
  if (kind === 'client') return new FaultError(createFault({ code: 'not_found', status: 404 }));
  if (kind === 'cancel') return new DOMException('aborted', 'AbortError');
  return undefined;
}

class Start implements fc.AsyncCommand<Model, Real> {
  constructor(readonly kind: Kind, readonly hold: boolean, readonly withSignal = false) {}
  check(): boolean {
    return true;
  }
  async run(m: Model, r: Real): Promise<void> {
    const now = r.clock.now();
    const version = m.admit(now);
    let called = false;
    let settle: () => void = () => undefined;
    const controller = this.withSignal ? new AbortController() : undefined;
    const promise = r.breaker.execute(
      () => {
        called = true;
        // The call ignores its signal: it ends in its own time, after the caller has given up.
        return new Promise((resolve, reject) => {
          settle = () => (this.kind === 'ok' ? resolve('value') : reject(thrown(this.kind)));
        });
      },
      controller === undefined ? undefined : { signal: controller.signal },
    );
    expect(called, `fn called iff the model admits (state ${m.state})`).toBe(version >= 0);
    if (version < 0) {
      const error = await promise.then(() => undefined, (e: unknown) => e);
      expect(isFaultError(error) && error.code).toBe('circuit_open');
      const fe = error as FaultError;
      expect(fe.source).toBe('policy');
      expect(fe.retryAfterMs).toBe(m.state === 'open' ? Math.max(0, m.openUntil - now) : undefined);
    } else {
      r.calls++;
      const p: Pending = { kind: this.kind, controller, version, start: now, settle, promise: promise.then(() => 'ok', (e: unknown) => e) };
      if (this.hold) m.pending.push(p);
      else await finish(m, r, p);
    }
    expect(r.breaker.state).toBe(m.state);
  }
  toString(): string {
    return `${this.hold ? 'start' : 'call'}(${this.kind}${this.withSignal ? ', signal' : ''})`;
  }
}

async function finish(m: Model, r: Real, p: Pending): Promise<void> {
  p.settle();
  const outcome = await p.promise;
  await Promise.resolve();
  const aborted = p.controller?.signal.aborted === true;
  // A call whose caller aborted and that then fails says nothing about the upstream (the abort may be
  // why): it frees its probe and counts nowhere. One that succeeds anyway is a success.
  m.record(aborted && p.kind !== 'ok' ? 'cancel' : p.kind, p.version, p.start, r.clock.now());
  if (aborted) expect(isFaultError(outcome) && outcome.code).toBe('cancelled');
  else if (p.kind === 'ok') expect(outcome).toBe('ok');
  else expect(isFaultError(outcome)).toBe(true);
  expect(r.breaker.state).toBe(m.state);
}

class Settle implements fc.AsyncCommand<Model, Real> {
  constructor(readonly index: number) {}
  check(m: Model): boolean {
    return m.pending.length > 0;
  }
  async run(m: Model, r: Real): Promise<void> {
    const [p] = m.pending.splice(this.index % m.pending.length, 1);
    if (p !== undefined) await finish(m, r, p);
  }
  toString(): string {
    return `settle(${this.index})`;
  }
}

class Abort implements fc.AsyncCommand<Model, Real> {
  constructor(readonly index: number) {}
  check(m: Model): boolean {
    return m.pending.some((p) => p.controller !== undefined && !p.controller.signal.aborted);
  }
  async run(m: Model, r: Real): Promise<void> {
    const open = m.pending.filter((p) => p.controller !== undefined && !p.controller.signal.aborted);
    const p = open[this.index % open.length];
    if (p === undefined) return;
    let settled: unknown = 'pending';
    p.promise.then((v) => (settled = v));
    p.controller?.abort();
    await Promise.resolve();
    await Promise.resolve();
    // The caller is released within a microtask turn, while the call itself is still running.
    expect(isFaultError(settled) && settled.code).toBe('cancelled');
    expect(r.breaker.state).toBe(m.state);
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
    await r.clock.advance(this.ms);
    expect(r.breaker.state).toBe(m.state);
  }
  toString(): string {
    return `advance(${this.ms})`;
  }
}

class Manual implements fc.AsyncCommand<Model, Real> {
  constructor(readonly action: 'isolate' | 'reset') {}
  check(): boolean {
    return true;
  }
  async run(m: Model, r: Real): Promise<void> {
    if (this.action === 'isolate') {
      if (m.state !== 'isolated') m.move('isolated');
      r.breaker.isolate();
    } else {
      m.breakMs = m.config.breakMs;
      if (m.state !== 'closed') m.move('closed');
      else m.outcomes = [];
      r.breaker.reset();
    }
    expect(r.breaker.state).toBe(m.state);
  }
  toString(): string {
    return this.action;
  }
}

const strategyArb: fc.Arbitrary<BreakerStrategy> = fc.oneof(
  fc.record({ n: fc.integer({ min: 1, max: 4 }), slow: fc.constantFrom(0, 0, 300) }).map(({ n, slow }) => consecutiveFailures(n, { slowCallMs: slow })),
  fc
    .record({
      windowCalls: fc.integer({ min: 1, max: 6 }),
      min: fc.integer({ min: 1, max: 6 }),
      threshold: fc.constantFrom(0.25, 0.5, 0.6, 1),
      slow: fc.constantFrom(0, 300),
      slowRatio: fc.constantFrom(0, 0.5, 1),
    })
    .map(({ windowCalls, min, threshold, slow, slowRatio }) =>
      failureRatio({ windowCalls, minimumCalls: min, threshold, slowCallMs: slow, ...(slow > 0 && slowRatio > 0 ? { slowCallRatio: slowRatio } : {}) }),
    ),
  fc
    .record({
      windowMs: fc.constantFrom(1_000, 999, 2_500),
      buckets: fc.integer({ min: 1, max: 5 }),
      min: fc.integer({ min: 1, max: 5 }),
      threshold: fc.constantFrom(0.34, 0.5, 1),
      slow: fc.constantFrom(0, 200),
    })
    .map(({ windowMs, buckets, min, threshold, slow }) => failureRatio({ windowMs, buckets, minimumCalls: min, threshold, slowCallMs: slow })),
);

const configArb: fc.Arbitrary<Config> = fc
  .record({
    strategy: strategyArb,
    breakMs: fc.constantFrom(100, 250, 1_000),
    factor: fc.constantFrom(1, 1.5, 2, 3),
    maxMult: fc.constantFrom(1, 4, 10),
    halfOpenMaxCalls: fc.integer({ min: 1, max: 3 }),
    halfOpenSuccesses: fc.integer({ min: 1, max: 3 }),
  })
  .map((c) => ({
    strategy: c.strategy,
    breakMs: c.breakMs,
    maxBreakMs: c.breakMs * c.maxMult,
    breakFactor: c.factor,
    halfOpenMaxCalls: c.halfOpenMaxCalls,
    halfOpenSuccesses: c.halfOpenSuccesses,
  }));

const kindArb = fc.constantFrom<Kind>('ok', 'ok', 'fail', 'fail', 'client', 'cancel');
const startArb = fc
  .tuple(kindArb, fc.constantFrom(false, false, false, true), fc.constantFrom(false, false, true))
  .map(([k, hold, withSignal]) => new Start(k, hold, withSignal));
const commandsArb = fc.commands(
  [
    // Calls are what move a breaker: generate them most often; manual controls rarely.
    fc.oneof(
      { arbitrary: startArb, weight: 12 },
      { arbitrary: fc.nat().map((i) => new Settle(i)), weight: 3 },
      { arbitrary: fc.nat().map((i) => new Abort(i)), weight: 1 },
      { arbitrary: fc.constantFrom(1, 50, 99, 100, 200, 250, 333, 400, 1_000, 3_000).map((ms) => new Advance(ms)), weight: 4 },
      { arbitrary: fc.constantFrom<'isolate' | 'reset'>('isolate', 'reset').map((a) => new Manual(a)), weight: 1 },
    ),
  ],
  { maxCommands: 80, size: 'large' },
);

describe('circuitBreaker (model-based)', () => {
  it('matches the reference model under interleaved calls, probes, clock advances and isolate/reset', async () => {
    await fc.assert(
      fc.asyncProperty(configArb, fc.constantFrom(0, 1_700_000_000_123), commandsArb, async (config, startMs, commands) => {
        const clock = new VirtualClock(startMs);
        const breaker = circuitBreaker({ ...config, clock });
        const model = new Model(config);
        const real: Real = { breaker, clock, calls: 0 };
        await fc.asyncModelRun(() => ({ model, real }), commands);
        // Whatever is still in flight ends; nothing is left pending.
        for (const p of model.pending.splice(0)) await finish(model, real, p);
        expect(clock.pendingTimers).toBe(0);
      }),
      { numRuns: RUNS },
    );
    for (const t of ['closed->open', 'open->half-open', 'half-open->open', 'half-open->closed', 'closed->isolated', 'isolated->closed', 'open->closed']) {
      expect(seen, t).toContain(t);
    }
  });
});
