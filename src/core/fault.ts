/**
 * `Fault` is plain, frozen, JSON-serialisable data; `FaultError` is its
 * throwable. Both are recognised across copies of the package by a
 * `Symbol.for` brand, never by `instanceof`.
 */
import {
  DEFAULTS,
  type FaultCode,
  type FaultSource,
  type Remedy,
  type RetryClass,
  isFaultCode,
  isRemedy,
  isRetryClass,
} from './codes.js';
import { redact } from './redact.js';

/** One field-level validation error. @public */
export interface FieldError {
  /** Dotted path or JSON pointer to the field, e.g. `body.resources` or `/format`. */
  readonly path: string;
  /** What is wrong with it. */
  readonly message: string;
}

/** Rate-limit facts read from `RateLimit` / `X-RateLimit-*` headers. @public */
export interface RateLimitInfo {
  /** Requests (or tokens) allowed per window. */
  readonly limit?: number;
  /** What is left in the current window. */
  readonly remaining?: number;
  /** Milliseconds until the window resets. */
  readonly resetMs?: number;
}

/**
 * Where a fault inside a streamed answer happened: a 200 `text/event-stream` whose body carried an
 * error event. Before any output was delivered a retry is as safe as for the same fault on a plain
 * call; after it, a retry would repeat output the caller already has.
 * @example
 * ```ts
 * const fault = classify({ status: 200, headers: { 'content-type': 'text/event-stream' },
 *   body: 'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n' });
 * fault.stream; // { delivered: false }: nothing reached the caller, so a retry is safe
 * ```
 * @public
 */
export interface FaultStream {
  /** Whether an event with output reached the caller before the fault. */
  readonly delivered: boolean;
}

/**
 * A classified failure: what went wrong, in the catalog's words, and whether
 * and when to try again. Frozen; safe to log and to send as JSON.
 * @public
 */
export interface Fault {
  /** The canonical code. */
  readonly code: FaultCode;
  /** After vendor override and server hint. */
  readonly retry: RetryClass;
  /** What to do about it. */
  readonly remedy: Remedy;
  /** Safe to show a person: trimmed, secrets redacted. */
  readonly message: string;
  /** Who produced it. */
  readonly source: FaultSource;
  /** HTTP status, if any. */
  readonly status?: number;
  /** Id of the profile that parsed the body (`openai`, `impulse`, `fastapi`, …). */
  readonly vendor?: string;
  /** The vendor's own machine code, verbatim. */
  readonly vendorCode?: string;
  /** Server-directed delay in milliseconds, never negative. */
  readonly retryAfterMs?: number;
  /** Request id from headers or body. */
  readonly requestId?: string;
  /** Field-level validation errors. */
  readonly fields?: readonly FieldError[];
  /** A vendor-documented cap on retries for this fault; a retry policy never exceeds it. */
  readonly retryLimit?: number;
  /** When a quota resets, as milliseconds since the epoch. */
  readonly resetAt?: number;
  /** Where to upgrade a plan, when the vendor says. */
  readonly upgradeUrl?: string;
  /** The limit that was hit (requests per window, monthly cap …), when the vendor says. */
  readonly limit?: number;
  /** Rate-limit header facts. */
  readonly rateLimit?: RateLimitInfo;
  /** Set when the fault arrived inside a streamed 200 answer, saying whether output came before it. */
  readonly stream?: FaultStream;
}

/**
 * What `createFault` needs: a code, plus anything known. Missing `retry`,
 * `remedy` and `message` come from the catalog; `status` stays absent unless given.
 * @public
 */
export type FaultInit = { readonly code: FaultCode } & {
  readonly [K in Exclude<keyof Fault, 'code'>]?: Fault[K] | undefined;
};

const ERROR_BRAND: unique symbol = Symbol.for('faultline.FaultError') as never;
const MAX_MESSAGE = 500;

// Keyed by a checked FaultCode only, so no key meets Object.prototype's.
const HUMANIZED: Partial<Record<FaultCode, string>> = {};

/** `rate_limited` → `Rate limited`: the message when nobody gave one. */
function humanize(code: FaultCode): string {
  // Made once per code: a Fault without a message is common (a bare status) and codes are few.
  return (HUMANIZED[code] ??= `${code.charAt(0).toUpperCase()}${code.slice(1).replace(/_/g, ' ')}`);
}

/** Trims, collapses whitespace, caps length and redacts secrets; when empty, `code` humanized (or '' without one). */
function cleanMessage(message: unknown, code: FaultCode | undefined): string {
  let text = typeof message === 'string' ? message.slice(0, MAX_MESSAGE * 4) : '';
  // Replacing is costly; most messages have only single spaces between words.
  if (/\s(?=\s)|[^\S ]/.test(text)) text = text.replace(/\s+/g, ' ');
  text = text.trim();
  if (text.length > MAX_MESSAGE) text = `${text.slice(0, MAX_MESSAGE - 1)}…`;
  text = redact(text);
  return text.length > 0 || code === undefined ? text : humanize(code);
}

function nonNegative(value: unknown): number | undefined {
  if (typeof value !== 'number' || Number.isNaN(value)) return undefined;
  return Math.min(Math.max(0, value), Number.MAX_SAFE_INTEGER);
}

// Vendors echo what they were sent: a request id, an error code or an upgrade URL may quote the caller's key.
const redactString = (value: unknown): unknown => (typeof value === 'string' ? redact(value) : value);

/**
 * Builds a frozen Fault, filling `retry`, `remedy` and `message` from the
 * catalog (a `status` is kept only when given: a network fault has none) and redacting the message, request id, vendor code and
 * upgrade URL (vendors echo what they were sent). Fields that are `undefined`
 * are left out, so the result round-trips through JSON unchanged.
 *
 * @example
 * ```ts
 * const fault = createFault({ code: 'rate_limited', retryAfterMs: 2000 });
 * fault.retry; // 'always'
 * ```
 * @public
 */
export function createFault(init: FaultInit): Fault {
  const code: FaultCode = isFaultCode(init.code) ? init.code : 'unknown';
  const entry = DEFAULTS[code];
  const out: Record<string, unknown> = {
    code,
    retry: isRetryClass(init.retry) ? init.retry : entry.retry,
    remedy: isRemedy(init.remedy) ? init.remedy : entry.remedy,
    message: cleanMessage(init.message, code),
    source: init.source ?? 'server',
  };
  // Every optional field, in the order a Fault lists them, written out: a loop over a table of
  // cleaners cost more than the rest of the Fault. An undefined field is left out.
  const { status, vendor, vendorCode, retryAfterMs, requestId, fields, retryLimit, resetAt, upgradeUrl, limit, rateLimit, stream } = init;
  if (status !== undefined) out.status = status;
  if (vendor !== undefined) out.vendor = vendor;
  if (vendorCode !== undefined) out.vendorCode = redactString(vendorCode);
  const wait = nonNegative(retryAfterMs);
  if (wait !== undefined) out.retryAfterMs = wait;
  if (requestId !== undefined) out.requestId = redactString(requestId);
  if (fields !== undefined) out.fields = Object.freeze(fields.map((f) => Object.freeze({ path: String(f.path), message: cleanMessage(f.message, undefined) })));
  if (retryLimit !== undefined) out.retryLimit = retryLimit;
  if (resetAt !== undefined) out.resetAt = resetAt;
  if (upgradeUrl !== undefined) out.upgradeUrl = redactString(upgradeUrl);
  if (limit !== undefined) out.limit = limit;
  if (rateLimit !== undefined) out.rateLimit = Object.freeze({ ...rateLimit });
  if (stream !== undefined) out.stream = Object.freeze({ delivered: stream.delivered === true });
  // No brand: isFault recognises a Fault by its shape (as it must for one that crossed JSON or
  // came from another copy), and branding every Fault cost more than classifying one.
  return Object.freeze(out) as unknown as Fault;
}

/**
 * True for a Fault made by any copy of faultline, or for plain data of the
 * same shape (a Fault that crossed JSON).
 *
 * @example
 * ```ts
 * isFault(JSON.parse(JSON.stringify(createFault({ code: 'gone' })))); // true
 * ```
 * @public
 */
export function isFault(value: unknown): value is Fault {
  if (typeof value !== 'object' || value === null) return false;
  try {
    const v = value as Record<string, unknown>;
    return (
      isFaultCode(v.code) &&
      isRetryClass(v.retry) &&
      isRemedy(v.remedy) &&
      typeof v.message === 'string' &&
      (v.source === 'server' || v.source === 'network' || v.source === 'policy' || v.source === 'client')
    );
  } catch {
    return false;
  }
}

/** Options for {@link FaultError}. @public */
export interface FaultErrorOptions {
  /** The original error or value. Kept on `error.cause`; never serialised. */
  readonly cause?: unknown;
  /** The error response's body as text (bounded by `maxBodyBytes`, not redacted): on `error.bodyText`, never serialised. @defaultValue none */
  readonly bodyText?: string | undefined;
}

/** Gives a class's instances `name` from its prototype, writable and configurable as Error's own is. */
function nameOnPrototype(type: abstract new (...args: never[]) => unknown, name: string): true {
  Object.defineProperty(type.prototype, 'name', { value: name, writable: true, configurable: true });
  return true;
}

/**
 * The throwable form of a Fault. Carries the same fields as its Fault, a
 * redacted message, and the original error as `cause`.
 *
 * Read the data from `error.fault`: it is the frozen Fault itself, the one
 * documented way to get at it. The fields copied onto the error
 * (`error.code`, `error.retry`, …) are shortcuts, always equal to
 * `error.fault.code`, `error.fault.retry`, ….
 *
 * `error instanceof FaultError` holds for a FaultError made by any copy of
 * faultline (two versions in one `node_modules`, or its ESM and CJS builds
 * in one process): `FaultError` recognises the `Symbol.for` brand that
 * {@link isFaultError} checks. A subclass matches as any class does, by its
 * prototype chain, so a plain FaultError is not an instance of a subclass.
 *
 * @example
 * ```ts
 * try {
 *   await policy.execute(call);
 * } catch (error) {
 *   if (error instanceof FaultError) console.log(error.fault.code, error.fault.retryAfterMs);
 *   throw new FaultError(classify(response), { cause: error });
 * }
 * ```
 * @public
 */
export class FaultError extends Error {
  /** The Fault this error carries: the error's data, frozen. */
  declare readonly fault: Fault;
  /** {@inheritDoc Fault.code} */
  declare readonly code: FaultCode;
  /** {@inheritDoc Fault.retry} */
  declare readonly retry: RetryClass;
  /** {@inheritDoc Fault.remedy} */
  declare readonly remedy: Remedy;
  /** {@inheritDoc Fault.source} */
  declare readonly source: FaultSource;
  /** {@inheritDoc Fault.status} */
  declare readonly status?: number;
  /** {@inheritDoc Fault.vendor} */
  declare readonly vendor?: string;
  /** {@inheritDoc Fault.vendorCode} */
  declare readonly vendorCode?: string;
  /** {@inheritDoc Fault.retryAfterMs} */
  declare readonly retryAfterMs?: number;
  /** {@inheritDoc Fault.requestId} */
  declare readonly requestId?: string;
  /** {@inheritDoc Fault.fields} */
  declare readonly fields?: readonly FieldError[];
  /** {@inheritDoc Fault.retryLimit} */
  declare readonly retryLimit?: number;
  /** {@inheritDoc Fault.resetAt} */
  declare readonly resetAt?: number;
  /** {@inheritDoc Fault.upgradeUrl} */
  declare readonly upgradeUrl?: string;
  /** {@inheritDoc Fault.limit} */
  declare readonly limit?: number;
  /** {@inheritDoc Fault.rateLimit} */
  declare readonly rateLimit?: RateLimitInfo;
  /** {@inheritDoc Fault.stream} */
  declare readonly stream?: FaultStream;
  /**
   * The error response's body text as it arrived (bounded, NOT redacted: it may hold what the server
   * echoed back), for the caller to read. Non-enumerable: never in `toJSON()`, logs of the error's
   * fields, or the Fault.
   */
  declare readonly bodyText?: string;

  constructor(fault: Fault, options?: FaultErrorOptions) {
    const safe = isFault(fault) ? (Object.isFrozen(fault) ? fault : createFault(fault)) : createFault({ code: 'unknown' });
    // Error itself keeps a given cause (even `undefined`) as a non-enumerable, writable own property.
    super(safe.message, options);
    // Sets the fields, `message` included (it stays non-enumerable, as Error made it).
    Object.assign(this, safe);
    Object.defineProperties(this, { fault: { value: safe }, [ERROR_BRAND]: { value: true } });
    if (typeof options?.bodyText === 'string') Object.defineProperty(this, 'bodyText', { value: options.bodyText, configurable: true });
  }

  // `name` on the prototype, as Error's own is. A field whose initializer is marked pure, not a
  // static block: a bundler keeps a class with a static block even when nothing uses it, and
  // `classify` alone never builds a FaultError (issue 17, size).
  static readonly #named: true = /* @__PURE__ */ nameOnPrototype(this, 'FaultError');

  /**
   * `instanceof` across copies of faultline: FaultError itself also accepts
   * a value carrying the `Symbol.for('faultline.FaultError')` brand, which
   * every copy's FaultError sets. A subclass inherits this method, but only
   * the prototype chain answers for it.
   *
   * @example
   * ```ts
   * declare const fromOtherCopy: unknown;
   * fromOtherCopy instanceof FaultError; // true when another faultline copy threw it
   * ```
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    return this === FaultError && isFaultError(value);
  }

  /** The Fault's fields plus `name`; never the cause or stack. */
  toJSON(): Fault & { readonly name: 'FaultError' } {
    return { name: 'FaultError', ...this.fault };
  }
}

/**
 * True for a `FaultError` thrown by any copy of faultline.
 *
 * @example
 * ```ts
 * try { await policy.execute(call); } catch (e) { if (isFaultError(e)) console.log(e.code); }
 * ```
 * @public
 */
export function isFaultError(value: unknown): value is FaultError {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return (value as Record<symbol, unknown>)[ERROR_BRAND] === true;
  } catch {
    return false;
  }
}

/** Options for {@link isRetryable}. @public */
export interface IsRetryableOptions {
  /** Whether the request is safe to send twice (GET, PUT, DELETE, or an idempotency key). @defaultValue false */
  readonly idempotent?: boolean;
}

/**
 * The single place where a retry class becomes a yes/no.
 *
 * @example
 * ```ts
 * isRetryable(fault, { idempotent: request.method === 'GET' });
 * ```
 * @public
 */
export function isRetryable(fault: Pick<Fault, 'retry'>, options?: IsRetryableOptions): boolean {
  const retry = fault?.retry;
  if (retry === 'always') return true;
  if (retry === 'idempotent') return options?.idempotent === true;
  return false;
}
