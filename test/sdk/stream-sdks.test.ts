// retryStream with the real SDKs' streams, against the chaos server on 127.0.0.1: openai's
// `chat.completions.create({ stream: true })` and Anthropic's `messages.stream()`. What the SDK
// throws for an error event is classified as the same error on a plain call; before the first chunk
// it is retried, after it, it surfaces with stream.delivered true and nothing is sent again.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { constantBackoff, retry, retryStream } from '../../src/index.js';
import { FaultError } from '../../src/core/fault.js';
import { type ChaosServer, type ChaosStep, startChaosServer } from '../../src/testing/chaos-server.js';

const servers: ChaosServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function serve(vendor: string, script: ChaosStep[]): Promise<ChaosServer> {
  const s = await startChaosServer({ vendor, script });
  servers.push(s);
  return s;
}

const policy = () => retry({ maxRetries: 2, backoff: constantBackoff(1) });

async function collect<T>(stream: AsyncIterable<T>, pick: (chunk: T) => string): Promise<{ text: string; error: FaultError | undefined }> {
  let text = '';
  try {
    for await (const chunk of stream) text += pick(chunk);
    return { text, error: undefined };
  } catch (error) {
    return { text, error: error as FaultError };
  }
}

describe('retryStream with openai chat.completions streams', () => {
  const pick = (chunk: OpenAI.Chat.Completions.ChatCompletionChunk): string => chunk.choices[0]?.delta.content ?? '';

  it('retries the error chunk the SDK throws before the first token, then streams the answer', async () => {
    const s = await serve('openai', [{ type: 'stream', events: 0, fault: 'rate_limited' }, { type: 'stream', events: 3 }]);
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: `${s.url}/v1`, maxRetries: 0 });
    const stream = retryStream(policy(), ({ signal }) => client.chat.completions.create({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'hi' }] }, { signal }));
    expect(await collect(stream, pick)).toEqual({ text: 'token 0 token 1 token 2 ', error: undefined });
    expect(s.requests).toHaveLength(2);
  });

  it('surfaces an error chunk after tokens as its fault with stream.delivered true, and sends nothing again', async () => {
    const s = await serve('openai', [{ type: 'stream', events: 2, fault: 'rate_limited' }, { type: 'stream', events: 3 }]);
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: `${s.url}/v1`, maxRetries: 0 });
    const { text, error } = await collect(retryStream(policy(), ({ signal }) => client.chat.completions.create({ model: 'gpt-4o', stream: true, messages: [] }, { signal })), pick);
    expect(text).toBe('token 0 token 1 ');
    expect(error).toBeInstanceOf(FaultError);
    expect(error).toMatchObject({ code: 'rate_limited', stream: { delivered: true } });
    expect(error?.cause).toBeInstanceOf(OpenAI.APIError);
    expect(s.requests).toHaveLength(1);
  });
});

describe("retryStream with Anthropic's messages.stream()", () => {
  const pick = (event: Anthropic.MessageStreamEvent): string => (event.type === 'content_block_delta' && event.delta.type === 'text_delta' ? event.delta.text : '');
  // message_start carries no output: a fault after it is still retried.
  const isOutput = (event: Anthropic.MessageStreamEvent): boolean => event.type !== 'message_start';

  it('retries an overloaded_error event that came before the first token', async () => {
    const s = await serve('anthropic', [{ type: 'stream', events: 0, fault: 'overloaded' }, { type: 'stream', events: 2 }]);
    const client = new Anthropic({ apiKey: 'sk-ant-test', baseURL: s.url, maxRetries: 0 });
    const open = ({ signal }: { signal: AbortSignal }) => client.messages.stream({ model: 'claude-sonnet-4-5', max_tokens: 64, messages: [{ role: 'user', content: 'hi' }] }, { signal });
    const { text, error } = await collect(retryStream(policy(), open, { isOutput }), pick);
    expect(error).toBeUndefined();
    expect(text).toBe('token 0 token 1 ');
    expect(s.requests).toHaveLength(2);
  });

  it('surfaces overloaded after tokens with stream.delivered true', async () => {
    const s = await serve('anthropic', [{ type: 'stream', events: 1, fault: 'overloaded' }, { type: 'stream', events: 2 }]);
    const client = new Anthropic({ apiKey: 'sk-ant-test', baseURL: s.url, maxRetries: 0 });
    const open = ({ signal }: { signal: AbortSignal }) => client.messages.stream({ model: 'claude-sonnet-4-5', max_tokens: 64, messages: [] }, { signal });
    const { text, error } = await collect(retryStream(policy(), open, { isOutput }), pick);
    expect(text).toBe('token 0 ');
    expect(error).toMatchObject({ code: 'overloaded', stream: { delivered: true } });
    expect(s.requests).toHaveLength(1);
  });
});
