/**
 * The SDK matrix's loopback server: answers each request with the next response of a script
 * (the vendor's real status, headers and body, from a fixture with its source), counts requests,
 * and can cut a connection to make a real reset. Listens on 127.0.0.1 only; the test stops it.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readFileSync } from 'node:fs';

/** One scripted answer: a response, or `'reset'` to destroy the socket before answering. */
export type Answer =
  | { readonly status: number; readonly headers?: Readonly<Record<string, string>>; readonly body?: string | object }
  | 'reset';

/** A fixture file's case: the vendor's response with where it was copied from. */
export interface SdkFixture {
  readonly name: string;
  /** Where the response was copied from (vendor docs page, SDK test fixture, issue report). */
  readonly source: string;
  readonly response: Exclude<Answer, 'reset'>;
  /** What classify must give for the SDK's error. */
  readonly expected: Readonly<Record<string, unknown>>;
}

export interface Loopback {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Requests received so far, in order. */
  readonly requests: { readonly method: string; readonly url: string; readonly headers: IncomingMessage['headers']; readonly body: string }[];
  /** Replace the script; the last answer repeats once it is played out. */
  script(answers: readonly Answer[]): void;
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1 with an ephemeral port. */
export async function startLoopback(answers: readonly Answer[] = [{ status: 200, body: {} }]): Promise<Loopback> {
  let script = answers;
  let served = 0;
  const sockets = new Set<Socket>();
  const requests: Loopback['requests'] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = script[Math.min(served, script.length - 1)] as Answer;
      served++;
      if (answer === 'reset') {
        req.socket.destroy();
        return;
      }
      const body = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      const headers: Record<string, string> = { 'content-type': 'application/json', ...answer.headers };
      res.writeHead(answer.status, headers);
      res.end(body);
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script(next) {
      script = next;
      served = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Reads test/fixtures/sdk/<name>.json. */
export function loadFixtures(name: string): readonly SdkFixture[] {
  return JSON.parse(readFileSync(new URL(`../fixtures/sdk/${name}.json`, import.meta.url), 'utf8')) as SdkFixture[];
}

/** A server on 127.0.0.1 that takes requests and never answers: a client's own timeout fires. */
export async function startSilentServer(): Promise<{ readonly url: string; close(): Promise<void> }> {
  const server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The address of a 127.0.0.1 port nobody listens on any more: connecting to it is refused. */
export async function closedPortUrl(): Promise<string> {
  const gone = createServer();
  await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(gone.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => gone.close(() => resolve()));
  return url;
}
