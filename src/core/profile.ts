/**
 * The contract between the classify engine and a vendor profile: what a profile is shown (a bounded,
 * parsed response) and what it answers (a draft Fault). It lives in core so the engine depends on no
 * vendor; profiles live a layer up and import it from here.
 */
import type { FaultCode, Remedy, RetryClass } from './catalog.js';
import type { Fault, FieldError, RateLimitInfo } from './fault.js';

/**
 * Read-only access to response headers by lower-case name.
 * @public
 */
export interface HeaderReader {
  /** The header's value (joined with `, ` when repeated), or `undefined`. `name` must be lower case. */
  get(name: string): string | undefined;
}

/**
 * A response as profiles see it: bounded, parsed once, never throwing.
 * @public
 */
export interface ResponseSnapshot {
  /** HTTP status, or `undefined` when the input had none. */
  readonly status: number | undefined;
  /** The response headers. */
  readonly headers: HeaderReader;
  /** The body parsed as JSON (or the already-parsed value given), else `undefined`. */
  readonly json: unknown;
  /** The body as text, at most `maxBodyBytes`; `''` when the body was given pre-parsed or was empty. */
  readonly text: string;
  /** The media type from `Content-Type`, lower case, without parameters; `''` when absent. */
  readonly contentType: string;
  /** Host of `options.url`, lower case, when given. */
  readonly host: string | undefined;
  /** The reference time for HTTP-dates, in ms since the epoch. */
  readonly now: number;
}

/**
 * What a profile's `parse` returns: whatever it could read. `classify`
 * resolves the rest from the code table, the status and the catalog.
 * @public
 */
export interface FaultDraft {
  /** Set when the profile knows the canonical code better than its table (e.g. by message text). */
  readonly code?: FaultCode | undefined;
  readonly vendorCode?: string | undefined;
  readonly message?: string | undefined;
  readonly retry?: RetryClass | undefined;
  readonly remedy?: Remedy | undefined;
  readonly retryAfterMs?: number | undefined;
  readonly requestId?: string | undefined;
  readonly fields?: readonly FieldError[] | undefined;
  readonly retryLimit?: number | undefined;
  readonly resetAt?: number | undefined;
  readonly upgradeUrl?: string | undefined;
  readonly limit?: number | undefined;
  readonly rateLimit?: RateLimitInfo | undefined;
  /** Reports a different profile id than the one that parsed (e.g. a generic shape). */
  readonly vendor?: string | undefined;
}

/**
 * How one vendor code (or status) maps to the catalog: a code, or a code with
 * the vendor's documented retry, remedy or retry limit.
 * @public
 */
export type CodeRule =
  | FaultCode
  | {
      readonly code: FaultCode;
      readonly retry?: RetryClass;
      readonly remedy?: Remedy;
      readonly retryLimit?: number;
    };

/**
 * A response as a vendor would send it, written by a profile's `render`.
 * @public
 */
export interface RenderedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Which Faults a profile's `render` writes so that `classify` reads them back unchanged: the
 * round-trip property and `testProfile` generate only these. Every part is optional.
 *
 * @example
 * ```ts
 * const expressible: ExpressibleFaults = { vendorCodes: ['rate_limit_exceeded', 'server_error'], codes: ['not_found'], retryAfter: 'ms' };
 * ```
 * @public
 */
export interface ExpressibleFaults {
  /** Vendor codes that round-trip (code, retry and vendorCode come back). @defaultValue every key of `codes` */
  readonly vendorCodes?: readonly string[] | undefined;
  /** Canonical codes rendered without a vendor code that come back with `vendorCode` undefined. @defaultValue none */
  readonly codes?: readonly FaultCode[] | undefined;
  /** How precisely `retryAfterMs` round-trips: `'ms'` any whole ms, `'s'` whole seconds (`Retry-After`), `'none'` not at all. @defaultValue 's' */
  readonly retryAfter?: 'ms' | 's' | 'none' | undefined;
  /** Whether a request id round-trips. @defaultValue true */
  readonly requestId?: boolean | undefined;
}

/**
 * One vendor or response shape.
 * @public
 */
export interface VendorProfile {
  /** kebab-case id, reported as `fault.vendor`. */
  readonly id: string;
  /** Hosts that pick this profile directly; `*.example.com` matches any subdomain. */
  readonly hosts?: readonly string[] | undefined;
  /** Vendor code → canonical code, verbatim keys. */
  readonly codes: Readonly<Record<string, CodeRule>>;
  /** Status → rule, for vendor overrides documented per status rather than per code. */
  readonly statuses?: Readonly<Record<number, CodeRule>> | undefined;
  /**
   * Top-level JSON members this profile can claim: for a body that is a JSON object, `detect` runs
   * only when the object has one of them (or the content type is one of `contentTypes`), so a
   * response meets the few profiles its keys name instead of every profile. An empty list: never by
   * detection for a JSON object. Bodies that are not JSON objects meet every profile.
   * A name with a dot also claims one level down: `'error.type'` claims a body whose `error` is an
   * object that has a `type` (as well as a member named `error.type` itself), so bodies whose `error`
   * is a string, or an object without `type`, need not meet this profile. List only what `detect`
   * cannot do without: a body it would accept must have one of these.
   * @defaultValue undefined: `detect` runs on every response
   */
  readonly keys?: readonly string[] | undefined;
  /** Media types (lower case, no parameters) that let `detect` run whatever the body's keys. @defaultValue none */
  readonly contentTypes?: readonly string[] | undefined;
  /** Cheap structural check: does this response look like ours? Must not throw on any snapshot. */
  detect(snapshot: ResponseSnapshot): boolean;
  /** Reads what it can; `undefined` when the body is not in this shape after all. */
  parse(snapshot: ResponseSnapshot): FaultDraft | undefined;
  /** Writes a Fault back as this vendor would send it. */
  render?(fault: Fault): RenderedResponse;
  /** What `render` can express, for round-trip tests. @defaultValue every row of `codes`, delays in whole seconds, request ids */
  readonly expressible?: ExpressibleFaults | undefined;
}
