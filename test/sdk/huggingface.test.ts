/**
 * @huggingface/inference against a loopback server answering as an Inference Endpoint does
 * (test/fixtures/sdk/huggingface.json). Its InferenceClientProviderApiError keeps neither `status` nor `response`:
 * the response is `httpResponse`, `{requestId, status, body}`, the body parsed.
 */
import { InferenceClient, InferenceClientProviderApiError } from '@huggingface/inference';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultError, classify, retry } from '../../src/index.js';
import { VirtualClock } from '../../src/testing/index.js';
import { drive, essentials, expectFault, thrown } from './cloud-support.js';
import { type Loopback, loadFixtures, startLoopback } from './support.js';

const fixtures = loadFixtures('huggingface');
let server: Loopback;
let hf: InferenceClient;

beforeAll(async () => {
  server = await startLoopback();
  hf = new InferenceClient('hf_not_a_token', { endpointUrl: `${server.url}/endpoint` });
});
afterAll(() => server.close());

// The client's own wait for a loading model off: the policy under test decides.
const generate = () => hf.textGeneration({ inputs: 'Hello' }, { retry_on_error: false });

describe('huggingface: classify(InferenceClientProviderApiError) from the vendor responses', () => {
  for (const fixture of fixtures) {
    it(fixture.name, async () => {
      server.script([fixture.response]);
      const error = await thrown(generate);
      expect(error).toBeInstanceOf(InferenceClientProviderApiError);
      const fault = classify(error);
      expectFault(fault, fixture.expected);
      expect(essentials(fault)).toEqual(essentials(classify({ status: fixture.response.status, body: JSON.stringify(fixture.response.body) })));
    });
  }

  it("the request id is httpResponse's, read from the response's x-request-id", async () => {
    server.script([{ status: 429, headers: { 'content-type': 'text/plain', 'x-request-id': 'req-loopback-7' }, body: 'Too Many Requests' }]);
    const error = await thrown(generate);
    expect((error as InferenceClientProviderApiError).httpResponse.requestId).toBe('req-loopback-7');
    expect(classify(error)).toMatchObject({ code: 'rate_limited', status: 429, requestId: 'req-loopback-7' });
  });
});

describe('huggingface: retry({ maxRetries: 2 }) around the client', () => {
  it('a model still loading is waited out (estimated_time) and the call succeeds', async () => {
    server.script([fixtures[0]!.response, { status: 200, body: { choices: [{ text: 'Hello there' }] } }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock, maxRetryAfterMs: 30_000 }).execute(generate));
    expect(result).toEqual({ ok: true, value: { generated_text: 'Hello there' } });
    expect(clock.sleeps).toEqual([20_000]);
  });

  it('a 401 is sent once', async () => {
    server.script([{ status: 401, headers: { 'content-type': 'text/plain' }, body: 'Unauthorized' }]);
    const clock = new VirtualClock();
    const result = await drive(clock, retry({ maxRetries: 2, clock }).execute(generate));
    expect(server.requests).toHaveLength(1);
    expect((result as { error: FaultError }).error.fault).toMatchObject({ code: 'unauthenticated', status: 401 });
  });
});
