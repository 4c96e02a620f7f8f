/**
 * Turns a decided chaos action into what goes on the wire: a success in the server's own small
 * JSON shape, a raw response as the test wrote it, or a Fault in the vendor's shape (its
 * profile's `render`), carrying the server's request id. Pure: the server writes the result.
 */
import { CATALOG, type FaultCode } from '../core/catalog.js';
import { type Fault, type FaultInit, createFault } from '../core/fault.js';
import type { RenderedResponse, VendorProfile } from '../vendors/profile.js';
import { renderHeaders, renderStatus } from '../vendors/render-helpers.js';
import type { ChaosAction } from './chaos-types.js';

/**
 * The bytes a `reset` sends before resetting the connection: a status line and a header cut off
 * mid-name, so the client has started reading a response when the connection dies (a mid-response
 * reset, not a refused connection).
 * @example
 * ```ts
 * socket.write(RESET_PREFIX);
 * ```
 * @internal
 */
export const RESET_PREFIX = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Len';

/**
 * A success: 200 `{"ok":true,"request_id":…}` with the request id header, overridden by what an
 * `ok` action says.
 *
 * @example
 * ```ts
 * okReply('req_000001').body; // '{"ok":true,"request_id":"req_000001"}'
 * ```
 * @internal
 */
export function okReply(requestId: string, action?: Extract<ChaosAction, { type: 'ok' }>): RenderedResponse {
  return {
    status: action?.status ?? 200,
    headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...action?.headers },
    body: action?.body ?? JSON.stringify({ ok: true, request_id: requestId }),
  };
}

/**
 * A `response` action as written, JSON by default.
 *
 * @example
 * ```ts
 * rawReply({ type: 'response', status: 502, body: 'upstream' }).headers; // { 'content-type': 'application/json' }
 * ```
 * @internal
 */
export function rawReply(action: Extract<ChaosAction, { type: 'response' }>): RenderedResponse {
  return { status: action.status, headers: { 'content-type': 'application/json', ...action.headers }, body: action.body ?? '' };
}

/** The vendor's rendering of a fault, or a generic `{error:{code,message}}` for a profile with no renderer. */
function vendorRender(profile: VendorProfile, init: FaultInit, requestId: string): { readonly rendered: RenderedResponse; readonly rateLimit: Fault['rateLimit'] } {
  const fault = createFault({ status: CATALOG[init.code]?.status, ...init, requestId: init.requestId ?? requestId, source: 'server' });
  if (profile.render !== undefined) return { rendered: profile.render(fault), rateLimit: fault.rateLimit };
  return {
    rendered: {
      status: renderStatus(fault),
      headers: renderHeaders(fault, 'x-request-id'),
      body: JSON.stringify({ error: { code: fault.vendorCode ?? fault.code, message: fault.message } }),
    },
    rateLimit: fault.rateLimit,
  };
}

/**
 * A fault as the vendor sends it: its profile's rendering, with the server's request id unless
 * the fault names one, and the rate-limit facts the renderer did not write as the common
 * `X-RateLimit-*` headers (clients read those from vendors whose own shape has no place for them).
 *
 * @example
 * ```ts
 * faultReply(profile, { code: 'rate_limited', retryAfterMs: 2_000 }, 'req_000001').status; // 429
 * ```
 * @internal
 */
export function faultReply(profile: VendorProfile, fault: FaultCode | FaultInit, requestId: string): RenderedResponse {
  const init: FaultInit = typeof fault === 'string' ? { code: fault } : fault;
  const { rendered, rateLimit } = vendorRender(profile, init, requestId);
  const headers: Record<string, string> = { ...rendered.headers };
  if (rateLimit !== undefined && !Object.keys(headers).some((k) => k.toLowerCase().includes('ratelimit'))) {
    if (rateLimit.limit !== undefined) headers['x-ratelimit-limit'] = String(rateLimit.limit);
    if (rateLimit.remaining !== undefined) headers['x-ratelimit-remaining'] = String(rateLimit.remaining);
    if (rateLimit.resetMs !== undefined) headers['x-ratelimit-reset'] = String(Math.ceil(rateLimit.resetMs / 1000));
  }
  return { status: rendered.status, headers, body: rendered.body };
}

/**
 * A stored reply sent again for a repeated idempotency key, marked the way vendors mark one.
 *
 * @example
 * ```ts
 * replayReply(stored).headers['idempotent-replayed']; // 'true'
 * ```
 * @internal
 */
export function replayReply(stored: RenderedResponse): RenderedResponse {
  return { status: stored.status, headers: { ...stored.headers, 'idempotent-replayed': 'true' }, body: stored.body };
}

/**
 * The response an action sends, or `undefined` for the actions that send none (`hang`, `close`,
 * `reset`).
 *
 * @example
 * ```ts
 * renderAction({ type: 'fault', fault: 'internal' }, 'req_000001', profile)?.status; // 500
 * ```
 * @internal
 */
export function renderAction(action: ChaosAction, requestId: string, profile: VendorProfile): RenderedResponse | undefined {
  switch (action.type) {
    case 'ok':
      return okReply(requestId, action);
    case 'response':
      return rawReply(action);
    case 'fault':
      return faultReply(profile, action.fault, requestId);
    default:
      return undefined;
  }
}
