/**
 * Which calls are safe to send twice, and the key that makes a POST safe. A retry of a call that
 * may already have been processed is a duplicate side effect (a second charge, a second run), so
 * this decides, per logical call, whether faults of class `idempotent` may be retried at all.
 */
import type { RetryClass } from '../core/catalog.js';

const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);
const KEYED_METHODS: ReadonlySet<string> = new Set(['POST', 'PATCH']);

/**
 * The header servers (Stripe, the IETF draft) read an idempotency key from.
 * @internal
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/**
 * True when RFC 9110 calls the method idempotent.
 *
 * @example
 * ```ts
 * isIdempotentMethod('PUT'); // true
 * ```
 * @internal
 */
export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/**
 * True for the methods that get an idempotency key when `idempotencyKey: true`.
 *
 * @example
 * ```ts
 * needsKey('POST'); // true
 * ```
 * @internal
 */
export function needsKey(method: string): boolean {
  return KEYED_METHODS.has(method.toUpperCase());
}

/**
 * A fresh key from the platform's `crypto.randomUUID` (Node 20, browsers, Deno, Bun, workerd).
 *
 * @example
 * ```ts
 * headers.set('Idempotency-Key', newIdempotencyKey());
 * ```
 * @internal
 */
export function newIdempotencyKey(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (typeof crypto?.randomUUID !== 'function') {
    throw new TypeError('createFetch: idempotencyKey: true needs globalThis.crypto.randomUUID; pass a function that returns a key instead');
  }
  return crypto.randomUUID();
}

/**
 * The retry class a fault has for this call: `idempotent` becomes `always` when the call is safe
 * to repeat and `never` when it is not, so any retry policy decides correctly per call; a body
 * that cannot be sent again makes every fault `never`.
 *
 * @example
 * ```ts
 * retryClassFor('idempotent', { idempotent: false, replayable: true }); // 'never'
 * ```
 * @internal
 */
export function retryClassFor(retry: RetryClass, call: { readonly idempotent: boolean; readonly replayable: boolean }): RetryClass {
  if (!call.replayable) return 'never';
  if (retry !== 'idempotent') return retry;
  return call.idempotent ? 'always' : 'never';
}
