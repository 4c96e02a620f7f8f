// Cut the tail: when a read is slower than its usual p95, send a second copy and take whichever
// answers first. The slow copy is aborted through its signal. Only for calls safe to send twice.
import { hedge, pipeline, timeout } from 'faultline';
import { VirtualClock } from 'faultline/testing';

export async function main(): Promise<{ answer: string; started: number; tookMs: number }> {
  const clock = new VirtualClock();
  const fast = pipeline(hedge({ delayMs: 250, maxHedges: 2, clock }), timeout({ timeoutMs: 2_000, clock }));
  let started = 0;
  // The first copy lands on a slow replica (1.5 s); the hedge, started at 250 ms, answers in 100 ms.
  const replicas = [1_500, 100, 100];
  const pending = fast.execute(async ({ signal, attempt }) => {
    started += 1;
    await clock.sleep(replicas[attempt - 1] ?? 100, signal);
    return `replica ${attempt}`;
  });
  await clock.runAll();
  return { answer: await pending, started, tookMs: clock.now() };
}
