/**
 * `createSchemaFetch`: `createFetch` with a zod schema, resolving with the typed body of a 2xx
 * response (a name of its own: its options and result differ from the core one's). The body is
 * read and checked inside each attempt of the policy, so a body that is not JSON or fails the
 * schema is a `malformed_response` fault of that attempt: retried when the call is safe to
 * repeat (a GET), never for a POST without an idempotency key.
 */
import type { z } from 'zod';
import { FaultError, createFault } from '../core/fault.js';
import { readHeaders } from '../core/headers.js';
import { requestIdFromHeaders } from '../core/request-id-headers.js';
import { builtinClassifier } from '../entry/default-classifier.js';
import { CREATE_FETCH_OPTIONS, type CreateFetchOptions, type FaultlineRequestInit, createFetchCore } from '../fetch/create-fetch.js';
import { checkOptions, invalid } from '../policy/validate.js';
import { schemaMismatch } from './zod-issues.js';

/**
 * Options of {@link createSchemaFetch}: the core `CreateFetchOptions` (policy, vendor, baseUrl,
 * fetch, idempotency, clock, …) plus the schema every 2xx body must match. `throwOnError` is not
 * among them: a call that resolves with a typed body rejects on every error response.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * const options: SchemaFetchOptions<{ id: string }> = { schema: z.object({ id: z.string() }), baseUrl: 'https://api.example.com' };
 * ```
 * @public
 */
export interface SchemaFetchOptions<T> extends Omit<CreateFetchOptions, 'throwOnError'> {
  /** The zod 4 schema of a 2xx body (parsed as JSON; an empty body is `undefined`). Each call may bring its own. @defaultValue none: required */
  readonly schema: z.ZodType<T>;
}

/**
 * Every option {@link createSchemaFetch} accepts: the core ones (`throwOnError` only as `true`)
 * and `schema`; any other key is refused at construction.
 * @internal
 */
export const SCHEMA_FETCH_OPTIONS = [...CREATE_FETCH_OPTIONS, 'schema'] as const;

/**
 * `RequestInit` plus faultline's per-call overrides (`idempotent`, `vendor`, `idempotencyKey`)
 * and a per-call `schema`.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * const init: SchemaRequestInit<{ ok: boolean }> = { method: 'DELETE', schema: z.object({ ok: z.boolean() }) };
 * ```
 * @public
 */
export interface SchemaRequestInit<T = unknown> extends Omit<FaultlineRequestInit, 'throwOnError'> {
  /** The schema this call's 2xx body must match, instead of the client's. @defaultValue the createSchemaFetch `schema` */
  schema?: z.ZodType<T> | undefined;
}

/**
 * A fetch that resolves with the schema-checked body of a 2xx response and rejects with a
 * `FaultError` otherwise. A call with its own `schema` resolves with that schema's type.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { createSchemaFetch } from 'faultline/zod';
 * const User = z.object({ id: z.string(), name: z.string() });
 * const Run = z.object({ id: z.string(), status: z.string() });
 * const api: SchemaFetch<z.infer<typeof User>> = createSchemaFetch({ schema: User, baseUrl: 'https://api.example.com' });
 * const user = await api('/v1/users/7');
 * const run = await api('/v1/runs', { method: 'POST', body, schema: Run });
 * ```
 * @public
 */
export interface SchemaFetch<T> {
  /** Checks the body against this call's `schema`. */
  <U>(input: string | URL | Request, init: SchemaRequestInit<U> & { schema: z.ZodType<U> }): Promise<U>;
  /** Checks the body against the client's `schema`. */
  (input: string | URL | Request, init?: SchemaRequestInit<T>): Promise<T>;
}

const NAME = 'createSchemaFetch';

function isSchema(value: unknown): value is z.ZodType {
  return typeof value === 'object' && value !== null && typeof (value as { safeParseAsync?: unknown }).safeParseAsync === 'function';
}

/** The answer as the schema's value, or the fault that says why it is not one. */
async function readBody<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
  const facts = { source: 'client', status: response.status, requestId: requestIdFromHeaders(readHeaders(response.headers)) } as const;
  if (response.status < 200 || response.status > 299) {
    // A 3xx (redirect: 'manual', 304) has no body to type: release it, and say what came instead.
    void response.body?.cancel().catch(() => undefined);
    throw new FaultError(createFault({ code: 'unknown', message: `Expected a 2xx response, got ${response.status}`, ...facts }));
  }
  const text = await response.text();
  let body: unknown;
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      // No cause: JSON.parse's message quotes the body, which may hold anything.
      throw new FaultError(createFault({ code: 'malformed_response', message: 'The response body is not valid JSON', ...facts }));
    }
  }
  const result = await schema.safeParseAsync(body);
  if (result.success) return result.data;
  throw schemaMismatch(result.error, facts);
}

/**
 * Builds a fetch that resolves with the typed body of a 2xx response: the body is parsed as JSON
 * (an empty one is `undefined`) and checked with `schema.safeParseAsync` inside each attempt of
 * the policy. Invalid JSON, or a body that fails the schema, is a `malformed_response` FaultError
 * (class `idempotent`; for a schema failure `fields` are zod's issues, paths joined with `.`), so
 * an idempotent call (GET, PUT, DELETE, an Idempotency-Key) is retried and a plain POST is not.
 * A 3xx rejects with `unknown`; error responses and network errors reject exactly as with the
 * core `createFetch`. The schema is per client; a call may pass its own `schema`, which then
 * types its result (give `z.unknown()` as the client's when every call brings its own).
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { createSchemaFetch } from 'faultline/zod';
 * const User = z.object({ id: z.string(), profile: z.object({ name: z.string() }) });
 * const users = createSchemaFetch({ schema: User, baseUrl: 'https://api.example.com' });
 * const user = await users('/v1/users/7'); // typed as z.infer<typeof User>
 * ```
 * @public
 */
export function createSchemaFetch<T>(options: SchemaFetchOptions<T>): SchemaFetch<T> {
  const { schema, ...rest } = checkOptions(NAME, options, SCHEMA_FETCH_OPTIONS) as Partial<SchemaFetchOptions<T>> & { throwOnError?: unknown };
  if (!isSchema(schema)) invalid(NAME, 'schema', 'a zod schema', schema);
  if (rest.throwOnError !== undefined && rest.throwOnError !== true) {
    invalid(NAME, 'throwOnError', 'true or absent (a typed call rejects on an error response)', rest.throwOnError);
  }
  // As the root entry's createFetch: every built-in profile unless the caller gives a classifier.
  const call = createFetchCore({ classifier: builtinClassifier, ...rest, throwOnError: true }, NAME);
  return (async (input: string | URL | Request, init?: SchemaRequestInit & { throwOnError?: unknown }) => {
    // A per-call throwOnError is dropped: the result is a typed body, never an error response.
    const { schema: callSchema, throwOnError: _, ...requestInit } = init ?? {};
    if (callSchema !== undefined && !isSchema(callSchema)) invalid(NAME, 'init.schema', 'a zod schema', callSchema);
    const checked = callSchema ?? schema;
    return call(input, requestInit, (response) => readBody(response, checked));
  }) as SchemaFetch<T>;
}
