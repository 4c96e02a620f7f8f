/**
 * Eight processes, one real Redis: the shared breaker, retry budget and rate
 * limiter bound what a whole fleet sends, and a Redis that dies or stalls
 * never fails a call.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisStore } from '../../src/adapters/redis.js';
import type { BreakerRule } from '../../src/policy/state-store.js';
import { type RedisServer, SKIP_REASON, redisServerPath, startRedis } from '../support/redis-server.js';
import type { WorkerReport, WorkerTask } from './fleet-worker.js';

const WORKERS = 8;
const root = join(import.meta.dirname, '..', '..');
const workerFile = join(root, 'node_modules', '.cache', 'faultline-fleet', 'worker.cjs');

/** The upstream: counts every request it sees and answers per its mode. */
class Upstream {
  mode: 'down' | 'ok' | 'rate' = 'down';
  /** Rate mode: a token bucket of `limit` per second, `burst` deep. */
  limit = 200;
  burst = 20;
  tokens = 20;
  refilledAt = 0;
  readonly log: { at: number; status: number }[] = [];
  readonly server: Server = createServer((req: IncomingMessage, res: ServerResponse) => this.#handle(req, res));
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}/v1/things`;
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    req.resume();
    if (req.url?.endsWith('?warmup') === true) {
      res.end('{}');
      return;
    }
    const now = Date.now();
    let status = 200;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.mode === 'down') status = 503;
    if (this.mode === 'rate') {
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) * this.limit) / 1000);
      this.refilledAt = now;
      headers['x-ratelimit-limit'] = String(this.limit);
      if (this.tokens >= 1) {
        this.tokens -= 1;
      } else {
        status = 429;
        headers['x-ratelimit-remaining'] = '0';
        headers['x-ratelimit-reset'] = '1';
      }
      if (status === 200) headers['x-ratelimit-remaining'] = String(Math.floor(this.tokens));
    }
    this.log.push({ at: now, status });
    res.writeHead(status, headers);
    res.end(status === 200 ? '{"ok":true}' : status === 429 ? '{"error":"rate_limited","message":"Too many requests"}' : '{"error":"unavailable","message":"down"}');
  }

  /** Requests in [from, to) of the run's clock, and how many were 429s. */
  window(from: number, to: number): { total: number; throttled: number } {
    const hits = this.log.filter((r) => r.at >= from && r.at < to);
    return { total: hits.length, throttled: hits.filter((r) => r.status === 429).length };
  }
}

/** The running fleet, for a test's `during` script. */
interface Fleet {
  /** Workers that have seen a `circuit_open` refusal. */
  readonly refused: Set<number>;
  stop(): void;
}

/** Forks the fleet, waits until every process is warm, starts them together, collects every report. */
async function runFleet(task: WorkerTask, during?: (startAt: number, fleet: Fleet) => Promise<void>): Promise<{ startAt: number; reports: WorkerReport[] }> {
  const children: ChildProcess[] = [];
  const ready: Promise<void>[] = [];
  const refused = new Set<number>();
  const reports = Array.from({ length: WORKERS }, (_, i) => {
    const child = fork(workerFile, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children[i] = child;
    ready.push(new Promise<void>((resolve) => child.on('message', (m: { type: string }) => m.type === 'ready' && resolve())));
    return new Promise<WorkerReport>((resolve, reject) => {
      child.on('message', (m: { type: string; report?: WorkerReport; error?: string }) => {
        if (m.type === 'refused') refused.add(i);
        if (m.type === 'report' && m.report !== undefined) resolve(m.report);
        if (m.type === 'error') reject(new Error(m.error));
      });
      child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`worker exited with ${code}`))));
      child.send(task);
    });
  });
  const fleet: Fleet = { refused, stop: () => children.forEach((c) => c.connected && c.send({ type: 'stop' })) };
  try {
    await Promise.race([Promise.all(ready), Promise.all(reports)]);
    const startAt = Date.now() + 100;
    for (const child of children) child.send({ type: 'go', startAt });
    const [all] = await Promise.all([Promise.all(reports), during?.(startAt, fleet).finally(fleet.stop)]);
    return { startAt, reports: all };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  }
}

/** Polls until `done()` or `timeoutMs`. */
async function until(done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
}

const at = (t: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())));
const sum = (reports: readonly WorkerReport[], f: (r: WorkerReport) => number): number => reports.reduce((n, r) => n + f(r), 0);

describe.skipIf(redisServerPath === undefined)(`a fleet of ${WORKERS} processes on one real Redis${redisServerPath === undefined ? ` — ${SKIP_REASON}` : ''}`, () => {
  let redis: RedisServer;
  let upstream: Upstream;

  beforeAll(async () => {
    mkdirSync(join(workerFile, '..'), { recursive: true });
    buildSync({
      entryPoints: [join(root, 'test', 'adapters', 'fleet-worker.ts')],
      outfile: workerFile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['ioredis'],
      loader: { '.lua': 'text' },
      logLevel: 'error',
    });
    redis = await startRedis();
    upstream = new Upstream();
    await upstream.start();
  });

  afterAll(async () => {
    await redis?.stop();
    await new Promise((r) => upstream?.server.close(r));
  });

  it('against a down upstream, what the fleet sends is bounded by the breaker and the budget, not by the number of processes', async () => {
    upstream.mode = 'down';
    upstream.log.length = 0;
    const durationMs = 1500;
    const { startAt, reports } = await runFleet({ scenario: 'down', redisPort: redis.port, url: upstream.url, name: 'down', durationMs, concurrency: 1, storeTimeoutMs: 2000 });
    const seen = upstream.window(startAt - 100, startAt + durationMs + 1000).total;
    const context = JSON.stringify({ seen, reports: reports.map((r) => [r.retries, r.calls, r.failed, r.storeErrors]) });
    // consecutiveFailures(5): 5 failures open it for all; each process may have one call in flight when it opens;
    // then one probe per half-open period (breaks of 300, 600, 1200 ms).
    const threshold = 5;
    const halfOpenPeriods = Math.ceil(durationMs / 300);
    const bound = threshold + WORKERS + halfOpenPeriods * 1;
    expect(seen, context).toBeGreaterThanOrEqual(threshold);
    expect(seen, context).toBeLessThanOrEqual(bound);
    // Budget of 10 tokens, retries while > 5: about five retries for the whole fleet (plus one per process in flight).
    const retries = sum(reports, (r) => r.retries);
    expect(retries, context).toBeLessThanOrEqual(10 / 2 + WORKERS);
    // Everyone saw the breaker open, most calls were refused without reaching the upstream.
    expect(reports.every((r) => (r.failed.circuit_open ?? 0) > 0)).toBe(true);
    expect(sum(reports, (r) => r.storeErrors)).toBe(0);
  });

  it('Redis killed mid-run, then stalled (SIGSTOP): no call fails because of the store, and sharing resumes when it is back', async () => {
    upstream.mode = 'ok';
    upstream.log.length = 0;
    const name = 'chaos';
    const rule: BreakerRule = { threshold: 5, minimumCalls: 1, windowMs: 0, windowCalls: 0, buckets: 0, breakMs: 300, maxBreakMs: 60_000, breakFactor: 2, halfOpenMaxCalls: 1, halfOpenSuccesses: 1 };
    let isolatedAt = 0;
    // Phases move on by traffic, not by the wall clock, so a loaded machine only makes the run slower.
    const traffic = (n: number): Promise<void> => {
      const target = upstream.log.length + n;
      return until(() => upstream.log.length >= target);
    };
    const { reports } = await runFleet({ scenario: 'store-chaos', redisPort: redis.port, url: upstream.url, name, durationMs: 0, concurrency: 2, storeTimeoutMs: 50 }, async (_, fleet) => {
      await traffic(40);
      await redis.stop(true); // killed: connections drop, scripts and keys are gone
      await traffic(40);
      await redis.restart();
      await traffic(40);
      redis.process.kill('SIGSTOP'); // stalled: connections stay open, nothing answers
      await traffic(40);
      redis.process.kill('SIGCONT');
      await traffic(40);
      // Sharing resumed: isolating the breaker in Redis reaches every process.
      const client = new Redis(redis.port, '127.0.0.1');
      isolatedAt = Date.now();
      await redisStore({ client, prefix: 'fleet:' }).transition(`breaker:${name}`, 'isolate', rule, 0);
      client.disconnect();
      await until(() => fleet.refused.size === WORKERS);
    });
    const context = JSON.stringify(reports.map((r) => ({ ...r, storeErrorTimes: r.storeErrorTimes.map((t) => t - isolatedAt) })));
    const failedOtherwise = reports.map((r) => Object.entries(r.failed).filter(([code]) => code !== 'circuit_open'));
    expect(failedOtherwise.flat(), context).toEqual([]);
    // Every process noticed the store failing, and later saw the isolation made through Redis.
    expect(reports.every((r) => r.storeErrors > 0), context).toBe(true);
    for (const r of reports) expect(r.firstRefusalAt, context).toBeGreaterThanOrEqual(isolatedAt);
  });

  it('the adaptive rate limiter keeps the fleet under the upstream limit (< 1 % 429s after warm-up) and follows a change of limit', async () => {
    // The seeds' tier shape ("N per window, burst B"), scaled to seconds so the run stays short.
    upstream.mode = 'rate';
    upstream.log.length = 0;
    upstream.limit = 40;
    upstream.burst = 10;
    upstream.tokens = 10;
    upstream.refilledAt = Date.now();
    // Phases move on by traffic, so a slow machine gives the same number of samples.
    const phase = async (limit: number, warmUp: number, measured: number): Promise<{ total: number; throttled: number }> => {
      upstream.limit = limit;
      const from = upstream.log.length + warmUp;
      await until(() => upstream.log.length >= from + measured, 20_000);
      const hits = upstream.log.slice(from, from + measured);
      return { total: hits.length, throttled: hits.filter((r) => r.status === 429).length };
    };
    let first = { total: 0, throttled: 0 };
    let second = { total: 0, throttled: 0 };
    const { reports } = await runFleet({ scenario: 'rate', redisPort: redis.port, url: upstream.url, name: 'rate', durationMs: 0, concurrency: 2, storeTimeoutMs: 1000 }, async () => {
      first = await phase(40, 40, 100);
      second = await phase(20, 40, 100); // the vendor lowers the tier mid-run
    });
    const context = JSON.stringify({ first, second, calls: sum(reports, (r) => r.calls), storeErrors: sum(reports, (r) => r.storeErrors), rates: reports.map((r) => r.rateChanges) });
    expect(first.total, context).toBe(100);
    expect(second.total, context).toBe(100);
    expect(first.throttled / first.total, context).toBeLessThan(0.01);
    expect(second.throttled / second.total, context).toBeLessThan(0.01);
    // Every process learned both limits from the headers.
    for (const r of reports) expect(r.rateChanges.some((c) => c.endsWith(':18l')), context).toBe(true);
  });
});
