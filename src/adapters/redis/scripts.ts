/**
 * The Lua scripts of `faultline/redis` and the one place their arguments are
 * laid out. Each script's KEYS and ARGV come from one `as const` table of
 * names: the TypeScript side builds ARGV from a record keyed by those names
 * (a missing or extra name is a type error), and the Lua side reads them as
 * locals of the same names, declared by a header generated from the same
 * table; so the two cannot disagree about a position. Replies are checked
 * before use: a reply of the wrong shape is an error, which the policies'
 * store guard handles like any other store failure (local state, an
 * `onStoreError` event), never a wrong state.
 *
 * The `.lua` files are inlined as text at build time (tsup `loader`, and a
 * vite plugin for the tests); this module is built bundled for that reason.
 */
import type { BreakerSnapshot, BreakerStateName, TakeResult } from '../../policy/state-store.js';
import BREAKER_LUA from './breaker.lua';
import BUDGET_LUA from './budget.lua';
import GCRA_LUA from './gcra.lua';
import PRELUDE_LUA from './prelude.lua';

/** The ARGV of breaker.lua, in order. */
const BREAKER_ARGV = [
  'op',
  'action',
  'version',
  'now',
  'ttl',
  'threshold',
  'minimumCalls',
  'windowMs',
  'windowCalls',
  'buckets',
  'breakMs',
  'maxBreakMs',
  'breakFactor',
  'halfOpenMaxCalls',
  'halfOpenSuccesses',
  'slowCallRatio',
] as const;

/** The ARGV of gcra.lua, in order. */
const GCRA_ARGV = ['now', 'ttl', 'intervalMs', 'burst', 'maxWaitMs'] as const;

/** The ARGV of budget.lua, in order. */
const BUDGET_ARGV = ['ttl', 'delta', 'initial', 'min', 'max'] as const;

/** Every script works on one key, `key` in Lua. */
const KEYS = ['key'] as const;

/**
 * A script: its source (with the generated header) and the order of its arguments.
 *
 * @example
 * ```ts
 * const { gcra } = scripts();
 * client.evalsha(await (gcra.sha ??= load(gcra.source)), 1, key, ...argv(gcra, values));
 * ```
 * @internal
 */
export interface Script<A extends string> {
  readonly source: string;
  readonly argv: readonly A[];
  /** The SHA of the loaded script, once loading started; cleared when Redis lost it. */
  sha?: Promise<string> | undefined;
}

/**
 * Declares each key and argument as a Lua local named as in the tables: numbers
 * as numbers, the rest (`op`, `action`, `now` = '' for the server's clock) as strings.
 */
function header(argv: readonly string[]): string {
  const keys = KEYS.map((name, i) => `local ${name} = KEYS[${i + 1}]\n`).join('');
  return keys + argv.map((name, i) => `local ${name} = tonumber(ARGV[${i + 1}]) or ARGV[${i + 1}]\n`).join('');
}

function script<A extends string>(argv: readonly A[], body: string): Script<A> {
  return { source: `${header(argv)}${PRELUDE_LUA}${body}`, argv };
}

/**
 * Fresh script handles (each store keeps its own loaded SHAs).
 *
 * @example
 * ```ts
 * const { breaker, gcra, budget } = scripts();
 * ```
 * @internal
 */
export function scripts(): {
  readonly breaker: Script<(typeof BREAKER_ARGV)[number]>;
  readonly gcra: Script<(typeof GCRA_ARGV)[number]>;
  readonly budget: Script<(typeof BUDGET_ARGV)[number]>;
} {
  return {
    breaker: script(BREAKER_ARGV, BREAKER_LUA),
    gcra: script(GCRA_ARGV, GCRA_LUA),
    budget: script(BUDGET_ARGV, BUDGET_LUA),
  };
}

/**
 * A script's ARGV, in the order of its table, from a value per name.
 *
 * @example
 * ```ts
 * argv(budget, { ttl: 600_000, delta: -1, initial: 10, min: 0, max: 10 }); // ['600000', '-1', '10', '0', '10']
 * ```
 * @internal
 */
export function argv<A extends string>(s: Script<A>, values: Readonly<Record<A, string | number>>): string[] {
  return s.argv.map((name) => String(values[name]));
}

// Exhaustive over BreakerStateName: a new state is a type error here until the reply check knows it.
const STATES: Readonly<Record<BreakerStateName, true>> = { closed: true, open: true, 'half-open': true, isolated: true };

function bad(script: string, reply: unknown): never {
  let shown: string;
  try {
    shown = JSON.stringify(reply) ?? String(reply);
  } catch {
    shown = String(reply);
  }
  throw new Error(`redisStore: unexpected reply from the ${script} script: ${shown.slice(0, 200)}`);
}

/** A number the script wrote with `num()` (a string) or as a Redis integer. */
function number(script: string, reply: unknown, value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) bad(script, reply);
  return n;
}

/** 0 or 1, as a Redis integer. */
function flag(script: string, reply: unknown, value: unknown): boolean {
  if (value !== 0 && value !== 1) bad(script, reply);
  return value === 1;
}

function tuple(script: string, reply: unknown, length: number): readonly unknown[] {
  if (!Array.isArray(reply) || reply.length !== length) bad(script, reply);
  return reply;
}

/**
 * breaker.lua's reply `{ state, version, remainingMs, breakMs, granted }`, checked.
 *
 * @example
 * ```ts
 * toSnapshot(['open', '3', '4000', '5000', 0]); // { state: 'open', version: 3, remainingMs: 4000, breakMs: 5000, granted: false }
 * ```
 * @internal
 */
export function toSnapshot(reply: unknown): BreakerSnapshot {
  const r = tuple('breaker', reply, 5);
  const state = r[0];
  if (typeof state !== 'string' || !Object.hasOwn(STATES, state)) bad('breaker', reply);
  return {
    state: state as BreakerStateName,
    version: number('breaker', reply, r[1]),
    remainingMs: number('breaker', reply, r[2]),
    breakMs: number('breaker', reply, r[3]),
    granted: flag('breaker', reply, r[4]),
  };
}

/**
 * gcra.lua's reply `{ granted, waitMs }`, checked.
 *
 * @example
 * ```ts
 * toTakeResult([0, 120]); // { granted: false, waitMs: 120 }
 * ```
 * @internal
 */
export function toTakeResult(reply: unknown): TakeResult {
  const r = tuple('gcra', reply, 2);
  return { granted: flag('gcra', reply, r[0]), waitMs: number('gcra', reply, r[1]) };
}

/**
 * budget.lua's reply (the new value), checked.
 *
 * @example
 * ```ts
 * toValue('9.5'); // 9.5
 * ```
 * @internal
 */
export function toValue(reply: unknown): number {
  return number('budget', reply, reply);
}
