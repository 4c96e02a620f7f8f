/**
 * How `pipeline` runs a call through its layers with one await instead of one per layer. A policy
 * that is a `Stage` admits a call synchronously when its own `execute` would start `fn` at once
 * (a closed breaker, a bulkhead with room, a cooperative timeout), records a success synchronously,
 * and turns a failure into exactly what its `execute` would have settled with. Anything else (an
 * open breaker, a full bulkhead, a caller signal, a layer that is not a stage) takes the nested path.
 */
import type { AttemptContext } from './policy.js';

/**
 * The marker `pipeline` looks for; its value is the policy's stage.
 * @internal
 */
export const STAGE: unique symbol = Symbol();

/**
 * One layer of a fused pipeline call.
 * @internal
 */
export interface Stage {
  /** Whether `enter` would admit a call now, without side effects. @defaultValue always */
  ready?(): boolean;
  /** Admits one call (only right after `ready()` said yes): its token for `pass` and `fail`. @defaultValue no token */
  enter?(): unknown;
  /** The context `fn` sees when this is the innermost layer that has one (a timeout's lazy signal). @defaultValue none */
  context?(token: unknown): AttemptContext | undefined;
  /** What the layer inside resolved with is this layer's success: `undefined`, or the error it rejects with instead. */
  pass(token: unknown): unknown;
  /**
   * What the layer inside rejected with: settles as this layer's `execute` would have. `rest` runs
   * the layers inside again, for a layer that retries.
   */
  fail(token: unknown, error: unknown, rest: (context: AttemptContext) => Promise<unknown>): Promise<unknown>;
}
