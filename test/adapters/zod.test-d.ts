/** Type tests: the zod createSchemaFetch resolves with z.infer of its schema, or of a call's own schema. */
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { type SchemaFetch, createSchemaFetch } from '../../src/adapters/zod.js';

const User = z.object({ id: z.string(), profile: z.object({ age: z.number().optional() }) });
const Run = z.object({ id: z.string(), createdAt: z.string().transform((s) => new Date(s)) });

describe('createSchemaFetch({ schema })', () => {
  it('resolves with the output type of the client schema', () => {
    const api = createSchemaFetch({ schema: User });
    expectTypeOf(api).toEqualTypeOf<SchemaFetch<z.infer<typeof User>>>();
    expectTypeOf(api('/v1/users/1')).resolves.toEqualTypeOf<z.infer<typeof User>>();
    expectTypeOf(api('/v1/users/1', { method: 'GET', idempotent: true })).resolves.toEqualTypeOf<{ id: string; profile: { age?: number | undefined } }>();
  });

  it('resolves with the output (after transforms) of a per-call schema', () => {
    const api = createSchemaFetch({ schema: User });
    expectTypeOf(api('/v1/runs', { method: 'POST', schema: Run })).resolves.toEqualTypeOf<z.output<typeof Run>>();
    expectTypeOf(api('/v1/runs', { schema: Run })).resolves.toEqualTypeOf<{ id: string; createdAt: Date }>();
  });

  it('takes no throwOnError and needs a schema', () => {
    // @ts-expect-error a typed call always rejects on an error response
    createSchemaFetch({ schema: User, throwOnError: false });
    // @ts-expect-error schema is required
    createSchemaFetch({ baseUrl: 'https://api.example.com' });
  });
});
