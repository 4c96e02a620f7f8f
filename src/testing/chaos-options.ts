/**
 * The chaos server's options, checked once before it listens: a test that misspells a fault code
 * or a behaviour finds out from one TypeError naming the exact option, not from a server that
 * quietly answers 200 to everything. The result is the plan the behaviours read.
 */
import { type FaultCode, isFaultCode } from '../core/catalog.js';
import { checkOptionNames } from '../core/options.js';
import { type Clock, systemClock } from '../policy/clock.js';
import type { VendorProfile } from '../vendors/profile.js';
import { BUILTIN_PROFILES } from '../vendors/registry.js';
import { checkStreamAction } from './chaos-stream.js';
import type { ChaosAction, ChaosBehaviours, ChaosRequest, ChaosServer, ChaosServerOptions, ChaosStep } from './chaos-types.js';

const NAME = 'startChaosServer';
const ACTIONS: ReadonlySet<string> = new Set(['ok', 'fault', 'response', 'hang', 'reset', 'close', 'stream']);

// The keys each options object may have: a misspelt key (`behaviour`, `retryAfterMS`) would
// otherwise be ignored, and the test would pass against a server that does not do what it says.
const OPTION_KEYS = ['vendor', 'script', 'faults', 'seed', 'latencyMs', 'behaviours', 'clock'] as const;
const BEHAVIOUR_KEYS = ['monthlyCap', 'rateLimit', 'building'] as const;
const MONTHLY_CAP_KEYS = ['limit', 'retryAfterMs', 'upgradeUrl', 'message'] as const;
const RATE_LIMIT_KEYS = ['limit', 'windowMs', 'message', 'retryAfter'] as const;
const BUILDING_KEYS = ['forMs', 'message', 'retryAfterMs'] as const;

/**
 * The checked options: what `startChaosServer` runs with.
 *
 * @example
 * ```ts
 * const config = checkChaosOptions({ vendor: 'pulse', script: ['rate_limited', 'ok'] });
 * config.steps?.[0]; // { type: 'fault', fault: 'rate_limited' }
 * ```
 * @internal
 */
export interface ChaosConfig {
  readonly profile: VendorProfile;
  readonly clock: Clock;
  readonly seed: number;
  /** The script as a function of the request and the server, when one was given. */
  readonly scriptFunction: ((request: ChaosRequest, server: ChaosServer) => ChaosStep | undefined) | undefined;
  /** The script as actions, one per request index, when an array was given. */
  readonly steps: readonly ChaosAction[] | undefined;
  /** The random mix in the order given: each step with its probability. */
  readonly mix: readonly (readonly [ChaosStep, number])[];
  /** Latency drawn per request, in ms: [min, max], equal for a fixed latency. */
  readonly latencyRange: readonly [number, number];
  readonly behaviours: ChaosBehaviours;
}

function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function invalid(option: string, rule: string, value: unknown): never {
  throw new TypeError(`${NAME}: ${option} must be ${rule}, got ${show(value)}`);
}

function record(option: string, value: unknown): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalid(option, 'an object', value);
  return value as Record<string, unknown>;
}

/** Refuses the first key of `value` that is not in `known`, naming the object it sits in. */
function onlyKeys(option: string, value: Record<string, unknown>, known: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) invalid(`${option} keys`, `one of ${known.join(', ')}`, key);
  }
}

function count(option: string, value: unknown, required: boolean, min = 0): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) invalid(option, `an integer >= ${min}`, value);
}

function text(option: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'string') invalid(option, 'a string', value);
}

/** Checks the stateful behaviours once, at start, naming the exact field at fault. */
function checkBehaviours(value: unknown): ChaosBehaviours {
  const b = record('behaviours', value) ?? {};
  onlyKeys('behaviours', b, BEHAVIOUR_KEYS);
  const cap = record('behaviours.monthlyCap', b.monthlyCap);
  if (cap !== undefined) {
    onlyKeys('behaviours.monthlyCap', cap, MONTHLY_CAP_KEYS);
    count('behaviours.monthlyCap.limit', cap.limit, true);
    count('behaviours.monthlyCap.retryAfterMs', cap.retryAfterMs, false);
    text('behaviours.monthlyCap.upgradeUrl', cap.upgradeUrl);
    text('behaviours.monthlyCap.message', cap.message);
  }
  const limiter = record('behaviours.rateLimit', b.rateLimit);
  if (limiter !== undefined) {
    onlyKeys('behaviours.rateLimit', limiter, RATE_LIMIT_KEYS);
    count('behaviours.rateLimit.limit', limiter.limit, true);
    count('behaviours.rateLimit.windowMs', limiter.windowMs, true, 1);
    text('behaviours.rateLimit.message', limiter.message);
    if (limiter.retryAfter !== undefined && typeof limiter.retryAfter !== 'boolean') invalid('behaviours.rateLimit.retryAfter', 'a boolean', limiter.retryAfter);
  }
  const building = record('behaviours.building', b.building);
  if (building !== undefined) {
    onlyKeys('behaviours.building', building, BUILDING_KEYS);
    count('behaviours.building.forMs', building.forMs, true);
    count('behaviours.building.retryAfterMs', building.retryAfterMs, false);
    text('behaviours.building.message', building.message);
  }
  return b as ChaosBehaviours;
}

function profileOf(vendor: unknown): VendorProfile {
  if (typeof vendor === 'object' && vendor !== null && typeof (vendor as VendorProfile).id === 'string') return vendor as VendorProfile;
  const found = typeof vendor === 'string' ? BUILTIN_PROFILES.find((p) => p.id === vendor) : undefined;
  if (found === undefined) invalid('vendor', 'a vendor profile or a built-in profile id', vendor);
  return found;
}

/**
 * The action a script step stands for: shorthands (`'ok'`, `'reset'`, a fault code) become
 * actions; anything else is a TypeError naming `option`. A script function's steps come through
 * here too, one request at a time.
 *
 * @example
 * ```ts
 * actionOf('rate_limited'); // { type: 'fault', fault: 'rate_limited' }
 * ```
 * @internal
 */
export function actionOf(step: ChaosStep, option = 'script step'): ChaosAction {
  if (typeof step === 'string') {
    if (step === 'ok' || step === 'hang' || step === 'reset' || step === 'close' || step === 'stream') return { type: step };
    if (isFaultCode(step)) return { type: 'fault', fault: step };
    invalid(option, "an action or 'ok', 'hang', 'reset', 'close', 'stream' or a fault code", step);
  }
  if (typeof step !== 'object' || step === null || !ACTIONS.has((step as ChaosAction).type)) {
    invalid(option, 'an action with type ok, fault, response, hang, reset, close or stream', step);
  }
  return step.type === 'stream' ? checkStreamAction(step, option, invalid) : step;
}

function checkMix(faults: unknown): (readonly [ChaosStep, number])[] {
  const mix: (readonly [ChaosStep, number])[] = [];
  let total = 0;
  for (const [key, weight] of Object.entries(faults ?? {})) {
    if (typeof weight !== 'number' || !(weight >= 0) || !Number.isFinite(weight)) invalid(`faults.${key}`, 'a probability >= 0', weight);
    if (key !== 'hang' && key !== 'reset' && key !== 'close' && !isFaultCode(key)) invalid('faults', 'keyed by fault codes or hang, reset, close', key);
    total += weight;
    mix.push([key as FaultCode | 'hang' | 'reset' | 'close', weight]);
  }
  // A little slack: 0.1 + 0.2 + 0.7 is a valid mix even though it sums to 1.0000000000000002.
  if (total > 1 + 1e-9) invalid('faults', 'probabilities summing to at most 1', total);
  return mix;
}

/**
 * Checks `startChaosServer`'s options, in a fixed order, and returns the plan it runs with.
 * Throws `TypeError('startChaosServer: <option> must be <rule>, got <value>')` for the first bad
 * option, including a key that is not an option at all.
 *
 * @example
 * ```ts
 * checkChaosOptions({ vendor: 'pulse', seed: 7 }).latencyRange; // [0, 0]
 * ```
 * @internal
 */
export function checkChaosOptions(options: ChaosServerOptions): ChaosConfig {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) invalid('options', 'an object with a vendor', options);
  checkOptionNames(NAME, options, OPTION_KEYS, { latency: 'latencyMs' });
  const profile = profileOf(options.vendor);
  const clock = options.clock === undefined ? systemClock : options.clock;
  if (typeof clock !== 'object' || clock === null || typeof clock.now !== 'function' || typeof clock.sleep !== 'function') {
    invalid('clock', 'a Clock with now() and sleep()', clock);
  }
  const seed = options.seed === undefined ? 1 : options.seed;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) invalid('seed', 'a finite number', seed);
  const script = options.script;
  if (script !== undefined && typeof script !== 'function' && !Array.isArray(script)) invalid('script', 'an array of steps or a function', script);
  const steps = Array.isArray(script) ? (script as readonly ChaosStep[]).map((step, i) => actionOf(step, `script[${i}]`)) : undefined;
  const mix = checkMix(options.faults);
  const latency = options.latencyMs ?? 0;
  const latencyRange: readonly [number, number] = typeof latency === 'number' ? [latency, latency] : latency;
  if (!Array.isArray(latencyRange) || !(latencyRange[0] >= 0) || !(latencyRange[1] >= latencyRange[0])) {
    invalid('latencyMs', 'a number >= 0 or a [min, max] range', latency);
  }
  const behaviours = checkBehaviours(options.behaviours);
  return {
    profile,
    clock,
    seed,
    scriptFunction: typeof script === 'function' ? (script as ChaosConfig['scriptFunction']) : undefined,
    steps,
    mix,
    latencyRange,
    behaviours,
  };
}
