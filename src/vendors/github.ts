/**
 * GitHub REST API (`api.github.com`): `{message, documentation_url, errors?, status?}`,
 * request id in `x-github-request-id`. GitHub has no machine codes of its own
 * (the code table is empty); the status and the rate-limit rules below decide.
 *
 * Rate limits, as GitHub documents them and octokit's plugin-throttling reads them:
 * - primary: 403 or 429 with `x-ratelimit-remaining: 0`; wait until
 *   `x-ratelimit-reset` (epoch seconds);
 * - secondary: 403 or 429 with `retry-after`, or whose message says
 *   "secondary rate limit" (or the older "abuse detection"); without
 *   `retry-after`, GitHub says to wait at least one minute.
 * Any other 403 is `permission_denied`. A 401 is never a rate limit, even when
 * `x-ratelimit-remaining` is 0. A 422 "Validation Failed" carries `errors[]`,
 * which become `fields`.
 *
 * Recognised without `documentation_url` (older bodies and many proxies drop it) by GitHub's
 * own headers (`x-github-request-id`, `x-github-media-type`, `x-ratelimit-resource`) or its
 * rate-limit messages; on `api.github.com` a 403/429 with `x-ratelimit-remaining: 0` or
 * Retry-After is a rate limit even with an empty body, as octokit's throttling plugin reads it.
 */
import type { FieldError } from '../core/fault.js';
import type { FaultDraft, ResponseSnapshot, VendorProfile } from './profile.js';
import { builtinProfile, withRender } from './builtin-profile.js';
import { asRecord, readString } from './profile.js';
import { firstRecord, renderHeaders, renderStatus } from './render-helpers.js';

/** "If the retry-after response header is not present, wait for at least one minute before retrying." */
const SECONDARY_WAIT_MS = 60_000;
const SECONDARY = /secondary rate limit|abuse detection/i;
/** GitHub's own rate-limit messages ("API rate limit exceeded for …", "You have exceeded a secondary rate limit"). */
const GITHUB_LIMIT_MESSAGE = /^(?:api rate limit (?:already )?exceeded for |you have exceeded a secondary rate limit|you have triggered an abuse detection mechanism)/i;
// After several requests with bad credentials GitHub refuses every login for a while, good ones too: "Maximum number of
// login attempts exceeded. Please try again later." (a 403; REST docs, "Failed login limit"). A throttle, not a refusal.
const FAILED_LOGINS = /^max(?:imum)? number of login attempts? exceeded\b/i;
const GITHUB_KEYS: ReadonlySet<string> = new Set(['message', 'documentation_url', 'status', 'errors']);

/** A header only GitHub sends. */
function hasGitHubHeader(s: ResponseSnapshot): boolean {
  const h = s.headers;
  return h.get('x-github-request-id') !== undefined || h.get('x-github-media-type') !== undefined || h.get('x-ratelimit-resource') !== undefined;
}

/** `{message}` that came with a GitHub header, or with nothing but GitHub's members and one of GitHub's rate-limit texts. */
function isBareGitHubBody(s: ResponseSnapshot): boolean {
  const body = asRecord(s.json);
  const message = readString(body, 'message');
  if (body === undefined || message === undefined) return false;
  if (hasGitHubHeader(s)) return true;
  for (const key in body) if (!GITHUB_KEYS.has(key)) return false;
  return GITHUB_LIMIT_MESSAGE.test(message) || FAILED_LOGINS.test(message);
}

function isGitHubBody(s: ResponseSnapshot): boolean {
  const body = asRecord(s.json);
  const docs = readString(body, 'documentation_url');
  return typeof body?.message === 'string' && docs !== undefined && docs.includes('github.com');
}

/** GitHub's GraphQL API answers `{data, errors}` from the same host; the graphql profile reads it. */
function isGraphql(body: Readonly<Record<string, unknown>>): boolean {
  return 'data' in body || (Array.isArray(body.errors) && typeof body.message !== 'string');
}

function fieldsOf(errors: unknown): FieldError[] | undefined {
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  return errors.slice(0, 50).map((item) => {
    if (typeof item === 'string') return { path: '', message: item };
    const e = asRecord(item);
    return { path: readString(e, 'field') ?? readString(e, 'resource') ?? '', message: readString(e, 'message') ?? readString(e, 'code') ?? '' };
  });
}

function parse(s: ResponseSnapshot): FaultDraft | undefined {
  const body = asRecord(s.json);
  const remaining = s.headers.get('x-ratelimit-remaining');
  // A bodiless 403/429 (a HEAD, a body lost on the way) still says "rate limit" in its headers.
  const limitHeaders = (s.status === 403 || s.status === 429) && (remaining === '0' || s.headers.get('retry-after') !== undefined);
  if (body === undefined ? s.headers.get('x-github-request-id') === undefined && !limitHeaders : isGraphql(body)) return undefined;
  const message = readString(body, 'message');
  const requestId = s.headers.get('x-github-request-id');
  const fields = s.status === 422 ? fieldsOf(body?.errors) : undefined;
  if (s.status !== 403 && s.status !== 429) {
    // A 422's `errors[].code` (missing, missing_field, invalid, already_exists, custom) says why; a `custom` one says it
    // in its message ("A pull request already exists for octo:branch.").
    const first = s.status === 422 ? firstRecord(body?.errors) : undefined;
    const vendorCode = readString(first, 'code');
    const exists = vendorCode === 'already_exists' || (vendorCode === 'custom' && /\balready exists\b/i.test(readString(first, 'message') ?? ''));
    // An app that asks for an installation token with permissions the installation lacks gets a 422 with no errors
    // ("The permissions requested are not granted to this installation."): a permission refused, no field.
    const refused = s.status === 422 && first === undefined && /\bnot granted to this installation\b/.test(message ?? '');
    return { code: exists ? 'already_exists' : refused ? 'permission_denied' : undefined, vendorCode, message, requestId, fields };
  }
  const reset = Number(s.headers.get('x-ratelimit-reset'));
  const resetAt = remaining === '0' && Number.isFinite(reset) && reset > 0 ? reset * 1000 : undefined;
  const secondary = s.headers.get('retry-after') !== undefined || SECONDARY.test(message ?? '');
  if (!secondary && resetAt === undefined && !/rate limit/i.test(message ?? '') && !FAILED_LOGINS.test(message ?? '')) return { message, requestId };
  return {
    code: 'rate_limited',
    message,
    requestId,
    resetAt,
    retryAfterMs: resetAt !== undefined ? Math.max(0, resetAt - s.now) : secondary ? SECONDARY_WAIT_MS : undefined,
  };
}

/**
 * What the default classify carries of {@link githubProfile}: all of it but its renderer.
 * @internal
 */
export const githubReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'github',
  keys: ['message'],
  hosts: ['api.github.com', 'uploads.github.com'],
  codes: {},
  detect: (s) => isGitHubBody(s) || isBareGitHubBody(s),
  parse,
});

/**
 * GitHub's REST API.
 *
 * @example
 * ```ts
 * classify({ status: 403, headers: { 'retry-after': '60', 'x-github-request-id': 'CAFE:1234:5678' },
 *   body: '{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}' });
 * // { code: 'rate_limited', retry: 'always', vendor: 'github', retryAfterMs: 60000, requestId: 'CAFE:1234:5678', … }
 * ```
 * @public
 */
export const githubProfile: VendorProfile = /* @__PURE__ */ withRender(githubReader, {
  // A 403 with Retry-After is a secondary rate limit, so permission_denied cannot carry a delay back.
  expressible: {
    codes: ['rate_limited', 'not_found', 'unauthenticated', 'validation_failed', 'conflict', 'internal', 'service_unavailable', 'gateway_timeout'],
    retryAfter: 'ms',
  },
  render(fault) {
    const status = renderStatus(fault);
    const limited = fault.code === 'rate_limited';
    const body: Record<string, unknown> = {
      message: limited
        ? fault.retryAfterMs === undefined ? 'API rate limit exceeded.' : 'You have exceeded a secondary rate limit.'
        : fault.message,
      documentation_url: 'https://docs.github.com/rest',
      status: String(status),
    };
    if (fault.fields !== undefined) body.errors = fault.fields.map((f) => ({ resource: '', field: f.path, code: 'invalid', message: f.message }));
    return { status, headers: renderHeaders(fault, 'x-github-request-id'), body: JSON.stringify(body) };
  },
});
