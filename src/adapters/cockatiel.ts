/**
 * `faultline/cockatiel`: faultline's classification inside cockatiel. A cockatiel user keeps their
 * policies and gains the catalog's retry rules and server-directed delays.
 */
import { handleWhen } from 'cockatiel';
import type { IBackoff, IBackoffFactory, IRetryBackoffContext, Policy as CockatielPolicy } from 'cockatiel';
import type { FaultCode, RetryClass } from '../core/catalog.js';
import { type Fault, isFault, isRetryable } from '../core/fault.js';
import { faultFromThrown } from '../core/network.js';
import { isFaultCode, isRetryClass } from '../core/codes.js';
import { checkOptionNames } from '../core/options.js';
import { checkFunction, invalid } from '../policy/validate.js';

/**
 * Which faults a cockatiel policy should handle. Every criterion given must hold.
 * @public
 */
export interface FaultFilter {
  /** Handle faults whose retry class is one of these. */
  readonly retry?: readonly RetryClass[];
  /** Handle faults with one of these codes. */
  readonly codes?: readonly FaultCode[];
  /**
   * Handle faults that `isRetryable` allows for a call of this idempotency.
   * @defaultValue `false` when neither `retry` nor `codes` is given
   */
  readonly idempotent?: boolean;
  /**
   * Turns a thrown value into a Fault.
   * @defaultValue the network/thrown-value classifier (a thrown `FaultError` keeps its Fault)
   */
  readonly classify?: (error: unknown) => Fault;
}

/**
 * Every criterion {@link handleFaults} accepts; any other key is refused.
 * @internal
 */
export const FAULT_FILTER_OPTIONS = ['retry', 'codes', 'idempotent', 'classify'] as const satisfies ReadonlyArray<keyof FaultFilter>;

function checkList(name: string, list: unknown, valid: (item: unknown) => boolean, what: string): void {
  if (list !== undefined && (!Array.isArray(list) || !list.every(valid))) invalid('handleFaults', name, `an array of ${what}`, list);
}

/**
 * A cockatiel policy builder that handles the errors whose Fault passes `filter`.
 *
 * @example
 * ```ts
 * import { retry, ExponentialBackoff } from 'cockatiel';
 * import { handleFaults, retryAfterBackoff } from 'faultline/cockatiel';
 * const policy = retry(handleFaults({ retry: ['always'] }), {
 *   maxAttempts: 3,
 *   backoff: retryAfterBackoff(new ExponentialBackoff()),
 * });
 * ```
 * @public
 */
export function handleFaults(filter: FaultFilter = {}): CockatielPolicy {
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    throw new TypeError(`handleFaults: filter must be an object, got ${filter === null ? 'null' : typeof filter}`);
  }
  checkOptionNames('handleFaults', filter, FAULT_FILTER_OPTIONS);
  checkList('retry', filter.retry, isRetryClass, 'retry classes');
  checkList('codes', filter.codes, isFaultCode, 'fault codes');
  checkFunction('handleFaults', 'classify', filter.classify);
  if (filter.idempotent !== undefined && typeof filter.idempotent !== 'boolean') {
    throw new TypeError(`handleFaults: idempotent must be a boolean, got ${typeof filter.idempotent}`);
  }
  const toFault = filter.classify ?? faultFromThrown;
  const byIdempotency = filter.idempotent !== undefined || (filter.retry === undefined && filter.codes === undefined);
  const idempotent = filter.idempotent === true;
  return handleWhen((error) => {
    const fault = toFault(error);
    if (filter.retry !== undefined && !filter.retry.includes(fault.retry)) return false;
    if (filter.codes !== undefined && !filter.codes.includes(fault.code)) return false;
    return !byIdempotency || isRetryable(fault, { idempotent });
  });
}

type RetryContext = IRetryBackoffContext<unknown>;

function hintOf(context: RetryContext): number | undefined {
  const result = context.result as { error?: unknown };
  if (!('error' in result)) return undefined;
  const error = result.error as { fault?: unknown; retryAfterMs?: unknown } | undefined;
  const fault = isFault(error?.fault) ? error.fault : isFault(error) ? error : undefined;
  return fault?.retryAfterMs;
}

function step(source: IBackoffFactory<RetryContext>, context: RetryContext): IBackoff<RetryContext> {
  const inner = source.next(context);
  const hint = hintOf(context);
  return { duration: hint ?? inner.duration, next: (next) => step(inner, next) };
}

/**
 * A cockatiel backoff that waits `fault.retryAfterMs` when the server gave a delay, and defers to
 * `inner` otherwise. `inner` keeps counting attempts either way.
 *
 * @example
 * ```ts
 * import { ExponentialBackoff, retry } from 'cockatiel';
 * retry(handleFaults(), { maxAttempts: 4, backoff: retryAfterBackoff(new ExponentialBackoff()) });
 * ```
 * @public
 */
export function retryAfterBackoff(inner: IBackoffFactory<RetryContext>): IBackoffFactory<RetryContext> {
  if (typeof inner !== 'object' || inner === null || typeof inner.next !== 'function') {
    invalid('retryAfterBackoff', 'inner', 'a cockatiel backoff (an object with next(context))', inner);
  }
  return { next: (context) => step(inner, context) };
}
