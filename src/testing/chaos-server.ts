/**
 * A local HTTP server that fails the way a real vendor fails: error responses in that vendor's
 * own shape (written by its profile's `render`), latency, hangs, resets, closed sockets, and the
 * stateful failures that scripted responses cannot show (a rate-limit window, a deployment that is
 * BUILDING before it is ACTIVE, a monthly cap). It records every request, so a test can assert on
 * the traffic a client sent — how many attempts, how far apart, with which idempotency key.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { Socket } from 'node:net';
import { CATALOG, type FaultCode, isFaultCode } from '../core/catalog.js';
import { type Fault, type FaultInit, createFault } from '../core/fault.js';
import { createClassifier } from '../core/classifier.js';
import { checkOptionNames } from '../core/options.js';
import { type Clock, systemClock } from '../policy/clock.js';
import type { RenderedResponse, VendorProfile } from '../vendors/profile.js';
import { BUILTIN_PROFILES } from '../vendors/registry.js';
import { renderHeaders, renderStatus } from '../vendors/render-helpers.js';
import { seededRandom } from './seeded-random.js';

/**
 * One thing the server can do with a request.
 * - `ok`: a 2xx (default 200 `{"ok":true}`).
 * - `fault`: the fault rendered by the vendor's profile (status, body, Retry-After, request id).
 * - `response`: exactly this status, headers and body.
 * - `hang`: never answer (until the client gives up or the server closes).
 * - `reset`: start the response, then reset the connection (TCP RST) before the headers end.
 * - `close`: close the socket before sending anything.
 *
 * Every action may add `delayMs` of latency first, and `commit: true` to say the request's side
 * effect happened even though the client is told otherwise (a 502 after the work was done).
 *
 * @example
 * ```ts
 * const step: ChaosAction = { type: 'fault', fault: { code: 'rate_limited', retryAfterMs: 2_000 }, delayMs: 50 };
 * ```
 * @public
 */
export type ChaosAction =
  | (ChaosCommon & { readonly type: 'ok'; readonly status?: number; readonly headers?: Readonly<Record<string, string>>; readonly body?: string })
  | (ChaosCommon & { readonly type: 'fault'; readonly fault: FaultCode | FaultInit })
  | (ChaosCommon & { readonly type: 'response'; readonly status: number; readonly headers?: Readonly<Record<string, string>>; readonly body?: string })
  | (ChaosCommon & { readonly type: 'hang' | 'reset' | 'close' });

/**
 * Fields every {@link ChaosAction} may carry.
 *
 * @example
 * ```ts
 * const common: ChaosCommon = { delayMs: 100, commit: true };
 * ```
 * @public
 */
export interface ChaosCommon {
  /** Latency before acting, in ms of the server's clock. @defaultValue 0 */
  readonly delayMs?: number | undefined;
  /** Whether the request's side effect happened. @defaultValue true for a 2xx to a method other than GET/HEAD/OPTIONS, else false */
  readonly commit?: boolean | undefined;
}

/**
 * A script step: an action, or a shorthand — `'ok'`, `'hang'`, `'reset'`, `'close'`, or a fault code.
 *
 * @example
 * ```ts
 * const script: ChaosStep[] = ['service_unavailable', 'reset', 'ok'];
 * ```
 * @public
 */
export type ChaosStep = ChaosAction | 'ok' | 'hang' | 'reset' | 'close' | FaultCode;

/**
 * What the server received, and what it did about it.
 *
 * @example
 * ```ts
 * const keys = server.requests.map((r: ChaosRequest) => r.idempotencyKey);
 * ```
 * @public
 */
export interface ChaosRequest {
  /** 0 for the first request the server saw. */
  readonly index: number;
  readonly method: string;
  /** Path and query. */
  readonly path: string;
  /** Request headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The `Idempotency-Key` header, when sent. */
  readonly idempotencyKey: string | undefined;
  /** The request body as text (at most 1 MiB). */
  readonly body: string;
  /** When it arrived, by the server's clock. */
  readonly at: number;
  /** The request id the server gave it (sent back as the vendor's request-id header). */
  readonly requestId: string;
  /** The client's port: the same port on two requests means the connection was reused. */
  readonly remotePort: number | undefined;
  /** What the server did: the action type, or `replay` for a repeated idempotency key. */
  action: ChaosAction['type'] | 'replay';
  /** The status sent, when a response was sent. */
  status: number | undefined;
  /** What the error response it sent means by the vendor's documented rules (its profile's classification). */
  fault: Fault | undefined;
  /** Whether the request's side effect happened. */
  committed: boolean;
}

/**
 * Stateful behaviours, checked before the script in this order: monthly cap, rate limit, building.
 *
 * @example
 * ```ts
 * const behaviours: ChaosBehaviours = { rateLimit: { limit: 10, windowMs: 60_000 }, building: { forMs: 5_000 } };
 * ```
 * @public
 */
export interface ChaosBehaviours {
  /** After `limit` requests, every request gets `quota_exhausted` (with `upgradeUrl` and `retryAfterMs` when given). */
  readonly monthlyCap?: { readonly limit: number; readonly retryAfterMs?: number; readonly upgradeUrl?: string; readonly message?: string } | undefined;
  /**
   * At most `limit` requests per fixed window of `windowMs`; the rest get `rate_limited` with
   * `X-RateLimit-*` headers, and a `Retry-After` to the window's end unless `retryAfter` is false.
   */
  readonly rateLimit?: { readonly limit: number; readonly windowMs: number; readonly message?: string; readonly retryAfter?: boolean } | undefined;
  /** For `forMs` after the first request, every request gets `service_unavailable` saying the deployment is BUILDING; then it is ACTIVE. */
  readonly building?: { readonly forMs: number; readonly message?: string; readonly retryAfterMs?: number } | undefined;
}

/**
 * Options of {@link startChaosServer}.
 *
 * @example
 * ```ts
 * const options: ChaosServerOptions = { vendor: 'pulse', faults: { rate_limited: 0.2, reset: 0.05 }, seed: 7 };
 * ```
 * @public
 */
export interface ChaosServerOptions {
  /** The vendor whose shape errors are rendered in: a profile, or a built-in profile id. */
  readonly vendor: string | VendorProfile;
  /** One step per request in order (then the random mix), or a function choosing the step for each request. @defaultValue none: the random mix for every request */
  readonly script?: readonly ChaosStep[] | ((request: ChaosRequest, server: ChaosServer) => ChaosStep | undefined) | undefined;
  /** The random mix: probability per fault code or action (`hang`, `reset`, `close`); the rest succeed. @defaultValue {} (always ok) */
  readonly faults?: Readonly<Partial<Record<FaultCode | 'hang' | 'reset' | 'close', number>>> | undefined;
  /** Seed of the random mix and latency. @defaultValue 1 */
  readonly seed?: number | undefined;
  /** Latency added to every response: a fixed ms, or a [min, max] range drawn per request. @defaultValue 0 */
  readonly latencyMs?: number | readonly [number, number] | undefined;
  /** Stateful failures. @defaultValue none */
  readonly behaviours?: ChaosBehaviours | undefined;
  /** Clock for latency, windows and recorded times. @defaultValue systemClock */
  readonly clock?: Clock | undefined;
}

/**
 * A running chaos server.
 *
 * @example
 * ```ts
 * const server: ChaosServer = await startChaosServer({ vendor: 'impulse' });
 * await server.close();
 * ```
 * @public
 */
export interface ChaosServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** Every request received, in arrival order. */
  readonly requests: readonly ChaosRequest[];
  /** Side effects that happened more than once for the same logical call (same key, or same method, path and body). */
  readonly duplicateSideEffects: number;
  /** Stops listening and destroys every socket. */
  close(): Promise<void>;
}

const NAME = 'startChaosServer';
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
const MAX_BODY = 1 << 20;
const ACTIONS = new Set(['ok', 'fault', 'response', 'hang', 'reset', 'close']);

function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function invalid(option: string, rule: string, value: unknown): never {
  throw new TypeError(`${NAME}: ${option} must be ${rule}, got ${show(value)}`);
}

function record(option: string, value: unknown): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalid(option, 'an object', value);
  return value as Record<string, unknown>;
}

function count(option: string, value: unknown, required: boolean, min = 0): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) invalid(option, `an integer >= ${min}`, value);
}

/** Checks the stateful behaviours once, at start, naming the exact field at fault. */
function checkBehaviours(value: unknown): ChaosBehaviours {
  const b = record('behaviours', value) ?? {};
  const cap = record('behaviours.monthlyCap', b.monthlyCap);
  if (cap !== undefined) {
    count('behaviours.monthlyCap.limit', cap.limit, true);
    count('behaviours.monthlyCap.retryAfterMs', cap.retryAfterMs, false);
  }
  const limiter = record('behaviours.rateLimit', b.rateLimit);
  if (limiter !== undefined) {
    count('behaviours.rateLimit.limit', limiter.limit, true);
    count('behaviours.rateLimit.windowMs', limiter.windowMs, true, 1);
  }
  const building = record('behaviours.building', b.building);
  if (building !== undefined) {
    count('behaviours.building.forMs', building.forMs, true);
    count('behaviours.building.retryAfterMs', building.retryAfterMs, false);
  }
  return b as ChaosBehaviours;
}

function profileOf(vendor: unknown): VendorProfile {
  if (typeof vendor === 'object' && vendor !== null && typeof (vendor as VendorProfile).id === 'string') return vendor as VendorProfile;
  const found = typeof vendor === 'string' ? BUILTIN_PROFILES.find((p) => p.id === vendor) : undefined;
  if (found === undefined) invalid('vendor', 'a vendor profile or a built-in profile id', vendor);
  return found;
}

function actionOf(step: ChaosStep, option = 'script step'): ChaosAction {
  if (typeof step === 'string') {
    if (step === 'ok' || step === 'hang' || step === 'reset' || step === 'close') return { type: step };
    if (isFaultCode(step)) return { type: 'fault', fault: step };
    invalid(option, "an action or 'ok', 'hang', 'reset', 'close' or a fault code", step);
  }
  if (typeof step !== 'object' || step === null || !ACTIONS.has((step as ChaosAction).type)) {
    invalid(option, 'an action with type ok, fault, response, hang, reset or close', step);
  }
  return step;
}

/** The vendor's rendering of a fault, or a generic `{error:{code,message}}` for a profile with no renderer. */
function render(profile: VendorProfile, fault: Fault): RenderedResponse {
  if (profile.render !== undefined) return profile.render(fault);
  return {
    status: renderStatus(fault),
    headers: renderHeaders(fault, 'x-request-id'),
    body: JSON.stringify({ error: { code: fault.vendorCode ?? fault.code, message: fault.message } }),
  };
}

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
  if (typeof options !== 'object' || options === null) invalid('options', 'an object with a vendor', options);
  checkOptionNames('startChaosServer', options, ['vendor', 'script', 'faults', 'seed', 'latencyMs', 'behaviours', 'clock']);
  const profile = profileOf(options.vendor);
  const clock = options.clock === undefined ? systemClock : options.clock;
  if (typeof clock !== 'object' || clock === null || typeof clock.now !== 'function' || typeof clock.sleep !== 'function') {
    invalid('clock', 'a Clock with now() and sleep()', clock);
  }
  const seed = options.seed === undefined ? 1 : options.seed;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) invalid('seed', 'a finite number', seed);
  const random = seededRandom(seed);
  const script = options.script;
  if (script !== undefined && typeof script !== 'function' && !Array.isArray(script)) invalid('script', 'an array of steps or a function', script);
  const scriptSteps = Array.isArray(script) ? (script as readonly ChaosStep[]).map((step, i) => actionOf(step, `script[${i}]`)) : undefined;
  const mix: [ChaosStep, number][] = [];
  let total = 0;
  for (const [key, weight] of Object.entries(options.faults ?? {})) {
    if (typeof weight !== 'number' || !(weight >= 0) || !Number.isFinite(weight)) invalid(`faults.${key}`, 'a probability >= 0', weight);
    if (key !== 'hang' && key !== 'reset' && key !== 'close' && !isFaultCode(key)) invalid('faults', 'keyed by fault codes or hang, reset, close', key);
    total += weight;
    mix.push([key as ChaosStep, weight]);
  }
  if (total > 1 + 1e-9) invalid('faults', 'probabilities summing to at most 1', total);
  const latency = options.latencyMs ?? 0;
  const latencyRange: readonly [number, number] = typeof latency === 'number' ? [latency, latency] : latency;
  if (!Array.isArray(latencyRange) || !(latencyRange[0] >= 0) || !(latencyRange[1] >= latencyRange[0])) {
    invalid('latencyMs', 'a number >= 0 or a [min, max] range', latency);
  }
  const behaviours = checkBehaviours(options.behaviours);
  const classifier = createClassifier({ profiles: [profile] });
  const meaning = (status: number, headers: Readonly<Record<string, string>>, body: string): Fault =>
    classifier.classify({ status, headers, body }, { vendor: profile.id, now: clock.now() });

  const requests: ChaosRequest[] = [];
  const sockets = new Set<Socket>();
  const closing = new AbortController();
  const commits = new Map<string, number>();
  const replays = new Map<string, { status: number; headers: Record<string, string>; body: string }>();
  let served = 0;
  let windowStart = 0;
  let windowCount = 0;
  let buildingSince: number | undefined;

  const pickRandom = (): ChaosAction => {
    let roll = random();
    for (const [step, weight] of mix) {
      if (roll < weight) return actionOf(step);
      roll -= weight;
    }
    return { type: 'ok' };
  };

  const stateful = (now: number): ChaosAction | undefined => {
    const cap = behaviours.monthlyCap;
    if (cap !== undefined) {
      served++;
      if (served > cap.limit) {
        return {
          type: 'fault',
          fault: {
            code: 'quota_exhausted',
            message: cap.message ?? 'Monthly request allowance used up',
            limit: cap.limit,
            ...(cap.upgradeUrl === undefined ? {} : { upgradeUrl: cap.upgradeUrl }),
            ...(cap.retryAfterMs === undefined ? {} : { retryAfterMs: cap.retryAfterMs }),
          },
        };
      }
    }
    const limiter = behaviours.rateLimit;
    if (limiter !== undefined) {
      if (windowCount === 0 || now >= windowStart + limiter.windowMs) {
        windowStart = windowCount === 0 ? now : windowStart + Math.floor((now - windowStart) / limiter.windowMs) * limiter.windowMs;
        windowCount = 0;
      }
      windowCount++;
      if (windowCount > limiter.limit) {
        const resetMs = windowStart + limiter.windowMs - now;
        return {
          type: 'fault',
          fault: {
            code: 'rate_limited',
            message: limiter.message ?? 'Rate limit exceeded',
            ...(limiter.retryAfter === false ? {} : { retryAfterMs: resetMs }),
            limit: limiter.limit,
            rateLimit: { limit: limiter.limit, remaining: 0, resetMs },
          },
        };
      }
    }
    const building = behaviours.building;
    if (building !== undefined) {
      buildingSince ??= now;
      if (now < buildingSince + building.forMs) {
        return {
          type: 'fault',
          fault: {
            code: 'service_unavailable',
            message: building.message ?? "Deployment 'model' is not active (status: BUILDING)",
            ...(building.retryAfterMs === undefined ? {} : { retryAfterMs: building.retryAfterMs }),
          },
        };
      }
    }
    return undefined;
  };

  const choose = (record: ChaosRequest): ChaosAction => {
    const fromState = stateful(record.at);
    if (fromState !== undefined) return fromState;
    if (typeof script === 'function') {
      const step = (script as (request: ChaosRequest, server: ChaosServer) => ChaosStep | undefined)(record, handle);
      if (step !== undefined) return actionOf(step);
    } else if (scriptSteps !== undefined) {
      const scripted = scriptSteps[record.index];
      if (scripted !== undefined) return scripted;
    }
    return pickRandom();
  };

  const opKey = (record: ChaosRequest): string => record.idempotencyKey !== undefined ? `key:${record.idempotencyKey}` : `${record.method} ${record.path} ${record.body}`;

  const okReply = (record: ChaosRequest): { status: number; headers: Record<string, string>; body: string } => ({
    status: 200,
    headers: { 'content-type': 'application/json', 'x-request-id': record.requestId },
    body: JSON.stringify({ ok: true, request_id: record.requestId }),
  });

  // Work that was done is stored under its idempotency key even when the client was told
  // otherwise (a 502 after the fact, a reset): a retry with that key gets the result, as on a real server.
  const commit = (record: ChaosRequest, reply = okReply(record)): void => {
    record.committed = true;
    const key = opKey(record);
    commits.set(key, (commits.get(key) ?? 0) + 1);
    if (record.idempotencyKey !== undefined) replays.set(record.idempotencyKey, reply);
  };

  const handleRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    const headers = headerRecord(req);
    const index = requests.length;
    const record: ChaosRequest = {
      index,
      method: (req.method ?? 'GET').toUpperCase(),
      path: req.url ?? '/',
      headers,
      idempotencyKey: headers['idempotency-key'],
      body,
      at: clock.now(),
      requestId: `req_${String(index + 1).padStart(6, '0')}`,
      remotePort: req.socket.remotePort,
      action: 'ok',
      status: undefined,
      fault: undefined,
      committed: false,
    };
    requests.push(record);

    const replay = record.idempotencyKey === undefined ? undefined : replays.get(record.idempotencyKey);
    const action: ChaosAction | undefined = replay === undefined ? choose(record) : undefined;
    const drawn = latencyRange[0] === latencyRange[1] ? latencyRange[0] : latencyRange[0] + random() * (latencyRange[1] - latencyRange[0]);
    const delayMs = drawn + (action?.delayMs ?? 0);
    if (delayMs > 0) {
      try {
        await clock.sleep(delayMs, closing.signal);
      } catch {
        return;
      }
    }
    if (res.destroyed || closing.signal.aborted) return;
    if (replay !== undefined) {
      record.action = 'replay';
      record.status = replay.status;
      res.writeHead(replay.status, { ...replay.headers, 'idempotent-replayed': 'true' });
      res.end(replay.body);
      return;
    }
    if (action === undefined) return;
    record.action = action.type;
    const socket = req.socket;
    switch (action.type) {
      case 'hang':
        if (action.commit === true) commit(record);
        return;
      case 'close':
        if (action.commit === true) commit(record);
        socket.destroy();
        return;
      case 'reset':
        if (action.commit === true) commit(record);
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Len');
        if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
        else socket.destroy();
        return;
      case 'ok': {
        const base = okReply(record);
        const reply = { status: action.status ?? 200, headers: { ...base.headers, ...action.headers }, body: action.body ?? base.body };
        if (action.commit ?? !SAFE_METHODS.has(record.method)) commit(record, reply);
        record.status = reply.status;
        res.writeHead(reply.status, reply.headers);
        res.end(reply.body);
        return;
      }
      case 'response': {
        if (action.commit === true) commit(record);
        record.status = action.status;
        if (action.status >= 400) record.fault = meaning(action.status, action.headers ?? {}, action.body ?? '');
        res.writeHead(action.status, { 'content-type': 'application/json', ...action.headers });
        res.end(action.body ?? '');
        return;
      }
      case 'fault': {
        if (action.commit === true) commit(record);
        const init: FaultInit = typeof action.fault === 'string' ? { code: action.fault } : action.fault;
        const fault = createFault({ status: CATALOG[init.code]?.status, ...init, requestId: init.requestId ?? record.requestId, source: 'server' });
        const rendered = render(profile, fault);
        const out: Record<string, string> = { ...rendered.headers };
        const lower = new Set(Object.keys(out).map((k) => k.toLowerCase()));
        // Rate-limit facts the renderer did not write go out as the common X-RateLimit-* headers.
        if (fault.rateLimit !== undefined && ![...lower].some((k) => k.includes('ratelimit'))) {
          if (fault.rateLimit.limit !== undefined) out['x-ratelimit-limit'] = String(fault.rateLimit.limit);
          if (fault.rateLimit.remaining !== undefined) out['x-ratelimit-remaining'] = String(fault.rateLimit.remaining);
          if (fault.rateLimit.resetMs !== undefined) out['x-ratelimit-reset'] = String(Math.ceil(fault.rateLimit.resetMs / 1000));
        }
        record.fault = meaning(rendered.status, out, rendered.body);
        record.status = rendered.status;
        res.writeHead(rendered.status, out);
        res.end(rendered.body);
        return;
      }
    }
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

  const handle: ChaosServer = {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    get duplicateSideEffects(): number {
      let duplicates = 0;
      for (const count of commits.values()) if (count > 1) duplicates += count - 1;
      return duplicates;
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
