/**
 * The chaos server's record of work done: how many times each logical call's side effect
 * happened (so a test can count duplicates a client caused by retrying), and the reply stored
 * under each idempotency key (so a retry with that key is answered from the store, as a real
 * server with idempotency keys answers it, instead of doing the work again).
 */
import type { RenderedResponse } from '../vendors/profile.js';
import type { ChaosRequest } from './chaos-types.js';

/**
 * The logical call a request belongs to: its idempotency key when it sent one, else its method,
 * path and body (a client without keys that re-sends the same POST is the same call again).
 *
 * @example
 * ```ts
 * operationKey({ idempotencyKey: 'k-1', method: 'POST', path: '/v1/runs', body: '{}' }); // 'key:k-1'
 * ```
 * @internal
 */
export function operationKey(request: Pick<ChaosRequest, 'idempotencyKey' | 'method' | 'path' | 'body'>): string {
  return request.idempotencyKey !== undefined ? `key:${request.idempotencyKey}` : `${request.method} ${request.path} ${request.body}`;
}

/**
 * Side effects done and replies stored, for one server.
 *
 * @example
 * ```ts
 * const ledger = new SideEffectLedger();
 * ledger.commit(request, reply);
 * ledger.replayFor('k-1'); // reply, when request carried Idempotency-Key k-1
 * ```
 * @internal
 */
export class SideEffectLedger {
  readonly #commits = new Map<string, number>();
  readonly #replays = new Map<string, RenderedResponse>();

  /**
   * Records that `request`'s side effect happened, with `reply` as its result. The reply is
   * stored even when the client was told otherwise (a 502 after the fact, a reset): the work was
   * done, so a retry with the key gets its result.
   */
  commit(request: Pick<ChaosRequest, 'idempotencyKey' | 'method' | 'path' | 'body'>, reply: RenderedResponse): void {
    const key = operationKey(request);
    this.#commits.set(key, (this.#commits.get(key) ?? 0) + 1);
    if (request.idempotencyKey !== undefined) this.#replays.set(request.idempotencyKey, reply);
  }

  /** The stored reply for an idempotency key whose work was done, if any. */
  replayFor(idempotencyKey: string | undefined): RenderedResponse | undefined {
    return idempotencyKey === undefined ? undefined : this.#replays.get(idempotencyKey);
  }

  /** Side effects beyond the first for each logical call. */
  get duplicates(): number {
    let duplicates = 0;
    for (const count of this.#commits.values()) if (count > 1) duplicates += count - 1;
    return duplicates;
  }
}
