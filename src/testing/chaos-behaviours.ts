/**
 * What the chaos server does with a request, decided without touching a socket: the stateful
 * behaviours (monthly cap, rate-limit window, BUILDING), then the script, then the seeded random
 * mix, plus the latency to wait first. Every function here is a function of the request, the
 * state and a random source, so the rules can be tested without a server; the server keeps the
 * state between requests and does the I/O.
 */
import type { ChaosAction, ChaosBehaviours, ChaosRequest, ChaosStep } from './chaos-types.js';
import { actionOf } from './chaos-options.js';

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * What the stateful behaviours remember between requests.
 *
 * @example
 * ```ts
 * const state: ChaosState = START_STATE;
 * ```
 * @internal
 */
export interface ChaosState {
  /** Requests counted against the monthly cap (every request while a cap is set). */
  readonly served: number;
  /** Start of the current rate-limit window, by the server's clock. */
  readonly windowStart: number;
  /** Requests counted in the current window; 0 before the first. */
  readonly windowCount: number;
  /** When the deployment started BUILDING: the first request that reached that check. */
  readonly buildingSince: number | undefined;
}

/**
 * The state before the first request.
 * @example
 * ```ts
 * statefulAction({}, START_STATE, 0).action; // undefined
 * ```
 * @internal
 */
export const START_STATE: ChaosState = { served: 0, windowStart: 0, windowCount: 0, buildingSince: undefined };

/**
 * A decision, with the state it leaves behind.
 * @example
 * ```ts
 * const { state, action } = statefulAction(behaviours, START_STATE, clock.now());
 * ```
 * @internal
 */
export interface Decided<T> {
  readonly state: ChaosState;
  readonly action: T;
}

/**
 * The script as the behaviours read it: actions by request index, or a function whose `undefined`
 * hands the request on to the random mix. (The server binds itself into a script function.)
 * @example
 * ```ts
 * const script: ChaosScript = (request) => (request.method === 'GET' ? 'ok' : undefined);
 * ```
 * @internal
 */
export type ChaosScript = readonly ChaosAction[] | ((request: ChaosRequest) => ChaosStep | undefined) | undefined;

/**
 * What a request is decided from, besides the state: the checked options.
 * @example
 * ```ts
 * const plan: ChaosPlan = { behaviours: {}, script: ['ok'].map((s) => actionOf(s)), mix: [], latencyRange: [0, 0] };
 * ```
 * @internal
 */
export interface ChaosPlan {
  readonly behaviours: ChaosBehaviours;
  readonly script: ChaosScript;
  readonly mix: readonly (readonly [ChaosStep, number])[];
  readonly latencyRange: readonly [number, number];
}

/**
 * The monthly cap, rate limit and BUILDING, checked in that order at `now`. The first that
 * refuses the request answers it, and the later ones do not see it: a capped request does not
 * use up the rate-limit window, as on a real gateway that rejects it before the limiter.
 *
 * @example
 * ```ts
 * statefulAction({ monthlyCap: { limit: 0 } }, START_STATE, 0).action?.type; // 'fault'
 * ```
 * @internal
 */
export function statefulAction(behaviours: ChaosBehaviours, state: ChaosState, now: number): Decided<ChaosAction | undefined> {
  let next = state;
  const cap = behaviours.monthlyCap;
  if (cap !== undefined) {
    next = { ...next, served: next.served + 1 };
    if (next.served > cap.limit) {
      const fault = {
        code: 'quota_exhausted',
        message: cap.message ?? 'Monthly request allowance used up',
        limit: cap.limit,
        ...(cap.upgradeUrl === undefined ? {} : { upgradeUrl: cap.upgradeUrl }),
        ...(cap.retryAfterMs === undefined ? {} : { retryAfterMs: cap.retryAfterMs }),
      } as const;
      return { state: next, action: { type: 'fault', fault } };
    }
  }
  const limiter = behaviours.rateLimit;
  if (limiter !== undefined) {
    let { windowStart, windowCount } = next;
    // Fixed windows aligned to the first request: after a quiet spell the window jumps to the one
    // `now` falls in, so its end (the Retry-After) is where a real fixed-window limiter would put it.
    if (windowCount === 0 || now >= windowStart + limiter.windowMs) {
      windowStart = windowCount === 0 ? now : windowStart + Math.floor((now - windowStart) / limiter.windowMs) * limiter.windowMs;
      windowCount = 0;
    }
    windowCount++;
    next = { ...next, windowStart, windowCount };
    if (windowCount > limiter.limit) {
      const resetMs = windowStart + limiter.windowMs - now;
      const fault = {
        code: 'rate_limited',
        message: limiter.message ?? 'Rate limit exceeded',
        ...(limiter.retryAfter === false ? {} : { retryAfterMs: resetMs }),
        limit: limiter.limit,
        rateLimit: { limit: limiter.limit, remaining: 0, resetMs },
      } as const;
      return { state: next, action: { type: 'fault', fault } };
    }
  }
  const building = behaviours.building;
  if (building !== undefined) {
    const since = next.buildingSince ?? now;
    next = { ...next, buildingSince: since };
    if (now < since + building.forMs) {
      const fault = {
        code: 'service_unavailable',
        message: building.message ?? "Deployment 'model' is not active (status: BUILDING)",
        ...(building.retryAfterMs === undefined ? {} : { retryAfterMs: building.retryAfterMs }),
      } as const;
      return { state: next, action: { type: 'fault', fault } };
    }
  }
  return { state: next, action: undefined };
}

/**
 * The mix's step for a roll in [0, 1): the steps take consecutive slices of [0, 1) in the order
 * given, and a roll past them all succeeds.
 *
 * @example
 * ```ts
 * pickFromMix([['rate_limited', 0.2]], 0.1); // { type: 'fault', fault: 'rate_limited' }
 * ```
 * @internal
 */
export function pickFromMix(mix: readonly (readonly [ChaosStep, number])[], roll: number): ChaosAction {
  let rest = roll;
  for (const [step, weight] of mix) {
    if (rest < weight) return actionOf(step);
    rest -= weight;
  }
  return { type: 'ok' };
}

/**
 * The action for `request`: the stateful behaviours, else the script, else the random mix.
 * `random` is drawn only when the mix decides, so a script does not shift the seeded sequence
 * that later requests (and latency) see.
 *
 * @example
 * ```ts
 * chooseAction(plan, START_STATE, request, seededRandom(1)).action.type; // 'ok'
 * ```
 * @internal
 */
export function chooseAction(plan: ChaosPlan, state: ChaosState, request: ChaosRequest, random: () => number): Decided<ChaosAction> {
  const fromState = statefulAction(plan.behaviours, state, request.at);
  if (fromState.action !== undefined) return { state: fromState.state, action: fromState.action };
  const script = plan.script;
  if (typeof script === 'function') {
    const step = script(request);
    if (step !== undefined) return { state: fromState.state, action: actionOf(step) };
  } else if (script !== undefined) {
    const scripted = script[request.index];
    if (scripted !== undefined) return { state: fromState.state, action: scripted };
  }
  return { state: fromState.state, action: pickFromMix(plan.mix, random()) };
}

/**
 * The latency before answering: the fixed value, or a uniform draw from [min, max]. A fixed
 * latency draws nothing, so adding one does not change the random mix.
 *
 * @example
 * ```ts
 * drawLatency([250, 250], Math.random); // 250
 * ```
 * @internal
 */
export function drawLatency(range: readonly [number, number], random: () => number): number {
  const [min, max] = range;
  return min === max ? min : min + random() * (max - min);
}

/**
 * Everything decided about one request before the server waits and answers.
 * @example
 * ```ts
 * const { state, action, delayMs } = decide(plan, state, request, false, random);
 * ```
 * @internal
 */
export interface ChaosDecision extends Decided<ChaosAction | undefined> {
  /** How long to wait before acting: the drawn latency plus the action's own `delayMs`. */
  readonly delayMs: number;
}

/**
 * Decides one request. A replay (`replaying`: the request repeats an idempotency key whose work
 * was done) gets no action and leaves the state alone, as a real server answers it from its
 * idempotency store before its limiter or its handler sees it; it still waits the latency.
 *
 * @example
 * ```ts
 * decide(plan, START_STATE, request, false, seededRandom(1)).action; // { type: 'ok' }
 * ```
 * @internal
 */
export function decide(plan: ChaosPlan, state: ChaosState, request: ChaosRequest, replaying: boolean, random: () => number): ChaosDecision {
  const chosen = replaying ? { state, action: undefined } : chooseAction(plan, state, request, random);
  const delayMs = drawLatency(plan.latencyRange, random) + (chosen.action?.delayMs ?? 0);
  return { state: chosen.state, action: chosen.action, delayMs };
}

/**
 * Whether acting on `action` performs the request's side effect: a 2xx to an unsafe method does
 * unless it says otherwise; anything else only when it says `commit: true` (a 502 after the work
 * was done).
 *
 * @example
 * ```ts
 * commitsSideEffect({ type: 'ok' }, 'POST'); // true
 * commitsSideEffect({ type: 'reset', commit: true }, 'POST'); // true
 * ```
 * @internal
 */
export function commitsSideEffect(action: ChaosAction, method: string): boolean {
  if (action.type === 'ok') return action.commit ?? !SAFE_METHODS.has(method);
  return action.commit === true;
}
