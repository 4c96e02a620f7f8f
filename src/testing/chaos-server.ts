/**
 * A local HTTP server that fails the way a real vendor fails: error responses in that vendor's
 * own shape (written by its profile's `render`), latency, hangs, resets, closed sockets, and the
 * stateful failures that scripted responses cannot show (a rate-limit window, a deployment that is
 * BUILDING before it is ACTIVE, a monthly cap). It records every request, so a test can assert on
 * the traffic a client sent — how many attempts, how far apart, with which idempotency key.
 *
 * This file is only the wiring: node:http on 127.0.0.1, the request record, the wait, and the
 * socket-level actions. What to answer is decided in chaos-behaviours.ts, how it looks on the
 * wire in chaos-render.ts, and the options are checked in chaos-options.ts.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { Socket } from 'node:net';
import { createClassifier } from '../core/classifier.js';
import type { RenderedResponse } from '../vendors/profile.js';
import { type ChaosPlan, type ChaosState, START_STATE, commitsSideEffect, decide } from './chaos-behaviours.js';
import { SideEffectLedger } from './chaos-ledger.js';
import { checkChaosOptions } from './chaos-options.js';
import { streamParts, writeStream } from './chaos-stream.js';
import { RESET_PREFIX, okReply, renderAction, replayReply } from './chaos-render.js';
import type { ChaosRequest, ChaosServer, ChaosServerOptions } from './chaos-types.js';
import { seededRandom } from './seeded-random.js';

export type { ChaosAction, ChaosBehaviours, ChaosCommon, ChaosRequest, ChaosServer, ChaosServerOptions, ChaosStep, ChaosStreamAction, ChaosStreamShape } from './chaos-types.js';

const MAX_BODY = 1 << 20;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size < MAX_BODY) chunks.push(chunk);
      size += chunk.length;
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8').slice(0, MAX_BODY)));
    req.on('error', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function headerRecord(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function requestRecord(req: IncomingMessage, body: string, index: number, at: number): ChaosRequest {
  const headers = headerRecord(req);
  return {
    index,
    method: (req.method ?? 'GET').toUpperCase(),
    path: req.url ?? '/',
    headers,
    idempotencyKey: headers['idempotency-key'],
    body,
    at,
    requestId: `req_${String(index + 1).padStart(6, '0')}`,
    remotePort: req.socket.remotePort,
    action: 'ok',
    status: undefined,
    fault: undefined,
    committed: false,
  };
}

function send(res: ServerResponse, reply: RenderedResponse): void {
  res.writeHead(reply.status, reply.headers);
  res.end(reply.body);
}

function reset(socket: Socket): void {
  socket.write(RESET_PREFIX);
  // resetAndDestroy (a TCP RST) is Node >= 16.17; a plain destroy is the closest elsewhere.
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

/**
 * Starts a chaos server on 127.0.0.1 with an ephemeral port. Each request gets, in order of
 * precedence: a replay when it repeats an idempotency key whose side effect already happened; the
 * stateful behaviours (monthly cap, rate limit, BUILDING); the script; the seeded random mix.
 * Error responses are the vendor profile's `render` of a Fault, carrying the server's request id.
 *
 * @example
 * ```ts
 * const server = await startChaosServer({ vendor: 'impulse', script: ['rate_limited', 'ok'] });
 * try {
 *   await createFetch({ vendor: 'impulse' })(`${server.url}/infer`, { method: 'POST', body: '{}' });
 *   server.requests.length; // 2
 * } finally {
 *   await server.close();
 * }
 * ```
 * @public
 */
export async function startChaosServer(options: ChaosServerOptions): Promise<ChaosServer> {
  const config = checkChaosOptions(options);
  const { profile, clock } = config;
  const random = seededRandom(config.seed);
  const classifier = createClassifier({ profiles: [profile] });
  const requests: ChaosRequest[] = [];
  const sockets = new Set<Socket>();
  const closing = new AbortController();
  const ledger = new SideEffectLedger();
  let state: ChaosState = START_STATE;
  // Bound late: a script function is handed the server, which exists once it listens.
  let handle: ChaosServer | undefined;
  const scriptFunction = config.scriptFunction;
  const plan: ChaosPlan = {
    behaviours: config.behaviours,
    script: scriptFunction === undefined ? config.steps : (request: ChaosRequest) => scriptFunction(request, handle as ChaosServer),
    mix: config.mix,
    latencyRange: config.latencyRange,
  };

  const handleRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    const record = requestRecord(req, body, requests.length, clock.now());
    requests.push(record);
    const replay = ledger.replayFor(record.idempotencyKey);
    const decision = decide(plan, state, record, replay !== undefined, random);
    state = decision.state;
    if (decision.delayMs > 0) {
      try {
        await clock.sleep(decision.delayMs, closing.signal);
      } catch {
        return;
      }
    }
    if (res.destroyed || closing.signal.aborted) return;
    if (replay !== undefined) {
      record.action = 'replay';
      record.status = replay.status;
      send(res, replayReply(replay));
      return;
    }
    const action = decision.action;
    if (action === undefined) return;
    record.action = action.type;
    const reply = renderAction(action, record.requestId, profile);
    if (commitsSideEffect(action, record.method)) {
      record.committed = true;
      // What a retry with the same key gets back: this very reply for a success, and the success
      // the work would have returned when the client was told something else.
      ledger.commit(record, action.type === 'ok' && reply !== undefined ? reply : okReply(record.requestId));
    }
    if (action.type === 'stream') {
      record.status = 200;
      if (action.fault !== undefined) {
        // What a client makes of the stream it will read, as for an error response.
        const { chunks, last } = streamParts(action, profile, record.requestId);
        const sent = { status: 200, headers: { 'content-type': 'text/event-stream' }, body: `${chunks.join('')}${last ?? ''}` };
        record.fault = classifier.classify(sent, { now: clock.now() });
      }
      await writeStream(action, { res, clock, closing: closing.signal, profile, requestId: record.requestId, cut: () => req.socket.destroy() });
      return;
    }
    if (action.type === 'close') req.socket.destroy();
    else if (action.type === 'reset') reset(req.socket);
    if (reply === undefined) return;
    record.status = reply.status;
    // What the client will make of it, by the vendor's documented rules: tests assert on the meaning, not the bytes.
    if (action.type === 'fault' || (action.type === 'response' && reply.status >= 400)) {
      record.fault = classifier.classify(reply, { vendor: profile.id, now: clock.now() });
    }
    send(res, reply);
  };

  const server: Server = createServer((req, res) => {
    handleRequest(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A reset socket reports ECONNRESET to its own side too; that is the point, not a crash.
    socket.on('error', () => undefined);
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  let closed: Promise<void> | undefined;

  handle = {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    get duplicateSideEffects(): number {
      return ledger.duplicates;
    },
    close(): Promise<void> {
      closed ??= new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
      });
      return closed;
    },
  };
  return handle;
}
