/**
 * How a profile's draft becomes a Fault: the vendor code's rule, then the status rule, then the
 * bare status; the server's wait; the retry class (headers, draft, rules, RFC status rules, catalog).
 * The classify engine calls it once per response, after it picked the profile.
 */
import type { FaultCode, Remedy, RetryClass } from './codes.js';
import { DEFAULTS } from './codes.js';
import { type Fault, type FaultInit, createFault } from './fault.js';
import { retryHintFromHeaders } from './headers.js';
import { requestIdFromHeaders } from './request-id-headers.js';
import { parseRateLimit, serverWait } from './rate-limit.js';
import { codeForStatus, retryForStatus } from './status.js';
import type { SseError } from './sse.js';
import type { CodeRule, FaultDraft, ResponseSnapshot, VendorProfile } from './profile.js';

type Rule = Exclude<CodeRule, FaultCode>;

/** A wait longer than this is a daily (or longer) allowance's reset, not a throttle's window. */
const ALLOWANCE_MS = 86_400_000;

// A bare code's rule, made once per code rather than per call (profiles' tables hold a bounded set).
const BARE_RULES = /* @__PURE__ */ new Map<string, Rule>();

function ruleOf(rule: CodeRule | undefined): Rule | undefined {
  if (typeof rule !== 'string') return rule;
  let bare = BARE_RULES.get(rule);
  if (bare === undefined) {
    bare = Object.freeze({ code: rule });
    if (BARE_RULES.size < 1024) BARE_RULES.set(rule, bare);
  }
  return bare;
}



function shortText(snapshot: ResponseSnapshot): string | undefined {
  const text = snapshot.text.trim();
  if (text === '' || text.length > 300 || snapshot.json !== undefined || text.startsWith('<')) return undefined;
  return text;
}

/** An error event inside a 200 stream: the HTTP status it arrived under, and the event. */
/** @internal */
export interface Streamed {
  readonly httpStatus: number | undefined;
  readonly event: SseError;
}

/** @internal */
export function resolve(
  snapshot: ResponseSnapshot,
  profile: VendorProfile | undefined,
  draft: FaultDraft | undefined,
  requestId: string | undefined,
  streamed?: Streamed,
): Fault {
  const d: FaultDraft = draft ?? {};
  const byCode = ruleOf(d.vendorCode !== undefined && profile !== undefined ? lookup(profile.codes, d.vendorCode) : undefined);
  const byStatus = ruleOf(snapshot.status !== undefined ? profile?.statuses?.[snapshot.status] : undefined);
  const byBareStatus = codeForStatus(snapshot.status);
  // An error event that names nothing known is still the server failing mid-answer, never `unknown`.
  const fallback: FaultCode = streamed !== undefined && byBareStatus === 'unknown' ? 'internal' : byBareStatus;
  const headers = snapshot.headers;
  const rateLimit = parseRateLimit(headers, snapshot.now);
  const mergedRateLimit = rateLimit === undefined ? d.rateLimit : d.rateLimit === undefined ? rateLimit : { ...rateLimit, ...d.rateLimit };
  const retryAfterMs = serverWait(headers, snapshot.now, mergedRateLimit, d.retryAfterMs ?? streamed?.event.retryMs, snapshot.status);
  const named: FaultCode = d.code ?? byCode?.code ?? byStatus?.code ?? fallback;
  // gRPC pushback (gRFC A6) is the server asking to be called again after a delay: whatever its words
  // said of a quota, it is a throttle. A vendor's own quota code (insufficient_quota) is taken at its word.
  // And a throttle whose server asks for a wait of more than a day is an allowance that resets, not a window
  // that refills (Vercel's `rate_limited` "Try again in 7 days"): the catalog's quota_exhausted, never retried.
  // Exactly a day stays a throttle: Azure OpenAI's token rate limit says "retry after 86400 seconds".
  const code: FaultCode =
    named === 'quota_exhausted' && byCode?.code !== named && retryAfterMs !== undefined && headers.get('grpc-retry-pushback-ms') !== undefined
      ? 'rate_limited'
      : named === 'rate_limited' && retryAfterMs !== undefined && retryAfterMs > ALLOWANCE_MS
        ? 'quota_exhausted'
        : named;
  // Only rules for the resolved code lend it their retry, remedy and limit: the code rule first.
  const r1 = byCode?.code === code ? byCode : undefined;
  const r2 = byStatus?.code === code ? byStatus : undefined;
  const retry: RetryClass =
    retryHintFromHeaders(headers) ?? d.retry ?? r1?.retry ?? r2?.retry ?? retryForStatus(snapshot.status, code, retryAfterMs) ?? DEFAULTS[code].retry;
  const remedy: Remedy = d.remedy ?? r1?.remedy ?? r2?.remedy ?? DEFAULTS[code].remedy;
  const init: FaultInit = {
    code,
    retry,
    remedy,
    // A body that would not parse says nothing a person can use: the catalog's own words are the message.
    message: d.message ?? (code === 'malformed_response' ? undefined : shortText(snapshot)),
    source: 'server',
    status: streamed === undefined ? snapshot.status : streamed.httpStatus,
    vendor: d.vendor ?? profile?.id,
    vendorCode: d.vendorCode,
    retryAfterMs,
    requestId: requestIdFromHeaders(headers) ?? d.requestId ?? requestId,
    fields: d.fields !== undefined && d.fields.length > 0 ? d.fields : undefined,
    retryLimit: d.retryLimit ?? r1?.retryLimit ?? r2?.retryLimit,
    resetAt: d.resetAt,
    upgradeUrl: d.upgradeUrl,
    limit: d.limit ?? mergedRateLimit?.limit,
    rateLimit: mergedRateLimit,
    stream: streamed === undefined ? undefined : { delivered: streamed.event.delivered },
  };
  return createFault(init);
}

function lookup(codes: Readonly<Record<string, CodeRule>>, vendorCode: string): CodeRule | undefined {
  return Object.hasOwn(codes, vendorCode) ? codes[vendorCode] : undefined;
}
