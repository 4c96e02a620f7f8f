/**
 * Composition: `pipeline(a, b, c)` runs `fn` inside `c` inside `b` inside `a`.
 * Retry outermost (after a fallback), then breaker and bulkhead, timeout
 * innermost is the documented order.
 */
import type { FallbackPolicy, ValueFallbackPolicy } from './fallback.js';
import type { AttemptContext, ExecuteOptions, Policy } from './policy.js';
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

class Pipeline<F> implements FallbackPolicy<F> {
  readonly #policies: ReadonlyArray<FallbackPolicy<unknown>>;
  readonly [PIPELINE_LAYERS]: ReadonlyArray<FallbackPolicy<unknown>>;

  constructor(policies: ReadonlyArray<FallbackPolicy<unknown>>) {
    this.#policies = this[PIPELINE_LAYERS] = policies;
  }

  execute<T>(fn: Fn<T>, options?: ExecuteOptions): Promise<T | F> {
    return this.#layer(0, fn, options, 1) as Promise<T | F>;
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
