/**
 * The chaos server's vocabulary: what a test can ask it to do with a request (actions, script
 * steps, stateful behaviours), the options it starts with, and what it records. Data only; the
 * server, its option checks, its decisions and its rendering each live in their own file.
 */
import type { FaultCode } from '../core/catalog.js';
import type { Fault, FaultInit } from '../core/fault.js';
import type { Clock } from '../policy/clock.js';
import type { VendorProfile } from '../vendors/profile.js';

/**
 * One thing the server can do with a request.
 * - `ok`: a 2xx (default 200 `{"ok":true}`).
 * - `fault`: the fault rendered by the vendor's profile (status, body, Retry-After, request id).
 * - `response`: exactly this status, headers and body.
 * - `hang`: never answer (until the client gives up or the server closes).
 * - `reset`: start the response, then reset the connection (TCP RST) before the headers end.
 * - `close`: close the socket before sending anything.
 * - `stream`: a 200 `text/event-stream` that fails after N events, or is cut, or stalls ({@link ChaosStreamAction}).
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
  | (ChaosCommon & { readonly type: 'hang' | 'reset' | 'close' })
  | ChaosStreamAction;

/**
 * The streaming shapes the chaos server writes: OpenAI's chat completion chunks, Anthropic's
 * message events, or a generic `data: {"text":…}` stream with `event: error`.
 *
 * @example
 * ```ts
 * const shape: ChaosStreamShape = 'anthropic';
 * ```
 * @public
 */
export type ChaosStreamShape = 'openai' | 'anthropic' | 'generic';

/**
 * A streamed 200 (`text/event-stream`): `events` chunks of output, then the end (`then`), or an
 * error event for `fault` in the vendor's streaming shape.
 *
 * @example
 * ```ts
 * const failsMidway: ChaosStreamAction = { type: 'stream', events: 5, fault: 'overloaded' };
 * const cut: ChaosStreamAction = { type: 'stream', events: 2, then: 'cut' };
 * ```
 * @public
 */
export interface ChaosStreamAction extends ChaosCommon {
  readonly type: 'stream';
  /** Output chunks sent before the end. @defaultValue 3 */
  readonly events?: number | undefined;
  /** Ends the stream with this fault as an error event (OpenAI `data: {"error":…}`, Anthropic and generic `event: error`). @defaultValue none */
  readonly fault?: FaultCode | FaultInit | undefined;
  /** How the stream ends when no fault does: its end event (`done`), the connection closed mid-body (`cut`), or nothing more ever (`hang`). @defaultValue 'done' */
  readonly then?: 'done' | 'cut' | 'hang' | undefined;
  /** The streaming shape. @defaultValue the vendor's own for `openai` and `anthropic`, else `generic` */
  readonly shape?: ChaosStreamShape | undefined;
  /** Wait before each output chunk, in ms of the server's clock. @defaultValue 0 */
  readonly eventDelayMs?: number | undefined;
}

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
 * A script step: an action, or a shorthand — `'ok'`, `'hang'`, `'reset'`, `'close'`, `'stream'` (three events, then the end), or a fault code.
 *
 * @example
 * ```ts
 * const script: ChaosStep[] = ['service_unavailable', 'reset', 'ok'];
 * ```
 * @public
 */
export type ChaosStep = ChaosAction | 'ok' | 'hang' | 'reset' | 'close' | 'stream' | FaultCode;

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
