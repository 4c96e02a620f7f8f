// Test helpers for the policy tests: a seeded random source and a caller signal that counts its listeners.

/** mulberry32: a tiny seeded PRNG, values in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An AbortController whose signal counts live 'abort' listeners (once-listeners leave when they fire). */
export function countingController(): { controller: AbortController; signal: AbortSignal; live: () => number } {
  const controller = new AbortController();
  const signal = controller.signal;
  const live = new Map<unknown, boolean>();
  const add = signal.addEventListener.bind(signal) as (type: string, listener: unknown, options?: unknown) => void;
  const remove = signal.removeEventListener.bind(signal) as (type: string, listener: unknown, options?: unknown) => void;
  signal.addEventListener = ((type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) => {
    if (type === 'abort' && listener !== null) live.set(listener, typeof options === 'object' && options.once === true);
    add(type, listener, options);
  }) as AbortSignal['addEventListener'];
  signal.removeEventListener = ((type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) => {
    if (type === 'abort') live.delete(listener);
    remove(type, listener, options);
  }) as AbortSignal['removeEventListener'];
  add('abort', () => {
    for (const [listener, once] of live) if (once) live.delete(listener);
  });
  return { controller, signal, live: () => live.size };
}
