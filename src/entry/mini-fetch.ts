/**
 * `resilientFetch` for `faultline/mini`: faultline's fetch defaults, classifying with status,
 * headers and network errors alone.
 */
import { type FaultlineFetch, createFetch } from '../fetch/create-fetch.js';

/**
 * `fetch` with faultline's defaults and no vendor profile: error responses and network errors
 * become `FaultError`s, retried when the fault and the call's idempotency allow.
 *
 * @example
 * ```ts
 * const res = await resilientFetch('https://api.example.com/v1/models');
 * ```
 * @public
 */
export const resilientFetch: FaultlineFetch = /* @__PURE__ */ createFetch();
