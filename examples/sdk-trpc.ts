// A tRPC client (@trpc/client, httpLink) wrapped in faultline's retry, against a tRPC server (@trpc/server's standalone
// adapter) on 127.0.0.1: TOO_MANY_REQUESTS is retried and the mutation goes through, UNAUTHORIZED is not retried.
// The client's TRPCClientError stays reachable as the FaultError's `cause`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TRPCClientError, createTRPCClient, httpLink } from '@trpc/client';
import { TRPCError, initTRPC } from '@trpc/server';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ created: string; attempts: number; denied: string }> {
  let attempts = 0;
  const t = initTRPC.create();
  const router = t.router({
    createPost: t.procedure.mutation(() => {
      attempts += 1;
      if (attempts === 1) throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: 'Slow down' });
      return 'post-1';
    }),
    secret: t.procedure.query(() => {
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' });
    }),
  });
  const server = createServer(createHTTPHandler({ router }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const client = createTRPCClient<typeof router>({ links: [httpLink({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })] });
    const created = await retry({ maxRetries: 2, backoff: constantBackoff(10) }).execute(() => client.createPost.mutate());

    let denied = '';
    try {
      await retry({ maxRetries: 2 }).execute(() => client.secret.query());
    } catch (error) {
      if (!(error instanceof FaultError) || !(error.cause instanceof TRPCClientError)) throw error;
      denied = `${error.fault.code} (${String(error.fault.vendorCode)}), HTTP ${String(error.fault.status)}`;
    }
    return { created, attempts, denied };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
