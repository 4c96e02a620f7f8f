/**
 * Policy events: subscribing, unsubscribing (from anywhere in the list, twice, while emitting) and
 * listeners that throw. The policies' onRetry/onHedge/… are `Emitter.on`.
 */
import { describe, expect, it } from 'vitest';
import { Emitter } from '../../src/policy/events.js';
import { retry } from '../../src/policy/retry.js';

describe('Emitter', () => {
  it('calls every listener in subscription order and counts them', () => {
    const emitter = new Emitter<number>();
    const seen: string[] = [];
    expect(emitter.size).toBe(0);
    emitter.on((n) => seen.push(`a${n}`));
    emitter.on((n) => seen.push(`b${n}`));
    expect(emitter.size).toBe(2);
    emitter.emit(1);
    expect(seen).toEqual(['a1', 'b1']);
  });

  it('unsubscribing the first, a middle or the last listener leaves the others, in order', () => {
    for (const which of [0, 1, 2]) {
      const emitter = new Emitter<number>();
      const seen: string[] = [];
      const offs = ['a', 'b', 'c'].map((name) => emitter.on(() => seen.push(name)));
      offs[which]?.();
      expect(emitter.size).toBe(2);
      emitter.emit(0);
      expect(seen).toEqual(['a', 'b', 'c'].filter((_, i) => i !== which));
    }
  });

  it('calling an unsubscribe twice removes only its own subscription', () => {
    const emitter = new Emitter<number>();
    let calls = 0;
    const listener = (): void => void calls++;
    const first = emitter.on(listener);
    emitter.on(listener);
    first();
    first();
    expect(emitter.size).toBe(1);
    emitter.emit(0);
    expect(calls).toBe(1);
  });

  it('a listener that throws is skipped; the others still run', () => {
    const emitter = new Emitter<string>();
    const seen: string[] = [];
    emitter.on(() => {
      throw new Error('observer bug');
    });
    emitter.on((e) => seen.push(e));
    expect(() => emitter.emit('x')).not.toThrow();
    expect(seen).toEqual(['x']);
  });

  it('a listener that unsubscribes itself during emit does not disturb that emit', () => {
    const emitter = new Emitter<number>();
    const seen: string[] = [];
    const off = emitter.on(() => {
      seen.push('a');
      off();
    });
    emitter.on(() => seen.push('b'));
    emitter.emit(1);
    emitter.emit(2);
    expect(seen).toEqual(['a', 'b', 'b']);
  });

  it('rejects a listener that is not a function, naming its type', () => {
    const emitter = new Emitter<number>();
    expect(() => emitter.on(5 as never)).toThrow(new TypeError('event listener must be a function, got number'));
    expect(() => retry().onRetry(undefined as never)).toThrow(new TypeError('event listener must be a function, got undefined'));
    expect(emitter.size).toBe(0);
  });
});
