/**
 * memoryStore against what StateStore promises: breaker records and transitions (consecutive, call-window and
 * time-window rules, probes, escalating breaks, manual controls), GCRA token buckets, clamped counters, and keys
 * forgotten after ttlMs. Time is the explicit `now` argument; nothing sleeps.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../src/policy/memory-store.js';
import type { BreakerOutcome, BreakerRule, BreakerSnapshot, StateStore } from '../../src/policy/state-store.js';
import { breakerRule } from './store.helpers.js';

const RUNS = Number(process.env.FC_RUNS ?? 100);

/** A large start time, so that bucket epochs are far from 0 (as with a real clock). */
const T0 = 1_000_000;

const rule = breakerRule;

/** Records outcomes in order on one key (all admitted while closed, version 0) and returns each state after. */
function play(store: StateStore, r: BreakerRule, outcomes: readonly (readonly [BreakerOutcome, number])[], key = 'k'): string[] {
  return outcomes.map(([outcome, now]) => (store.record(key, outcome, 0, r, now) as BreakerSnapshot).state);
}

const sync = <T>(value: T | PromiseLike<T>): T => value as T;

describe('memoryStore: consecutive failures (windowMs and windowCalls 0)', () => {
  it('opens at `threshold` failures in a row; a success starts the count again; a release counts nothing', () => {
    const store = memoryStore();
    const r = rule({ threshold: 3 });
    expect(play(store, r, [['failure', T0], ['failure', T0], ['success', T0], ['failure', T0], ['failure', T0], ['release', T0]])).toEqual(
      Array(6).fill('closed'),
    );
    const opened = sync(store.record('k', 'failure', 0, r, T0 + 5));
    expect(opened).toEqual({ state: 'open', version: 1, remainingMs: 1000, breakMs: 1000, granted: false });
  });

  it('is synchronous and keeps one state per key', () => {
    const store = memoryStore();
    expect(store.synchronous).toBe(true);
    const r = rule({ threshold: 1 });
    expect(sync(store.record('a', 'failure', 0, r, T0)).state).toBe('open');
    expect(sync(store.transition('b', 'read', r, T0))).toEqual({ state: 'closed', version: 0, remainingMs: 0, breakMs: 1000, granted: false });
  });

  it('a property: opens exactly when the last `threshold` counted outcomes are failures', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.constantFrom<BreakerOutcome>('success', 'failure', 'failure', 'release'), { maxLength: 40 }), (threshold, outcomes) => {
        const store = memoryStore();
        const r = rule({ threshold });
        let run = 0;
        for (const outcome of outcomes) {
          if (outcome === 'failure') run++;
          else if (outcome === 'success') run = 0;
          const state = sync(store.record('k', outcome, 0, r, T0)).state;
          expect(state).toBe(run >= threshold ? 'open' : 'closed');
          if (state === 'open') return;
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('memoryStore: failure ratio over the last windowCalls calls', () => {
  it('does not open before the window holds minimumCalls, and opens at exactly minimumCalls', () => {
    const r = rule({ threshold: 0.5, minimumCalls: 3, windowCalls: 5 });
    expect(play(memoryStore(), r, [['failure', T0], ['failure', T0], ['success', T0]])).toEqual(['closed', 'closed', 'open']);
  });

  it('opens when failures reach exactly threshold × calls, not before', () => {
    const r = rule({ threshold: 0.5, minimumCalls: 2, windowCalls: 4 });
    const outcomes: [BreakerOutcome, number][] = [['success', T0], ['success', T0], ['success', T0], ['failure', T0], ['success', T0], ['failure', T0]];
    // the last call pushes out the second success: window [s, f, s, f] = 2 of 4
    expect(play(memoryStore(), r, outcomes)).toEqual(['closed', 'closed', 'closed', 'closed', 'closed', 'open']);
  });

  it('forgets calls that slid out of the window', () => {
    const r = rule({ threshold: 1, minimumCalls: 2, windowCalls: 2 });
    // f s | s s | s f | f f: only the last two calls count
    expect(play(memoryStore(), r, [['failure', T0], ['success', T0], ['success', T0], ['failure', T0], ['failure', T0]])).toEqual([
      'closed',
      'closed',
      'closed',
      'closed',
      'open',
    ]);
  });

  it('a property: opens exactly when the last windowCalls outcomes hold minimumCalls calls and threshold × calls failures', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom(0.2, 0.25, 0.5, 0.6, 1),
        fc.array(fc.constantFrom<BreakerOutcome>('success', 'failure', 'release'), { maxLength: 40 }),
        (windowCalls, minimumCalls, threshold, outcomes) => {
          const store = memoryStore();
          const r = rule({ threshold, minimumCalls, windowCalls });
          const seen: boolean[] = [];
          for (const outcome of outcomes) {
            if (outcome !== 'release') seen.push(outcome === 'failure');
            const last = seen.slice(-windowCalls);
            const failures = last.filter(Boolean).length;
            const trips = outcome !== 'release' && last.length >= minimumCalls && failures >= threshold * last.length;
            const state = sync(store.record('k', outcome, 0, r, T0)).state;
            expect(state).toBe(trips ? 'open' : 'closed');
            if (trips) return;
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('memoryStore: slow outcomes and slowCallRatio', () => {
  it('over the last windowCalls calls: opens when slow calls reach slowCallRatio × calls, though failures stay under the threshold', () => {
    const r = rule({ threshold: 1, minimumCalls: 4, windowCalls: 4, slowCallRatio: 0.5 });
    expect(play(memoryStore(), r, [['success', T0], ['slow', T0], ['success', T0], ['slow', T0]])).toEqual(['closed', 'closed', 'closed', 'open']);
    // one slow call in four is under the ratio
    expect(play(memoryStore(), r, [['success', T0], ['slow', T0], ['success', T0], ['success', T0]])).toEqual(['closed', 'closed', 'closed', 'closed']);
  });

  it('a slow call that slid out of the call window no longer counts as slow or as a failure', () => {
    const r = rule({ threshold: 1, minimumCalls: 2, windowCalls: 2, slowCallRatio: 1 });
    // s w | w s | s s: the window holds two slow calls only at [w, w], which never happens
    expect(play(memoryStore(), r, [['success', T0], ['slow', T0], ['success', T0], ['slow', T0], ['success', T0], ['success', T0]])).toEqual(
      Array(6).fill('closed'),
    );
    expect(play(memoryStore(), r, [['slow', T0], ['success', T0], ['slow', T0], ['slow', T0]])).toEqual(['closed', 'closed', 'closed', 'open']);
  });

  it('over a time window: slow calls of every bucket inside the window add up, older ones do not', () => {
    const r = rule({ threshold: 1, minimumCalls: 4, windowMs: 1000, buckets: 2, slowCallRatio: 0.5 });
    expect(play(memoryStore(), r, [['slow', T0], ['success', T0 + 500], ['slow', T0 + 600], ['success', T0 + 700]])).toEqual(['closed', 'closed', 'closed', 'open']);
    // the first slow call is two buckets old when the fourth call lands
    expect(play(memoryStore(), r, [['slow', T0], ['success', T0 + 1000], ['slow', T0 + 1100], ['success', T0 + 1200], ['success', T0 + 1300]])).toEqual(
      Array(5).fill('closed'),
    );
  });

  it('a slow call sliding out of the call window takes exactly one slow call with it', () => {
    const r = rule({ threshold: 1, minimumCalls: 4, windowCalls: 4, slowCallRatio: 0.5 });
    // w s s s | s s s w | s s w s | s w s w: one slow call in the window until the seventh call makes two
    const outcomes: [BreakerOutcome, number][] = [['slow', T0], ['success', T0], ['success', T0], ['success', T0], ['slow', T0], ['success', T0], ['slow', T0]];
    expect(play(memoryStore(), r, outcomes)).toEqual(['closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'open']);
  });

  it('slow calls in one time bucket add up', () => {
    const r = rule({ threshold: 1, minimumCalls: 4, windowMs: 1000, buckets: 2, slowCallRatio: 0.5 });
    expect(play(memoryStore(), r, [['slow', T0], ['slow', T0 + 1], ['success', T0 + 2], ['success', T0 + 3]])).toEqual(['closed', 'closed', 'closed', 'open']);
  });

  it('a slow outcome is a failure too: it counts towards the failure threshold and fails a probe', () => {
    const store = memoryStore();
    expect(play(store, rule({ threshold: 2 }), [['slow', T0], ['slow', T0]])).toEqual(['closed', 'open']);
    const r = rule({ threshold: 1 });
    expect(play(store, r, [['slow', T0]], 'p')).toEqual(['open']);
    const probe = sync(store.transition('p', 'probe', r, T0 + 1000));
    expect(probe.state).toBe('half-open');
    const after = sync(store.record('p', 'slow', probe.version, r, T0 + 1000));
    expect([after.state, after.breakMs]).toEqual(['open', 2000]);
  });

  it('without slowCallRatio slow calls count only as failures', () => {
    const r = rule({ threshold: 1, minimumCalls: 4, windowCalls: 4 });
    expect(play(memoryStore(), r, [['slow', T0], ['slow', T0], ['slow', T0], ['success', T0]])).toEqual(Array(4).fill('closed'));
  });
});

describe('memoryStore: failure ratio over a time window in buckets', () => {
  // windowMs 1000 in 10 buckets of 100 ms; T0 is a multiple of 100
  const r = rule({ threshold: 0.5, minimumCalls: 4, windowMs: 1000, buckets: 10 });

  it('counts every call of one bucket, and opens at exactly minimumCalls and threshold × calls', () => {
    expect(play(memoryStore(), r, [['failure', T0], ['failure', T0 + 10], ['success', T0 + 20], ['success', T0 + 30]])).toEqual([
      'closed',
      'closed',
      'closed',
      'open',
    ]);
    expect(
      play(memoryStore(), r, [['failure', T0], ['success', T0], ['success', T0], ['success', T0], ['failure', T0], ['failure', T0]]),
    ).toEqual(['closed', 'closed', 'closed', 'closed', 'closed', 'open']);
  });

  it('adds up the calls of every bucket inside the window', () => {
    expect(play(memoryStore(), r, [['failure', T0], ['success', T0 + 300], ['failure', T0 + 600], ['success', T0 + 950]])).toEqual([
      'closed',
      'closed',
      'closed',
      'open',
    ]);
  });

  it('forgets calls older than the window', () => {
    const store = memoryStore();
    expect(play(store, r, [['failure', T0], ['failure', T0], ['failure', T0], ['failure', T0 + 1100]])).toEqual(['closed', 'closed', 'closed', 'closed']);
    // the first slot again, one whole window later: its old calls and failures are replaced, not added to
    // (window: these 4 successes and the failure at T0 + 1100, 1 of 5)
    expect(play(store, r, [['success', T0 + 2000], ['success', T0 + 2000], ['success', T0 + 2000], ['success', T0 + 2000]])).toEqual(
      Array(4).fill('closed'),
    );
  });

  it('a slot reused one window later starts from zero calls, so old successes do not dilute new failures', () => {
    // T0 and T0 + 1000 fall in the same slot of the 10 buckets
    expect(play(memoryStore(), r, [['success', T0], ['success', T0], ['success', T0], ['failure', T0 + 1000], ['failure', T0 + 1000], ['failure', T0 + 1000], ['failure', T0 + 1000]])).toEqual([
      'closed',
      'closed',
      'closed',
      'closed',
      'closed',
      'closed',
      'open',
    ]);
  });

  it('a property: opens exactly when the calls of the last `buckets` bucket epochs reach minimumCalls and the threshold', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(0.25, 0.5, 1),
        fc.integer({ min: 10, max: 400 }),
        fc.array(fc.tuple(fc.constantFrom<BreakerOutcome>('success', 'failure', 'release'), fc.integer({ min: 0, max: 150 })), { maxLength: 40 }),
        (buckets, minimumCalls, threshold, windowMs, steps) => {
          const store = memoryStore();
          const r = rule({ threshold, minimumCalls, windowMs, buckets });
          // Buckets exactly windowMs / buckets wide, as the local breaker's (not rounded down to whole ms).
          const width = windowMs / buckets;
          const calls: { epoch: number; failed: boolean }[] = [];
          let now = T0;
          for (const [outcome, dt] of steps) {
            now += dt;
            const epoch = Math.floor(now / width);
            if (outcome !== 'release') calls.push({ epoch, failed: outcome === 'failure' });
            const inWindow = calls.filter((c) => c.epoch > epoch - buckets);
            const failures = inWindow.filter((c) => c.failed).length;
            const trips = outcome !== 'release' && inWindow.length >= minimumCalls && failures >= threshold * inWindow.length;
            const state = sync(store.record('k', outcome, 0, r, now)).state;
            expect(state).toBe(trips ? 'open' : 'closed');
            if (trips) return;
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('memoryStore: open, probes, half-open', () => {
  const r = rule({ threshold: 1, breakMs: 1000, maxBreakMs: 3000, breakFactor: 2 });

  it('an open breaker reports the time left and grants no probe until the break is over', () => {
    const store = memoryStore();
    store.record('k', 'failure', 0, r, T0);
    expect(sync(store.transition('k', 'probe', r, T0 + 400))).toEqual({ state: 'open', version: 1, remainingMs: 600, breakMs: 1000, granted: false });
    expect(sync(store.transition('k', 'read', r, T0 + 999)).remainingMs).toBe(1);
    expect(sync(store.transition('k', 'probe', r, T0 + 1000))).toEqual({ state: 'half-open', version: 2, remainingMs: 0, breakMs: 1000, granted: true });
  });

  it('each failed probe multiplies the break by breakFactor up to maxBreakMs; a successful probe closes and restores breakMs', () => {
    const store = memoryStore();
    let now = T0;
    store.record('k', 'failure', 0, r, now);
    const breaks: number[] = [];
    for (let i = 0; i < 3; i++) {
      now += 10_000;
      const probe = sync(store.transition('k', 'probe', r, now));
      expect(probe.granted).toBe(true);
      const after = sync(store.record('k', 'failure', probe.version, r, now));
      expect(after.state).toBe('open');
      expect(after.remainingMs).toBe(after.breakMs);
      breaks.push(after.breakMs);
    }
    expect(breaks).toEqual([2000, 3000, 3000]);
    now += 10_000;
    const probe = sync(store.transition('k', 'probe', r, now));
    expect(sync(store.record('k', 'success', probe.version, r, now))).toEqual({ state: 'closed', version: probe.version + 1, remainingMs: 0, breakMs: 1000, granted: false });
    // the next opening starts from breakMs again
    expect(sync(store.record('k', 'failure', probe.version + 1, r, now))).toMatchObject({ state: 'open', remainingMs: 1000, breakMs: 1000 });
  });

  it('the break grows from the current break length, with a fractional factor rounded down', () => {
    const store = memoryStore();
    const r15 = rule({ threshold: 1, breakMs: 333, maxBreakMs: 10_000, breakFactor: 1.5 });
    store.record('k', 'failure', 0, r15, T0);
    let now = T0;
    const breaks: number[] = [];
    for (let i = 0; i < 3; i++) {
      now += 20_000;
      const probe = sync(store.transition('k', 'probe', r15, now));
      breaks.push(sync(store.record('k', 'failure', probe.version, r15, now)).breakMs);
    }
    expect(breaks).toEqual([499, 748, 1122]);
  });

  it('lets halfOpenMaxCalls probes through at once; a release or an outcome frees a slot', () => {
    const store = memoryStore();
    const r2 = rule({ threshold: 1, halfOpenMaxCalls: 2, halfOpenSuccesses: 3 });
    store.record('k', 'failure', 0, r2, T0);
    const now = T0 + 1000;
    const grants = [0, 1, 2].map(() => sync(store.transition('k', 'probe', r2, now)).granted);
    expect(grants).toEqual([true, true, false]);
    const version = sync(store.transition('k', 'read', r2, now)).version;
    store.record('k', 'release', version, r2, now);
    expect(sync(store.transition('k', 'probe', r2, now)).granted).toBe(true);
    expect(sync(store.transition('k', 'probe', r2, now)).granted).toBe(false);
    // two successes of three needed: still half-open, both slots free again
    store.record('k', 'success', version, r2, now);
    expect(sync(store.record('k', 'success', version, r2, now)).state).toBe('half-open');
    expect([0, 1, 2].map(() => sync(store.transition('k', 'probe', r2, now)).granted)).toEqual([true, true, false]);
    expect(sync(store.record('k', 'success', version, r2, now)).state).toBe('closed');
  });

  it('ignores outcomes admitted under an older version', () => {
    const store = memoryStore();
    store.record('k', 'failure', 0, r, T0);
    const probe = sync(store.transition('k', 'probe', r, T0 + 1000));
    // a call admitted while closed (version 0) fails late: the half-open breaker does not count it
    expect(sync(store.record('k', 'failure', 0, r, T0 + 1000))).toMatchObject({ state: 'half-open', version: probe.version });
    expect(sync(store.record('k', 'success', probe.version - 1, r, T0 + 1000))).toMatchObject({ state: 'half-open', version: probe.version });
    expect(sync(store.transition('k', 'probe', r, T0 + 1000)).granted).toBe(false);
  });

  it('a probe that never reports holds its slot for maxBreakMs, then the next caller probes', () => {
    const store = memoryStore();
    store.record('k', 'failure', 0, r, T0);
    expect(sync(store.transition('k', 'probe', r, T0 + 1000)).granted).toBe(true);
    expect(sync(store.transition('k', 'probe', r, T0 + 3999)).granted).toBe(false);
    expect(sync(store.transition('k', 'probe', r, T0 + 4000))).toMatchObject({ state: 'half-open', granted: true });
  });

  it('a probe slot whose lease is over is reused only when every slot is taken: never more than halfOpenMaxCalls grants per lease', () => {
    const store = memoryStore();
    const r2 = rule({ threshold: 1, breakMs: 1000, maxBreakMs: 3000, halfOpenMaxCalls: 2 });
    store.record('k', 'failure', 0, r2, T0);
    expect(sync(store.transition('k', 'probe', r2, T0 + 1000)).granted).toBe(true);
    // the first probe never reports; after its lease one more slot is free, and only one
    expect([0, 1].map(() => sync(store.transition('k', 'probe', r2, T0 + 4000)).granted)).toEqual([true, false]);
    // both leases over: both slots are handed out again
    expect([0, 1, 2].map(() => sync(store.transition('k', 'probe', r2, T0 + 7000)).granted)).toEqual([true, true, false]);
  });

  it('a closed breaker grants every probe and does not change', () => {
    const store = memoryStore();
    for (let i = 0; i < 3; i++) expect(sync(store.transition('k', 'probe', r, T0))).toEqual({ state: 'closed', version: 0, remainingMs: 0, breakMs: 1000, granted: true });
  });
});

describe('memoryStore: isolate and reset', () => {
  const r = rule({ threshold: 2, breakMs: 1000, maxBreakMs: 5000 });

  it('isolate refuses every probe, however late, until reset; each change adds one to the version', () => {
    const store = memoryStore();
    expect(sync(store.transition('k', 'isolate', r, T0))).toEqual({ state: 'isolated', version: 1, remainingMs: 0, breakMs: 1000, granted: false });
    expect(sync(store.transition('k', 'probe', r, T0 + 500_000))).toMatchObject({ state: 'isolated', granted: false });
    expect(sync(store.record('k', 'success', 1, r, T0 + 500_000)).state).toBe('isolated');
    expect(sync(store.transition('k', 'reset', r, T0 + 500_000))).toEqual({ state: 'closed', version: 2, remainingMs: 0, breakMs: 1000, granted: false });
  });

  it('reset closes an open breaker at once, restores breakMs, and forgets the failures counted before', () => {
    const store = memoryStore();
    let now = T0;
    store.record('k', 'failure', 0, r, now);
    store.record('k', 'failure', 0, r, now);
    now += 1000;
    const probe = sync(store.transition('k', 'probe', r, now));
    expect(sync(store.record('k', 'failure', probe.version, r, now))).toMatchObject({ state: 'open', version: 3, breakMs: 2000 });
    expect(sync(store.transition('k', 'reset', r, now + 1))).toEqual({ state: 'closed', version: 4, remainingMs: 0, breakMs: 1000, granted: false });
    expect(sync(store.transition('k', 'probe', r, now + 1)).granted).toBe(true);
    // history forgotten: one failure after the reset does not reach threshold 2 with one from before
    store.record('k', 'failure', 4, r, now + 2);
    store.transition('k', 'reset', r, now + 3);
    expect(sync(store.record('k', 'failure', 5, r, now + 4))).toMatchObject({ state: 'closed', version: 5 });
    expect(sync(store.record('k', 'failure', 5, r, now + 4))).toMatchObject({ state: 'open', version: 6, breakMs: 1000, remainingMs: 1000 });
  });

  it('isolate adds one to whatever version the breaker is at', () => {
    const store = memoryStore();
    store.record('k', 'failure', 0, r, T0);
    store.record('k', 'failure', 0, r, T0); // open: version 1
    store.transition('k', 'probe', r, T0 + 1000); // half-open: version 2
    expect(sync(store.transition('k', 'isolate', r, T0 + 1000))).toMatchObject({ state: 'isolated', version: 3 });
    expect(sync(store.transition('k', 'isolate', r, T0 + 1000))).toMatchObject({ state: 'isolated', version: 4 });
  });

  it('read changes nothing', () => {
    const store = memoryStore();
    store.record('k', 'failure', 0, r, T0);
    store.transition('k', 'read', r, T0);
    expect(sync(store.record('k', 'failure', 0, r, T0)).state).toBe('open');
  });
});

describe('memoryStore: take (GCRA token bucket)', () => {
  it('grants `burst` tokens at once, then refuses with the time until the next one', () => {
    const store = memoryStore();
    const req = { intervalMs: 100, burst: 3, maxWaitMs: 0 };
    expect([0, 1, 2].map(() => sync(store.take('b', req, T0)))).toEqual(Array(3).fill({ granted: true, waitMs: 0 }));
    expect(sync(store.take('b', req, T0))).toEqual({ granted: false, waitMs: 100 });
    expect(sync(store.take('b', req, T0 + 40))).toEqual({ granted: false, waitMs: 60 });
    expect(sync(store.take('b', req, T0 + 100))).toEqual({ granted: true, waitMs: 0 });
    expect(sync(store.take('b', req, T0 + 100))).toEqual({ granted: false, waitMs: 100 });
    // keys are separate buckets
    expect(sync(store.take('other', req, T0 + 100))).toEqual({ granted: true, waitMs: 0 });
  });

  it('reserves a token for later when the wait is within maxWaitMs, and refuses a longer one without spending', () => {
    const store = memoryStore();
    const req = { intervalMs: 100, burst: 1, maxWaitMs: 150 };
    expect(sync(store.take('b', req, T0))).toEqual({ granted: true, waitMs: 0 });
    expect(sync(store.take('b', req, T0))).toEqual({ granted: true, waitMs: 100 });
    expect(sync(store.take('b', req, T0 + 10))).toEqual({ granted: false, waitMs: 190 });
    expect(sync(store.take('b', req, T0 + 50))).toEqual({ granted: true, waitMs: 150 });
  });

  it('rounds a fractional wait up, and treats a microsecond over as no wait', () => {
    const store = memoryStore();
    const req = { intervalMs: 1000 / 3, burst: 1, maxWaitMs: 0 };
    expect(sync(store.take('b', req, 0))).toEqual({ granted: true, waitMs: 0 });
    expect(sync(store.take('b', req, 100))).toEqual({ granted: false, waitMs: 234 });
    expect(sync(store.take('b', req, 1000 / 3 - 1e-4))).toEqual({ granted: true, waitMs: 0 });
  });

  it('a wait of exactly a microsecond is still no wait', () => {
    const store = memoryStore();
    const req = { intervalMs: 0.001, burst: 1, maxWaitMs: 0 };
    expect(sync(store.take('b', req, 0))).toEqual({ granted: true, waitMs: 0 });
    expect(sync(store.take('b', req, 0))).toEqual({ granted: true, waitMs: 0 }); // wait is 0.002 - 0.001 - 0 = 0.001 exactly
  });

  it('a property: immediate grants never exceed burst + elapsed / interval, and a refusal says when a token is free', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 60 }),
        (intervalMs, burst, gaps) => {
          const store = memoryStore();
          const req = { intervalMs, burst, maxWaitMs: 0 };
          let now = T0;
          let granted = 0;
          for (const gap of gaps) {
            now += gap;
            const result = sync(store.take('b', req, now));
            if (result.granted) {
              expect(result.waitMs).toBe(0);
              granted++;
            } else {
              expect(result.waitMs).toBeGreaterThan(0);
              expect(result.waitMs).toBeLessThanOrEqual(intervalMs);
            }
            expect(granted).toBeLessThanOrEqual(burst + Math.floor((now - T0) / intervalMs));
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a refused caller that waits waitMs gets a token', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 500 }), (intervalMs, burst, later) => {
        const store = memoryStore();
        const req = { intervalMs, burst, maxWaitMs: 0 };
        for (let i = 0; i < burst; i++) expect(sync(store.take('b', req, T0)).granted).toBe(true);
        const refused = sync(store.take('b', req, T0 + Math.min(later, intervalMs - 1)));
        expect(refused.granted).toBe(false);
        expect(sync(store.take('b', req, T0 + Math.min(later, intervalMs - 1) + refused.waitMs)).granted).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('memoryStore: adjust (clamped counter)', () => {
  it('starts from `initial`, adds delta, and clamps to [min, max]', () => {
    const store = memoryStore();
    const req = (delta: number) => ({ delta, initial: 5, min: 0, max: 10 });
    expect(sync(store.adjust('c', req(-1), T0))).toBe(4);
    expect(sync(store.adjust('c', req(-10), T0))).toBe(0);
    expect(sync(store.adjust('c', req(0.5), T0))).toBe(0.5);
    expect(sync(store.adjust('c', req(100), T0))).toBe(10);
    expect(sync(store.adjust('other', req(1), T0))).toBe(6);
  });

  it('a property: the value is the running sum clamped at every step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.array(fc.constantFrom(-3, -1, -0.5, 0, 0.25, 1, 4), { maxLength: 30 }), (initial, deltas) => {
        const store = memoryStore();
        let model = initial;
        for (const delta of deltas) {
          model = Math.min(20, Math.max(0, model + delta));
          expect(sync(store.adjust('c', { delta, initial, min: 0, max: 20 }, T0))).toBe(model);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('memoryStore: ttlMs', () => {
  const r = rule({ threshold: 1 });
  const spend = { delta: -1, initial: 10, min: 0, max: 10 };

  it('forgets a key untouched for more than ttlMs, and keeps one touched exactly ttlMs ago', () => {
    const store = memoryStore({ ttlMs: 1000 });
    store.record('open', 'failure', 0, r, T0);
    store.record('kept', 'failure', 0, r, T0);
    store.adjust('c', spend, T0);
    store.adjust('d', spend, T0);
    expect(sync(store.transition('kept', 'read', r, T0 + 1000)).state).toBe('open');
    expect(sync(store.transition('open', 'read', r, T0 + 1001))).toMatchObject({ state: 'closed', version: 0 });
    expect(sync(store.adjust('d', spend, T0 + 1000))).toBe(8);
    expect(sync(store.adjust('c', spend, T0 + 1001))).toBe(9);
  });

  it('every use renews a key', () => {
    const store = memoryStore({ ttlMs: 1000 });
    store.record('k', 'failure', 0, r, T0);
    store.transition('k', 'read', r, T0 + 900);
    expect(sync(store.transition('k', 'read', r, T0 + 1800)).state).toBe('open');
    store.adjust('c', spend, T0);
    store.adjust('c', spend, T0 + 900);
    expect(sync(store.adjust('c', spend, T0 + 1800))).toBe(7);
  });

  it('a token bucket idle for longer than ttlMs is full again', () => {
    const store = memoryStore({ ttlMs: 1000 });
    const req = { intervalMs: 100_000, burst: 1, maxWaitMs: 0 };
    expect(sync(store.take('b', req, T0)).granted).toBe(true);
    expect(sync(store.take('b', req, T0 + 50_000)).granted).toBe(false);
    expect(sync(store.take('b', req, T0 + 100_000)).granted).toBe(true);
  });

  it('a bucket with tokens reserved beyond ttlMs is kept until the reservations are used', () => {
    const store = memoryStore({ ttlMs: 1000 });
    const reserve = { intervalMs: 1000, burst: 1, maxWaitMs: 10_000 };
    expect([0, 1, 2, 3, 4, 5].map(() => sync(store.take('b', reserve, T0)).waitMs)).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
    // tokens are reserved up to T0 + 5000: at T0 + 3000 the next free one is 3000 ms away
    expect(sync(store.take('b', { ...reserve, maxWaitMs: 0 }, T0 + 3000))).toEqual({ granted: false, waitMs: 3000 });
  });

  /** Runs `n` operations on throwaway keys at `now`. */
  const churn = (store: StateStore, n: number, now: number): void => {
    for (let i = 0; i < n; i++) store.adjust(`churn${i}`, spend, now);
  };

  it('the periodic sweep (every 1024 operations) forgets only keys idle for more than ttlMs', () => {
    // Operation 1024 runs a sweep at T0 + 1000: the keys touched at T0 are exactly ttlMs old and must stay.
    const store = memoryStore({ ttlMs: 1000 });
    store.record('b', 'failure', 0, r, T0);
    store.adjust('c', spend, T0);
    churn(store, 1021, T0);
    expect(sync(store.transition('b', 'read', r, T0 + 1000)).state).toBe('open'); // the 1024th operation
    expect(sync(store.adjust('c', spend, T0 + 1000))).toBe(8);
  });

  it('the sweep keeps keys in use, for breakers and counters alike', () => {
    const store = memoryStore({ ttlMs: 1000 });
    store.record('b', 'failure', 0, r, T0);
    store.adjust('c', spend, T0);
    churn(store, 2100, T0 + 500);
    expect(sync(store.transition('b', 'read', r, T0 + 600)).state).toBe('open');
    expect(sync(store.adjust('c', spend, T0 + 600))).toBe(8);
  });

  it('rejects a ttlMs that is not a finite number > 0', () => {
    expect(() => memoryStore({ ttlMs: 0 })).toThrow('memoryStore: ttlMs must be a finite number > 0, got 0');
    expect(() => memoryStore({ ttlMs: Number.NaN })).toThrow(TypeError);
    expect(() => memoryStore('fast' as never)).toThrow(/^memoryStore: options must be an object/);
  });
});
