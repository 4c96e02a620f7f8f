/**
 * The generic layer's first step: the envelope a body holds, whatever form it came in — parsed JSON (and the body an
 * SDK error's message holds as JSON text), an OAuth redirect's query, a form, XML, a gRPC ErrorInfo in protobuf text, an
 * SDK's printout (a printed form, a quoted object, a call's repr, `key: value` pairs). ./generic.ts decides what it means.
 */
import { statusOf } from '../../core/status.js';
import type { ResponseSnapshot } from '../profile.js';
import { isReasonPhraseOrName } from '../status-text.js';
import { type Envelope, readEnvelope } from './envelope.js';
import { codeOf, ID_CODE } from './envelope-values.js';
import { withoutCurlLines } from './noise.js';
import { leadingCode, oauthCode, quotedObject, withLeadingCode } from './printed-code.js';
import { BOTOCORE, PROTO_REASON, printedCode } from './printed-forms.js';
import { CALL, chainCode, formMembers, pairs, rPairs } from './printed-pairs.js';
import { jsonString, scanObject } from './scan.js';
import { xmlEnvelope } from './xml-envelope.js';

/** How much of a text body is read for lines, a status or words: meanings and printouts come early. @internal */
export const HEAD = 4096;
/** Printed pairs and statuses come in the first lines. @internal */
export const LINES = 1024;

/**
 * The envelope of the server's body an error's message holds as JSON text: a serialized SDK error
 * (`{"name":"DeepgramApiError","message":"{\"err_code\":…}"}`), one wrapped by a catch-all code (Synapse's
 * `{"errcode": "M_UNKNOWN", "error": "{\"errcode\":\"M_LIMIT_EXCEEDED\",…}"}`), and @google/genai's ApiError as it
 * prints (`{"error":{"message":"{\n  \"error\": {…, \"status\": \"UNAVAILABLE\"}}\n","code":503,"status":"Service
 * Unavailable"}}`, the body's text as the message), pasted alone or after a client's words.
 */
function withInner(env: Envelope, status: number | undefined): Envelope {
  if ((env.vendorCode !== undefined && !/unknown/i.test(env.vendorCode)) || env.message === undefined) return env;
  // Or after a client's own words (mito's "There was an error accessing the Anthropic API: {'type': 'error', 'error': {…}}").
  const said = env.message.indexOf(': {');
  const at = env.message.startsWith('{') ? 0 : said < 0 ? -1 : said + 2;
  if (at < 0) return env;
  const inner = readEnvelope(scanObject(env.message.slice(at)).value, status);
  return inner.vendorCode === undefined ? env : { ...env, ...inner, requestId: inner.requestId ?? env.requestId, status: inner.status ?? env.status };
}

/**
 * What the body holds, whatever its form: parsed JSON, or text read as XML, a printout, or lines. `head` is the text's
 * first {@link HEAD} characters (empty for parsed JSON), `form` the members of a form-encoded body.
 * @internal
 */
export function envelopeOf(s: ResponseSnapshot): { env: Envelope; head: string; form?: Readonly<Record<string, string>> } {
  // A body pasted as the JSON string of itself (`"{\"code\":500,\"message\":…}"`): the string is the body.
  const pasted = s.text.startsWith('"{') ? jsonString(s.text) : undefined;
  if (pasted !== undefined) return envelopeOf({ ...s, json: scanObject(pasted).value, text: pasted });
  // A body that is one JSON string naming the error, as servers that serialize an error enum send it (Kanidm's 401
  // `"notauthenticated"`, `"sessionexpired"`): the word is the code.
  const bare = s.text.startsWith('"') && s.text.length <= 84 ? jsonString(s.text.trim()) : undefined;
  // So is one sent as plain text when it is a snake_case name of two words or more (Polis' 403 `polis_err_conversation_is_closed`,
  // Shikimori's 451 `age_restricted`) that is no status's name (`not_found`).
  const plain = bare === undefined && s.json === undefined && s.text.length <= 84 ? s.text.trim() : undefined;
  const word = bare ?? (plain !== undefined && /^[a-z][a-z0-9]{0,30}(?:_[a-z0-9]{1,30}){1,12}$/.test(plain) && !isReasonPhraseOrName(plain) ? plain : undefined);
  if (word !== undefined && ID_CODE.test(word) && codeOf(word) !== undefined) return { env: { vendorCode: word, message: word, text: word }, head: '' };
  if (typeof s.json === 'object' && s.json !== null) {
    const env = withInner(withLeadingCode(readEnvelope(s.json, s.status)), s.status);
    // A message alone that opens with its code, as Docker's registry sends it (`toomanyrequests: You have reached…`).
    const lead = env.vendorCode === undefined && env.message !== undefined ? chainCode(env.message) : undefined;
    return { env: lead !== undefined && env.message?.startsWith(`${lead}: `) === true ? { ...env, vendorCode: lead } : env, head: '' };
  }
  const head = s.text.slice(0, HEAD);
  if (head === '') return { env: {}, head };
  // An OAuth 2.0 error as a redirect's query carries it, pasted as the body (RFC 6749 §4.1.2.1:
  // `error=redirect_uri_mismatch&error_description=This+…`), or the whole redirect URL pasted
  // (`https://app.example/callback?error=unauthorized_client&error_description=…`): the form's members, decoded.
  const query = head.startsWith('error=') ? 0 : head.startsWith('http') ? head.search(/[?&#]error=/) + 1 : -1;
  if (query >= 0 && head.startsWith('error=', query)) return { env: readEnvelope(Object.fromEntries(new URLSearchParams(head.slice(query).split(/\s/, 1)[0]))), head };
  const form = formMembers(head);
  if (form !== undefined) return { env: readEnvelope(form, s.status), head, form };
  const reason = PROTO_REASON.exec(head)?.[1];
  const env = withLeadingCode(xmlEnvelope(head) ?? (reason === undefined ? withInner(readEnvelope(scanObject(s.text).value, s.status), s.status) : { vendorCode: reason }));
  if (env.vendorCode !== undefined) return { env, head };
  const lead = head.slice(0, LINES);
  // A page's markup holds attributes (`<meta name="robots" …>`), no printed code.
  // So does one a client logged after its own words (`… returns a 502 status code with content <!DOCTYPE html> …`).
  // A Python class's repr is no markup (boto3's `<class 'botocore.exceptions.EventStreamError'>:An error occurred (…)`).
  // botocore's own words before a page it quotes still name the code (`An error occurred (ModelError) when calling the
  // InvokeEndpoint operation: Received server error (500) from model with message "<!DOCTYPE HTML …`).
  if (/^\s{0,64}<(?!class ')[!a-zA-Z]/.test(lead) || lead.includes('<!DOCTYPE')) {
    const aws = BOTOCORE.exec(lead)?.[1];
    return { env: aws === undefined ? env : { ...env, vendorCode: aws }, head };
  }
  // A printed code that is the response's own status is the status again (Pterodactyl's print_r of its errors, whose
  // `detail` closes "(code: 500)" beside `[code] => DaemonConnectionException`): the printout's members may name the code.
  const printedAt = printedCode(withoutCurlLines(lead));
  const stated = printedAt !== undefined && printedAt === String(s.status) ? undefined : printedAt;
  if (stated !== undefined) return { env: { ...env, vendorCode: stated }, head };
  const quoted = quotedObject(lead);
  const inner = quoted === undefined ? undefined : readEnvelope(scanObject(quoted).value, s.status);
  // So is one whose errors name their fields, code or none (Coolify's `422 - "{\"message\":\"Validation failed.\",\"errors\":{…}}"`).
  if (inner?.vendorCode !== undefined || inner?.fieldNamed === true) return { env: inner, head };
  const call = CALL.exec(lead);
  if (call !== null) return { env: { ...env, vendorCode: call[2], status: env.status ?? statusOf(call[1]) }, head };
  const printed = readEnvelope(pairs(lead.includes('\n[1] ') ? rPairs(lead) : lead), s.status);
  // In a printed line a `type=…Error` is the SDK's class (`type=ShippoAuthenticationError, code=undefined`), not the server's code;
  // a reason phrase is the status in words (Spring's Whitelabel page: `There was an unexpected error (type=Forbidden, status=403).`).
  let vendorCode = (/^[A-Z]\w{0,80}[a-z]Error$/.test(printed.vendorCode ?? '') || lead.includes(`(type=${printed.vendorCode}, status=`) ? undefined : printed.vendorCode) ?? chainCode(lead) ?? leadingCode(lead) ?? oauthCode(lead);
  // A client's enum name for the server's snake_case code (`code: OverEmailSendRateLimit` beside
  // `over_email_send_rate_limit`, as supabase-kt prints it): the server's own spelling is the code.
  const snake = vendorCode?.replace(/(?<=[a-z0-9])(?=[A-Z])/g, '_').toLowerCase();
  if (snake?.includes('_') === true && lead.includes(snake)) vendorCode = snake;
  return { env: withLeadingCode({ ...printed, ...env, vendorCode, requestId: env.requestId ?? printed.requestId, status: env.status ?? printed.status }), head };
}
