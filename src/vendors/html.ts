/**
 * Error pages from proxies, load balancers and edge networks, HTML or plain
 * text: nginx, HAProxy, Envoy, AWS ELB/ALB and CloudFront, Google Front End,
 * Fastly/Varnish, Vercel, and Cloudflare's 5xx and 1xxx pages (also the
 * `error code: 1015` text it sends to non-browser clients).
 *
 * Classified by the status and a few recognisable phrases; the message is
 * the page's `<title>` or `<h1>`, or its first line, never the whole page.
 * Only the first 8 KB of a page are ever looked at, and only with
 * `indexOf`: no regular expression runs over a page.
 *
 * `vendorCode` is a machine code the page or its headers carry: Cloudflare's
 * error number (`522`, `1015`) and Vercel's `x-vercel-error`.
 */
import type { FaultCode } from '../core/catalog.js';
import type { Fault } from '../core/fault.js';
import { codeByMeaning } from './generic/decide.js';
import { builtinProfile, withRender } from './builtin-profile.js';
import type { RenderedResponse, ResponseSnapshot, VendorProfile } from './profile.js';
import { codeTable } from './code-table.js';
import { requestIdInText } from './generic/request-id.js';
import { renderHeaders, renderStatus } from './render-helpers.js';
import { statusText } from './status-text.js';

/**
 * How much of a page is read, in characters.
 * @example
 * ```ts
 * HTML_SCAN_LIMIT; // 8192
 * ```
 * @internal
 */
export const HTML_SCAN_LIMIT = 8192;

/**
 * Cloudflare error numbers and Vercel error codes.
 * @example
 * ```ts
 * HTML_CODES['522']; // 'gateway_timeout'
 * ```
 * @internal
 */
export const HTML_CODES = /* @__PURE__ */ codeTable({
  // Cloudflare 5xx and 1xxx (developers.cloudflare.com/support/troubleshooting/http-status-codes/), then Vercel (vercel.com/docs/errors)
  bad_gateway: '520 523 525 526 527 530 NO_RESPONSE_FROM_FUNCTION',
  connect_failed: '521 1016', // web server is down (refused), origin DNS error
  gateway_timeout: '522 524 FUNCTION_INVOCATION_TIMEOUT EDGE_FUNCTION_INVOCATION_TIMEOUT MIDDLEWARE_INVOCATION_TIMEOUT',
  rate_limited: '1015 FUNCTION_THROTTLED',
  permission_denied: '1006 1007 1008 1010 1012 1020 DEPLOYMENT_BLOCKED', // banned IP or browser, firewall rule
  internal: 'FUNCTION_INVOCATION_FAILED EDGE_FUNCTION_INVOCATION_FAILED MIDDLEWARE_INVOCATION_FAILED INTERNAL_UNEXPECTED_ERROR',
  payload_too_large: 'FUNCTION_PAYLOAD_TOO_LARGE',
  not_found: 'DEPLOYMENT_NOT_FOUND NOT_FOUND',
  service_unavailable: 'DEPLOYMENT_PAUSED',
  payment_required: 'DEPLOYMENT_DISABLED',
});

/** Lower-case phrases that name the failure better than the status does. */
const PHRASES: readonly (readonly [string, FaultCode])[] = [
  ['upstream connect error or disconnect/reset before headers', 'service_unavailable'], // Envoy
  ['no healthy upstream', 'service_unavailable'], // Envoy
  ['upstream request timeout', 'gateway_timeout'], // Envoy
  ['no server is available to handle this request', 'service_unavailable'], // HAProxy 503
  ["the server didn't respond in time", 'gateway_timeout'], // HAProxy 504
  ['first byte timeout', 'gateway_timeout'], // Fastly / Varnish
  ['backend is unhealthy', 'service_unavailable'], // Fastly / Varnish
  ['you are being rate limited', 'rate_limited'], // Cloudflare 1015 page
  ['has banned you temporarily', 'rate_limited'], // the same page's words for the site's owner
  ["wasn't able to connect to the origin", 'connect_failed'], // CloudFront 502: the origin refused or was unreachable
  // Cloud Foundry's gorouter 404 when no app instance serves the host (the app stopped, crashed or is not mapped):
  // "404 Not Found: Requested route ('api.example.com') does not exist." The service is down, not the resource missing.
  ["requested route ('", 'service_unavailable'],
];

const VERCEL_TEXT = 'an error occurred with your deployment';

/**
 * Cloudflare's own 5xx numbers (520 to 527, 530). Others that pass through it are the origin's: Anthropic's 529
 * `overloaded_error` comes with a `cf-ray` too.
 */
function cloudflareStatus(status: number): boolean {
  return (status >= 520 && status <= 527) || status === 530;
}

function isCloudflareEdge(s: ResponseSnapshot): boolean {
  return s.headers.get('cf-ray') !== undefined || s.headers.get('server')?.toLowerCase() === 'cloudflare';
}

/** Digits starting at `from` (after any `:`, spaces or `>`), or `undefined`. */
function digitsAt(text: string, from: number): string | undefined {
  let i = from;
  while (i < text.length && i < from + 8 && (text[i] === ':' || text[i] === ' ' || text[i] === '>')) i++;
  const start = i;
  while (i < text.length && i < start + 6 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  return i > start ? text.slice(start, i) : undefined;
}

/** The text inside the first `<tag …>…</tag>`, without nested markup, or `undefined`. */
function element(page: string, lower: string, tag: string): string | undefined {
  const open = lower.indexOf(`<${tag}`);
  if (open < 0) return undefined;
  const start = lower.indexOf('>', open);
  const end = lower.indexOf(`</${tag}>`, start);
  if (start < 0 || end < 0) return undefined;
  const inner = page.slice(start + 1, end);
  const cut = inner.indexOf('<');
  const text = (cut < 0 ? inner : inner.slice(0, cut)).trim();
  return text.length > 0 ? text : undefined;
}

/** `<title>`, unless it is a bare "Error" (Express, Rails) and the page says more in `<h1>` or `<pre>`. */
function pageMessage(page: string, lower: string): string | undefined {
  const title = element(page, lower, 'title');
  return title !== undefined && title.toLowerCase() !== 'error'
    ? title
    : (element(page, lower, 'h1') ?? element(page, lower, 'pre') ?? title);
}

function cloudflareCode(s: ResponseSnapshot, lower: string): string | undefined {
  const marker = lower.indexOf('cf-error-code');
  const fromPage =
    marker >= 0
      ? digitsAt(lower, lower.indexOf('>', marker))
      : lower.indexOf('error code') >= 0
        ? digitsAt(lower, lower.indexOf('error code') + 10)
        : // A page cut before its code still names it in its feedback script (`properties:{errorCode:1015,…}`).
          lower.includes('cloudflare') && lower.includes('errorcode:')
          ? digitsAt(lower, lower.indexOf('errorcode:') + 9)
          : rayNumber(lower);
  if (fromPage !== undefined) return fromPage;
  const status = s.status ?? 0;
  return isCloudflareEdge(s) && cloudflareStatus(status) ? String(status) : undefined;
}

/** The whole of Cloudflare's text error body (`error code: 1020`): a four-digit Cloudflare number, nothing else. */
const CLOUDFLARE_TEXT = /^error code: 1\d{3}\s{0,8}$/;

function numberedCloudflarePage(page: string): boolean {
  // Most status-less texts are no page and carry no mark of Cloudflare's: they are never lower-cased here.
  if (!page.startsWith('<')) return cloudflareMarked(page) && rayNumber(page.toLowerCase()) !== undefined;
  const lower = page.toLowerCase();
  return lower.includes('cloudflare') && (lower.includes('cf-error-code') || lower.includes('errorcode:'));
}

/**
 * Cloudflare's own marks on a page, or on its text flattened into a client's message: its name, its page's elements, its
 * `/cdn-cgi/` paths, its Ray ID line, as its pages write them. Plain searches: a text is never lower-cased for them.
 */
function cloudflareMarked(page: string): boolean {
  return page.includes('loudflare') || page.includes('cf-error-details') || page.includes('/cdn-cgi/') || page.includes(' Ray ID:');
}

/**
 * The number a Cloudflare page's text names once its markup is gone or its top cut by a client's words: "Error code 524",
 * "Error 522 Ray ID: 2b06db3818810da9" (nodejs.org's 522 page copied from the browser).
 */
function rayNumber(lower: string): string | undefined {
  const ray = lower.indexOf(' ray id:');
  const said = ray < 0 ? null : /error (\d{3})$/.exec(lower.slice(Math.max(0, ray - 10), ray));
  if (said !== null) return said[1];
  const at = lower.indexOf('error code ');
  return at < 0 ? undefined : digitsAt(lower, at + 11);
}

function isPage(s: ResponseSnapshot, lower: string): boolean {
  // An XML reply is no page: a declaration, a namespaced root (a SOAP `<env:Envelope>`, an ISAPI camera's `<ResponseStatus
  // xmlns="…">`), a RETS reply's `ReplyCode`.
  if ((lower.startsWith('<?xml') || /^<[\w.-]{1,40}(?::[\w.-]| xmlns=)/.test(lower) || lower.includes(' replycode=')) && !lower.includes('<html')) return false;
  // Nor is a Python printout that opens with a repr in angle brackets: an exception's class (`<class
  // 'custom_components.pi_hole_v6.exceptions.TooManyRequestsException'> - 429 …`), requests' `<Response [429]>`,
  // google-api-python-client's `<HttpError 403 when requesting … returned "…". Details: "[{…}]">`.
  if (/^<(?:class '|response \[|httperror \d)/.test(lower) && !lower.includes('<html')) return false;
  return (
    lower.startsWith('<') ||
    // Cloudflare's `error code: 1020` names a number alone on its line; `Error Code: TKN_NOT_FOUND` is a client's printout
    // of a vendor's code, and so is Google's PHP client's `Error Code: 403,` before its `Message:` and `Status:` lines.
    /^error code: \d{3,4}(?:\s|$)/.test(lower) ||
    lower.startsWith(VERCEL_TEXT) ||
    PHRASES.some(([phrase]) => lower.includes(phrase)) ||
    (isCloudflareEdge(s) && cloudflareStatus(s.status ?? 0))
  );
}

function head(s: ResponseSnapshot): string {
  return s.text.slice(0, HTML_SCAN_LIMIT).trimStart();
}

/** The delay in "Please try again in 30 seconds" (Google Front End). */
function tryAgainIn(lower: string): number | undefined {
  const at = lower.indexOf('try again in ');
  if (at < 0) return undefined;
  const n = digitsAt(lower, at + 13);
  return n !== undefined && lower.startsWith(' second', at + 13 + n.length) ? Number(n) * 1000 : undefined;
}

function cloudflarePage(fault: Fault, code: string): RenderedResponse {
  const n = Number(code);
  const status = n >= 520 && n <= 530 ? n : n === 1015 ? 429 : 403;
  const headers = renderHeaders(fault, 'cf-ray', 'text/plain; charset=UTF-8');
  headers.server = 'cloudflare';
  return { status, headers, body: `error code: ${code}` };
}

/**
 * What the default classify carries of {@link htmlProfile}: all of it but its renderer.
 * @internal
 */
export const htmlReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'html',
  keys: [],
  codes: HTML_CODES,
  detect(s) {
    if (s.json !== undefined) return false;
    if (s.headers.get('x-vercel-error') !== undefined) return true;
    // Cloudflare's text for clients that are no browser, pasted without its status: the number says it all.
    // So is its error page, pasted from a log without it, when the page names its number (`cf-error-code`, or the
    // feedback script's `errorCode:1015` in a page cut before its body).
    if ((s.status ?? 0) < 400) {
      if (s.status !== undefined) return false;
      const page = head(s);
      return CLOUDFLARE_TEXT.test(page) || numberedCloudflarePage(page);
    }
    return isPage(s, head(s).toLowerCase());
  },
  parse(s) {
    if (s.json !== undefined) return undefined;
    const page = head(s);
    const lower = page.toLowerCase();
    const vercel = s.headers.get('x-vercel-error');
    const phrase = PHRASES.find(([p]) => lower.includes(p));
    const cfCode = vercel === undefined && (isCloudflareEdge(s) || lower.includes('cloudflare') || cloudflareMarked(page) || CLOUDFLARE_TEXT.test(page)) ? cloudflareCode(s, lower) : undefined;
    const firstLine = page.slice(0, 200).split('\n')[0]?.trim();
    let vendorCode = vercel ?? cfCode;
    let requestId = s.headers.get('x-vercel-id') ?? s.headers.get('x-amz-cf-id');
    if (vendorCode === undefined && lower.startsWith(VERCEL_TEXT)) {
      const parts = page.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
      vendorCode = parts[1];
      requestId ??= parts[2];
    }
    // The id the page prints: CloudFront's `Request ID:`, Akamai's `Reference #`, Varnish's `XID:`.
    requestId ??= requestIdInText(page);
    // Envoy words a reset upstream the same under its 503 and under the 502 of an upstream protocol error: a
    // gateway status the response carries says which.
    const byPhrase = phrase?.[1] === 'service_unavailable' && (s.status === 502 || s.status === 504) ? undefined : phrase?.[1];
    const message = pageMessage(page, lower) ?? (lower.startsWith('<') ? undefined : firstLine);
    return {
      vendorCode,
      // A page no proxy's phrase names is the server's own: its words say what its status could carry (aprsc's 403 "Invalid
      // passcode", a credential refused; its 400 "Bad request, too large body").
      code: vendorCode !== undefined && vendorCode in HTML_CODES ? undefined : byPhrase ?? (vendorCode === undefined ? codeByMeaning(s.status, undefined, message) : undefined),
      message,
      retryAfterMs: tryAgainIn(lower),
      requestId,
    };
  },
});

/**
 * Proxy, load-balancer and edge error pages.
 *
 * @example
 * ```ts
 * classify({ status: 503, headers: { 'content-type': 'text/plain' }, body: 'no healthy upstream' });
 * // { code: 'service_unavailable', vendor: 'html', message: 'no healthy upstream', … }
 * ```
 * @public
 */
export const htmlProfile: VendorProfile = /* @__PURE__ */ withRender(htmlReader, {
  render(fault) {
    const code = fault.vendorCode;
    if (code !== undefined && code in HTML_CODES) {
      if (code.charCodeAt(0) <= 57) return cloudflarePage(fault, code);
      const headers = renderHeaders(fault, 'x-vercel-id', 'text/plain; charset=utf-8');
      headers['x-vercel-error'] = code;
      return { status: renderStatus(fault), headers, body: `An error occurred with your deployment\n\n${code}\n` };
    }
    if (fault.code === 'connect_failed') return cloudflarePage(fault, '521');
    const status = renderStatus(fault);
    const title = `${status} ${statusText(status)}`;
    return {
      status,
      headers: renderHeaders(fault, 'x-request-id', 'text/html'),
      body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
    };
  },
});
