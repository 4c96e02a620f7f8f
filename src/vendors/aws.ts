/**
 * Amazon Web Services, in every protocol its services speak:
 * - JSON 1.0/1.1 (DynamoDB, Kinesis, …): `{"__type": "com.amazonaws.dynamodb.v20120810#ThrottlingException", "message": …}`;
 * - restJson1 (Lambda, API Gateway, Bedrock, …): the `x-amzn-errortype` header, else `code` / `__type` in the body;
 * - REST-XML (S3 and S3-compatible stores): `<Error><Code>…</Code><Message>…</Message><RequestId>…</RequestId></Error>`;
 * - query (IAM, STS, SQS, …): `<ErrorResponse><Error><Code>…</Code>…</Error><RequestId>…</RequestId></ErrorResponse>`;
 * - EC2: `<Response><Errors><Error><Code>…</Code>…</Error></Errors><RequestID>…</RequestID></Response>`.
 * Codes are cleaned as the SDKs do: drop anything after `,` or `:`, keep what follows `#`.
 *
 * JSON services send throttling as HTTP 400, so the code table, not the
 * status, decides. The tables follow aws-sdk-js-v3's service-error-classification:
 * throttling codes are `rate_limited`; transient codes and the 5xx codes are
 * retried whatever the method (as the SDK's standard retry strategy does).
 * Clock-skew codes: RequestTimeTooSkewed, RequestExpired and RequestInTheFuture
 * mean the signature's time was off, so a re-signed request succeeds once the
 * clock is right — `unauthenticated`, retry `always`. AuthFailure,
 * SignatureDoesNotMatch and InvalidSignatureException are also on the SDK's
 * clock-skew list, but the SDK retries them only after it has corrected a skew;
 * on their own they mean wrong credentials: `unauthenticated`, never retried.
 */
import type { FaultCode } from '../core/catalog.js';
import type { FaultDraft, ResponseSnapshot, VendorProfile } from './profile.js';
import { codeTable } from './code-table.js';
import { builtinProfile, withRender } from './builtin-profile.js';
import { asRecord, readString } from './profile.js';
import { renderCode, renderHeaders, renderStatus } from './render-helpers.js';
import { llmMessageCode } from './llm-signals.js';

/**
 * AWS error codes (aws-sdk-js-v3 service-error-classification, service API references).
 * @example
 * ```ts
 * AWS_CODES.ThrottlingException; // 'rate_limited'
 * ```
 * @internal
 */
export const AWS_CODES = {
  ...codeTable({
    rate_limited:
      'ThrottlingException Throttling ThrottledException RequestThrottledException TooManyRequestsException ' +
      'ProvisionedThroughputExceededException TransactionInProgressException RequestLimitExceeded ' +
      'BandwidthLimitExceeded LimitExceededException RequestThrottled SlowDown PriorRequestNotComplete ' +
      'EC2ThrottledException',
    request_timeout: 'RequestTimeout RequestTimeoutException TimeoutError',
    unauthenticated:
      'UnrecognizedClientException InvalidClientTokenId MissingAuthenticationToken MissingAuthenticationTokenException ' +
      'IncompleteSignature ExpiredToken ExpiredTokenException InvalidAccessKeyId InvalidToken NotAuthorizedException ' +
      'AuthFailure SignatureDoesNotMatch InvalidSignatureException UnauthorizedException',
    permission_denied: 'AccessDenied AccessDeniedException ForbiddenException UnauthorizedOperation OptInRequired AllAccessDisabled',
    // and, by their words, *NotFound(Exception), NoSuch*, *AlreadyExists(Exception), Invalid*, AccessDenied*, *Throttl*
    not_found: 'ResourceNotFoundException NoSuchKey QueueDoesNotExist AWS.SimpleQueueService.NonExistentQueue',
    already_exists: 'BucketAlreadyExists BucketAlreadyOwnedByYou ResourceAlreadyExistsException',
    conflict:
      'ConflictException ResourceConflictException ResourceInUseException ConcurrentModificationException TransactionConflictException',
    precondition_failed: 'ConditionalCheckFailedException PreconditionFailed',
    invalid_request:
      'ValidationException ValidationError InvalidParameterValue MissingParameter MalformedQueryString SerializationException ' +
      'MalformedXML BadRequestException',
    payload_too_large: 'EntityTooLarge RequestEntityTooLarge RequestEntityTooLargeException',
    // Service Quotas, Lightsail and others name an account's quota spent so ("You have exceeded your service quota").
    quota_exhausted: 'ServiceQuotaExceededException QuotaExceededException',
    not_implemented: 'NotImplemented UnknownOperationException MethodNotAllowed UnsupportedOperation',
    // Bedrock's ModelTimeoutException is left to its status (408: request_timeout). SageMaker Runtime's ModelError (424)
    // is the customer's model container answering 4xx or 5xx: an upstream of the endpoint failed.
    bad_gateway: 'ModelErrorException ModelError',
  }),
  RequestTimeTooSkewed: { code: 'unauthenticated', retry: 'always', remedy: 'retry' },
  RequestExpired: { code: 'unauthenticated', retry: 'always', remedy: 'retry' },
  RequestInTheFuture: { code: 'unauthenticated', retry: 'always', remedy: 'retry' },
  InternalError: { code: 'internal', retry: 'always' },
  InternalFailure: { code: 'internal', retry: 'always' },
  InternalServerError: { code: 'internal', retry: 'always' },
  InternalServerException: { code: 'internal', retry: 'always' },
  InternalServerErrorException: { code: 'internal', retry: 'always' },
  ServiceException: { code: 'internal', retry: 'always' },
  // S3: "A conflicting conditional operation is currently in progress against this resource. Try again."
  OperationAborted: { code: 'conflict', retry: 'always' },
  ServiceUnavailable: 'service_unavailable',
  ServiceUnavailableException: 'service_unavailable',
  // Bedrock: "The AWS SDK will automatically retry the operation up to 5 times" (API_runtime_Converse errors).
  ModelNotReadyException: { code: 'service_unavailable', retry: 'always', retryLimit: 5 },
  // Bedrock ConverseStream: "An error occurred while streaming the response. Retry your request."
  ModelStreamErrorException: { code: 'bad_gateway', retry: 'always' },
} as const;

/** The SDKs retry every 500/502/503/504, whatever the operation. */
const AWS_STATUSES = {
  500: { code: 'internal', retry: 'always' },
  502: { code: 'bad_gateway', retry: 'always' },
  504: { code: 'gateway_timeout', retry: 'always' },
} as const;

/** `aws.protocoltests.restjson#FooError:http://internal.amazon.com/…` → `FooError` (the SDKs' sanitizeErrorCode). */
function cleanCode(raw: string): string {
  let code = raw.split(',')[0] as string;
  code = code.split(':')[0] as string;
  const hash = code.indexOf('#');
  return (hash >= 0 ? code.slice(hash + 1) : code).trim();
}

/** Codes the table does not list, read by their words (EC2's `InvalidInstanceID.NotFound`, KMS's `KMSThrottlingException`). */
function byShape(code: string): FaultCode | undefined {
  if (code.includes('Throttl')) return 'rate_limited';
  if (code.endsWith('NotFound') || code.endsWith('NotFoundException') || code.startsWith('NoSuch')) return 'not_found';
  if (code.endsWith('AlreadyExists') || code.endsWith('AlreadyExistsException') || code.endsWith('.Duplicate')) return 'already_exists';
  if (code.startsWith('AccessDenied')) return 'permission_denied';
  if (code.startsWith('Invalid') || code.endsWith('.Malformed')) return 'invalid_request';
  return undefined;
}

function xmlTag(text: string, tag: string): string | undefined {
  const start = text.indexOf(`<${tag}>`);
  if (start < 0) return undefined;
  const from = start + tag.length + 2;
  const end = text.indexOf('</', from);
  if (end < 0 || end - from > 2000) return undefined;
  const value = text
    .slice(from, end)
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
    .trim();
  return value === '' ? undefined : value;
}

/** S3 / query / EC2 XML errors, but not Azure Storage's identical `<Error><Code>` (it carries x-ms-* headers). */
/** Bodies that begin with `<` (after whitespace); a miss costs one anchored test. */
const XML_START = /^\s*</;

function isXmlError(s: ResponseSnapshot): boolean {
  if (s.json !== undefined || !XML_START.test(s.text)) return false;
  const head = s.text.slice(0, 4096);
  return head.includes('<Code>') && (head.includes('<Error>') || head.includes('<Errors>')) &&
    s.headers.get('x-ms-request-id') === undefined && s.headers.get('x-ms-error-code') === undefined;
}

/**
 * API Gateway and Lambda bodies carry nothing but these; an API merely fronted by API Gateway
 * (which adds x-amzn-requestid) sends its own shape, for the profile of that shape to read.
 */
const AWS_KEYS: readonly string[] = ['message', 'Message', 'code', 'Code', 'Type', 'errorMessage', 'errorType'];

function onlyAwsKeys(body: Readonly<Record<string, unknown>>): boolean {
  for (const key in body) if (!AWS_KEYS.includes(key)) return false;
  return true;
}

function requestIdHeader(s: ResponseSnapshot): string | undefined {
  return s.headers.get('x-amzn-requestid') ?? s.headers.get('x-amz-request-id') ?? s.headers.get('x-amzn-request-id');
}

function parse(s: ResponseSnapshot): FaultDraft | undefined {
  const header = s.headers.get('x-amzn-errortype');
  const body = asRecord(s.json);
  let raw = header;
  let message: string | undefined;
  let requestId = requestIdHeader(s);
  if (body !== undefined) {
    // awsQuery-compatible JSON services name the old query code in x-amzn-query-error ("Code;Sender");
    // query services asked for JSON answer {Error: {Code, Message, Type}, RequestId}.
    const nested = asRecord(body.Error);
    raw ??= s.headers.get('x-amzn-query-error')?.split(';')[0] ?? readString(body, '__type') ?? readString(body, 'code') ??
      readString(body, 'Code') ?? readString(nested, 'Code');
    // (@anthropic-ai/bedrock-sdk keeps Bedrock's `{message}` as its APIError's `error`, which the thrown reader puts back
    // under `error`, as the Anthropic SDK's own errors hold theirs.)
    message = readString(body, 'message') ?? readString(body, 'Message') ?? readString(body, 'errorMessage') ?? readString(nested, 'Message') ?? readString(asRecord(body.error), 'message');
    // An SDK v3 error logged as JSON (`{"name": …, "$fault": "client", "$metadata": {"requestId": …}, "__type": …}`).
    requestId ??= readString(body, 'RequestId') ?? readString(asRecord(body.$metadata), 'requestId');
  } else if (isXmlError(s)) {
    raw ??= xmlTag(s.text, 'Code');
    message = xmlTag(s.text, 'Message');
    requestId ??= xmlTag(s.text, 'RequestId') ?? xmlTag(s.text, 'RequestID');
  }
  if (raw === undefined && (requestId === undefined || message === undefined)) return undefined;
  const vendorCode = raw === undefined ? undefined : cleanCode(raw);
  return {
    // Bedrock: "Input is too long for requested model." is a ValidationException.
    code: vendorCode === 'ValidationException' ? llmMessageCode(message) : vendorCode === undefined || Object.hasOwn(AWS_CODES, vendorCode) ? undefined : byShape(vendorCode),
    vendorCode: vendorCode === '' ? undefined : vendorCode,
    message,
    requestId,
  };
}

/**
 * What the default classify carries of {@link awsProfile}: all of it but its renderer.
 * @internal
 */
export const awsReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'aws',
  hosts: ['*.amazonaws.com', '*.amazonaws.com.cn'],
  codes: AWS_CODES,
  statuses: AWS_STATUSES,
  detect(s) {
    if (s.headers.get('x-amzn-errortype') !== undefined) return true;
    const body = asRecord(s.json);
    if (body !== undefined) {
      return typeof body.__type === 'string' || typeof asRecord(body.Error)?.Code === 'string' ||
        (requestIdHeader(s) !== undefined && (typeof body.message === 'string' || typeof body.Message === 'string') && onlyAwsKeys(body));
    }
    return isXmlError(s);
  },
  parse,
});

/**
 * Amazon Web Services: JSON 1.0/1.1, restJson1, REST-XML (S3), query and EC2 errors.
 *
 * @example
 * ```ts
 * classify({ status: 400, headers: { 'x-amzn-requestid': 'LDM6CJP8RMQ1FHKSC1RBVJFPNVV4KQNSO5AEMF66Q9ASUAAJG' },
 *   body: '{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"You exceeded your maximum allowed provisioned throughput"}' });
 * // { code: 'rate_limited', retry: 'always', vendor: 'aws', vendorCode: 'ProvisionedThroughputExceededException', … }
 * ```
 * @public
 */
export const awsProfile: VendorProfile = /* @__PURE__ */ withRender(awsReader, {
  expressible: { retryAfter: 'ms' },
  render(fault) {
    const headers = renderHeaders(fault, 'x-amzn-requestid', 'application/x-amz-json-1.1');
    const code = renderCode(AWS_CODES, fault) ?? 'InternalFailure';
    return { status: renderStatus(fault), headers, body: JSON.stringify({ __type: code, message: fault.message }) };
  },
});
