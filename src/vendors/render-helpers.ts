/**
 * Small pieces the renderers of the generic-shape profiles share: which
 * status and vendor code a Fault goes out with, and the retry / request-id
 * headers a vendor would attach.
 */
import { DEFAULTS } from '../core/codes.js';
import type { Fault } from '../core/fault.js';
import type { CodeRule } from './profile.js';

/**
 * The HTTP status a rendered fault goes out with: its own, else the catalog's,
 * else 500 (for codes that never come from a response).
 * @example
 * ```ts
 * renderStatus(createFault({ code: 'rate_limited' })); // 429
 * ```
 * @internal
 */
export function renderStatus(fault: Fault): number {
  return fault.status ?? DEFAULTS[fault.code].status ?? 500;
}

/**
 * The vendor code a renderer writes: the fault's own, else the first key of
 * `codes` whose rule resolves to the fault's code.
 * @example
 * ```ts
 * renderCode({ ratelimited: 'rate_limited' }, createFault({ code: 'rate_limited' })); // 'ratelimited'
 * ```
 * @internal
 */
export function renderCode(codes: Readonly<Record<string, CodeRule>>, fault: Fault): string | undefined {
  if (fault.vendorCode !== undefined) return fault.vendorCode;
  for (const key in codes) {
    const rule = codes[key];
    if ((typeof rule === 'string' ? rule : rule?.code) === fault.code) return key;
  }
  return undefined;
}

/**
 * Headers every renderer adds: `Retry-After` in whole seconds (rounded up, as
 * servers send it), plus `retry-after-ms` when the delay is not whole seconds
 * so that a round trip keeps it exact; and the request id under `idHeader`.
 * @example
 * ```ts
 * renderHeaders(createFault({ code: 'rate_limited', retryAfterMs: 2000 }), 'x-request-id');
 * // { 'content-type': 'application/json', 'retry-after': '2' }
 * ```
 * @internal
 */
export function renderHeaders(
  fault: Fault,
  idHeader: string,
  contentType = 'application/json',
): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': contentType };
  const ms = fault.retryAfterMs;
  if (ms !== undefined) {
    headers['retry-after'] = String(Math.ceil(ms / 1000));
    if (ms % 1000 !== 0) headers['retry-after-ms'] = String(ms);
  }
  if (fault.requestId !== undefined) headers[idHeader] = fault.requestId;
  return headers;
}

/**
 * The first element of `value` when it is a non-empty array of records.
 * @internal
 */
export function firstRecord(value: unknown): Readonly<Record<string, unknown>> | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const first: unknown = value[0];
  return typeof first === 'object' && first !== null && !Array.isArray(first)
    ? (first as Record<string, unknown>)
    : undefined;
}
