/**
 * HTTP reason phrases, for renderers whose vendor writes them into the body
 * (Spring Boot's `error`, proxy error pages).
 */

const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 406: 'Not Acceptable', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone', 412: 'Precondition Failed',
  413: 'Payload Too Large', 422: 'Unprocessable Entity', 424: 'Failed Dependency', 425: 'Too Early', 429: 'Too Many Requests',
  499: 'Client Closed Request', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
  503: 'Service Unavailable', 504: 'Gateway Timeout', 529: 'Site is overloaded',
};

/**
 * The reason phrase for `status`, or `'Error'` when it has none here.
 * @example
 * ```ts
 * statusText(502); // 'Bad Gateway'
 * ```
 * @internal
 */
export function statusText(status: number): string {
  return REASONS[status] ?? 'Error';
}

/** Each reason phrase, lower-cased, to its status: the one table both readings below look in. */
const STATUS_OF: ReadonlyMap<string, number> = /* @__PURE__ */ new Map(Object.entries(REASONS).map(([status, p]) => [p.toLowerCase(), Number(status)]));

/**
 * The status whose reason phrase `text` is, in any case and as a name too (`"Unauthorized"` → 401,
 * `"INTERNAL_SERVER_ERROR"` → 500), or `undefined`.
 * @example
 * ```ts
 * statusOfPhrase('Not Found'); // 404
 * ```
 * @internal
 */
export function statusOfPhrase(text: string): number | undefined {
  return text.length < 32 ? STATUS_OF.get(text.replaceAll('_', ' ').toLowerCase()) : undefined;
}

/**
 * Whether `text` is one of the HTTP reason phrases above, in any case (`"Unauthorized"`, `"BAD REQUEST"`).
 * @example
 * ```ts
 * isReasonPhrase('Unauthorized'); // true
 * isReasonPhrase('invalid_token'); // false
 * ```
 * @internal
 */
export function isReasonPhrase(text: string): boolean {
  return text.length < 32 && STATUS_OF.has(text.toLowerCase());
}

/**
 * {@link isReasonPhrase}, also in SCREAMING_CASE: a reason phrase written as a name (`"BAD_REQUEST"`, `"NOT_ACCEPTABLE"`,
 * Yapily's `status`) is the status in words too.
 * @example
 * ```ts
 * isReasonPhraseOrName('FAILED_DEPENDENCY'); // true
 * isReasonPhraseOrName('INVALID_ARGUMENT'); // false
 * ```
 * @internal
 */
export function isReasonPhraseOrName(text: string): boolean {
  return statusOfPhrase(text) !== undefined;
}

/**
 * {@link isReasonPhrase}, run together in PascalCase: a reason phrase written as a class name (`"BadRequest"`,
 * `"InternalServerError"`) is the status in words too.
 * @example
 * ```ts
 * isReasonPhraseRunTogether('InternalServerError'); // true
 * isReasonPhraseRunTogether('ErrBadData'); // false
 * ```
 * @internal
 */
export function isReasonPhraseRunTogether(text: string): boolean {
  return isReasonPhrase(text.replace(/(?<=[a-z])(?=[A-Z])/g, ' '));
}
