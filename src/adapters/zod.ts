/**
 * `faultline/zod`: Faults across process and network boundaries, and response bodies checked
 * against a schema, both with zod 4.
 */
import { z } from 'zod';
import { FAULT_CODES, FAULT_SOURCES, REMEDIES, RETRY_CLASSES, type FaultCode } from '../core/codes.js';
import { type Fault, type FaultInit, createFault } from '../core/fault.js';
import { schemaMismatch } from './zod-issues.js';

const count = z.number().finite().nonnegative();

/**
 * Validates a Fault that crossed a boundary (JSON from another service) and gives back a frozen Fault.
 *
 * @example
 * ```ts
 * const fault = faultSchema.parse(await response.json());
 * ```
 * @public
 */
export const faultSchema: z.ZodType<Fault, unknown> = z
  .object({
    code: z.enum(FAULT_CODES as readonly FaultCode[] as [FaultCode, ...FaultCode[]]),
    retry: z.enum(RETRY_CLASSES),
    remedy: z.enum(REMEDIES),
    message: z.string(),
    source: z.enum(FAULT_SOURCES),
    status: z.number().int().min(0).max(999).optional(),
    vendor: z.string().optional(),
    vendorCode: z.string().optional(),
    retryAfterMs: count.optional(),
    requestId: z.string().optional(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    retryLimit: z.number().int().nonnegative().optional(),
    resetAt: z.number().finite().optional(),
    upgradeUrl: z.string().optional(),
    limit: count.optional(),
    rateLimit: z
      .object({ limit: count.optional(), remaining: count.optional(), resetMs: count.optional() })
      .optional(),
    stream: z.object({ delivered: z.boolean() }).optional(),
  })
  .transform((value) => createFault(value as FaultInit)) as unknown as z.ZodType<Fault, unknown>;

/**
 * Returns a parser that checks a 2xx body against `schema` and throws a `malformed_response`
 * FaultError, whose `fields` are zod's issues (paths joined with `.`), when it does not match.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * const parseUser = parseBody(z.object({ id: z.string() }));
 * const user = parseUser(await response.json());
 * ```
 * @public
 */
export function parseBody<T>(schema: z.ZodType<T>): (body: unknown) => T {
  if (typeof schema !== 'object' || schema === null || typeof (schema as { safeParse?: unknown }).safeParse !== 'function') {
    throw new TypeError(`parseBody: schema must be a zod schema, got ${schema === null ? 'null' : typeof schema}`);
  }
  return (body) => {
    const result = schema.safeParse(body);
    if (result.success) return result.data;
    throw schemaMismatch(result.error);
  };
}

export { createSchemaFetch } from './zod-fetch.js';
export type { SchemaFetch, SchemaFetchOptions, SchemaRequestInit } from './zod-fetch.js';
