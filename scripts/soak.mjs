#!/usr/bin/env node
// `npm run soak [-- --calls N]`: N calls (default 1,000,000) through pipeline(retry, circuitBreaker,
// bulkhead, timeout) against a function that fails at random with every kind of fault, on real timers
// with 0-ms delays. Prints calls/s, the fault mix and the heap after a forced GC at the start (after a
// warm-up of 5% of the calls) and at the end; exits 1 if the end heap is more than 10% above the start.
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import * as fl from '../dist/index.js';

const args = process.argv.slice(2);
const calls = Number(args.includes('--calls') ? args[args.indexOf('--calls') + 1] : 1_000_000);
const concurrency = 64;
if (!Number.isInteger(calls) || calls < 1000) throw new TypeError(`soak: --calls must be an integer >= 1000, got ${calls}`);
if (typeof globalThis.gc !== 'function') throw new Error('soak: run with node --expose-gc');

// A deterministic random source (mulberry32) so a run can be repeated.
let seed = 0x5eed;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const serverCodes = fl.FAULT_CODES.filter((c) => !['circuit_open', 'bulkhead_full', 'cancelled', 'client_timeout'].includes(c));
const networkErrors = ['ECONNRESET', 'ECONNREFUSED', 'ENOTFOUND', 'EPIPE', 'UND_ERR_SOCKET'];

function flaky({ signal }) {
  const r = random();
  if (r < 0.6) return 'ok';
  if (r < 0.85) {
    const code = serverCodes[Math.floor(random() * serverCodes.length)];
    throw new fl.FaultError(fl.createFault({ code, message: 'Bearer sk_live_abcdefgh12345678 leaked?' }));
  }
  if (r < 0.95) {
    const code = networkErrors[Math.floor(random() * networkErrors.length)];
    throw Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code });
  }
  if (r < 0.97) throw 'a thrown string';
  // A hang that only the timeout ends.
  return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
}

const policy = fl.pipeline(
  fl.retry({ maxRetries: 2, backoff: fl.constantBackoff(0), idempotent: true }),
  fl.circuitBreaker({ strategy: fl.consecutiveFailures(20), breakMs: 1 }),
  fl.bulkhead({ maxConcurrent: concurrency, maxQueue: concurrency }),
  fl.timeout({ timeoutMs: 5 }),
);

const mix = new Map();
let done = 0;
let started = 0;
let startHeap = 0;
let warmStart = 0;
const warmup = Math.floor(calls * 0.05);

async function worker() {
  while (started < calls) {
    started += 1;
    try {
      await policy.execute(flaky);
      mix.set('ok', (mix.get('ok') ?? 0) + 1);
    } catch (error) {
      const code = fl.isFaultError(error) ? error.code : 'NOT A FAULTERROR';
      mix.set(code, (mix.get(code) ?? 0) + 1);
    }
    done += 1;
    if (done === warmup) {
      await yieldToLoop();
      globalThis.gc();
      startHeap = process.memoryUsage().heapUsed;
      warmStart = performance.now();
    }
    if (done % 100_000 === 0) process.stderr.write(`  ${done.toLocaleString()} calls\n`);
  }
}

const t0 = performance.now();
// Some calls hang until their 5 ms timeout ends them, and nothing of their own holds the event loop:
// faultline's deadlines do not keep a process alive (issue 20), so the soak holds it while it runs.
const keepAlive = setInterval(() => {}, 1000);
await Promise.all(Array.from({ length: concurrency }, worker));
clearInterval(keepAlive);
const elapsed = performance.now() - t0;
await yieldToLoop();
globalThis.gc();
const endHeap = process.memoryUsage().heapUsed;
const growth = (endHeap - startHeap) / startHeap;
const mb = (b) => `${(b / 2 ** 20).toFixed(2)} MiB`;

console.log(`soak: ${calls.toLocaleString()} calls in ${(elapsed / 1000).toFixed(1)} s = ${Math.round((calls / elapsed) * 1000).toLocaleString()} calls/s (after warm-up: ${Math.round(((calls - warmup) / (performance.now() - warmStart)) * 1000).toLocaleString()} calls/s)`);
console.log(`heap after GC: start ${mb(startHeap)} (after ${warmup.toLocaleString()} warm-up calls), end ${mb(endHeap)}, change ${(growth * 100).toFixed(1)}%`);
console.log('fault mix:');
for (const [code, n] of [...mix].sort((a, b) => b[1] - a[1])) console.log(`  ${code.padEnd(20)} ${n.toLocaleString()}`);
const notFaults = mix.get('NOT A FAULTERROR') ?? 0;
if (notFaults > 0) console.log(`FAIL: ${notFaults} rejections were not FaultErrors`);
if (growth > 0.1) console.log('FAIL: heap grew by more than 10%');
process.exitCode = growth > 0.1 || notFaults > 0 ? 1 : 0;
