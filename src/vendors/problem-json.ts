/**
 * RFC 9457 (and RFC 7807) problem details, in JSON and in XML, with the
 * validation extensions people actually send: RFC 9457's `errors` list of
 * `{detail, pointer}`, RFC 7807's `invalid-params` of `{name, reason}`,
 * `{field, message}` lists, and ASP.NET Core's `errors` map of
 * `{ "Name": ["msg"] }` (ValidationProblemDetails).
 *
 * `vendorCode` is a string `code` extension member when the problem has one:
 * vendors that add it write there the short code their docs list, and their
 * `type` is that code's page (ZenRows' `"code": "AUTH004"` beside
 * `"type": "https://docs.zenrows.com/api-error-codes#AUTH004"`). Otherwise it
 * is the `type` URI when it is not `about:blank`: the RFC makes `type` the
 * problem's machine identifier and `title` a human, localisable summary, so
 * `title` is only ever the message. Under a
 * response status the title and detail are read by their meaning, as the
 * generic layer reads any message: RFC 9457's own example, a 403 "You do not
 * have enough credit.", is `payment_required` (the catalog's "out of credits").
 */
import type { FieldError } from '../core/fault.js';
import { builtinProfile, withRender } from './builtin-profile.js';
import { codeByMeaning } from './generic/decide.js';
import type { CodeRule, FaultDraft, ResponseSnapshot, VendorProfile } from './profile.js';
import { asRecord, readNumber, readString, xmlText } from './profile.js';
import { idToken } from './generic/request-id.js';
import { codeOf } from './generic/envelope-values.js';
import { renderHeaders, renderStatus } from './render-helpers.js';
import { statusText } from './status-text.js';

/**
 * Problem `type` URIs with a meaning of their own. Most types only restate
 * the status, which the status fallbacks already read.
 * @example
 * ```ts
 * Object.keys(PROBLEM_JSON_CODES).length; // 0
 * ```
 * @internal
 */
export const PROBLEM_JSON_CODES = {} as const satisfies Readonly<Record<string, CodeRule>>;

const MAX_FIELDS = 50;

function field(path: unknown, message: unknown, out: FieldError[]): void {
  if (out.length < MAX_FIELDS && typeof path === 'string' && typeof message === 'string') out.push({ path, message });
}

/** Every validation extension, one reader: lists of records, or a map of message arrays. */
function readFields(body: Readonly<Record<string, unknown>>): FieldError[] {
  const out: FieldError[] = [];
  for (const key of ['errors', 'invalid-params', 'invalid_params', 'violations', 'problems']) {
    const value = body[key];
    if (Array.isArray(value)) {
      for (const item of value.slice(0, MAX_FIELDS)) {
        const r = asRecord(item);
        if (r === undefined) continue;
        field(r.pointer ?? r.name ?? r.field ?? r.propertyPath ?? r.path, r.detail ?? r.reason ?? r.message ?? r.title, out);
      }
    } else {
      const map = asRecord(value);
      if (map === undefined) continue;
      for (const name of Object.keys(map).slice(0, MAX_FIELDS)) {
        const messages = map[name];
        if (Array.isArray(messages)) for (const m of messages.slice(0, 5)) field(name, m, out);
        else field(name, messages, out);
      }
    }
  }
  // Shlink's InvalidDataException lists the refused fields by name alone (`"invalidElements": ["maxVisits", "validSince"]`):
  // each is refused for the problem's detail.
  const named = body.invalidElements;
  if (Array.isArray(named)) for (const name of named.slice(0, MAX_FIELDS)) field(name, body.detail ?? body.title, out);
  return out;
}

/**
 * A link to a status code's section of the HTTP RFCs (RFC 7231, RFC 9110), on any of the sites that publish them, or to
 * RFC 2616's whole chapter on status codes (Symfony's and API Platform's default `type`, `…/rfc2616#section-10`; the
 * W3C's copy, `…/rfc2616-sec10.html#sec10.4.1`, as Oracle's REST APIs write it), or to the RFC that defines the status
 * (Oracle's `https://webconcepts.info/specs/IETF/RFC/4918` beside a 422).
 */
const HTTP_RFC = /^https?:\/\/(?:(?:tools\.ietf\.org\/html|datatracker\.ietf\.org\/doc\/html|www\.rfc-editor\.org\/rfc)\/rfc(?:(?:7231|9110)(?:\.html)?#section-(?:6|15)\.|2616(?:\.html)?#section-10(?:$|\.))|www\.w3\.org\/Protocols\/rfc2616\/rfc2616-sec10\.html|webconcepts\.info\/specs\/IETF\/RFC\/\d{4}$)/;

/** A link to a site's page on one HTTP status (`https://httpstatuses.com/401`, as Petfinder's API writes its `type`). */
const STATUS_PAGE = /^https?:\/\/(?:www\.)?httpstatuses\.(?:com|io|org)\/\d{3}\/?$/;

/**
 * A glossary's last segment that is itself a code (Petfinder's `…/v2/docs/errors/ERR-00002/`), not a page's name, nor
 * the status again (its `…/errors/ERR-401/` beside the `title` that names the code, `invalid_client`).
 */
const GLOSSARY_CODE = /\/([A-Z][A-Z0-9]{1,10}-(?![45]\d\d\/)\d{1,8})\/$/;

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : undefined;
}

function isProblemXml(s: ResponseSnapshot): boolean {
  return s.contentType === 'application/problem+xml' || s.text.includes('urn:ietf:rfc:7807');
}

function draftOf(
  type: string | undefined,
  title: string | undefined,
  detail: string | undefined,
  status: number | undefined,
  code: string | undefined,
  fields: readonly FieldError[],
  requestId: string | undefined,
  answered: boolean,
): FaultDraft {
  // A `type` that ends in `/` is the vendor's page of every problem (Mailchimp's
  // `…/guides/error-glossary/`), not this one's identifier: the `title` the vendor writes per type names it.
  const glossary = type !== undefined && type.endsWith('/');
  // A `type` that links the HTTP RFC's section on the status (ASP.NET Core's default,
  // `https://tools.ietf.org/html/rfc7231#section-6.5.1`) says no more than `about:blank` does: the status.
  // So does one that links a site's page on the status (`https://httpstatuses.com/401`), and a bare "Error" (Umbraco's
  // Management API: `{"type": "Error", "title": "Duplicate name", …}`), and words with a space, which no URI holds (PxWeb
  // API 2's `{"type": "Parameter error", "title": "Too many cells selected", "status": 400, …}`).
  const useful = type !== undefined && type !== 'about:blank' && type !== 'Error' && !/\s/.test(type) && !glossary && !HTTP_RFC.test(type) && !STATUS_PAGE.test(type) ? type : undefined;
  // The vendor's own short code before the page that documents it (RFC 9457 §3.2 extension members); a glossary's
  // page per code names the code in its last segment (Petfinder's `…/docs/errors/ERR-00002/`).
  // A `title` written as a snake_case code names the problem more closely than a `type` linking a page of many (Lotus'
  // `{"type": "…/errors/error-responses#client-error", "title": "duplicate_resource", …}`).
  const titled = title !== undefined && /^[a-z][a-z0-9]{1,30}(?:_[a-z0-9]{1,30}){1,6}$/.test(title) ? title : undefined;
  const vendorCode = code ?? titled ?? useful ?? (glossary ? (GLOSSARY_CODE.exec(type)?.[1] ?? title) : undefined);
  const fieldLevel = fields.length > 0 && (status === undefined || status === 400 || status === 422);
  return {
    vendorCode,
    message: detail ?? title,
    // Under a response status the title and detail are read by their meaning, as the generic layer reads any
    // message (api.video's 400 "The user credentials were incorrect.", its 409 "A summary already exists"); errors
    // keyed by field are a field-level rejection when the words say nothing sharper. With none, the profile names
    // no code of its own but a glossary's title or a field-level one, and the generic layer reads the body.
    code: (answered || glossary ? codeByMeaning(status, vendorCode, answered && title !== undefined && detail !== undefined ? `${title} \n ${detail}` : (detail ?? title), fieldLevel) : undefined) ?? (fieldLevel ? 'validation_failed' : undefined),
    fields: fields.length > 0 ? fields : undefined,
    requestId,
  };
}

/**
 * What the default classify carries of {@link problemJsonProfile}: all of it but its renderer.
 * @internal
 */
export const problemJsonReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'problem+json',
  keys: ['title'], contentTypes: ['application/problem+json'],
  codes: PROBLEM_JSON_CODES,
  detect(s) {
    if (s.contentType === 'application/problem+json') return true;
    const body = asRecord(s.json);
    if (body !== undefined) {
      // The RFC members, not just one of them: `type` alone is too common (Anthropic's `type: "error"`).
      return typeof body.title === 'string' && (typeof body.type === 'string' || typeof body.status === 'number');
    }
    return s.json === undefined && isProblemXml(s);
  },
  parse(s) {
    const body = asRecord(s.json);
    if (body !== undefined) {
      const status = s.status ?? readNumber(body, 'status');
      return draftOf(
        readString(body, 'type'),
        readString(body, 'title'),
        readString(body, 'detail'),
        status,
        // Oracle's REST error members (Oracle Hospitality, Fusion): `o:errorCode`, the code of the first of its
        // `o:errorDetails` more specific than the whole's (`OPICS-0300` under `OPICS-BAD_REQUEST`).
        // A `code` with spaces or brackets is an opaque trace, no code (Wildberries' `"code": "07e4668e-…-[UK-4dx7JUdskGZ]"`).
        // A numeric `code` is the vendor's too (Twilio's `20001`), unless it restates the status.
        codeOf(body.code === status ? undefined : body.code) ?? readString(asRecord(firstOf(body['o:errorDetails'])), 'o:errorCode') ?? readString(body, 'o:errorCode'),
        readFields(body),
        // `instance` names this occurrence (RFC 9457 §3.1.5); a bare id there (Mailchimp) is the one support asks for.
        // ASP.NET Core writes `traceId`; TrueLayer `trace_id`; Oracle `correlationId`.
        readString(body, 'traceId') ?? readString(body, 'trace_id') ?? readString(body, 'correlationId') ?? readString(body, 'requestId') ?? readString(body, 'request_id') ?? idToken(readString(body, 'instance')),
        s.status !== undefined,
      );
    }
    if (s.json !== undefined || !isProblemXml(s)) return undefined;
    const raw = xmlText(s.text, 'status');
    const status = s.status ?? (raw === undefined ? undefined : Number(raw));
    return draftOf(
      xmlText(s.text, 'type'),
      xmlText(s.text, 'title'),
      xmlText(s.text, 'detail'),
      status,
      xmlText(s.text, 'code'),
      [],
      undefined,
      s.status !== undefined,
    );
  },
});

/**
 * RFC 9457 / 7807 problem details (`application/problem+json`,
 * `application/problem+xml`, or a JSON body with the problem members).
 *
 * @example
 * ```ts
 * classify({ status: 403, headers: { 'content-type': 'application/problem+json' },
 *   body: '{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit."}' });
 * // { code: 'payment_required', vendor: 'problem+json', vendorCode: 'https://example.com/probs/out-of-credit', … }
 * ```
 * @public
 */
export const problemJsonProfile: VendorProfile = /* @__PURE__ */ withRender(problemJsonReader, {
  render(fault) {
    const status = renderStatus(fault);
    const body: Record<string, unknown> = {
      type: fault.vendorCode !== undefined && fault.vendorCode.includes(':') ? fault.vendorCode : 'about:blank',
      title: statusText(status),
      status,
      detail: fault.message,
    };
    if (fault.vendorCode !== undefined && body.type === 'about:blank') body.code = fault.vendorCode;
    if (fault.fields !== undefined) body.errors = fault.fields.map((f) => ({ detail: f.message, pointer: f.path }));
    return {
      status,
      headers: renderHeaders(fault, 'x-request-id', 'application/problem+json'),
      body: JSON.stringify(body),
    };
  },
});
