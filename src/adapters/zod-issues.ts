/**
 * How a body that fails its zod schema becomes a Fault, shared by `parseBody` and the zod
 * `createFetch`: `malformed_response`, with zod's issues as `fields` (paths joined with `.`).
 */
import type { z } from 'zod';
import { FaultError, type FaultInit, createFault } from '../core/fault.js';

/**
 * The `malformed_response` FaultError for a zod failure; the ZodError is its `cause` (never serialised).
 *
 * @example
 * ```ts
 * const result = schema.safeParse(body);
 * if (!result.success) throw schemaMismatch(result.error, { status: 200 });
 * ```
 * @internal
 */
export function schemaMismatch(error: z.ZodError, init?: Omit<FaultInit, 'code'>): FaultError {
  return new FaultError(
    createFault({
      code: 'malformed_response',
      source: 'client',
      message: 'The response body does not match the expected schema',
      ...init,
      fields: error.issues.map((issue) => ({ path: issue.path.map((part) => String(part)).join('.'), message: issue.message })),
    }),
    { cause: error },
  );
}
