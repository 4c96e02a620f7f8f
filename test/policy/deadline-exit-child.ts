// Run by test/policy/deadlines.leak.test.ts: two calls under a one-minute timeout on the system clock.
// One never settles and holds nothing of its own; the other waits on its own 50 ms timer. The
// process must exit once that timer has run, long before either deadline: a pending deadline does
// not keep the process alive, the caller's own work does.
import { timeout } from '../../src/policy/timeout.js';

const policy = timeout({ timeoutMs: 60_000 });
policy.execute(() => new Promise<never>(() => undefined)).then(
  () => process.stdout.write('never-settling call settled\n'),
  (error: unknown) => process.stdout.write(`never-settling call rejected: ${String(error)}\n`),
);
policy.execute(() => new Promise<string>((resolve) => setTimeout(() => resolve('own work done'), 50))).then(
  (value) => process.stdout.write(`${value}\n`),
  (error: unknown) => process.stdout.write(`own work rejected: ${String(error)}\n`),
);
process.on('exit', () => process.stdout.write('exit\n'));
