/**
 * Codes a text leads with or holds in words of its own: a message that opens with its code (`AADSTS700082: …`,
 * `ORA-01017: …`), an OAuth 2.0 code anywhere in a printout, and JSON an SDK printed inside a quoted string
 * (`body: "{\"id\":\"forbidden\"}"`). The fixed forms SDKs print a code in are ./printed-forms.ts.
 */

/**
 * A message that opens with its own code: Microsoft identity's `AADSTS700082: The refresh token
 * has expired…`, Oracle's `ORA-01017: invalid username/password`. Letters then digits, then a
 * colon: the code the vendor's docs list, more specific than the bare number or OAuth word beside it.
 * Or a number of four to seven digits, as Snowflake's drivers open a message (`390114: Authentication
 * token has expired.`): too long for an HTTP status. A SCREAMING_SNAKE code may be set off by a dash instead (TheCatAPI's
 * `AUTHENTICATION_ERROR - you need to send your API Key as the 'x-api-key' header`). A message that is one kebab-case
 * word and nothing else is the code too (Actual Budget's sync server answers a plain-text `file-not-found`).
 */
const LEADING = /^['"]?([A-Z]{1,10}-?\d{2,10}: |\d{4,7}: |[A-Z]{2,20}(?:_[A-Z0-9]{1,20}){1,6}(?: ?: | - |$)|[a-z]{2,20}(?:-[a-z]{2,20}){1,5}$)/;

/** An OAuth 2.0 token endpoint's code that no other word spells (RFC 6749 §5.2). */
const OAUTH_CODE = /\b(invalid_grant|invalid_client|unauthorized_client|unsupported_grant_type)\b/;

/**
 * An OAuth 2.0 token endpoint's code anywhere in a printout, as clients print the server's (league/oauth2-client's
 * `IdentityProviderException: invalid_grant in …`, node-uber's `data: '{"error": "invalid_grant"}'`): the last reading,
 * after every form and pair that names a code (MSAL's `error: 'invalid_client', error_description: 'AADSTS700025: …'`
 * names a sharper one).
 *
 * @example
 * ```ts
 * oauthCode('IdentityProviderException: invalid_grant in /var/www/…'); // 'invalid_grant'
 * ```
 * @internal
 */
export function oauthCode(text: string): string | undefined {
  return OAUTH_CODE.exec(text)?.[1];
}

/**
 * The code a message opens with, if any.
 *
 * @example
 * ```ts
 * leadingCode('AADSTS700082: The refresh token has expired due to inactivity.'); // 'AADSTS700082'
 * ```
 * @internal
 */
export function leadingCode(message: string | undefined): string | undefined {
  return message === undefined ? undefined : LEADING.exec(message)?.[1]?.replace(/ ?: $| - $/, '');
}

/** Characters of a quoted body read: an error object is short. */
const QUOTED_MAX = 4096;

/**
 * JSON an SDK printed inside a quoted string (Ruby's `inspect`, Rust's `Debug`, a logged string):
 * `body: "{\"id\":\"forbidden\",\"error\":\"…\"}"` or `UnexpectedError("{\"error\":{…}}")`, with
 * its one level of escaping removed so the tolerant scanner can read it. `undefined` when the text
 * holds no escaped object. One pass over at most {@link QUOTED_MAX} characters.
 *
 * @example
 * ```ts
 * quotedObject('body: "{\\"id\\":\\"unauthorized\\",\\"error\\":\\"Invalid credentials provided.\\"}"');
 * // '{"id":"unauthorized","error":"Invalid credentials provided."}'
 * ```
 * @internal
 */
export function quotedObject(head: string): string | undefined {
  const at = head.indexOf('{\\"');
  if (at < 0) return undefined;
  const end = Math.min(head.length, at + QUOTED_MAX);
  let out = '';
  let from = at;
  for (let i = at; i < end; i++) {
    if (head.charCodeAt(i) !== 92) continue;
    const next = head.charCodeAt(i + 1);
    // `\"` is a quote and `\\` a backslash one level down; any other escape belongs to the inner JSON.
    if (next === 34 || next === 92) {
      out += head.slice(from, i);
      from = i + 1;
      i++;
    }
  }
  return out + head.slice(from, end);
}

/**
 * The envelope with the code its message opens with, when it opens with one (see {@link leadingCode}).
 *
 * @example
 * ```ts
 * withLeadingCode({ vendorCode: '700082', message: 'AADSTS700082: The refresh token has expired…' }).vendorCode; // 'AADSTS700082'
 * ```
 * @internal
 */
export function withLeadingCode<E extends { readonly vendorCode?: string | undefined; readonly message?: string | undefined }>(env: E): E {
  const code = leadingCode(env.message);
  // A message that opens with the envelope's own number, prefixed (privacyIDEA's `{"code": 905, "message": "ERR905: …"}`),
  // names that number again: the envelope's code stands.
  // (An `AADSTS…` or `E012` prefix is the vendor's own spelling of it, and stays.)
  return code === undefined || (env.vendorCode !== undefined && code === `ERR${env.vendorCode}`) ? env : { ...env, vendorCode: code };
}
