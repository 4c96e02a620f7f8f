/**
 * Microsoft Azure and Microsoft Graph, per the Microsoft REST API guidelines:
 * `{error: {code: "<string>", message, target?, details?: [{code, message, target}], innererror?: {code, innererror?}}}`
 * (Graph spells it `innerError` and puts `request-id` and `date` in it). The
 * deepest `innererror.code` is the most specific ("each level … more specific
 * than the one above"), so it is the `vendorCode` and decides the canonical
 * code when the table or its words know it, else the top-level `error.code`
 * does; without an innererror, a code every `details[]` entry shares is the
 * vendor code. Azure Storage answers in XML,
 * `<Error><Code>ServerBusy</Code><Message>…\nRequestId:…\nTime:…</Message></Error>`,
 * the same envelope as S3, told apart by its `x-ms-*` headers; a HEAD
 * request's error is the `x-ms-error-code` header alone. Delays come in
 * `retry-after` and `x-ms-retry-after-ms`, the request id in `x-ms-request-id`.
 *
 * Not claimed: Azure OpenAI, which speaks OpenAI's shape (`error.type`,
 * `error.param`, snake_case or numeric codes such as `"429"`); the openai
 * profile reads those. Without an `x-ms-*` header, a snake_case, UPPER_SNAKE
 * or numeric code is someone else's (OpenAI-compatible servers, generic error objects).
 *
 * Azure SDKs (azure-core's retry strategy) retry 408, 429 and every 5xx but
 * 501/505 whatever the method, so 500/502/504 are `always` here.
 */
import type { FaultCode } from '../core/catalog.js';
import type { FieldError } from '../core/fault.js';
import type { FaultDraft, ResponseSnapshot, VendorProfile } from './profile.js';
import { codeTable } from './code-table.js';
import { builtinProfile, withRender } from './builtin-profile.js';
import { asRecord, codeIn, readString, xmlText } from './profile.js';
import { renderCode, renderHeaders, renderStatus } from './render-helpers.js';
import { requestIdInText } from './generic/request-id.js';

/**
 * Azure Resource Manager, Storage and Microsoft Graph error codes.
 * @example
 * ```ts
 * AZURE_CODES.ServerBusy; // 'overloaded'
 * ```
 * @internal
 */
export const AZURE_CODES = {
  ...codeTable({
    // and any code containing "throttl" (throttledRequest, SubscriptionRequestsThrottled), *NotFound, *AlreadyExists, Invalid*
    rate_limited: 'TooManyRequests activityLimitReached',
    overloaded: 'ServerBusy',
    content_filtered: 'ResponsibleAIPolicyViolation content_filter',
    service_unavailable: 'ServiceUnavailable serviceNotAvailable',
    gateway_timeout: 'OperationTimedOut GatewayTimeout',
    internal: 'InternalError InternalServerError generalException UnknownError',
    unauthenticated:
      'InvalidAuthenticationToken InvalidAuthenticationTokenTenant InvalidAuthenticationTokenAudience ExpiredAuthenticationToken ' +
      'AuthenticationFailed AuthenticationFailedMissingToken InvalidAuthenticationInfo NoAuthenticationInformation ' +
      'InvalidAuthenticationTokenAudience unauthenticated Unauthorized',
    permission_denied:
      'AuthorizationFailed AuthorizationPermissionMismatch AuthorizationFailure LinkedAuthorizationFailed Forbidden ' +
      'accessDenied Authorization_RequestDenied InsufficientAccountPermissions AccountIsDisabled RequestDisallowedByPolicy ' +
      // Azure AI services refuse an Entra ID principal without the role so, with a 401: "Principal does not have access to API/Operation."
      'PermissionDenied',
    not_found: 'ResourceNotFound',
    already_exists: 'ResourceAlreadyExists StorageAccountAlreadyTaken',
    conflict: 'Conflict AnotherOperationInProgress ResourceGroupBeingDeleted LeaseIdMissing LeaseAlreadyPresent ResourceBusy',
    precondition_failed: 'PreconditionFailed ConditionNotMet LeaseIdMismatchWithBlobOperation resourceModified',
    quota_exhausted: 'QuotaExceeded OperationNotAllowed quotaLimitReached',
    invalid_request:
      'BadRequest badRequest BadArgument InvalidParameter MissingRequiredQueryParameter MissingRequiredHeader ' +
      'NoRegisteredProviderFound Request_BadRequest invalidRequest',
    payload_too_large: 'RequestBodyTooLarge requestTooLarge',
    not_implemented: 'NotImplemented notSupported UnsupportedHttpVerb',
  }),
  // Graph: "For Directory_ConcurrencyViolation you can repeat the request after a short delay."
  Directory_ConcurrencyViolation: { code: 'conflict', retry: 'always' },
} as const;

const AZURE_STATUSES = {
  500: { code: 'internal', retry: 'always' },
  502: { code: 'bad_gateway', retry: 'always' },
  504: { code: 'gateway_timeout', retry: 'always' },
} as const;

/** Azure's codes are PascalCase or camelCase, Graph's may join words with `_` (`Request_ResourceNotFound`). */
const AZURE_LIKE = /^[A-Za-z][A-Za-z0-9]*(?:_[A-Z][A-Za-z0-9]*)*$/;

function hasMsHeaders(s: ResponseSnapshot): boolean {
  const h = s.headers;
  return h.get('x-ms-request-id') !== undefined || h.get('x-ms-error-code') !== undefined || h.get('x-ms-activity-id') !== undefined;
}

/**
 * The `{error: {code: string, …}}` record when it is Azure's and not OpenAI's; or Cosmos DB's flat
 * `{code, message}` when x-ms-* headers vouch for it.
 */
function errorOf(s: ResponseSnapshot): Readonly<Record<string, unknown>> | undefined {
  const body = asRecord(s.json);
  const error = asRecord(body?.error);
  if (error === undefined) {
    return typeof body?.code === 'string' && typeof body.message === 'string' && hasMsHeaders(s) ? body : undefined;
  }
  const code = error.code;
  // Numeric codes ("429") are Azure OpenAI's, read by the openai profile.
  if (typeof code !== 'string' || code === '' || 'type' in error || 'param' in error || /^\d+$/.test(code)) return undefined;
  // Azure's codes mix cases (ResourceNotFound, accessDenied); snake_case (OpenAI-compatible), UPPER_SNAKE and
  // single lower-case words (generic error objects) need an x-ms-* header or Graph's innerError to vouch for them.
  return (AZURE_LIKE.test(code) && /[a-z]/.test(code) && /[A-Z]/.test(code)) || hasMsHeaders(s) ||
    asRecord(error.innerError ?? error.innererror) !== undefined
    ? error
    : undefined;
}

function isStorageXml(s: ResponseSnapshot): boolean {
  // A miss costs one anchored test: JSON bodies and text not starting with `<` are never Storage XML.
  if (s.json !== undefined || !/^\s*</.test(s.text)) return false;
  const head = s.text.slice(0, 4096);
  return head.includes('<Error>') && head.includes('<Code>') && (hasMsHeaders(s) || head.includes('RequestId:'));
}

/** Storage appends `\nRequestId:…\nTime:…` to its message. */
function splitStorageMessage(message: string | undefined): { message?: string | undefined; requestId?: string | undefined } {
  if (message === undefined) return {};
  const at = message.indexOf('RequestId:');
  if (at < 0) return { message };
  const rest = message.slice(at + 10);
  const end = rest.search(/\s/);
  return { message: message.slice(0, at).trim() || undefined, requestId: (end < 0 ? rest : rest.slice(0, end)) || undefined };
}

/** The deepest code in the innererror chain, else the one code every `details[]` entry shares. */
function deepestCode(error: Readonly<Record<string, unknown>>): string | undefined {
  let deepest: string | undefined;
  let inner = asRecord(error.innererror ?? error.innerError);
  for (let depth = 0; inner !== undefined && depth < 8; depth++) {
    deepest = readString(inner, 'code') ?? deepest;
    inner = asRecord(inner.innererror ?? inner.innerError);
  }
  if (deepest !== undefined || !Array.isArray(error.details) || error.details.length === 0) return deepest;
  let shared: string | undefined;
  for (const item of error.details.slice(0, 16)) {
    const code = readString(asRecord(item), 'code');
    if (code === undefined || (shared !== undefined && code !== shared)) return undefined;
    shared = code;
  }
  return shared;
}

/** The deepest known code in the innererror chain, else a known code among `details`. */
function specificCode(error: Readonly<Record<string, unknown>>): FaultCode | undefined {
  let found: FaultCode | undefined;
  let inner = asRecord(error.innererror ?? error.innerError);
  for (let depth = 0; inner !== undefined && depth < 8; depth++) {
    const code = readString(inner, 'code');
    found = codeIn(AZURE_CODES, code) ?? byShape(code) ?? found;
    inner = asRecord(inner.innererror ?? inner.innerError);
  }
  if (found === undefined && Array.isArray(error.details)) {
    for (const item of error.details.slice(0, 16)) {
      const known = codeIn(AZURE_CODES, readString(asRecord(item), 'code'));
      if (known !== undefined) return known;
    }
  }
  return found;
}

/** Codes the table does not list, read by their words (Key Vault's `SecretNotFound`, `Throttled`). */
function byShape(code: string | undefined): FaultCode | undefined {
  if (code === undefined || Object.hasOwn(AZURE_CODES, code)) return undefined;
  if (/throttl/i.test(code)) return 'rate_limited';
  if (code.endsWith('NotFound')) return 'not_found';
  if (code.endsWith('AlreadyExists')) return 'already_exists';
  if (code.startsWith('Invalid')) return 'invalid_request';
  return undefined;
}

function fieldsOf(details: unknown): FieldError[] | undefined {
  if (!Array.isArray(details)) return undefined;
  const fields: FieldError[] = [];
  for (const item of details.slice(0, 50)) {
    const d = asRecord(item);
    const target = readString(d, 'target');
    if (target !== undefined) fields.push({ path: target, message: readString(d, 'message') ?? readString(d, 'code') ?? '' });
  }
  return fields.length > 0 ? fields : undefined;
}

function parse(s: ResponseSnapshot): FaultDraft | undefined {
  const header = s.headers.get('x-ms-error-code');
  const requestId = s.headers.get('x-ms-request-id');
  const error = errorOf(s);
  if (error !== undefined) {
    const inner = asRecord(error.innerError ?? error.innererror);
    const message = error.message;
    const top = readString(error, 'code') ?? header;
    const vendorCode = deepestCode(error) ?? top;
    const code = specificCode(error) ?? (vendorCode === top ? byShape(top) : codeIn(AZURE_CODES, top) ?? byShape(top));
    return {
      // Cosmos DB answers a create whose id is taken with the bare `Conflict` and says so in words ("Resource with
      // specified id or name already exists.").
      code: (code ?? codeIn(AZURE_CODES, top)) === 'conflict' && top === 'Conflict' && typeof message === 'string' && message.slice(0, 300).includes(' already exists') ? 'already_exists' : code,
      vendorCode,
      message: typeof message === 'string' ? message : readString(asRecord(message), 'value'),
      // Or the id Microsoft's services write into the message (Business Central's "…  CorrelationId:  c32f628c-…").
      requestId: requestId ?? s.headers.get('x-ms-activity-id') ?? readString(inner, 'request-id') ?? (typeof message === 'string' ? requestIdInText(message) : undefined),
      fields: fieldsOf(error.details),
    };
  }
  if (isStorageXml(s)) {
    const split = splitStorageMessage(xmlText(s.text, 'Message'));
    const vendorCode = xmlText(s.text, 'Code') ?? header;
    return { code: byShape(vendorCode), vendorCode, message: split.message, requestId: requestId ?? split.requestId };
  }
  return header === undefined ? undefined : { code: byShape(header), vendorCode: header, requestId };
}

/**
 * What the default classify carries of {@link azureProfile}: all of it but its renderer.
 * @internal
 */
export const azureReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'azure',
  keys: ['error.code', 'code'],
  hosts: ['management.azure.com', 'graph.microsoft.com', '*.windows.net', '*.vault.azure.net', '*.documents.azure.com', 'dev.azure.com'],
  codes: AZURE_CODES,
  statuses: AZURE_STATUSES,
  detect: (s) => errorOf(s) !== undefined || isStorageXml(s) || (s.headers.get('x-ms-error-code') !== undefined && s.json === undefined),
  parse,
});

/**
 * Azure Resource Manager, Azure Storage and Microsoft Graph.
 *
 * @example
 * ```ts
 * classify({ status: 404, headers: { 'x-ms-request-id': '8b107cbc-387b-481c-bc19-6840e0d45eb2' },
 *   body: '{"error":{"code":"ResourceGroupNotFound","message":"Resource group \'foo\' could not be found."}}' });
 * // { code: 'not_found', vendor: 'azure', vendorCode: 'ResourceGroupNotFound', requestId: '8b107cbc-…', … }
 * ```
 * @public
 */
export const azureProfile: VendorProfile = /* @__PURE__ */ withRender(azureReader, {
  expressible: { retryAfter: 'ms' },
  render(fault) {
    const code = renderCode(AZURE_CODES, fault) ?? 'InternalError';
    const headers = renderHeaders(fault, 'x-ms-request-id');
    headers['x-ms-error-code'] = code;
    return { status: renderStatus(fault), headers, body: JSON.stringify({ error: { code, message: fault.message } }) };
  },
});
