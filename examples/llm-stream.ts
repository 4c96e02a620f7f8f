// Stream a completion through faultline: `createFetch().stream` reads server-sent events, retries a
// failure before the first token exactly as it would a plain call (an `overloaded_error` event
// here), and never after it: a stream that breaks mid-answer throws a FaultError whose
// `stream.delivered` is true, so the caller knows the text it shows is cut short. `retryStream`
// does the same for an SDK's stream (any async iterable). A local chaos server plays Anthropic.
import { constantBackoff, createFetch, isFaultError, retry, retryStream } from 'faultline';
import { startChaosServer } from 'faultline/testing';

export async function main(): Promise<{ answer: string; broken: string; requests: number; sdkChunks: number }> {
  const server = await startChaosServer({
    vendor: 'anthropic',
    script: [
      { type: 'stream', events: 0, fault: 'overloaded' }, // fails before any token: retried
      { type: 'stream', events: 3 }, // the retry streams a whole answer
      { type: 'stream', events: 2, fault: 'overloaded' }, // fails after two tokens: not retried
    ],
  });
  try {
    const api = createFetch({ baseUrl: server.url, policy: retry({ maxRetries: 2, backoff: constantBackoff(5) }), idleTimeoutMs: 30_000 });
    const ask = { method: 'POST', body: JSON.stringify({ model: 'claude-sonnet-4-5', max_tokens: 256, stream: true, messages: [] }) };
    const text = (data: string): string => (JSON.parse(data) as { delta?: { text?: string } }).delta?.text ?? '';

    let answer = '';
    for await (const event of api.stream('/v1/messages', ask)) {
      if (event.event === 'content_block_delta') answer += text(event.data);
    }

    let shown = '';
    let broken = '';
    try {
      for await (const event of api.stream('/v1/messages', ask)) {
        if (event.event === 'content_block_delta') shown += text(event.data);
      }
    } catch (error) {
      // After the first token a retry would repeat it: the fault reaches us, saying output came first.
      if (isFaultError(error) && error.stream?.delivered === true) broken = `${error.code} after "${shown.trim()}"`;
    }

    // Any async iterable (an SDK's stream) goes through the same rule with retryStream.
    let attempts = 0;
    let sdkChunks = 0;
    const sdkStream = async function* (): AsyncGenerator<string> {
      attempts += 1;
      if (attempts === 1) throw Object.assign(new Error('Overloaded'), { status: 529 }); // before any chunk: retried
      yield* ['Hel', 'lo'];
    };
    for await (const chunk of retryStream(retry({ backoff: constantBackoff(5) }), () => sdkStream())) sdkChunks += chunk.length > 0 ? 1 : 0;

    return { answer: answer.trim(), broken, requests: server.requests.length, sdkChunks };
  } finally {
    await server.close();
  }
}
