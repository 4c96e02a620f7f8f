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
