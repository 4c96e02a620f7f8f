/**
 * The google.rpc error model (AIP-193) as Google's APIs and gRPC-JSON gateways send it: what both the
 * Google profile and the generic layer need to read its `details`.
 */

/**
 * The type URL every google.rpc detail's `@type` starts with (`…google.rpc.QuotaFailure`, `…RetryInfo`).
 * @internal
 */
export const RPC_TYPE_PREFIX = 'type.googleapis.com/google.rpc.';

/**
 * A quota's window that no wait cures, as quota ids and metrics name it (`GenerateRequestsPerDayPerProjectPerModel`).
 * @internal
 */
export const LONG_WINDOW = /per ?day|per ?month|daily|monthly/i;

/**
 * A `RetryInfo.retryDelay` in milliseconds: a protobuf Duration as JSON writes it (`"30s"`, `"1.5s"`), read whole, so
 * `"1e9s"`, `"26"` or `"soon"` is none.
 * @example
 * ```ts
 * durationMs('1.5s'); // 1500
 * ```
 * @internal
 */
export function durationMs(value: unknown): number | undefined {
  const m = typeof value === 'string' ? /^(\d{1,9}(?:\.\d{1,9})?)s$/.exec(value) : null;
  return m === null ? undefined : Math.round(Number(m[1]) * 1000);
}
