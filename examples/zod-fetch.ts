// Typed response bodies: createSchemaFetch from faultline/zod parses each 2xx body and checks it with your
// zod schema inside every attempt, so a truncated or wrong-shaped body is a malformed_response Fault
// (zod's issues in `fields`), retried only when the call is safe to repeat.
import { z } from 'zod';
import { constantBackoff, isFaultError, retry } from 'faultline';
import { startChaosServer } from 'faultline/testing';
import { createSchemaFetch } from 'faultline/zod';

const User = z.object({ id: z.string(), profile: z.object({ age: z.number() }) });

export async function main(): Promise<string[]> {
  // A local stand-in API: a GET answered with a cut-off body, then a good one; a POST answered with the wrong shape.
  const server = await startChaosServer({
    vendor: 'openai',
    script: [
      { type: 'ok', body: '{"id":"u1","profile":' },
      { type: 'ok', body: '{"id":"u1","profile":{"age":41}}' },
      { type: 'ok', status: 201, body: '{"id":"u2","profile":{"age":"forty"}}' },
    ],
  });
  try {
    const users = createSchemaFetch({ schema: User, baseUrl: server.url, policy: retry({ maxRetries: 2, backoff: constantBackoff(0) }) });
    const lines: string[] = [];
    const user = await users('/v1/users/u1'); // typed as z.infer<typeof User>
    lines.push(`${user.id} is ${user.profile.age}, after ${server.requests.length} requests`); // a GET is safe to repeat
    try {
      await users('/v1/users', { method: 'POST', body: '{"name":"Ada"}' });
    } catch (error) {
      // Not repeated: the POST may have created the user already. The fields say what did not match.
      if (isFaultError(error)) lines.push(`${error.code} (${error.retry}): ${error.fields?.map((f) => `${f.path}: ${f.message}`).join('; ')}`);
    }
    return lines;
  } finally {
    await server.close();
  }
}
