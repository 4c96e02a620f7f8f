/**
 * One coarse timer for every deadline on the system clock. A host timer set and cleared per call
 * costs more than the rest of a timeout put together, and so does reading the clock, so a deadline
 * costs neither: it joins a list of fresh deadlines, which are stamped with one clock read when the
 * current task ends (most are removed before then, their call settled) and then wait in per-tick
 * buckets (linked lists: adding and removing one is O(1) and allocates nothing). A single unref'd
 * host timer is armed for the earliest bucket, re-armed only when it fires with deadlines pending,
 * and never keeps the process alive. A deadline fires no earlier than asked and at most one tick
 * after its stamp, so late only by the tick plus however long the task it was added in ran on (and
 * the host's own lateness). Other clocks (VirtualClock in tests) keep their exact `timer`. Only
 * timeout, hedge and createFetch's deadlines import this file, so retry's bundle does not carry it.
 */
import { type Clock, armTimer, systemClock } from './clock.js';

/**
 * Something with a deadline. Policies extend it so the deadline costs no closure: the wheel links
 * the object itself and calls `expire()`.
 * @internal
 */
export abstract class DeadlineEntry {
  /** @internal */ at = 0;
  /** @internal */ prev: DeadlineEntry | undefined;
  /** @internal */ next: DeadlineEntry | undefined;
  /** @internal The bucket holding this entry while it is pending. */ bucket: Bucket | undefined;
  /** @internal The cancel function when a non-system clock holds the timer. */ cancel: (() => void) | undefined;
  /** Called once, at or after the deadline, unless disarmed first. */
  abstract expire(): void;
}

/** The deadlines due in one tick, in the order they were added. */
class Bucket {
  head: DeadlineEntry | undefined;
  tail: DeadlineEntry | undefined;
  constructor(readonly tick: number) {}
}

/**
 * The host the wheel runs on: a monotonic `now` in ms, and one-shot timers. Tests pass a fake.
 * @internal
 */
export interface WheelHost {
  now(): number;
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  /**
   * Runs `callback` soon: once the current task and its microtasks are done (Node's `setImmediate`),
   * else after the current microtask. Deadlines are stamped with the time then rather than read per
   * call: one clock read (~25–100 ns each) per task instead of per deadline, and none for a deadline
   * removed before then, which is most of them. Stamping later than the call never makes a deadline
   * early; it makes it late by however long the task went on running after the call.
   */
  defer(callback: () => void): void;
}

/**
 * The timer wheel: buckets of `tickMs`, a min-heap of bucket ticks, one host timer.
 * @internal
 */
export class DeadlineWheel {
  readonly #host: WheelHost;
  readonly #tickMs: number;
  readonly #buckets = new Map<number, Bucket>();
  /** Bucket ticks, a binary min-heap; a bucket emptied by removals stays until its tick passes. */
  readonly #heap: number[] = [];
  #last: Bucket | undefined;
  #pending = 0;
  #timer: unknown;
  /** The tick the host timer is armed for, or -1. */
  #armedTick = -1;
  readonly #onTimer = (): void => this.#fire();
  /** Deadlines added since the last stamp, with `at` holding their ms. */
  readonly #fresh = new Bucket(-1);
  #stampDue = false;
  readonly #onStamp = (): void => this.#stamp();

  constructor(host: WheelHost, tickMs = 4) {
    if (!(tickMs > 0)) throw new TypeError(`DeadlineWheel: tickMs must be > 0, got ${tickMs}`);
    this.#host = host;
    this.#tickMs = tickMs;
  }

  /** Deadlines added and neither fired nor removed. */
  get pending(): number {
    return this.#pending;
  }

  /** Whether the host timer is armed. */
  get armed(): boolean {
    return this.#armedTick >= 0;
  }

  /** Calls `entry.expire()` once, `ms` from now, rounded up to the next tick. */
  add(entry: DeadlineEntry, ms: number): void {
    entry.at = ms > 0 ? ms : 0;
    link(this.#fresh, entry);
    this.#pending++;
    if (!this.#stampDue) {
      this.#stampDue = true;
      this.#host.defer(this.#onStamp);
    }
  }

  /** Gives every deadline added during the task that just ended its time: now plus its ms. */
  #stamp(): void {
    this.#stampDue = false;
    const fresh = this.#fresh;
    if (fresh.head === undefined) return;
    const now = this.#host.now();
    let entry: DeadlineEntry | undefined = fresh.head;
    fresh.head = fresh.tail = undefined;
    while (entry !== undefined) {
      const next: DeadlineEntry | undefined = entry.next;
      entry.prev = entry.next = undefined;
      this.#place(entry, now + entry.at);
      entry = next;
    }
  }

  #place(entry: DeadlineEntry, at: number): void {
    // The first tick boundary at or after `at`: never early.
    const tick = Math.ceil(at / this.#tickMs);
    let bucket = this.#last;
    if (bucket === undefined || bucket.tick !== tick) {
      bucket = this.#buckets.get(tick);
      if (bucket === undefined) {
        bucket = new Bucket(tick);
        this.#buckets.set(tick, bucket);
        push(this.#heap, tick);
      }
      this.#last = bucket;
    }
    entry.at = at;
    link(bucket, entry);
    if (this.#armedTick < 0 || tick < this.#armedTick) this.#arm(tick);
  }

  /** Takes a pending entry out; harmless when it already fired or was removed. */
  remove(entry: DeadlineEntry): void {
    const bucket = entry.bucket;
    if (bucket === undefined) return;
    entry.bucket = undefined;
    if (entry.prev === undefined) bucket.head = entry.next;
    else entry.prev.next = entry.next;
    if (entry.next === undefined) bucket.tail = entry.prev;
    else entry.next.prev = entry.prev;
    entry.prev = entry.next = undefined;
    this.#pending--;
    // The host timer stays armed: clearing it here would cost a host timer per call again.
  }

  #arm(tick: number): void {
    if (this.#armedTick >= 0) this.#host.clear(this.#timer);
    this.#armedTick = tick;
    this.#timer = this.#host.set(this.#onTimer, Math.max(0, tick * this.#tickMs - this.#host.now()));
  }

  #fire(): void {
    this.#armedTick = -1;
    const now = this.#host.now();
    const heap = this.#heap;
    const due: DeadlineEntry[] = [];
    while (heap.length > 0 && (heap[0] as number) * this.#tickMs <= now) {
      const tick = pop(heap);
      const bucket = this.#buckets.get(tick) as Bucket;
      this.#buckets.delete(tick);
      if (this.#last === bucket) this.#last = undefined;
      for (let entry = bucket.head; entry !== undefined; entry = entry.next) due.push(entry);
    }
    // Buckets are fired whole, so order them by deadline; the sort is stable, so ties keep the order they were added in.
    if (due.length > 1) due.sort((a, b) => a.at - b.at);
    for (const entry of due) {
      // An earlier expiry in this batch may have removed it.
      if (entry.bucket === undefined) continue;
      entry.bucket = undefined;
      entry.prev = entry.next = undefined;
      this.#pending--;
      entry.expire();
    }
    if (this.#pending === 0) {
      // Nothing left: forget the emptied buckets and leave the host timer unarmed.
      this.#buckets.clear();
      heap.length = 0;
      this.#last = undefined;
      if (this.#armedTick >= 0) this.#host.clear(this.#timer);
      this.#armedTick = -1;
      return;
    }
    // Skip buckets emptied by removals, then arm for the first one with a deadline in it.
    while (heap.length > 0) {
      const bucket = this.#buckets.get(heap[0] as number) as Bucket;
      if (bucket.head !== undefined) break;
      this.#buckets.delete(pop(heap));
      if (this.#last === bucket) this.#last = undefined;
    }
    const first = heap[0];
    if (first !== undefined && (this.#armedTick < 0 || first < this.#armedTick)) this.#arm(first);
  }
}

function link(bucket: Bucket, entry: DeadlineEntry): void {
  entry.bucket = bucket;
  entry.next = undefined;
  entry.prev = bucket.tail;
  if (bucket.tail === undefined) bucket.head = entry;
  else bucket.tail.next = entry;
  bucket.tail = entry;
}

function push(heap: number[], value: number): void {
  let i = heap.length;
  heap.push(value);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if ((heap[parent] as number) <= value) break;
    heap[i] = heap[parent] as number;
    i = parent;
  }
  heap[i] = value;
}

function pop(heap: number[]): number {
  const top = heap[0] as number;
  const last = heap.pop() as number;
  if (heap.length === 0) return top;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= heap.length) break;
    const right = left + 1;
    const child = right < heap.length && (heap[right] as number) < (heap[left] as number) ? right : left;
    if ((heap[child] as number) >= last) break;
    heap[i] = heap[child] as number;
    i = child;
  }
  heap[i] = last;
  return top;
}

// The one place besides clock.ts that touches the host's timers: this is the system clock's
// deadline implementation. `performance.now()` is monotonic, as the host timers are.
const systemHost: WheelHost = {
  now: () => performance.now(),
  set(callback, ms) {
    const timer = setTimeout(callback, ms) as unknown as { unref?: () => void };
    // A pending deadline alone never keeps the process alive: the caller's own work does.
    timer.unref?.();
    return timer;
  },
  clear: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
  // Node, Bun and Deno have setImmediate; a browser stamps after the current microtask instead.
  // Called as a function of its own, never as a method of this object: a browser's and workerd's
  // queueMicrotask throw 'Illegal invocation' when called with another `this`.
  defer: typeof setImmediate === 'function' ? (callback) => void setImmediate(callback) : (callback) => queueMicrotask(callback),
};

let shared: DeadlineWheel | undefined;

/**
 * The wheel every policy on `systemClock` shares.
 * @internal
 */
export function systemWheel(): DeadlineWheel {
  return (shared ??= new DeadlineWheel(systemHost));
}

/**
 * Arms `entry` to expire `ms` from now on `clock`: on the shared wheel for `systemClock`, else through
 * the clock's own timer (exact, for VirtualClock).
 *
 * @example
 * ```ts
 * armDeadline(this, clock, timeoutMs);
 * ```
 * @internal
 */
export function armDeadline(entry: DeadlineEntry, clock: Clock, ms: number): void {
  if (clock === systemClock) systemWheel().add(entry, ms);
  else entry.cancel = armTimer(clock, ms, () => {
    entry.cancel = undefined;
    entry.expire();
  });
}

/**
 * Disarms what {@link armDeadline} armed; harmless when it already expired.
 *
 * @example
 * ```ts
 * disarmDeadline(this);
 * ```
 * @internal
 */
export function disarmDeadline(entry: DeadlineEntry): void {
  if (entry.bucket !== undefined) systemWheel().remove(entry);
  else if (entry.cancel !== undefined) {
    const cancel = entry.cancel;
    entry.cancel = undefined;
    cancel();
  }
}

/** A deadline around a callback, for callers that keep a closure anyway (idle bodies, queues). */
class CallbackDeadline extends DeadlineEntry {
  constructor(readonly callback: () => void) {
    super();
  }

  expire(): void {
    this.callback();
  }
}

/**
 * `armTimer` with the system clock's deadlines on the shared wheel: calls `callback` after `ms`
 * unless the returned function is called first.
 *
 * @example
 * ```ts
 * const cancel = armWheelTimer(clock, idleMs, () => expire());
 * ```
 * @internal
 */
export function armWheelTimer(clock: Clock, ms: number, callback: () => void): () => void {
  if (clock !== systemClock) return armTimer(clock, ms, callback);
  const entry = new CallbackDeadline(callback);
  systemWheel().add(entry, ms);
  return () => systemWheel().remove(entry);
}
