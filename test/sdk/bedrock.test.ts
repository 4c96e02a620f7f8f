/**
 * @anthropic-ai/bedrock-sdk against a loopback server answering as Amazon Bedrock does (test/fixtures/sdk/bedrock.json:
 * logged responses from public issues). The SDK signs with SigV4 locally (fake credentials) and throws the Anthropic
 * SDK's APIError classes: the status, the Headers (x-amzn-requestid, x-amzn-errortype) and Bedrock's `{message}` body as
 * `error`. The AWS profile reads the error type from the header and, since session 38, the message from that `error`
 * (before, the Fault carried the catalog's words). Bedrock sends no Retry-After.
 */
import { AnthropicBedrock } from '@anthropic-ai/bedrock-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';
import { expectFault, thrown } from './cloud-support.js';
import { type Loopback, closedPortUrl, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('bedrock');
const SECRET = 'fakeSecretKeyForLoopbackOnly0000000000000';
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback();
});
afterAll(() => server.close());

const invoke = (url: string) =>
  new AnthropicBedrock({ awsRegion: 'us-east-1', awsAccessKey: 'AKIAFAKEFAKEFAKEFAKE', awsSecretKey: SECRET, apiKey: null, baseURL: url, maxRetries: 0 }).messages.create({
    model: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
    max_tokens: 16,
    messages: [{ role: 'user', content: 'hi' }],
  });

describe('bedrock: classify(the SDK error) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(() => invoke(server.url));
      const fault = classify(error);
      expectFault(fault, { ...fixture.expected, vendor: 'aws' });
      expect(JSON.stringify(fault)).not.toContain(SECRET);
      expect(server.requests).toHaveLength(1);
    });
  }
});

describe('bedrock: network failures', () => {
  it('a refused connection is connect_failed', async () => {
    expectFault(classify(await thrown(async () => invoke(await closedPortUrl()))), { code: 'connect_failed', retry: 'always' });
  });
});
