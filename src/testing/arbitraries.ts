/**
 * fast-check arbitraries for testing code that handles failures: Faults,
 * vendor-shaped error responses rendered by the built-in profiles, sequences
 * of responses and thrown network errors, and `scripted()` to play such a
 * sequence to a policy one call at a time. fast-check is an optional peer
 * dependency: only this file imports it.
 */
import fc from 'fast-check';
import { CATALOG, FAULT_CODES, type FaultCode } from '../core/catalog.js';
import { classify } from '../entry/default-classifier.js';
import { type Fault, createFault } from '../core/fault.js';
import type { RenderedResponse, VendorProfile } from '../vendors/profile.js';
import type { ScriptedResponse, ScriptedStep } from './scripted.js';
import { BUILTIN_PROFILES } from '../vendors/registry.js';

/**
 * Options of {@link arbFault}.
 *
 * @example
 * ```ts
 * arbFault({ codes: ['rate_limited', 'service_unavailable'], maxRetryAfterMs: 5_000 });
 * ```
 * @public
 */
export interface ArbFaultOptions {
  /** Codes to draw from. @defaultValue every catalog code */
  readonly codes?: readonly FaultCode[] | undefined;
  /** Largest `retryAfterMs` generated; 0 never sets one. @defaultValue 120000 */
  readonly maxRetryAfterMs?: number | undefined;
}

/**
 * Options of {@link arbResponse}.
 *
 * @example
 * ```ts
 * arbResponse({ vendor: 'stripe' });
 * ```
 * @public
 */
export interface ArbResponseOptions {
  /** Profile id to render with. @defaultValue any built-in profile that can render */
  readonly vendor?: string | undefined;
}

/**
 * Options of {@link arbResponseSequence}.
 *
 * @example
 * ```ts
 * arbResponseSequence({ vendor: 'anthropic', minLength: 1, maxLength: 8 });
 * ```
 * @public
 */
export interface ArbResponseSequenceOptions extends ArbResponseOptions {
  /** @defaultValue 1 */
  readonly minLength?: number | undefined;
  /** @defaultValue 10 */
  readonly maxLength?: number | undefined;
}

const MAX_RETRY_AFTER = 120_000;

function renderable(vendor: string | undefined): readonly VendorProfile[] {
  const all = BUILTIN_PROFILES.filter((p) => typeof p.render === 'function');
  if (vendor === undefined) return all;
  const named = all.filter((p) => p.id === vendor);
  if (named.length === 0) throw new TypeError(`arbResponse: vendor must be the id of a built-in profile with render, got ${JSON.stringify(vendor)}`);
  return named;
}

/**
 * Any Fault: a code, the catalog's status for it, and sometimes a server
 * `retryAfterMs` and a request id.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * fc.assert(fc.property(arbFault(), (fault) => isRetryable(fault) === (fault.retry === 'always')));
 * ```
 * @public
 */
export function arbFault(options: ArbFaultOptions = {}): fc.Arbitrary<Fault> {
  const codes = options.codes ?? FAULT_CODES;
  if (codes.length === 0) throw new TypeError('arbFault: codes must be a non-empty array, got []');
  const max = options.maxRetryAfterMs ?? MAX_RETRY_AFTER;
  return fc
    .record({
      code: fc.constantFrom(...codes),
      retryAfterMs: max > 0 ? fc.option(fc.integer({ min: 0, max }), { nil: undefined }) : fc.constant(undefined),
      requestId: fc.option(fc.stringMatching(/^req_[a-z0-9]{8}$/), { nil: undefined }),
    })
    .map(({ code, retryAfterMs, requestId }) =>
      createFault({ code, status: CATALOG[code].status, retryAfterMs, requestId, source: CATALOG[code].status === undefined ? 'network' : 'server' }),
    );
}

/**
 * An error response as a real vendor sends it: a Fault the profile can
 * express (one of its vendor codes), written by the profile's `render`.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * fc.assert(fc.property(arbResponse({ vendor: 'stripe' }), (res) => classify(res, { vendor: res.vendor }).vendor === 'stripe'));
 * ```
 * @public
 */
export function arbResponse(options: ArbResponseOptions = {}): fc.Arbitrary<ScriptedResponse> {
  const profiles = renderable(options.vendor);
  return fc.constantFrom(...profiles).chain((profile) => {
    const vendorCodes = profile.expressible?.vendorCodes ?? Object.keys(profile.codes);
    const plain = profile.expressible?.codes ?? [];
    const precision = profile.expressible?.retryAfter ?? 's';
    const choice: fc.Arbitrary<{ code: FaultCode; vendorCode: string | undefined }> =
      vendorCodes.length > 0
        ? fc.constantFrom(...vendorCodes).map((vendorCode) => {
            const rule = profile.codes[vendorCode];
            return { code: (typeof rule === 'object' ? rule.code : rule) ?? 'internal', vendorCode };
          })
        : fc.constantFrom(...(plain.length > 0 ? plain : (['internal'] as const))).map((code) => ({ code, vendorCode: undefined }));
    return fc
      .record({
        choice,
        delay: precision === 'none' ? fc.constant(undefined) : fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
      })
      .map(({ choice: { code, vendorCode }, delay }) => {
        const retryAfterMs = delay === undefined ? undefined : precision === 'ms' ? delay * 250 : delay * 1000;
        const fault = createFault({ code, vendorCode, vendor: profile.id, status: CATALOG[code].status, retryAfterMs, message: 'generated' });
        const rendered = (profile.render as (f: Fault) => RenderedResponse)(fault);
        return { ...rendered, vendor: profile.id };
      });
  });
}

const OK: ScriptedResponse = Object.freeze({ status: 200, headers: Object.freeze({ 'content-type': 'application/json' }), body: '{"ok":true}' });

/** Thrown values a fetch really produces when the network fails. */
const NETWORK_ERRORS = ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'UND_ERR_SOCKET'] as const;

/**
 * A sequence of what a server does to consecutive calls: successes (200),
 * vendor error responses (as {@link arbResponse}) and thrown network errors
 * (`TypeError('fetch failed')` with a node error code as `cause`).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * fc.assert(fc.asyncProperty(arbResponseSequence({ maxLength: 6 }), async (steps) => {
 *   const call = scripted(steps);
 *   await policy.execute(call).catch(() => undefined);
 *   return call.calls <= 4;
 * }));
 * ```
 * @public
 */
export function arbResponseSequence(options: ArbResponseSequenceOptions = {}): fc.Arbitrary<ScriptedStep[]> {
  const minLength = options.minLength ?? 1;
  const maxLength = options.maxLength ?? 10;
  if (!Number.isInteger(minLength) || minLength < 0) throw new TypeError(`arbResponseSequence: minLength must be an integer >= 0, got ${String(minLength)}`);
  if (!Number.isInteger(maxLength) || maxLength < minLength) {
    throw new TypeError(`arbResponseSequence: maxLength must be an integer >= minLength (${minLength}), got ${String(maxLength)}`);
  }
  const step: fc.Arbitrary<ScriptedStep> = fc.oneof(
    { arbitrary: fc.constant(OK), weight: 3 },
    { arbitrary: arbResponse(options), weight: 5 },
    {
      arbitrary: fc.constantFrom(...NETWORK_ERRORS).map((code) => ({ thrown: new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) }) })),
      weight: 1,
    },
  );
  return fc.array(step, { minLength, maxLength });
}
