// The chaos server's decisions without a server: the stateful behaviours, the script, the seeded
// mix, latency and what counts as a side effect, each as a function of request and state.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ChaosPlan,
  type ChaosState,
  START_STATE,
  chooseAction,
  commitsSideEffect,
  decide,
  drawLatency,
  pickFromMix,
  statefulAction,
} from '../../src/testing/chaos-behaviours.js';
import type { ChaosAction, ChaosBehaviours, ChaosRequest } from '../../src/testing/chaos-types.js';
import { seededRandom } from '../../src/testing/seeded-random.js';

function request(index: number, at = 0, more: Partial<ChaosRequest> = {}): ChaosRequest {
  return {
    index,
    method: 'POST',
    path: '/v1/infer',
    headers: {},
    idempotencyKey: undefined,
    body: '{}',
    at,
    requestId: `req_${String(index + 1).padStart(6, '0')}`,
    remotePort: undefined,
    action: 'ok',
    status: undefined,
    fault: undefined,
    committed: false,
    ...more,
  };
}

/** Runs the stateful behaviours over requests at `times`, returning each answer's fault code (or 'ok'). */
function play(behaviours: ChaosBehaviours, times: readonly number[]): string[] {
  let state: ChaosState = START_STATE;
  return times.map((now) => {
    const next = statefulAction(behaviours, state, now);
    state = next.state;
    const action = next.action;
    if (action === undefined) return 'ok';
    return action.type === 'fault' && typeof action.fault === 'object' ? action.fault.code : action.type;
  });
}

const plan = (more: Partial<ChaosPlan> = {}): ChaosPlan => ({ behaviours: {}, script: undefined, mix: [], latencyRange: [0, 0], ...more });
const noRandom = (): number => {
  throw new Error('random drawn');
};

describe('statefulAction', () => {
  it('answers quota_exhausted to every request after the monthly cap, with its upgrade URL and Retry-After', () => {
    expect(play({ monthlyCap: { limit: 2 } }, [0, 1, 2, 3])).toEqual(['ok', 'ok', 'quota_exhausted', 'quota_exhausted']);
    const capped = statefulAction({ monthlyCap: { limit: 0, upgradeUrl: 'https://x.test/billing', retryAfterMs: 30_000 } }, START_STATE, 0).action;
    expect(capped).toEqual({
      type: 'fault',
      fault: { code: 'quota_exhausted', message: 'Monthly request allowance used up', limit: 0, upgradeUrl: 'https://x.test/billing', retryAfterMs: 30_000 },
    });
  });

  it('rate limits N requests per fixed window from the first request, with Retry-After to the window end', () => {
    const limiter = { rateLimit: { limit: 2, windowMs: 60_000 } };
    expect(play(limiter, [0, 10_000, 20_000, 59_999, 60_000, 60_001, 60_002])).toEqual(['ok', 'ok', 'rate_limited', 'rate_limited', 'ok', 'ok', 'rate_limited']);
    let state = statefulAction(limiter, START_STATE, 0).state;
    state = statefulAction(limiter, state, 1).state;
    expect(statefulAction(limiter, state, 10_000).action).toEqual({
      type: 'fault',
      fault: { code: 'rate_limited', message: 'Rate limit exceeded', retryAfterMs: 50_000, limit: 2, rateLimit: { limit: 2, remaining: 0, resetMs: 50_000 } },
    });
  });

  it('jumps to the window a late request falls in, keeping windows aligned to the first request', () => {
    const limiter = { rateLimit: { limit: 1, windowMs: 1_000 } };
    const first = statefulAction(limiter, START_STATE, 500);
    const late = statefulAction(limiter, first.state, 3_700);
    expect([late.action, late.state.windowStart, late.state.windowCount]).toEqual([undefined, 3_500, 1]);
    const limited = statefulAction(limiter, late.state, 3_900).action;
    expect(limited?.type === 'fault' && typeof limited.fault === 'object' ? limited.fault.retryAfterMs : 'none').toBe(600);
  });

  it('leaves out Retry-After when the rate limit says retryAfter: false, but keeps the X-RateLimit facts', () => {
    const limiter = { rateLimit: { limit: 0, windowMs: 6_000, retryAfter: false } };
    const action = statefulAction(limiter, START_STATE, 0).action;
    expect(action?.type === 'fault' && typeof action.fault === 'object' ? [action.fault.retryAfterMs, action.fault.rateLimit] : []).toEqual([undefined, { limit: 0, remaining: 0, resetMs: 6_000 }]);
  });

  it('is BUILDING for forMs after the first request, then ACTIVE', () => {
    expect(play({ building: { forMs: 5_000 } }, [1_000, 5_999, 6_000, 7_000])).toEqual(['service_unavailable', 'service_unavailable', 'ok', 'ok']);
    const action = statefulAction({ building: { forMs: 1, retryAfterMs: 2_000 } }, START_STATE, 0).action;
    expect(action).toEqual({ type: 'fault', fault: { code: 'service_unavailable', message: "Deployment 'model' is not active (status: BUILDING)", retryAfterMs: 2_000 } });
  });

  it('checks the cap, then the rate limit, then BUILDING, and a request refused earlier does not count later', () => {
    const all: ChaosBehaviours = { monthlyCap: { limit: 1 }, rateLimit: { limit: 1, windowMs: 60_000 }, building: { forMs: 0 } };
    const first = statefulAction(all, START_STATE, 0);
    expect(first.action).toBeUndefined();
    const second = statefulAction(all, first.state, 1);
    expect(second.action?.type === 'fault' && typeof second.action.fault === 'object' ? second.action.fault.code : '').toBe('quota_exhausted');
    // The capped request did not use the window: the count is still the first request's.
    expect(second.state.windowCount).toBe(1);
    const limitedFirst = statefulAction({ rateLimit: { limit: 0, windowMs: 1_000 }, building: { forMs: 1_000 } }, START_STATE, 0);
    expect(limitedFirst.state.buildingSince).toBeUndefined();
  });

  it('does not change the state it is given', () => {
    const state: ChaosState = { served: 3, windowStart: 0, windowCount: 1, buildingSince: undefined };
    const copy = { ...state };
    statefulAction({ monthlyCap: { limit: 10 }, rateLimit: { limit: 5, windowMs: 10 }, building: { forMs: 1 } }, state, 50);
    expect(state).toEqual(copy);
  });

  it('never admits more than limit requests in any one window (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 1_000 }), fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 60 }), (limit, windowMs, gaps) => {
        const behaviours = { rateLimit: { limit, windowMs } };
        let state: ChaosState = START_STATE;
        let now = 0;
        const admitted = new Map<number, number>();
        for (const gap of gaps) {
          now += gap;
          const next = statefulAction(behaviours, state, now);
          state = next.state;
          if (next.action === undefined) admitted.set(state.windowStart, (admitted.get(state.windowStart) ?? 0) + 1);
        }
        for (const n of admitted.values()) expect(n).toBeLessThanOrEqual(limit);
      }),
    );
  });
});

describe('pickFromMix', () => {
  it('gives each step a slice of [0, 1) in order, and ok past them', () => {
    const mix = [['rate_limited', 0.2], ['reset', 0.1]] as const;
    expect(pickFromMix(mix, 0)).toEqual({ type: 'fault', fault: 'rate_limited' });
    expect(pickFromMix(mix, 0.19)).toEqual({ type: 'fault', fault: 'rate_limited' });
    expect(pickFromMix(mix, 0.2)).toEqual({ type: 'reset' });
    expect(pickFromMix(mix, 0.31)).toEqual({ type: 'ok' });
    expect(pickFromMix([], 0)).toEqual({ type: 'ok' });
  });
});

describe('chooseAction', () => {
  it('lets the stateful behaviours answer before the script', () => {
    const chosen = chooseAction(plan({ behaviours: { monthlyCap: { limit: 0 } }, script: [{ type: 'hang' }] }), START_STATE, request(0), noRandom);
    expect(chosen.action.type).toBe('fault');
  });

  it('plays an array script by request index, then the mix', () => {
    const p = plan({ script: [{ type: 'reset' }], mix: [['internal', 1]] });
    expect(chooseAction(p, START_STATE, request(0), noRandom).action).toEqual({ type: 'reset' });
    expect(chooseAction(p, START_STATE, request(1), () => 0.5).action).toEqual({ type: 'fault', fault: 'internal' });
  });

  it("asks a script function, reading its shorthand steps, and falls to the mix when it returns undefined", () => {
    const p = plan({ script: (r) => (r.method === 'GET' ? 'service_unavailable' : undefined) });
    expect(chooseAction(p, START_STATE, request(0, 0, { method: 'GET' }), noRandom).action).toEqual({ type: 'fault', fault: 'service_unavailable' });
    expect(chooseAction(p, START_STATE, request(1), () => 0.5).action).toEqual({ type: 'ok' });
  });

  it('refuses a step a script function returns that is not a step', () => {
    const p = plan({ script: () => 'teapot' as never });
    expect(() => chooseAction(p, START_STATE, request(0), noRandom)).toThrow(/startChaosServer: script step must be/);
  });
});

describe('drawLatency and decide', () => {
  it('draws a fixed latency without using the random source, and a range uniformly', () => {
    expect(drawLatency([250, 250], noRandom)).toBe(250);
    expect(drawLatency([100, 300], () => 0.5)).toBe(200);
  });

  it("adds the action's own delay to the latency", () => {
    const p = plan({ script: [{ type: 'ok', delayMs: 40 }], latencyRange: [10, 10] });
    expect(decide(p, START_STATE, request(0), false, noRandom).delayMs).toBe(50);
  });

  it('decides nothing for a replay and leaves the state alone, but still waits the latency', () => {
    const p = plan({ behaviours: { monthlyCap: { limit: 5 } }, latencyRange: [0, 100] });
    const replay = decide(p, START_STATE, request(0), true, () => 0.25);
    expect([replay.action, replay.state, replay.delayMs]).toEqual([undefined, START_STATE, 25]);
  });

  it('plays the same sequence for the same seed', () => {
    const p = plan({ mix: [['rate_limited', 0.3], ['hang', 0.3]], latencyRange: [0, 50] });
    const run = (seed: number): unknown[] => {
      const random = seededRandom(seed);
      let state = START_STATE;
      return Array.from({ length: 20 }, (_, i) => {
        const d = decide(p, state, request(i), false, random);
        state = d.state;
        return [d.action?.type, d.delayMs];
      });
    };
    expect(run(3)).toEqual(run(3));
    expect(run(3)).not.toEqual(run(4));
  });
});

describe('commitsSideEffect', () => {
  it('counts a 2xx to an unsafe method as done, unless the action says otherwise', () => {
    const ok: ChaosAction = { type: 'ok' };
    expect(['POST', 'PUT', 'DELETE', 'PATCH', 'GET', 'HEAD', 'OPTIONS'].map((m) => commitsSideEffect(ok, m))).toEqual([true, true, true, true, false, false, false]);
    expect(commitsSideEffect({ type: 'ok', commit: false }, 'POST')).toBe(false);
    expect(commitsSideEffect({ type: 'ok', commit: true }, 'GET')).toBe(true);
  });

  it('counts any other action as done only when it says commit: true', () => {
    for (const action of [{ type: 'hang' }, { type: 'reset' }, { type: 'close' }, { type: 'fault', fault: 'bad_gateway' }, { type: 'response', status: 502 }] as const) {
      expect(commitsSideEffect(action, 'POST')).toBe(false);
      expect(commitsSideEffect({ ...action, commit: true }, 'POST')).toBe(true);
    }
  });
});
