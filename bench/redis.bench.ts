// `npx tsx bench/redis.bench.ts`: calls/s through a circuit breaker (success path) with its state in this
// process (no store), in memoryStore(), and in Redis on loopback (redisStore + ioredis), for 1 process and
// for 8 processes sharing one breaker. Starts its own redis-server (Debian's redis-server package).
// Each process runs CONCURRENCY calls at a time for BENCH_MS milliseconds.
import { fork } from 'node:child_process';
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { circuitBreaker } from '../src/policy/circuit-breaker.js';
import { consecutiveFailures } from '../src/policy/breaker-strategy.js';
import { memoryStore } from '../src/policy/memory-store.js';
import { startRedis } from '../test/support/redis-server.js';

// The adapter imports its Lua scripts as text: load it once the .lua hook is in place.
register('./lua-hooks.mjs', import.meta.url);
const { redisStore } = await import('../src/adapters/redis.js');

const time = Number(process.env.BENCH_MS ?? 2_000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
type Kind = 'none' | 'memory' | 'redis';

/** Runs the breaker flat out for `time` ms; returns calls completed. */
async function run(kind: Kind, port: number): Promise<number> {
  const client = kind === 'redis' ? new Redis(port, '127.0.0.1') : undefined;
  const store = kind === 'none' ? undefined : kind === 'memory' ? memoryStore() : redisStore({ client: client!, prefix: 'bench:' });
  const breaker = circuitBreaker({ strategy: consecutiveFailures(5), ...(store === undefined ? {} : { store, name: 'bench', storeTimeoutMs: 1000 }) });
  const ok = async (): Promise<number> => 1;
  for (let i = 0; i < 1000; i++) await breaker.execute(ok); // warm-up
  let calls = 0;
  const end = Date.now() + time;
  const loop = async (): Promise<void> => {
    while (Date.now() < end) {
      // Batches so the clock is not read on every call.
      for (let i = 0; i < 50; i++) await breaker.execute(ok);
      calls += 50;
    }
  };
  await Promise.all(Array.from({ length: kind === 'redis' ? CONCURRENCY : 1 }, loop));
  client?.disconnect();
  return calls;
}

async function fleet(kind: Kind, port: number, processes: number): Promise<number> {
  const file = fileURLToPath(import.meta.url);
  const results = await Promise.all(
    Array.from({ length: processes }, () =>
      new Promise<number>((resolve, reject) => {
        const child = fork(file, ['child', kind, String(port)], { execArgv: ['--import', 'tsx'] });
        child.on('message', (m: number) => resolve(m));
        child.on('error', reject);
      }),
    ),
  );
  return results.reduce((a, b) => a + b, 0);
}

if (process.argv[2] === 'child') {
  const calls = await run(process.argv[3] as Kind, Number(process.argv[4]));
  process.send?.(calls, () => process.exit(0));
} else {
  const server = await startRedis();
  try {
    const rows: string[] = [];
    for (const processes of [1, 8]) {
      for (const kind of ['none', 'memory', 'redis'] as const) {
        const calls = processes === 1 ? await run(kind, server.port) : await fleet(kind, server.port, processes);
        rows.push(`| ${processes} | ${kind === 'none' ? 'no store (local state)' : kind === 'memory' ? 'memoryStore()' : `redisStore (ioredis, ${CONCURRENCY} in flight per process)`} | ${Math.round((calls * 1000) / time).toLocaleString('en-US')} |`);
        console.log(rows.at(-1));
      }
    }
    console.log(['', '| processes | breaker state | calls/s (all processes) |', '|---|---|---|', ...rows].join('\n'));
  } finally {
    await server.stop();
  }
}
