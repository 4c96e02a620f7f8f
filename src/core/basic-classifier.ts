/**
 * The classifier policies use when none is given in `faultline/mini`: no vendor profile and no body,
 * so a bundle of one policy stays small. It reads what any response carries — the status, the wait
 * headers (Retry-After and its `-ms` variants, rate-limit resets), the server's
 * retry hint and request id — from a response snapshot or from whatever an SDK or HTTP client threw,
 * and network errors, aborts and timeouts. The root entry passes the classifier with every profile.
 */
import type { Classifier } from './classifier.js';
import { DEFAULTS } from './codes.js';
import { type Fault, createFault, isFault, isFaultError } from './fault.js';
import { readHeaders, retryHintFromHeaders } from './headers.js';
import { requestIdFromHeaders } from './request-id-headers.js';
import { faultFromThrown, networkFaultUnder } from './network.js';
import { parseRateLimit, serverWait } from './rate-limit.js';
import { codeForStatus, retryForStatus } from './status.js';
import { thrownResponse } from './thrown.js';

function classify(input: unknown): Fault {
  try {
    if (isFaultError(input) && isFault(input.fault)) return input.fault;
    const response = thrownResponse(input);
    if (response === undefined) return faultFromThrown(input);
    const network = response.bare ? networkFaultUnder(input) : undefined;
    if (network !== undefined) return network;
    const headers = readHeaders(response.headers);
    const now = Date.now();
    const code = codeForStatus(response.status);
    const rateLimit = parseRateLimit(headers, now);
    const retryAfterMs = serverWait(headers, now, rateLimit, undefined, response.status);
    return createFault({
      code,
      retry: retryHintFromHeaders(headers) ?? retryForStatus(response.status, code, retryAfterMs) ?? DEFAULTS[code].retry,
      source: 'server',
      status: response.status,
      retryAfterMs,
      requestId: requestIdFromHeaders(headers) ?? response.requestId,
      limit: rateLimit?.limit,
      rateLimit,
    });
  } catch {
    return createFault({ code: 'unknown', source: 'client' });
  }
}

/**
 * A classifier with no vendor profile that reads no body: status, headers and network errors.
 * @internal
 */
export const basicClassifier: Classifier = Object.freeze({
  classify,
  // It reads no body, so an unread one changes nothing: the same answer, as a promise.
  classifyResponse: (input: unknown): Promise<Fault> => Promise.resolve(classify(input)),
  profiles: Object.freeze([]),
});
