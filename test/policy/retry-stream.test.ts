/**
 * retryStream: a stream opened under a policy is retried before its first output chunk exactly as
 * the same fault on a plain call, never after it unless `resume` says how to go on; an idle timeout
 * between chunks; nothing (timer, listener, open source) left behind when the caller stops.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FaultError, createFault } from '../../src/core/fault.js';
import { FAULT_CODES, type FaultCode } from '../../src/core/catalog.js';
import { retryStream as miniRetryStream } from '../../src/policy/retry-stream.js';
import { pipeline } from '../../src/policy/pipeline.js';
import { retry, retryStream, timeout } from '../../src/entry/batteries.js';
import { VirtualClock } from '../../src/testing/virtual-clock.js';
import { countingController } from './retry.helpers.js';
import { drain, handSource, type HandSource } from '../support/hand-source.js';

const fault = (code: FaultCode): FaultError => new FaultError(createFault({ code }));
const noWait = (): number => 0;

/** Reads a stream to its end; resolves with the chunks and the error it ended with, if any. */
async function readAll<T>(stream: AsyncIterable<T>): Promise<{ chunks: T[]; error: FaultError | undefined }> {
  const chunks: T[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk);
    return { chunks, error: undefined };
  } catch (error) {
    return { chunks, error: error as FaultError };
  }
}

/** A policy run counting its attempts, and the sources each attempt opened. */
function opener<T>(): { open: () => HandSource<T>; sources: HandSource<T>[] } {
  const sources: HandSource<T>[] = [];
  return {
    sources,
    open: () => {
      const source = handSource<T>();
      sources.push(source);
      return source;
    },
  };
}

describe('retryStream: before the first chunk', () => {
  it('retries a fault before any output exactly as many times as the same fault on a plain call', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FAULT_CODES), fc.boolean(), fc.integer({ min: 0, max: 3 }), async (code, idempotent, maxRetries) => {
        const policy = retry({ maxRetries, idempotent, backoff: noWait });
        let plain = 0;
        const plainError = await policy.execute(() => {
          plain++;
          throw fault(code);
        }).catch((e: unknown) => e as FaultError);
        let streamed = 0;
        const { error } = await readAll(
          retryStream(policy, async function* () {
            streamed++;
            throw fault(code);
          }),
        );
        expect(streamed).toBe(plain);
        expect(error?.code).toBe(plainError.code);
        expect(error?.stream).toEqual({ delivered: false });
      }),
      { numRuns: 60 },
    );
  });

  it('retries an error the source throws before output, and hands over every chunk of the attempt that worked', async () => {
    const { open, sources } = opener<string>();
    const reading = readAll(retryStream(retry({ backoff: noWait }), open));
    await drain();
    sources[0]!.fail(fault('overloaded'));
    await drain();
    sources[1]!.push('Hel');
    sources[1]!.push('lo');
    sources[1]!.end();
    expect(await reading).toEqual({ chunks: ['Hel', 'lo'], error: undefined });
    expect(sources).toHaveLength(2);
  });

  it('holds back chunks that are not output, so a fault after them is still retried', async () => {
    const { open, sources } = opener<{ type: string }>();
    const stream = retryStream(retry({ backoff: noWait }), open, { isOutput: (c) => c.type !== 'message_start' });
    const reading = readAll(stream);
    await drain();
    sources[0]!.push({ type: 'message_start' });
    sources[0]!.fail(fault('overloaded'));
    await drain();
    sources[1]!.push({ type: 'message_start' });
    sources[1]!.push({ type: 'content_block_delta' });
    sources[1]!.end();
    const { chunks, error } = await reading;
    expect(error).toBeUndefined();
    expect(chunks.map((c) => c.type)).toEqual(['message_start', 'content_block_delta']);
  });

  it('classifies what the source throws with the classifier the plain call uses (the root entry: every profile)', async () => {
    // Anthropic's documented overloaded error body (https://docs.claude.com/en/api/errors).
    const sdkError = Object.assign(new Error('529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}'), {
      status: 529,
      headers: {},
      error: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
    });
    const { error } = await readAll(retryStream(retry({ maxRetries: 0 }), async function* () {
      throw sdkError;
    }));
    expect(error).toMatchObject({ code: 'overloaded', stream: { delivered: false } });
    expect(error?.cause).toBe(sdkError);
  });

  it('does not open anything before the first read', async () => {
    let opened = 0;
    const stream = retryStream(retry(), async function* () {
      opened++;
      yield 1;
    });
    await drain();
    expect(opened).toBe(0);
    expect(await readAll(stream)).toEqual({ chunks: [1], error: undefined });
  });
});

describe('retryStream: after the first chunk', () => {
  it('never retries: the fault reaches the caller with stream.delivered true, after the chunks it already had', async () => {
    const { open, sources } = opener<string>();
    const reading = readAll(retryStream(retry({ maxRetries: 5, backoff: noWait }), open));
    await drain();
    sources[0]!.push('a');
    await drain();
    sources[0]!.fail(fault('overloaded'));
    const { chunks, error } = await reading;
    expect(chunks).toEqual(['a']);
    expect(error).toBeInstanceOf(FaultError);
    expect(error).toMatchObject({ code: 'overloaded', retry: 'always', stream: { delivered: true } });
    expect(sources).toHaveLength(1);
  });

  it('resumes when the caller says how, telling it the fault, the count and the last chunk', async () => {
    const { open, sources } = opener<string>();
    const states: unknown[] = [];
    const stream = retryStream(retry({ backoff: noWait }), open, {
      resume: (state) => {
        states.push({ code: state.fault.code, delivered: state.delivered, last: state.last, resumes: state.resumes, streamed: state.fault.stream });
        return state.resumes < 1 ? open : undefined;
      },
    });
    const reading = readAll(stream);
    await drain();
    sources[0]!.push('a');
    sources[0]!.push('b');
    await drain();
    sources[0]!.fail(fault('connection_reset'));
    await drain();
    // The resumed request fails before its first chunk: retried under the policy as any attempt is.
    sources[1]!.fail(fault('overloaded'));
    await drain();
    sources[2]!.push('c');
    await drain();
    sources[2]!.fail(fault('overloaded'));
    const { chunks, error } = await reading;
    expect(chunks).toEqual(['a', 'b', 'c']);
    expect(states).toEqual([
      { code: 'connection_reset', delivered: 2, last: 'b', resumes: 0, streamed: { delivered: true } },
      { code: 'overloaded', delivered: 3, last: 'c', resumes: 1, streamed: { delivered: true } },
    ]);
    expect(error).toMatchObject({ code: 'overloaded', stream: { delivered: true } });
  });
});

describe('retryStream: idle timeout', () => {
  it('ends a stalled stream with client_timeout at exactly idleTimeoutMs after the last chunk', async () => {
    const clock = new VirtualClock();
    const { open, sources } = opener<string>();
    let endedAt: number | undefined;
    const reading = readAll(retryStream(retry({ maxRetries: 0, clock }), open, { clock, idleTimeoutMs: 1_000 })).then((r) => {
      endedAt = clock.now();
      return r;
    });
    await drain();
    await clock.advance(900);
    sources[0]!.push('a');
    await drain();
    await clock.advance(999);
    expect(endedAt).toBeUndefined();
    await clock.advance(1);
    const { chunks, error } = await reading;
    expect(chunks).toEqual(['a']);
    expect(endedAt).toBe(1_900);
    expect(error).toMatchObject({ code: 'client_timeout', source: 'policy', stream: { delivered: true } });
    expect(sources[0]!.closed).toBe(true);
    expect(clock.pendingTimers).toBe(0);
  });

  it('idleTimeoutMs: 0 waits for as long as the source takes', async () => {
    const clock = new VirtualClock();
    const { open, sources } = opener<string>();
    const reading = readAll(retryStream(retry({ clock }), open, { clock, idleTimeoutMs: 0 }));
    await drain();
    expect(clock.pendingTimers).toBe(0);
    await clock.advance(3_600_000);
    sources[0]!.push('late');
    sources[0]!.end();
    expect(await reading).toEqual({ chunks: ['late'], error: undefined });
  });
});

describe('retryStream: nothing left behind', () => {
  it('a break closes the source, removes the caller listener and leaves no timer', async () => {
    const clock = new VirtualClock();
    const { signal, live } = countingController();
    const { open, sources } = opener<string>();
    const stream = retryStream(pipeline(retry({ clock }), timeout({ timeoutMs: 5_000, clock })), open, { clock, signal, idleTimeoutMs: 1_000 });
    const first = stream.next();
    await drain();
    sources[0]!.push('a');
    expect(await first).toEqual({ done: false, value: 'a' });
    expect(live()).toBe(1);
    sources[0]!.push('b');
    for await (const chunk of stream) {
      expect(chunk).toBe('b');
      break;
    }
    await drain();
    expect(sources[0]!.closed).toBe(true);
    expect(live()).toBe(0);
    expect(clock.pendingTimers).toBe(0);
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });

  it('the caller aborting a pending read ends it with cancelled, closes the source and aborts the attempt signal', async () => {
    const clock = new VirtualClock();
    const { controller, signal, live } = countingController();
    let attemptSignal: AbortSignal | undefined;
    const source = handSource<string>();
    const stream = retryStream(retry({ clock }), ({ signal: s }) => {
      attemptSignal = s;
      return source;
    }, { clock, signal, idleTimeoutMs: 1_000 });
    const reading = readAll(stream);
    await drain();
    source.push('a');
    await drain();
    expect(source.pendingReads).toBe(1);
    controller.abort();
    const { chunks, error } = await reading;
    expect(chunks).toEqual(['a']);
    expect(error).toMatchObject({ code: 'cancelled', stream: { delivered: true } });
    expect(source.closed).toBe(true);
    expect(attemptSignal?.aborted).toBe(true);
    expect(live()).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('an abort before the first read rejects at once and opens nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    let opened = 0;
    const { error } = await readAll(retryStream(retry(), async function* () {
      opened++;
      yield 1;
    }, { signal: controller.signal }));
    expect(error?.code).toBe('cancelled');
    expect(opened).toBe(0);
  });

  it('a timeout in the policy bounds the wait for the first chunk (time to first token)', async () => {
    const clock = new VirtualClock();
    const { open, sources } = opener<string>();
    const reading = readAll(retryStream(pipeline(retry({ maxRetries: 1, clock, backoff: noWait, idempotent: true }), timeout({ timeoutMs: 500, clock })), open, { clock, idleTimeoutMs: 0 }));
    await drain();
    await clock.advance(500);
    await drain();
    expect(sources).toHaveLength(2);
    expect(sources[0]!.closed).toBe(true);
    sources[1]!.push('a');
    sources[1]!.end();
    expect(await reading).toEqual({ chunks: ['a'], error: undefined });
    expect(clock.pendingTimers).toBe(0);
  });
});

describe('retryStream: options', () => {
  it('refuses bad arguments and unknown options with exact messages', () => {
    const open = async function* (): AsyncGenerator<number> {};
    expect(() => retryStream({} as never, open)).toThrow(new TypeError('retryStream: policy must be a policy with execute(fn, options), got an object'));
    expect(() => retryStream(retry(), 'x' as never)).toThrow(new TypeError('retryStream: open must be a function returning an async iterable, got "x"'));
    expect(() => retryStream(retry(), open, { idleTimeoutMs: -1 })).toThrow(new TypeError('retryStream: idleTimeoutMs must be a finite number >= 0, got -1'));
    expect(() => retryStream(retry(), open, { resume: true as never })).toThrow(new TypeError('retryStream: resume must be a function, got true'));
    expect(() => retryStream(retry(), open, { isOutput: 1 as never })).toThrow(new TypeError('retryStream: isOutput must be a function, got 1'));
    expect(() => retryStream(retry(), open, { signal: {} as never })).toThrow(new TypeError('retryStream: signal must be an AbortSignal, got an object'));
    expect(() => retryStream(retry(), open, { idleMs: 5 } as never)).toThrow(new TypeError("retryStream: unknown option 'idleMs' — did you mean 'idleTimeoutMs'?"));
    expect(() => miniRetryStream(retry(), open, { classifier: {} as never })).toThrow(/retryStream: classifier must be a classifier/);
  });

  it('fails the stream when open returns something that is not an async iterable', async () => {
    const { error } = await readAll(retryStream(retry({ maxRetries: 0 }), (() => 42) as never));
    expect(error?.message).toMatch(/retryStream: open must return an async iterable, got number/);
  });
});
