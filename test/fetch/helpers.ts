// Shared by the real-socket tests: drive a VirtualClock while real I/O runs, and check nothing is left open.
import { afterEach, beforeEach, expect } from 'vitest';
import { type ChaosServer, type ChaosServerOptions, startChaosServer } from '../../src/testing/chaos-server.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';

/** One macrotask turn: lets sockets, undici and the server make progress. */
export const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Awaits `promise`, firing each retry sleep on `clock` as soon as it is pending. Only sleeps are
 * fired: a timeout's deadline (a `clock.timer`) is left alone, so real I/O is never cut short.
 */
export async function drive<T>(clock: VirtualClock, promise: Promise<T>): Promise<T> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  let fired = 0;
  for (let spins = 0; !done; spins++) {
    if (spins > 200_000) throw new Error('drive: the call never settled');
    if (clock.sleeps.length > fired && clock.pendingTimers > 0) {
      fired++;
      await clock.advance((clock.nextTimerAt ?? clock.now()) - clock.now());
    } else {
      await turn();
    }
  }
  return promise;
}

/** Waits (in macrotask turns) until `condition()` holds. */
export async function until(condition: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 100_000; i++) {
    if (condition()) return;
    await turn();
  }
  throw new Error(`until: ${what} never held`);
}

function counts(list: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const name of list) map.set(name, (map.get(name) ?? 0) + 1);
  return map;
}

/** True when every active resource now was already active before (as a multiset). */
function noneAdded(before: readonly string[], now: readonly string[]): boolean {
  const b = counts(before);
  for (const [name, n] of counts(now)) if (n > (b.get(name) ?? 0)) return false;
  return true;
}

/**
 * Asserts that no socket, server, timer or immediate is left beyond those active before: sockets
 * close a few turns after the server destroys them, so it polls (0-ms turns, no real sleeping).
 */
export async function expectNothingLeft(before: readonly string[]): Promise<void> {
  for (let i = 0; i < 2_000; i++) {
    if (noneAdded(before, resources())) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  expect(resources()).toEqual(before);
}

/** Resources active now, minus the Immediate used to get here. */
export function resources(): string[] {
  return process.getActiveResourcesInfo().filter((r) => r !== 'Immediate');
}

/** What {@link useChaosHarness} gives a test file. */
export interface ChaosHarness {
  /** The current test's clock (a fresh VirtualClock at 2026-01-01T00:00Z for every test). */
  readonly clock: VirtualClock;
  /** Starts a chaos server on the current clock (unless `options.clock` names another), closed after the test. */
  serve(options: ChaosServerOptions): Promise<ChaosServer>;
}

/**
 * Registers the real-socket harness on the calling file (or describe block): before each test a
 * snapshot of the active resources and a fresh clock; after it, every server started by `serve` is
 * closed, nothing may be left open beyond the snapshot, and — unless `checkPendingTimers` is false —
 * the clock may have no timer left.
 *
 * @example
 * const h = useChaosHarness();
 * it('…', async () => {
 *   const server = await h.serve({ vendor: 'stripe', script: ['ok'] });
 *   await drive(h.clock, createFetch({ clock: h.clock })(`${server.url}/x`));
 * });
 */
export function useChaosHarness(options: { readonly checkPendingTimers?: boolean } = {}): ChaosHarness {
  const checkPendingTimers = options.checkPendingTimers ?? true;
  let clock: VirtualClock | undefined;
  let before: string[] = [];
  const servers: ChaosServer[] = [];

  beforeEach(() => {
    before = resources();
    clock = new VirtualClock(Date.UTC(2026, 0, 1));
  });

  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
    await expectNothingLeft(before);
    if (checkPendingTimers) expect(clock?.pendingTimers).toBe(0);
  });

  const current = (): VirtualClock => {
    if (clock === undefined) throw new Error('useChaosHarness: the clock exists only inside a test');
    return clock;
  };
  return {
    get clock() {
      return current();
    },
    async serve(serverOptions) {
      const server = await startChaosServer({ clock: current(), ...serverOptions });
      servers.push(server);
      return server;
    },
  };
}
