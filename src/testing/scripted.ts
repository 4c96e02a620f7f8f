/**
 * `scripted`: a function for `policy.execute` that plays a script of responses and thrown errors,
 * one per call. No fast-check here, so `faultline/testing` works without it.
 */
import { classify } from '../entry/default-classifier.js';
import { FaultError } from '../core/fault.js';
import type { AttemptContext } from '../policy/policy.js';
import type { RenderedResponse } from '../vendors/profile.js';

/**
 * A response in a script. With `vendor` it is an error rendered by that
 * profile, whatever its status (GraphQL and Slack send errors with 200);
 * without, a 2xx is a success and anything else an error.
 * @public
 */
export interface ScriptedResponse extends RenderedResponse {
  /** The profile that rendered this error, passed to `classify` by {@link scripted}. */
  readonly vendor?: string | undefined;
}

/**
 * One step of a script: a response, or a value the call throws (a network error).
 * @public
 */
export type ScriptedStep = ScriptedResponse | { readonly thrown: unknown };

/**
 * What {@link scripted} returns: a function for `execute`, and how often it was called.
 * @public
 */
export interface ScriptedCall {
  /** Plays the next step: resolves a success, throws anything else. */
  (context?: AttemptContext): Promise<ScriptedResponse>;
  /** Calls made so far. */
  readonly calls: number;
}

/**
 * A function for `policy.execute` that plays `sequence` one step per call:
 * a 2xx response without `vendor` resolves, any other response throws
 * `new FaultError(classify(response, { vendor }))`, a `{ thrown }` step throws
 * its value. Once the sequence is played out, the last step repeats.
 *
 * @example
 * ```ts
 * const call = scripted([{ status: 503, headers: { 'retry-after': '1' }, body: '' }, { status: 200, headers: {}, body: 'ok' }]);
 * const res = await retry({ maxRetries: 2 }).execute(call);
 * call.calls; // 2
 * ```
 * @public
 */
export function scripted(sequence: readonly ScriptedStep[]): ScriptedCall {
  if (!Array.isArray(sequence) || sequence.length === 0) throw new TypeError('scripted: sequence must be a non-empty array of steps');
  let calls = 0;
  const call = async (): Promise<ScriptedResponse> => {
    const step = sequence[Math.min(calls, sequence.length - 1)] as ScriptedStep;
    calls++;
    if ('thrown' in step) throw step.thrown;
    if (step.vendor === undefined && step.status >= 200 && step.status < 300) return step;
    throw new FaultError(classify(step, step.vendor === undefined ? undefined : { vendor: step.vendor }));
  };
  Object.defineProperty(call, 'calls', { get: () => calls, enumerable: true });
  return call as ScriptedCall;
}
