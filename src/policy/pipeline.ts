/**
 * Composition: `pipeline(a, b, c)` runs `fn` inside `c` inside `b` inside `a`.
 * Retry outermost (after a fallback), then breaker and bulkhead, timeout
 * innermost is the documented order.
 */
import type { FallbackPolicy, ValueFallbackPolicy } from './fallback.js';
import type { AttemptContext, ExecuteOptions, Policy } from './policy.js';
import { callerSignal, neverSignal } from './signal.js';
import { STAGE, type Stage } from './stage.js';
import { invalid } from './validate.js';

type Fn<T> = (context: AttemptContext) => PromiseLike<T> | T;

/**
 * The context `fn` sees under nested policies: the signal of the innermost
 * layer, read lazily so a layer that creates signals on demand creates none,
 * and attempts counted across layers (retry's attempt 3 under a timeout is 3).
 */
class NestedContext implements AttemptContext {
  readonly #inner: AttemptContext;
  readonly attempt: number;

  constructor(inner: AttemptContext, base: number) {
    this.#inner = inner;
    this.attempt = base + inner.attempt - 1;
  }

  get signal(): AbortSignal {
    return this.#inner.signal;
  }
}

/**
 * Where a pipeline keeps its layers, outermost first, for `faultline/otel` to find each layer's
 * events. A registered symbol, so two copies of the package agree.
 * @internal
 */
export const PIPELINE_LAYERS: unique symbol = Symbol.for('faultline.pipeline.layers');

let first: AttemptContext | undefined;

class Pipeline<F> implements FallbackPolicy<F> {
  readonly #policies: ReadonlyArray<FallbackPolicy<unknown>>;
  readonly [PIPELINE_LAYERS]: ReadonlyArray<FallbackPolicy<unknown>>;
  /** Every layer's stage, or undefined when a layer is not one (a fallback, a hedge, a user's policy). */
  readonly #stages: ReadonlyArray<Stage> | undefined;
  readonly #free: unknown[][] = [];
  /** The stages that may refuse a call (retry never does). */
  readonly #gates: ReadonlyArray<Stage>;

  constructor(policies: ReadonlyArray<FallbackPolicy<unknown>>) {
    this.#policies = this[PIPELINE_LAYERS] = policies;
    const stages = policies.map((policy) => (policy as { readonly [STAGE]?: Stage })[STAGE]);
    this.#stages = stages.every((stage) => stage !== undefined) ? (stages as Stage[]) : undefined;
    this.#gates = (this.#stages ?? []).filter((stage) => stage.ready !== undefined);
  }

  execute<T>(fn: Fn<T>, options?: ExecuteOptions): Promise<T | F> {
    const stages = this.#stages;
    if (stages !== undefined && callerSignal(options) === undefined && ready(this.#gates)) return this.#fused(stages, fn) as Promise<T | F>;
    return this.#layer(0, fn, options, 1) as Promise<T | F>;
  }

  /**
   * Every layer admitted the call: `fn` runs with one await, and each layer, innermost first,
   * records the outcome. The first failure hands over to each layer's own failure path, and a
   * retrying layer runs the layers inside it nested from then on.
   */
  async #fused<T>(stages: ReadonlyArray<Stage>, fn: Fn<T>): Promise<unknown> {
    const n = stages.length;
    // Token arrays are reused: as many exist as calls ever ran at once, and a call allocates none.
    const tokens = this.#free.pop() ?? new Array<unknown>(n);
    let context = (first ??= Object.freeze({ signal: neverSignal(), attempt: 1 }));
    for (let i = 0; i < n; i++) {
      const stage = stages[i] as Stage;
      const token = (tokens[i] = stage.enter?.());
      context = stage.context?.(token) ?? context;
    }
    let value: unknown;
    let error: unknown;
    let ok = true;
    try {
      value = await fn(context);
    } catch (thrown) {
      error = thrown;
      ok = false;
    }
    for (let i = n - 1; i >= 0; i--) {
      const stage = stages[i] as Stage;
      const token = tokens[i];
      tokens[i] = undefined;
      if (ok) {
        const refused = stage.pass(token);
        if (refused !== undefined) {
          ok = false;
          error = refused;
        }
      } else {
        try {
          value = await stage.fail(token, error, this.#rest(i, fn));
          ok = true;
        } catch (thrown) {
          error = thrown;
        }
      }
    }
    this.#free.push(tokens);
    if (ok) return value;
    throw error;
  }

  /** The layers inside layer `index`, nested, for a layer that runs them again. */
  #rest<T>(index: number, fn: Fn<T>): (context: AttemptContext) => Promise<unknown> {
    if (index === this.#policies.length - 1) return async (context) => fn(context);
    return (context) => this.#layer(index + 1, fn, { signal: context.signal }, context.attempt);
  }

  #layer<T>(index: number, fn: Fn<T>, options: ExecuteOptions | undefined, base: number): Promise<unknown> {
    const policy = this.#policies[index] as FallbackPolicy<unknown>;
    if (index === this.#policies.length - 1) {
      return policy.execute(base === 1 ? fn : (context) => fn(new NestedContext(context, base)), options);
    }
    return policy.execute(
      (context) => this.#layer(index + 1, fn, { signal: context.signal }, base + context.attempt - 1),
      options,
    );
  }
}

function ready(stages: ReadonlyArray<Stage>): boolean {
  for (let i = 0; i < stages.length; i++) if (!(stages[i] as Required<Stage>).ready()) return false;
  return true;
}

/**
 * Nests policies into one, the first outermost. The result is itself a
 * policy; if any layer is a fallback, its value type joins the result's.
 *
 * @example
 * ```ts
 * const policy = pipeline(retry({ maxRetries: 3 }), timeout({ timeoutMs: 10_000 }));
 * await policy.execute(({ signal }) => fetch(url, { signal }));
 * ```
 * @public
 */
export function pipeline<F = never>(...policies: ReadonlyArray<Policy | FallbackPolicy<F> | ValueFallbackPolicy<F>>): FallbackPolicy<F> {
  // ValueFallbackPolicy is in the parameter's union so F is read off fallback()'s own type (structural inference gives never).
  if (policies.length === 0) invalid('pipeline', 'policies', 'one or more policies', 0);
  policies.forEach((policy, i) => {
    if (typeof (policy as Partial<Policy> | null)?.execute !== 'function') {
      invalid('pipeline', `policies[${i}]`, 'a policy (an object with execute)', policy);
    }
  });
  return new Pipeline<F>(policies);
}
