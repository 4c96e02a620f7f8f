/**
 * RunInfra (`runinfra.ai`), seed 002: OpenAI's `{"error": {"message", "type"}}` so existing
 * clients parse it, and an `X-Request-Id` on every response. The shape is OpenAI's, so RunInfra is
 * picked by host or by name, never by detection.
 *
 * Overrides from its retry table: 500 is retried once (`retryLimit: 1`), whatever the method;
 * 429 and 503 respect `Retry-After`; 504 is retried with a smaller request or streaming
 * (`retry_smaller`), always.
 */
import { builtinProfile, withRender } from './builtin-profile.js';
import type { VendorProfile } from './profile.js';
import { asRecord, readString } from './profile.js';
import { renderHeaders, renderStatus } from './render-helpers.js';

/**
 * What the default classify carries of {@link runinfraProfile}: all of it but its renderer.
 * @internal
 */
export const runinfraReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'runinfra',
  keys: [],
  hosts: ['runinfra.ai', '*.runinfra.ai'],
  codes: {},
  statuses: {
    429: { code: 'rate_limited', retry: 'always', remedy: 'wait' },
    500: { code: 'internal', retry: 'always', remedy: 'retry_or_report', retryLimit: 1 },
    503: { code: 'service_unavailable', retry: 'always', remedy: 'wait' },
    504: { code: 'gateway_timeout', retry: 'always', remedy: 'retry_smaller' },
  },
  detect: () => false,
  parse: (s) => {
    // the type is the vendor code; the status decides the meaning (RunInfra's types restate it)
    const error = asRecord(asRecord(s.json)?.error);
    const message = readString(error, 'message');
    return message === undefined ? undefined : { vendorCode: readString(error, 'type'), message };
  },
});

/**
 * RunInfra (seed 002).
 *
 * @example
 * ```ts
 * classify({ status: 500, body: '{"error":{"message":"Internal server error","type":"server_error"}}' }, { vendor: 'runinfra' });
 * // { code: 'internal', retry: 'always', retryLimit: 1, vendor: 'runinfra', vendorCode: 'server_error', … }
 * ```
 * @public
 */
export const runinfraProfile: VendorProfile = /* @__PURE__ */ withRender(runinfraReader, {
  render(fault) {
    const type = fault.vendorCode ?? (renderStatus(fault) >= 500 ? 'server_error' : 'invalid_request_error');
    return { status: renderStatus(fault), headers: renderHeaders(fault, 'x-request-id'), body: JSON.stringify({ error: { message: fault.message, type } }) };
  },
});
