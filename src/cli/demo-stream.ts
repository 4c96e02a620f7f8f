/**
 * The demo's LLM streaming scene: an Anthropic-shaped chaos server whose streams fail the ways
 * streamed completions fail (an `overloaded_error` event before or after the first tokens, a
 * connection cut mid-answer, a stream that stalls), read by a naive client (fetch, read the
 * `data:` lines, retry the whole call on a thrown error, a 60 s overall timeout) and by
 * `createFetch().stream`. Both get 3 attempts, 1 s apart.
 */
import { createFetch, retry, timeout } from '../entry/batteries.js';
import { isFaultError } from '../core/fault.js';
import { constantBackoff } from '../policy/backoff.js';
import type { Clock } from '../policy/clock.js';
import { pipeline } from '../policy/pipeline.js';
import { type ChaosStep, startChaosServer } from '../testing/chaos-server.js';
import { steppedClock } from './demo-clock.js';
import { type DemoRow, type DemoStreamResult, type DemoStreamRun, compareLower } from './demo-score.js';

export type { DemoStreamResult, DemoStreamRun } from './demo-score.js';

const EVENTS = 4;
const FULL = Array.from({ length: EVENTS }, (_, i) => `token ${i} `).join('');
const ok: ChaosStep = { type: 'stream', events: EVENTS };

/** Each call's streams, one per attempt (then a full stream). */
const CALLS: readonly (readonly ChaosStep[])[] = [
  [ok],
  [{ type: 'stream', events: 0, fault: 'overloaded' }, ok],
  [{ type: 'stream', events: 0, fault: 'rate_limited' }, ok],
  [{ type: 'stream', events: 2, fault: 'overloaded' }, ok],
  [{ type: 'stream', events: 2, then: 'cut' }, ok],
  [{ type: 'stream', events: 1, then: 'hang' }, ok],
];

// `shown`: tokens put in front of the user over every attempt; `kept`: those of the answer returned.
type Answer = { readonly text: string; readonly shown: number; readonly kept: number };
type StreamClient = (clock: Clock, url: string) => Promise<Answer>;

const body = JSON.stringify({ model: 'claude-demo', max_tokens: 64, stream: true, messages: [{ role: 'user', content: 'count' }] });
const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body };

function deltaText(data: string): string {
  try {
    const json = JSON.parse(data) as { delta?: { text?: unknown } };
    return typeof json.delta?.text === 'string' ? json.delta.text : '';
  } catch {
    return '';
  }
}

/** A stream reader as it is often written: `data:` lines only, a retry of the whole call on a throw. */
const naiveClient: StreamClient = async (clock, url) => {
  let shown = 0;
  for (let attempt = 1; ; attempt++) {
    const controller = new AbortController();
    const deadline = new AbortController();
    void clock.sleep(60_000, deadline.signal).then(() => controller.abort(), () => undefined);
    let text = '';
    let kept = 0;
    try {
      const res = await fetch(url, { ...init, signal: controller.signal });
      if (res.status >= 500 || res.status === 429) throw new Error(`HTTP ${res.status}`);
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let buffered = '';
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        buffered += decoder.decode(chunk.value, { stream: true });
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          if (!line.startsWith('data: ')) continue;
          const piece = deltaText(line.slice(6));
          text += piece;
          if (piece !== '') {
            shown++;
            kept++;
          }
        }
      }
      return { text, shown, kept };
    } catch (error) {
      if (attempt >= 3) throw error;
      await clock.sleep(1_000);
    } finally {
      deadline.abort();
    }
  }
};

/** `createFetch().stream` with the same budget, a 10 s idle timeout between chunks. */
const faultlineStreamClient: StreamClient = async (clock, url) => {
  const api = createFetch({
    vendor: 'anthropic',
    clock,
    idleTimeoutMs: 10_000,
    policy: pipeline(retry({ maxRetries: 2, backoff: constantBackoff(1_000), clock }), timeout({ timeoutMs: 60_000, clock })),
  });
  let text = '';
  let shown = 0;
  for await (const event of api.stream(url, init)) {
    const piece = event.event === 'content_block_delta' ? deltaText(event.data) : '';
    text += piece;
    if (piece !== '') shown++;
  }
  return { text, shown, kept: shown };
};

async function runScene(client: StreamClient, realMsPerSecond: number): Promise<DemoStreamRun> {
  const clock = steppedClock(realMsPerSecond);
  let plan: readonly ChaosStep[] = [];
  let step = 0;
  const server = await startChaosServer({ vendor: 'anthropic', clock, script: () => plan[step++] ?? ok });
  const outcomes: string[] = [];
  let complete = 0;
  let broken = 0;
  let twice = 0;
  const started = clock.now();
  try {
    for (const calls of CALLS) {
      plan = calls;
      step = 0;
      try {
        const answer = await client(clock, `${server.url}/v1/messages`);
        twice += answer.shown - answer.kept;
        if (answer.text === FULL) {
          complete++;
          outcomes.push('ok');
        } else {
          broken++;
          outcomes.push('broken');
        }
      } catch (error) {
        outcomes.push(isFaultError(error) ? error.code : 'error');
      }
    }
  } finally {
    await server.close();
  }
  return {
    calls: CALLS.length,
    complete,
    brokenTakenAsComplete: broken,
    tokensShownTwice: twice,
    requests: server.requests.length,
    wallSeconds: Math.round((clock.now() - started) / 100) / 10,
    outcomes,
  };
}

/**
 * The scene's rows: whole answers, broken answers taken as whole, tokens shown twice, wall time.
 * @example
 * ```ts
 * streamRows(baseline, faultline)[1]?.metric; // 'broken answers taken as whole'
 * ```
 * @internal
 */
export function streamRows(b: DemoStreamRun, f: DemoStreamRun): DemoRow[] {
  return [
    { metric: 'answers complete', baseline: `${b.complete}/${b.calls}`, faultline: `${f.complete}/${f.calls}`, winner: compareLower(-b.complete, -f.complete) },
    { metric: 'broken answers taken as whole', baseline: String(b.brokenTakenAsComplete), faultline: String(f.brokenTakenAsComplete), winner: compareLower(b.brokenTakenAsComplete, f.brokenTakenAsComplete) },
    { metric: 'tokens shown twice', baseline: String(b.tokensShownTwice), faultline: String(f.tokensShownTwice), winner: compareLower(b.tokensShownTwice, f.tokensShownTwice) },
    { metric: 'wall time (vendor seconds)', baseline: `${b.wallSeconds} s`, faultline: `${f.wallSeconds} s`, winner: compareLower(b.wallSeconds, f.wallSeconds, 0.03) },
  ];
}

/**
 * Runs the streaming scene with both clients.
 * @example
 * ```ts
 * const scene = await streamScene(10);
 * scene.faultline.brokenTakenAsComplete; // 0
 * ```
 * @internal
 */
export async function streamScene(realMsPerSecond: number): Promise<DemoStreamResult> {
  const baseline = await runScene(naiveClient, realMsPerSecond);
  const faultline = await runScene(faultlineStreamClient, realMsPerSecond);
  return {
    story: 'streamed completions: overloaded_error and rate_limit_error events before the first token, overloaded_error after two, a connection cut mid-answer, a stream that stalls',
    baseline,
    faultline,
    rows: streamRows(baseline, faultline),
  };
}
