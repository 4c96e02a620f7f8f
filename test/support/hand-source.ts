// A stream the test drives by hand (push a chunk, fail, end), which records whether it was closed,
// so tests of the stream helpers can see what reached the caller and what was left open.

export interface HandSource<T> extends AsyncIterable<T> {
  push(chunk: T): void;
  fail(error: unknown): void;
  end(): void;
  /** Whether the consumer called return() (stopped early), not counting a natural end. */
  readonly closed: boolean;
  /** Reads in progress (at most one for a well-behaved consumer). */
  readonly pendingReads: number;
}

export function handSource<T>(): HandSource<T> {
  const queue: IteratorResult<T>[] = [];
  let failure: { error: unknown } | undefined;
  const waiting: { resolve: (r: IteratorResult<T>) => void; reject: (e: unknown) => void }[] = [];
  let closed = false;
  const settle = (): void => {
    while (waiting.length > 0) {
      if (queue.length > 0) waiting.shift()!.resolve(queue.shift()!);
      else if (failure !== undefined) waiting.shift()!.reject(failure.error);
      else return;
    }
  };
  const iterator: AsyncIterator<T> = {
    next: () =>
      new Promise<IteratorResult<T>>((resolve, reject) => {
        waiting.push({ resolve, reject });
        settle();
      }),
    return: () => {
      closed = true;
      for (const w of waiting.splice(0)) w.resolve({ done: true, value: undefined });
      return Promise.resolve({ done: true, value: undefined });
    },
  };
  return {
    [Symbol.asyncIterator]: () => iterator,
    push(chunk) {
      queue.push({ done: false, value: chunk });
      settle();
    },
    fail(error) {
      failure = { error };
      settle();
    },
    end() {
      queue.push({ done: true, value: undefined });
      settle();
    },
    get closed() {
      return closed;
    },
    get pendingReads() {
      return waiting.length;
    },
  };
}

/** Lets every promise continuation and I/O callback queued so far run (no time passes on any clock). */
export async function drain(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
