/**
 * Spring Boot's default error body (BasicErrorController / DefaultErrorAttributes):
 * `{timestamp, status, error, path}` plus, when configured, `message`,
 * `exception`, `errors` (binding errors), `trace` and, on WebFlux, `requestId`.
 *
 * `trace` is a server stack trace: it is never read into the message.
 * `exception` (the root exception's class name, Spring Boot 1.x and
 * `server.error.include-exception`) is the vendor code, verbatim.
 */
import type { FieldError } from '../core/fault.js';
import { builtinProfile, withRender } from './builtin-profile.js';
import type { CodeRule, VendorProfile } from './profile.js';
import { asRecord, readNumber, readString } from './profile.js';
import { renderHeaders, renderStatus } from './render-helpers.js';
import { statusText } from './status-text.js';

/**
 * Exception classes whose meaning the status does not carry on its own.
 * @example
 * ```ts
 * SPRING_BOOT_CODES['org.springframework.dao.DuplicateKeyException']; // 'already_exists'
 * ```
 * @internal
 */
export const SPRING_BOOT_CODES = {
  'org.springframework.web.bind.MethodArgumentNotValidException': 'validation_failed',
  'org.springframework.validation.BindException': 'validation_failed',
  'org.springframework.web.HttpMediaTypeNotSupportedException': 'invalid_request',
  'org.springframework.web.HttpRequestMethodNotSupportedException': 'not_implemented',
  'org.springframework.dao.OptimisticLockingFailureException': 'conflict',
  'org.springframework.dao.DuplicateKeyException': 'already_exists',
} as const satisfies Readonly<Record<string, CodeRule>>;

/** What Spring writes when there is no message to give. */
const EMPTY_MESSAGES: ReadonlySet<string> = new Set(['No message available', 'No message']);

function bindingErrors(value: unknown): FieldError[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: FieldError[] = [];
  for (const item of value.slice(0, 50)) {
    const r = asRecord(item);
    const message = readString(r, 'defaultMessage') ?? readString(r, 'message');
    if (message !== undefined) out.push({ path: readString(r, 'field') ?? readString(r, 'objectName') ?? '', message });
  }
  return out.length > 0 ? out : undefined;
}

/**
 * What the default classify carries of {@link springBootProfile}: all of it but its renderer.
 * @internal
 */
export const springBootReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'spring-boot',
  keys: ['timestamp'],
  codes: SPRING_BOOT_CODES,
  detect(s) {
    const b = asRecord(s.json);
    return (
      b !== undefined &&
      'timestamp' in b &&
      typeof b.status === 'number' &&
      typeof b.error === 'string' &&
      typeof b.path === 'string'
    );
  },
  parse(s) {
    const b = asRecord(s.json);
    if (b === undefined) return undefined;
    const message = readString(b, 'message');
    const fields = bindingErrors(b.errors);
    const status = s.status ?? readNumber(b, 'status');
    return {
      vendorCode: readString(b, 'exception'),
      message: message !== undefined && !EMPTY_MESSAGES.has(message) ? message : readString(b, 'error'),
      fields,
      code: fields !== undefined && (status === 400 || status === 422) ? 'validation_failed' : undefined,
      requestId: readString(b, 'requestId'),
    };
  },
});

/**
 * Spring Boot's `/error` JSON body.
 *
 * @example
 * ```ts
 * classify({ status: 404, body: '{"timestamp":"2023-04-20T07:18:18.087+00:00","status":404,"error":"Not Found","path":"/x"}' });
 * // { code: 'not_found', vendor: 'spring-boot', message: 'Not Found', … }
 * ```
 * @public
 */
export const springBootProfile: VendorProfile = /* @__PURE__ */ withRender(springBootReader, {
  render(fault) {
    const status = renderStatus(fault);
    const body: Record<string, unknown> = {
      timestamp: '2026-01-01T00:00:00.000+00:00',
      status,
      error: statusText(status),
    };
    if (fault.vendorCode !== undefined) body.exception = fault.vendorCode;
    if (fault.fields !== undefined) {
      body.errors = fault.fields.map((f) => ({ field: f.path, defaultMessage: f.message }));
    }
    body.message = fault.message;
    body.path = '/';
    if (fault.requestId !== undefined) body.requestId = fault.requestId;
    return { status, headers: renderHeaders(fault, 'x-request-id'), body: JSON.stringify(body) };
  },
});
