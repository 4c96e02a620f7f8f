/**
 * Discord REST API: `{message, code, errors?}` with Discord's JSON error
 * codes (0 for a general error, else five or six digits), and the 429 body
 * `{message, retry_after, global, code?}` where `retry_after` is seconds as
 * a float. `Retry-After` (whole seconds) wins when both are present, as for
 * every vendor; the float is the fallback. Validation details arrive as a
 * tree of `{ field: { _errors: [{code, message}] } }`, flattened to dotted
 * field paths.
 */
import type { FieldError } from '../core/fault.js';
import { builtinProfile, withRender } from './builtin-profile.js';
import type { VendorProfile } from './profile.js';
import { codeTable } from './code-table.js';
import { asRecord, readNumber, readString } from './profile.js';
import { renderCode, renderHeaders, renderStatus } from './render-helpers.js';

/**
 * Discord JSON error codes (https://discord.com/developers/docs/topics/opcodes-and-status-codes#json).
 * @example
 * ```ts
 * DISCORD_CODES['50035']; // 'validation_failed'
 * ```
 * @internal
 */
export const DISCORD_CODES = /* @__PURE__ */ codeTable({
  unauthenticated: '40001 50014 50025 50027', // invalid token, OAuth2 token, webhook token
  permission_denied: '50001 50013 20001 20002 20012 40002 40333 50026 60003', // missing access/permissions, scope, 2FA, Cloudflare block
  validation_failed: '50035', // Invalid form body
  invalid_request: '50006 50109 50041', // an empty message, invalid JSON, invalid API version
  payload_too_large: '40005 50045',
  rate_limited: '20016 20022 20028 20029 40003 40062', // slowmode, announcement, write and DM-open limits
  quota_exhausted: '30034', // daily application command creates (200)
  service_unavailable: '40006 110001', // feature temporarily disabled, application not yet available
  overloaded: '130000', // API resource is currently overloaded
  conflict: '40060', // Interaction has already been acknowledged
});

const KEYS: ReadonlySet<string> = new Set(['message', 'code', 'errors', 'retry_after', 'global']);

function isDiscord(json: unknown): boolean {
  const b = asRecord(json);
  if (b === undefined || typeof b.message !== 'string') return false;
  for (const k of Object.keys(b)) if (!KEYS.has(k)) return false;
  if (typeof b.retry_after === 'number') return typeof b.global === 'boolean';
  // Not `{code: 404, message}`: Discord codes are 0 or at least five digits, never an HTTP status. Its code 0 comes with
  // the status in words (`{"message": "401: Unauthorized", "code": 0}`); a bare `{"code": 0, "message": …}` is anyone's
  // "no code" (n8n's webhook 500 `{"code":0,"message":"Workflow Webhook Error: …"}`).
  return typeof b.code === 'number' && (b.code === 0 ? /^\d{3}: /.test(b.message) : b.code >= 10000);
}

/**
 * discord.js's printout of a Discord error (@discordjs/rest's `DiscordAPIError`, whose name carries the code):
 * `DiscordAPIError[50001]: Missing Access`, as logs and error trackers show it; and Eris' (`DiscordRESTError [50013]:
 * Missing Permissions`).
 */
const PRINTED = /^Discord(?:API|REST)Error ?\[(\d{1,7})\]: ([^\n]{1,300})/;

function printed(s: { readonly json: unknown; readonly text: string }): RegExpExecArray | null {
  if (s.json !== undefined) return null;
  // Printed early or not at all: only the head is searched.
  const head = s.text.slice(0, 4500);
  const api = head.indexOf('DiscordAPIError[');
  const at = api >= 0 ? api : head.indexOf('DiscordRESTError [');
  return at < 0 || at > 4096 ? null : PRINTED.exec(head.slice(at, at + 400));
}

/** Every 10xxx code is "Unknown <resource>" (Unknown Channel, Unknown Message …): not_found even when the status is lost. */
function unknownResource(n: number | undefined): boolean {
  return n !== undefined && n >= 10001 && n <= 10999;
}

/** Walks `{ a: { 0: { b: { _errors: [...] } } } }` to `a.0.b`, depth- and count-bounded. */
function flatten(node: unknown, path: string, out: FieldError[], depth: number): void {
  const r = asRecord(node);
  if (r === undefined || depth > 8 || out.length >= 50) return;
  const list = r._errors;
  if (Array.isArray(list)) {
    for (const e of list.slice(0, 10)) {
      const message = readString(asRecord(e), 'message');
      if (message !== undefined && out.length < 50) out.push({ path, message });
    }
  }
  for (const key of Object.keys(r).slice(0, 50)) {
    if (key !== '_errors') flatten(r[key], path === '' ? key : `${path}.${key}`, out, depth + 1);
  }
}

/**
 * What the default classify carries of {@link discordProfile}: all of it but its renderer.
 * @internal
 */
export const discordReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'discord',
  // Its detect needs a numeric `code` or `retry_after` beside the `message` (most bodies with a message have neither).
  keys: ['code', 'retry_after'],
  hosts: ['discord.com', 'discordapp.com', '*.discord.com'],
  codes: DISCORD_CODES,
  detect: (s) => isDiscord(s.json) || printed(s) !== null,
  parse(s) {
    const line = printed(s);
    if (line !== null) {
      const n = Number(line[1]);
      return { vendorCode: line[1], message: (line[2] as string).trim(), code: unknownResource(n) ? 'not_found' : undefined };
    }
    if (!isDiscord(s.json)) return undefined;
    const b = asRecord(s.json) as Readonly<Record<string, unknown>>;
    const n = readNumber(b, 'code');
    const seconds = readNumber(b, 'retry_after');
    const fields: FieldError[] = [];
    flatten(b.errors, '', fields, 0);
    return {
      vendorCode: n === undefined ? undefined : String(n),
      message: readString(b, 'message'),
      retryAfterMs: seconds === undefined ? undefined : Math.round(seconds * 1000),
      fields: fields.length > 0 ? fields : undefined,
      code: typeof b.retry_after === 'number' ? 'rate_limited' : unknownResource(n) ? 'not_found' : undefined,
    };
  },
});

/**
 * Discord.
 *
 * @example
 * ```ts
 * classify({ status: 429, body: '{"message":"You are being rate limited.","retry_after":64.57,"global":false}' });
 * // { code: 'rate_limited', vendor: 'discord', retryAfterMs: 64570, … }
 * ```
 * @public
 */
export const discordProfile: VendorProfile = /* @__PURE__ */ withRender(discordReader, {
  render(fault) {
    const status = renderStatus(fault);
    const code = renderCode(DISCORD_CODES, fault);
    const headers = renderHeaders(fault, 'cf-ray');
    let body: Record<string, unknown>;
    if (fault.code === 'rate_limited' && fault.retryAfterMs !== undefined) {
      body = { message: fault.message, retry_after: fault.retryAfterMs / 1000, global: false };
      headers['x-ratelimit-reset-after'] = String(fault.retryAfterMs / 1000);
    } else {
      body = { message: fault.message, code: 0 };
    }
    if (code !== undefined && Number.isInteger(Number(code))) body.code = Number(code);
    return { status, headers, body: JSON.stringify(body) };
  },
});
