/**
 * Slack Web API: `{ok: false, error: "<code>"}`, almost always on HTTP 200;
 * rate limits are HTTP 429 with `Retry-After` (seconds) and
 * `error: "ratelimited"`. Details, when Slack gives them, are in
 * `response_metadata.messages` (`"[ERROR] missing required field: title [json-pointer:/view]"`),
 * which become the message and, with a json-pointer, field errors.
 * `missing_scope` names the scope it `needed`. The request id is `x-slack-req-id`.
 * Incoming webhooks (`hooks.slack.com`) answer the bare code as text with a
 * 4xx status; that is read when the request URL says it was Slack.
 *
 * Slack has hundreds of method-specific codes; the table holds the shared
 * ones, and an unlisted code still classifies by its shape (`*_not_found`,
 * `invalid_*`), never as `unknown`.
 */
import type { FieldError } from '../core/fault.js';
import type { FaultCode } from '../core/catalog.js';
import { builtinProfile, withRender } from './builtin-profile.js';
import type { VendorProfile } from './profile.js';
import { codeTable } from './code-table.js';
import { asRecord, readString } from './profile.js';
import { renderCode, renderHeaders, renderStatus } from './render-helpers.js';

/**
 * Slack `error` codes shared across Web API methods (https://api.slack.com/web#errors and method pages).
 * @example
 * ```ts
 * SLACK_CODES.ratelimited; // 'rate_limited'
 * ```
 * @internal
 */
export const SLACK_CODES = /* @__PURE__ */ codeTable({
  rate_limited: 'ratelimited rate_limited',
  unauthenticated: 'not_authed invalid_auth account_inactive token_revoked token_expired invalid_token',
  permission_denied:
    'no_permission missing_scope not_allowed_token_type access_denied ekm_access_denied restricted_action ' +
    'not_in_channel two_factor_setup_required team_access_not_granted action_prohibited posting_to_general_channel_denied',
  not_found: 'channel_not_found user_not_found message_not_found', // and any other `*_not_found`
  conflict: 'is_archived',
  gone: 'channel_is_archived', // incoming webhooks answer 410
  already_exists: 'already_reacted already_in_channel name_taken',
  invalid_request: 'invalid_arguments too_many_attachments no_text', // and any other `invalid_*`
  payload_too_large: 'msg_too_long',
  not_implemented: 'unknown_method method_deprecated deprecated_endpoint',
  request_timeout: 'request_timeout',
  internal: 'internal_error fatal_error',
  service_unavailable: 'service_unavailable team_added_to_org',
});

/** Slack codes are snake_case tokens; `{ok: false, error: "Some sentence"}` is someone else's. */
function isToken(error: unknown): error is string {
  return typeof error === 'string' && /^[a-z0-9_]{1,64}$/.test(error);
}

function isSlackError(json: unknown): boolean {
  const body = asRecord(json);
  return body?.ok === false && isToken(body.error);
}

/** By the code's own words, for codes the table does not list. */
function byShape(error: string): FaultCode {
  if (error.endsWith('_not_found')) return 'not_found';
  // Bolt's `invalid_auth_local` and other refusals of the token under the same word.
  if (error.startsWith('invalid_auth')) return 'unauthenticated';
  if (error.startsWith('not_allowed') || error.startsWith('restricted')) return 'permission_denied';
  return 'invalid_request';
}

/** `[ERROR] missing required field: title [json-pointer:/view]` → field `/view`; indexOf only. */
function fieldOf(line: string): FieldError | undefined {
  const at = line.lastIndexOf('[json-pointer:');
  if (at < 0 || !line.endsWith(']')) return undefined;
  const text = line.slice(0, at).trim();
  return { path: line.slice(at + 14, -1), message: text.startsWith('[ERROR]') ? text.slice(7).trim() : text };
}

/**
 * What the default classify carries of {@link slackProfile}: all of it but its renderer.
 * @internal
 */
export const slackReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'slack',
  keys: ['ok'],
  hosts: ['slack.com', '*.slack.com'],
  codes: SLACK_CODES,
  detect: (s) => isSlackError(s.json),
  parse(s) {
    // Incoming webhooks (hooks.slack.com) answer a bare token as text/plain: `invalid_payload`, `no_text`.
    const text = s.text.trim();
    if (s.json === undefined && s.host?.endsWith('slack.com') === true && isToken(text)) {
      return { vendorCode: text, message: text, requestId: s.headers.get('x-slack-req-id') };
    }
    if (!isSlackError(s.json)) return undefined;
    const body = asRecord(s.json) as Readonly<Record<string, unknown>>;
    const error = body.error as string;
    const raw = asRecord(body.response_metadata)?.messages;
    const lines = Array.isArray(raw) ? raw.slice(0, 20).filter((m): m is string => typeof m === 'string') : [];
    const fields = lines.map(fieldOf).filter((f): f is FieldError => f !== undefined);
    const needed = readString(body, 'needed');
    return {
      vendorCode: error,
      message:
        lines.length > 0 ? `${error}: ${lines.join('; ')}` : needed !== undefined ? `${error} (needed: ${needed})` : error,
      fields: fields.length > 0 ? fields : undefined,
      // Slack's errors arrive on 200, where the status says nothing; on a 4xx/5xx the status does.
      code:
        fields.length > 0
          ? 'validation_failed'
          : error in SLACK_CODES || (s.status ?? 200) >= 400
            ? undefined
            : byShape(error),
      requestId: s.headers.get('x-slack-req-id'),
    };
  },
});

/**
 * Slack Web API.
 *
 * @example
 * ```ts
 * classify({ status: 200, body: '{"ok":false,"error":"channel_not_found"}' });
 * // { code: 'not_found', vendor: 'slack', vendorCode: 'channel_not_found', … }
 * ```
 * @public
 */
export const slackProfile: VendorProfile = /* @__PURE__ */ withRender(slackReader, {
  render(fault) {
    const error = renderCode(SLACK_CODES, fault) ?? 'internal_error';
    const body: Record<string, unknown> = { ok: false, error };
    if (fault.fields !== undefined) {
      body.response_metadata = { messages: fault.fields.map((f) => `[ERROR] ${f.message} [json-pointer:${f.path}]`) };
    }
    // Slack answers 200 for everything but its rate limit.
    const status = fault.code === 'rate_limited' ? 429 : renderStatus(fault) >= 500 ? renderStatus(fault) : 200;
    return { status, headers: renderHeaders(fault, 'x-slack-req-id'), body: JSON.stringify(body) };
  },
});
