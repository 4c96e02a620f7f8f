/**
 * What a google.rpc `details` list (AIP-193: Google's APIs and gRPC-JSON gateways) says of a quota and a
 * wait, for the envelope reader (./envelope.ts): a `QuotaFailure`'s window and a `RetryInfo`'s delay.
 */
import { LONG_WINDOW, RPC_TYPE_PREFIX, durationMs } from '../google-rpc.js';
import { asRecord } from '../profile.js';
import type { Members } from './member-values.js';

type Rec = Readonly<Record<string, unknown>>;

/** What a body without a `details` list says: nothing, shared rather than built per call. */
const NO_DETAILS = {};

/**
 * What a google.rpc `details` list says of a quota and a wait (`QuotaFailure`, `RetryInfo`), wherever
 * the Status sits: `{error: {details}}` or a bare Status. At most 16 details and 16 violations read.
 * @internal
 */
export function rpcDetails(r: Pick<Members, 'error' | 'details'>): { readonly quota?: 'short' | 'long'; readonly delay?: number } {
  const details = asRecord(r.error)?.details ?? r.details;
  if (!Array.isArray(details)) return NO_DETAILS;
  const out: { quota?: 'short' | 'long'; delay?: number } = {};
  for (const item of details.slice(0, 16)) {
    const d = asRecord(item);
    const type = d?.['@type'];
    if (d === undefined || typeof type !== 'string' || !type.startsWith(RPC_TYPE_PREFIX)) continue;
    if (type === `${RPC_TYPE_PREFIX}QuotaFailure` && Array.isArray(d.violations)) {
      for (const v of d.violations.slice(0, 16)) {
        const q = asRecord(v);
        const words = `${String(q?.quotaId ?? '')} ${String(q?.quotaMetric ?? '')} ${String(q?.description ?? '')}`;
        out.quota = out.quota === 'long' || LONG_WINDOW.test(words) ? 'long' : 'short';
      }
    }
    const delay = type === `${RPC_TYPE_PREFIX}RetryInfo` ? durationMs(d.retryDelay) : undefined;
    if (delay !== undefined) out.delay = delay;
  }
  return out;
}
