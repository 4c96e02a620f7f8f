/**
 * Model test of retryStream on a VirtualClock (fc.commands): whatever the sources do and however
 * time moves, a fault is retried only before the first chunk reached the caller, and as the retry
 * policy would retry it on a plain call; after that the fault surfaces with stream.delivered true
 * and no new attempt; an idle timeout fires exactly idleTimeoutMs after the last chunk (or the
 * attempt's start); when the stream ends, nothing is left open and no timer is pending.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FaultError, createFault, isRetryable } from '../../src/core/fault.js';
import type { FaultCode } from '../../src/core/catalog.js';
import { retry } from '../../src/policy/retry.js';
import { retryStream } from '../../src/policy/retry-stream.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';
import { drain, handSource, type HandSource } from '../support/hand-source.js';

const IDLE = 1_000;
const MAX_RETRIES = 3;

interface Model {
  attempts: number;
  delivered: number;
  retries: number;
  now: number;
  /** When the pending read began: the idle timer's start. */
  lastActivity: number;
  ended: { code: FaultCode | 'done'; delivered: boolean; at: number } | undefined;
}

interface Real {
  clock: VirtualClock;
  sources: HandSource<number>[];
  received: number[];
  outcome: { error: FaultError | undefined; at: number } | undefined;
  idempotent: boolean;
}

/** A fault (or the idle timeout) ended the current attempt at `at`: retried, or the stream's end. */
function failed(m: Model, code: FaultCode, idempotent: boolean, at: number): void {
  const fault = createFault({ code });
  if (m.delivered === 0 && m.retries < MAX_RETRIES && isRetryable(fault, { idempotent })) {
    m.retries++;
    m.attempts++;
    m.lastActivity = at;
  } else {
    m.ended = { code, delivered: m.delivered > 0, at };
  }
}

function check(m: Model, r: Real): void {
  expect(r.sources).toHaveLength(m.attempts);
  expect(r.received).toHaveLength(m.delivered);
  if (m.ended === undefined) {
    expect(r.outcome).toBeUndefined();
    return;
  }
  expect(r.outcome).toBeDefined();
  if (m.ended.code === 'done') expect(r.outcome?.error).toBeUndefined();
  else {
    expect(r.outcome?.error).toBeInstanceOf(FaultError);
    expect(r.outcome?.error?.code).toBe(m.ended.code);
    expect(r.outcome?.error?.stream).toEqual({ delivered: m.ended.delivered });
  }
  expect(r.outcome?.at).toBe(m.ended.at);
  expect(r.clock.pendingTimers).toBe(0);
}

class Push implements fc.AsyncCommand<Model, Real> {
  constructor(readonly value: number) {}
  check = (m: Readonly<Model>): boolean => m.ended === undefined;
  async run(m: Model, r: Real): Promise<void> {
    r.sources.at(-1)!.push(this.value);
    await drain();
    m.delivered++;
    m.lastActivity = m.now;
    check(m, r);
  }
  toString = (): string => `push(${this.value})`;
}

class Fail implements fc.AsyncCommand<Model, Real> {
  constructor(readonly code: FaultCode) {}
  check = (m: Readonly<Model>): boolean => m.ended === undefined;
  async run(m: Model, r: Real): Promise<void> {
    r.sources.at(-1)!.fail(new FaultError(createFault({ code: this.code })));
    await drain();
    failed(m, this.code, r.idempotent, m.now);
    check(m, r);
  }
  toString = (): string => `fail(${this.code})`;
}

class End implements fc.AsyncCommand<Model, Real> {
  check = (m: Readonly<Model>): boolean => m.ended === undefined;
  async run(m: Model, r: Real): Promise<void> {
    r.sources.at(-1)!.end();
    await drain();
    m.ended = { code: 'done', delivered: m.delivered > 0, at: m.now };
    check(m, r);
  }
  toString = (): string => 'end';
}

class Advance implements fc.AsyncCommand<Model, Real> {
  constructor(readonly ms: number) {}
  check = (): boolean => true;
  async run(m: Model, r: Real): Promise<void> {
    await r.clock.advance(this.ms);
    await drain();
    const target = m.now + this.ms;
    // Every idle deadline that falls within the advance ends the attempt it belongs to.
    while (m.ended === undefined && m.lastActivity + IDLE <= target) failed(m, 'client_timeout', r.idempotent, m.lastActivity + IDLE);
    m.now = target;
    check(m, r);
  }
  toString = (): string => `advance(${this.ms})`;
}

const commands = [
  fc.integer({ min: 0, max: 99 }).map((v) => new Push(v)),
  fc.constantFrom<FaultCode>('overloaded', 'rate_limited', 'connection_reset', 'internal', 'invalid_request', 'context_length_exceeded').map((c) => new Fail(c)),
  fc.constant(new End()),
  fc.integer({ min: 1, max: 2_500 }).map((ms) => new Advance(ms)),
];

describe('retryStream, model-based (VirtualClock)', () => {
  it('retries only before the first delivered chunk, surfaces later faults as delivered, and times out idle streams on time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.commands(commands, { maxCommands: 30 }), async (idempotent, cmds) => {
        const clock = new VirtualClock();
        const real: Real = { clock, sources: [], received: [], outcome: undefined, idempotent };
        const policy = retry({ maxRetries: MAX_RETRIES, idempotent, backoff: () => 0, clock });
        const stream = retryStream(policy, () => {
          const source = handSource<number>();
          real.sources.push(source);
          return source;
        }, { clock, idleTimeoutMs: IDLE });
        const reading = (async () => {
          try {
            for await (const chunk of stream) real.received.push(chunk);
            real.outcome = { error: undefined, at: clock.now() };
          } catch (error) {
            real.outcome = { error: error as FaultError, at: clock.now() };
          }
        })();
        await drain();
        const model: Model = { attempts: 1, delivered: 0, retries: 0, now: 0, lastActivity: 0, ended: undefined };
        await fc.asyncModelRun(() => ({ model, real }), cmds);
        // Whatever state the run left the stream in, a stall ends it and leaves nothing behind.
        await clock.advance(IDLE * (MAX_RETRIES + 2));
        await drain();
        await reading;
        expect(clock.pendingTimers).toBe(0);
        for (const source of real.sources.slice(0, -1)) expect(source.pendingReads).toBe(0);
      }),
      { numRuns: 150 },
    );
  });
});
