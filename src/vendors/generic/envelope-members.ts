/**
 * Which members of an error object hold what: the names vendors give their error's code, message,
 * request id, nested error objects, restated status and wait, in the order the envelope reader
 * (./envelope.ts) ranks them. Data, kept apart so the lists can be read and reviewed as such.
 */

/**
 * Members naming the error object, in the order tried. A `status` or `meta` object may hold it too
 * (Rapyd's `{"status": {"error_code", "message", "operation_id"}}`, AfterShip's `{"meta": {"code": 4004, "message"}}`);
 * NetSuite's REST errors prefix theirs (`"o:errorDetails": [{"detail", "o:errorCode"}]`). A FHIR `OperationOutcome` lists its
 * errors under `issue`, each with a vendor's code under `details.coding` (Epic's `59008`) beside FHIR's own (`not-found`);
 * OData v3 names its error `odata.error`; Passbolt puts it in a `header` beside the `body` of field errors; PatentsView in
 * a `payload` beside `"status": "error"`; Mathpix in an `error_info` object (where Phabricator's Conduit writes a message);
 * Yapily lists its under `issues` (`{"error": {"code": 401, "issues": [{"code": 10700, …}]}}`), and Fronius' Solar API in
 * the `Head` of every reply (`"Head": {"Status": {"Code": 255, "Reason": …}}`); Pelias (GeocodeJSON) in its `geocoding`
 * block's `errors` beside the empty `FeatureCollection`; Cisco's APIC in the `attributes` of an `error` in its `imdata`
 * list (`{"totalCount": "1", "imdata": [{"error": {"attributes": {"code": "401", "text": …}}}]}`); a constraint violation its
 * `violations` (DAPNET's `{"violations": [{"code": 6103, "field": "address", …}], "code": 4001, …}`); Portuguese and Spanish
 * APIs theirs under `erros` and `errores` (Focus NFe's); ZATCA its invoice's under `validationResults.errorMessages`; a
 * Redfish service (HPE iLO, Dell iDRAC) its messages under `@Message.ExtendedInfo`, each named by a `MessageId`; SRT's
 * rail API its under `resultMap`; CREA's realtor.ca API under `ErrorCode` (`{"ErrorCode": {"Id": 500, "Description": …, "LogId": …}}`);
 * Apollo Client's printed error its server's under `graphQLErrors`.
 * @internal
 */
export const NESTS = ['error', 'errors', 'fault', 'Error', 'o:errorDetails', 'failure', 'innererror', 'innerError', 'inner_error', 'details', 'detail', 'extensions', 'cause', 'response', 'body', 'data', 'object', 'status', 'meta', 'content', 'issue', 'coding', 'odata.error', 'header', 'messages', 'payload', 'error_info', 'issues', 'Head', 'Status', 'geocoding', 'imdata', 'attributes', 'violations', 'erros', 'errores', 'validationResults', 'errorMessages', '@Message.ExtendedInfo', 'resultMap', 'ErrorCode', 'graphQLErrors'] as const;
/**
 * Members holding a machine code at any depth, strongest first: mod.io's `error_ref` (`{"code": 429, "error_ref": 11008}`),
 * its table's number beside the status, before every other. `reason` beside `code` is the
 * specific one (Razorpay's `code: BAD_REQUEST_ERROR, reason: input_validation_failed`, Kubernetes'
 * Status); so is an X12 AAA reject's `reject_reason_code` beside its `response_code: "Y"` (Eligible's health-insurance
 * eligibility errors, `41`, `E3`); drivers print `VendorCode`; a `Type` counts only when it names an exception (Xero's `"Type": "ValidationException"`)
 * or is a snake_case code (MangoPay's `"Type": "param_error"`). Last, the numbers some APIs call `errno`
 * (FreshBooks' `{"errno": 1012, "message": "Client not found."}`, Sage Intacct's `errorno`); Kotak Neo's `stCode` and
 * Prodigi's `outcome` (`{"outcome": "EntityNotFound", "traceParent": …}`), PokitDok's `reject_reason` and Tango Card's
 * `denial_code` after every other name; OpenProject's `errorIdentifier` (`urn:openproject-org:api:v3:errors:NotFound`) and
 * Taiga's `_error_type` (`taiga.base.exceptions.PermissionDenied`) beside theirs. brainCloud names its number
 * `reason_code` beside the status; Jolokia its JMX exception as `error_type_jmx` beside the Java one; RESTCONF (RFC 8040
 * §7.1) its `error-tag` beside `error-message` (OpenDaylight's `{"errors": {"error": [{"error-tag": "malformed-message", …}]}}`). Last of all a Laravel handler's
 * `exception` class (Firefly III's `{"message": "Unauthenticated", "exception": "AuthenticationException"}`), which any
 * vendor's own code outranks; Worldpay's `customCode` (`"customCode": "TKN_NOT_FOUND"`) just before it. After it, a `tag`
 * beside a message (Standard Notes' `{"error": {"tag": "expired-access-token", "message": …}}`); AI Horde's `rc` (`{"message":
 * …, "rc": "CorruptPrompt"}`); a Portuguese API's `codigo` (Focus NFe's `{"codigo": "nao_encontrado", "mensagem": …}`); Redfish's
 * `MessageId` (`Base.1.12.PropertyValueTypeError`), deeper than its `error.code`, which is a pointer to it; Korail's
 * `h_msg_cd` and SRT's `msgCd` (`NET000001`); Mambu's v1 `returnCode` (`{"returnCode": 851, "returnStatus": "INVALID_CENTRE_ID"}`);
 * Russian Post's `sub-code` beside its number (`{"code": "1001", "desc": …, "sub-code": "RESOURCE_NOT_FOUND"}`), with `sub_code`.
 * @internal
 */
export const CODES = ['error_ref', 'errorRef', 'error_subcode', 'subErrorCode', 'sub_code', 'sub-code', 'subStatus', 'sub_status', 'decline_code', 'reject_reason_code', 'rejectReasonCode', 'error_codes', 'error-codes', 'reason', 'ErrorStatus', 'errorStatus', 'errorNum', 'reasonCode', 'reason_code', 'messageCode', 'messageKey', 'errorMessageKey', 'messageNumber', 'errorCodeName', 'code', 'error_code', 'error-code', 'error-tag', 'errorCode', 'ErrorCode', 'errorcode', 'Code', 'err_code', 'err-code', 'errcode', 'errCode', 'rspCode', 'resCode', 'retCode', 'ret_code', 'apiStatus', 'ResultCode', 'resultCode', 'result_code', 'error_name', 'errorName', 'subcode', 'error_type_jmx', 'error_type', 'errorType', 'ErrorType', 'errorClass', 'error_class', 'exceptionClass', 'ExceptionClass', 'exceptionCode', 'exceptionType', 'ExceptionType', 'exc_type', 'internalCode', 'internalErrorCode', 'vendorCode', 'VendorCode', 'ErrorKey', 'errorKey', 'response_code', 'ResponseCode', 'responseCode', 'status_txt', 'type', 'Type', 'kind', '__type', 'issue', 'errorId', 'ErrorId', 'failCode', 'ErrorNumber', 'category', 'o:errorCode', 'errno', 'errorno', 'err', 'key', 'errorIdentifier', '_error_type', 'stCode', 'outcome', 'reject_reason', 'rejectReason', 'denial_code', 'denialCode', 'customCode', 'exception', 'tag', 'rc', 'codigo', 'MessageId', 'MessageID', 'h_msg_cd', 'msgCd', 'returnCode'] as const;
/**
 * Members that hold a code only in the outermost object or beside a message (elsewhere `name` is a resource's name).
 * @internal
 */
export const TOP_CODES = ['error', 'name', 'status'] as const;
/**
 * Members holding the message people read; Phabricator's Conduit writes its beside `error_code` as `error_info`, adsbdb
 * its as the whole `response` (`{"response": "rate limited for 60 seconds"}`), where others nest the error object; Snipe-IT
 * writes one sentence as `messages` (`{"status": "error", "messages": "Asset does not exist."}`), where others list them;
 * API Platform's Hydra errors (Sylius) say it as `hydra:description` under a `hydra:title`; Fronius as a status's `Reason`;
 * Lodestone lists its as `causes` beside a `kind` that is the status (`{"kind": "BadRequest", "causes": ["Username already exist"]}`);
 * Vue Storefront's API as `result` (`{"code": 500, "result": "Invalid refresh token provided"}`), OpenCart's as a `warning`;
 * Portuguese and Spanish APIs as `mensagem` and `mensaje`; Noren OMS (Shoonya's broker API) as `emsg` beside `"stat": "Not_Ok"`;
 * Korail and SRT as `h_msg_txt` and `msgTxt`; Russian Post as `desc`.
 * @internal
 */
export const MESSAGES = ['message', 'error_description', 'errorSummary', 'error_summary', 'errorMessage', 'ErrorMessage', 'error_message', 'error-message', 'errorDescription', 'errorText', 'error-text', 'exceptionMessage', 'ExceptionMessage', 'Message', 'msg', 'faultstring', 'err_msg', 'err-msg', 'error_msg', 'errmsg', 'errMsg', 'retMsg', 'ret_msg', 'ResultMessage', 'resultMessage', 'result_message', 'result_msg', 'status_msg', 'statusTxt', 'status_message', 'statusMessage', 'statusDescription', 'grpc_message', 'Error Message', 'detail', 'description', 'diagnostics', 'title', 'error', 'Error', 'ERROR', 'errors', 'reason', 'details', 'err', 'text', 'cause', 'statusText', 'denial_message', 'denialMessage', 'error_info', 'response', 'messages', 'errorMessages', 'hydra:description', 'hydra:title', 'Reason', 'exception', 'causes', 'result', 'warning', 'mensagem', 'mensaje', 'emsg', 'h_msg_txt', 'msgTxt', 'desc'] as const;
/**
 * Members holding a request id. After the common names, the ones vendors document as the id to give
 * support: Okta's `errorId`, Meta's `fbtrace_id`, Adyen's `pspReference`, Help Scout's `logRef`, Rapyd's `operation_id`,
 * Onshape's `supportCode`, Infisical's (and Fastify's) `reqId`, Yapily's `tracingId`, Indico's `error_uuid`; and a W3C Trace Context `traceparent` echoed in the body (Prodigi's `traceParent`), whose
 * trace id is the request's in every tracing backend; Betfair's `requestUUID`; realtor.ca's `LogId`.
 * @internal
 */
export const IDS = ['request_id', 'requestId', 'requestID', 'RequestId', 'x-request-id', 'trace_id', 'traceId', 'correlation_id', 'correlationId', 'debug_id', 'debugId', 'request-id', 'error_id', 'errorId', 'fbtrace_id', 'pspReference', 'logRef', 'operation_id', 'refId', 'ref_id', 'msgId', 'traceparent', 'traceParent', 'supportCode', 'support_code', 'reqId', 'tracingId', 'error_uuid', 'ServerTransactionID', 'requestUUID', 'LogId', 'api_id', 'apiID'] as const;

/**
 * What each member may hold, looked up once per member: one pass over a record's own keys.
 * @internal
 */
export interface Role {
  code: number | undefined;
  top: boolean | undefined;
  message: number | undefined;
  id: number | undefined;
  nest: boolean | undefined;
  status: boolean | undefined;
  field: boolean | undefined;
}

/**
 * A role that holds nothing yet. Every role has every member, so the reader's reads of them meet one shape (roles built
 * member by member would take as many shapes as orders their members came in).
 */
const blank = (): Role => ({ code: undefined, top: undefined, message: undefined, id: undefined, nest: undefined, status: undefined, field: undefined });

/**
 * Every listed member's roles, by name: its rank as a code, message or id, and whether it nests an
 * error, restates a status, names a field or holds a wait.
 * @internal
 */
export const ROLES: ReadonlyMap<string, Role> = /* @__PURE__ */ (() => {
  const roles = new Map<string, Role>();
  const role = (key: string): Role => {
    let r = roles.get(key);
    if (r === undefined) roles.set(key, (r = blank()));
    return r;
  };
  CODES.forEach((k, i) => (role(k).code = i));
  TOP_CODES.forEach((k, i) => {
    const r = role(k);
    r.code ??= CODES.length + i;
    r.top = true;
  });
  MESSAGES.forEach((k, i) => (role(k).message = i));
  IDS.forEach((k, i) => (role(k).id = i));
  for (const k of NESTS) role(k).nest = true;
  for (const k of ['status', 'httpStatusCode', 'statusCode', 'StatusCode', 'responseCode', 'status_code', 'HttpStatus', 'HttpCode', 'http_code', 'http_status_code', 'http_status', 'httpStatus']) role(k).status = true;
  // LINE's details name theirs as `property` (`{"details": [{"message": "May not be empty", "property": "messages[0].text"}]}`).
  for (const k of ['field', 'field_name', 'fieldName', 'path', 'property']) role(k).field = true;
  for (const k of ['retry_after_ms', 'retryAfterMs', 'retry_after', 'retryAfter', 'retry_after_seconds', 'retryAfterSeconds', 'retry_in']) role(k);
  return roles;
})();

/**
 * A member no list names but whose name says it is a message (`html-message`, `userMessage`,
 * `error_message_text`): read after every named one.
 * @internal
 */
export const OTHER_MESSAGE: Role = { ...blank(), message: MESSAGES.length };

/**
 * A member no list names whose name says it holds the error (CyberSource's `errorInformation`, `errorDetails`,
 * `error_info`, `lastError`, Betfair's `AccountAPINGException`): read as a nested error object, after the named ones.
 * @internal
 */
export const OTHER_NEST = /^err(?:or)?[A-Z_]|[a-z](?:Error|_error)$|[A-Za-z]Exception$/;
/**
 * The role of such a member.
 * @internal
 */
export const NEST: Role = { ...blank(), nest: true };

/**
 * A member no list names whose name says it is a trace id (Personio's `personio_trace_id`): read after the named ones.
 * @internal
 */
export const OTHER_ID: Role = { ...blank(), id: IDS.length };
