// Your own API's error shape, described once: detection, code table, overrides and rendering then
// work exactly as for the built-in vendors.
import { createClassifier, defineProfile } from 'faultline';

interface AcmeError {
  readonly fault?: { readonly id?: string; readonly text?: string; readonly wait_s?: number };
}

export const acmeProfile = defineProfile({
  id: 'acme',
  hosts: ['api.acme.dev'],
  codes: {
    QUOTA_SPENT: 'quota_exhausted',
    SLOW_DOWN: 'rate_limited',
    WARMING_UP: { code: 'service_unavailable', retry: 'always', retryLimit: 4 },
  },
  detect: (s) => typeof (s.json as AcmeError | undefined)?.fault === 'object',
  parse: (s) => {
    const fault = (s.json as AcmeError | undefined)?.fault;
    if (fault === undefined) return undefined;
    return {
      vendorCode: fault.id,
      message: fault.text,
      retryAfterMs: fault.wait_s === undefined ? undefined : fault.wait_s * 1000,
    };
  },
});

export async function main(): Promise<string> {
  const { classify } = createClassifier({ profiles: [acmeProfile] });
  const fault = classify({ status: 503, body: '{"fault":{"id":"WARMING_UP","text":"model loading","wait_s":2}}' });
  return `${fault.vendor}/${fault.vendorCode} → ${fault.code}, retry ${fault.retry} up to ${fault.retryLimit} times, wait ${fault.retryAfterMs} ms`;
}
