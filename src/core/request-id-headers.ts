/**
 * Which response header carries the id a vendor's support asks for.
 */
import { headerNames, NO_HEADERS } from './headers.js';
import type { HeaderReader } from './profile.js';

/** Request-id headers, most specific first. Adding one is a line. */
const REQUEST_ID_HEADERS = [
  'x-request-id',
  'request-id',
  'x-amzn-requestid',
  'x-amz-request-id',
  'x-ms-request-id',
  'x-github-request-id',
  'x-slack-req-id',
  'twilio-request-id',
  'x-goog-request-id',
  'x-cloud-trace-context',
  'apigw-requestid',
  'x-correlation-id',
  // DHL's APIs, and other API gateways that name it without the `x-`; Worldpay's without the dash; Afterpay's with an `http-`.
  'correlation-id',
  'requestid',
  'http-correlation-id',
] as const;

/**
 * The edge's ids, read after the vendor's own: the gateway's or CDN's id names the hop, not the
 * request the vendor's support can look up.
 */
const EDGE_ID_HEADERS = [
  // Kong's id for the request at the gateway (`x-kong-request-id`, Kong 3.5+), when the upstream set none of its own.
  'x-kong-request-id',
  'cf-ray',
  // Cloudflare's older id beside cf-ray: the ray is the one its support asks for.
  'cf-request-id',
  // CloudFront's id for the request at its edge, the one AWS support asks for: last, after any the origin set.
  'x-amz-cf-id',
] as const;

// A vendor's own id header, named after it (`x-mendeley-trace-id`, `x-affirm-request-id`, `opc-request-id`,
// `chroma-trace-id`, `adp-correlationid`, `x-reqid`): no list of vendors can be complete, and every such
// header in the corpora carries the id the labels name.
const VENDOR_ID_HEADER = /(?:request|req|trace|correlation)-?id$/;

function firstOf(headers: HeaderReader, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = headers.get(name);
    if (value !== undefined && value !== '') return value.slice(0, 200);
  }
  return undefined;
}

function vendorId(headers: HeaderReader): string | undefined {
  // LINE answers a retried request with the id of the one its retry key already accepted beside its own
  // (`x-line-accepted-request-id`): that one names another request.
  let accepted: string | undefined;
  for (const name of headerNames(headers)) {
    // Most names end in no `id`: they are passed over without the pattern.
    if (name.length > 64 || !name.endsWith('id') || !VENDOR_ID_HEADER.test(name) || (EDGE_ID_HEADERS as readonly string[]).includes(name)) continue;
    const value = headers.get(name);
    if (value === undefined || value === '') continue;
    if (!name.includes('-accepted-')) return value.slice(0, 200);
    accepted ??= value.slice(0, 200);
  }
  return accepted;
}

/**
 * The request id from the first request-id header present: a well-known name, then any header a
 * vendor named for its own id, then the edge's.
 * @internal
 */
export function requestIdFromHeaders(headers: HeaderReader): string | undefined {
  if (headers === NO_HEADERS) return undefined;
  return firstOf(headers, REQUEST_ID_HEADERS) ?? vendorId(headers) ?? firstOf(headers, EDGE_ID_HEADERS);
}
