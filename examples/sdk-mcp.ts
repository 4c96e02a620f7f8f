// The MCP TypeScript SDK's Client over Streamable HTTP, wrapped in faultline's retry: a 429 from the server's limiter at
// connect is retried (after faultline's backoff: the transport drops the Retry-After), a method the server does not
// have (JSON-RPC -32601 inside a 200) is not. A refused POST is a StreamableHTTPError with the status as `code`; a
// JSON-RPC error is an McpError with its code; both stay reachable as the FaultError's `cause`. A loopback server
// stands in for a remote MCP server.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { McpError } from '@modelcontextprotocol/sdk/types.js';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ tools: string[]; attempts: number; refused: string }> {
  let initializes = 0;
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      if (req.method !== 'POST') return void res.writeHead(405).end(); // no SSE stream on GET
      const message = JSON.parse(text) as { id?: number; method: string };
      const reply = (body: object) => res.writeHead(200, { 'content-type': 'application/json', 'mcp-session-id': 'session-1' }).end(JSON.stringify({ jsonrpc: '2.0', id: message.id, ...body }));
      if (message.id === undefined) return void res.writeHead(202).end(); // a notification
      if (message.method === 'initialize' && ++initializes === 1) {
        return void res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '60' }).end('{"error":"Too many requests"}');
      }
      if (message.method === 'initialize') {
        return reply({ result: { protocolVersion: '2025-06-18', capabilities: { tools: {} }, serverInfo: { name: 'example', version: '1.0.0' } } });
      }
      if (message.method === 'tools/list') return reply({ result: { tools: [{ name: 'echo', inputSchema: { type: 'object' } }] } });
      reply({ error: { code: -32601, message: 'Method not found' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`);
  const client = new Client({ name: 'example-client', version: '1.0.0' });
  try {
    // A fresh transport per attempt: a failed connect closes the one it was given.
    await retry({ maxRetries: 2, backoff: constantBackoff(10) }).execute(() => client.connect(new StreamableHTTPClientTransport(url)));
    const { tools } = await client.listTools();

    let refused = '';
    try {
      await retry({ maxRetries: 2 }).execute(() => client.listPrompts());
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      refused = `${error.fault.code} (${String((error.cause as McpError).code)})`;
    }
    return { tools: tools.map((tool) => tool.name), attempts: initializes, refused };
  } finally {
    await client.close();
    server.close();
  }
}
