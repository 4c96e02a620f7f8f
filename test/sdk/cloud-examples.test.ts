/** The cloud SDK recipes (examples/sdk-*.ts) do what their comments say. */
import { describe, expect, it, vi } from 'vitest';
import { main as apollo } from '../../examples/sdk-apollo.js';
import { main as aws } from '../../examples/sdk-aws.js';
import { main as clerk } from '../../examples/sdk-clerk.js';
import { main as cohere } from '../../examples/sdk-cohere.js';
import { main as discord } from '../../examples/sdk-discord.js';
import { main as grpc } from '../../examples/sdk-grpc.js';
import { main as huggingface } from '../../examples/sdk-huggingface.js';
import { main as kubernetes } from '../../examples/sdk-kubernetes.js';
import { main as octokit } from '../../examples/sdk-octokit.js';
import { main as sendgrid } from '../../examples/sdk-sendgrid.js';
import { main as slack } from '../../examples/sdk-slack.js';
import { main as stripe } from '../../examples/sdk-stripe.js';
import { main as supabase } from '../../examples/sdk-supabase.js';
import { main as trpc } from '../../examples/sdk-trpc.js';
import { main as twilio } from '../../examples/sdk-twilio.js';
import { main as urql } from '../../examples/sdk-urql.js';
import { main as airtable } from '../../examples/sdk-airtable.js';
import { main as algolia } from '../../examples/sdk-algolia.js';
import { main as generativeAi } from '../../examples/sdk-generative-ai.js';
import { main as firebase } from '../../examples/sdk-firebase.js';
import { main as gitbeaker } from '../../examples/sdk-gitbeaker.js';
import { main as mistral } from '../../examples/sdk-mistral.js';
import { main as pinecone } from '../../examples/sdk-pinecone.js';
import { main as postmark } from '../../examples/sdk-postmark.js';
import { main as resend } from '../../examples/sdk-resend.js';
import { main as telegram } from '../../examples/sdk-telegram.js';

describe('cloud SDK recipes', () => {
  it('stripe: the lock timeout is retried, the decline is not', async () => {
    expect(await stripe()).toEqual({ charge: 'ch_1', declined: 'payment_required (generic_decline, card_declined) after 1 request', requests: 3 });
  });

  it('octokit: the secondary limit is waited out; a 404 is not retried', async () => {
    expect(await octokit()).toEqual({ repo: 'octocat/hello-world', waits: [20], notFound: 'not_found, HTTP 404' });
  });

  it('aws: the throttle is retried, the conditional check is not', async () => {
    expect(await aws()).toEqual({ attempts: 2, conditional: 'precondition_failed: ConditionalCheckFailedException' });
  });

  it('grpc: RESOURCE_EXHAUSTED waits the pushback', async () => {
    expect(await grpc()).toEqual({ reply: 'hello', waits: [20] });
  });

  it('discord.js: the 502 is retried, Missing Permissions is not', async () => {
    expect(await discord()).toEqual({ channel: 'general', attempts: 2, denied: 'permission_denied (50013), HTTP 403' });
  });

  it('slack: the 429 is retried, channel_not_found is not', async () => {
    expect(await slack()).toEqual({ channel: 'general', attempts: 2, missing: 'not_found (channel_not_found), ok: false' });
  });

  it('twilio: the 503 is retried, the unsubscribed recipient is not', async () => {
    expect(await twilio()).toEqual({ status: 'completed', attempts: 2, refused: 'permission_denied (21610), HTTP 400' });
  });

  it('kubernetes: the 429 is retried, AlreadyExists is not', async () => {
    expect(await kubernetes()).toEqual({ pod: 'web-0', attempts: 2, exists: 'already_exists (AlreadyExists), HTTP 409' });
  });

  it('sendgrid: the 429 is retried, the unverified sender is not', async () => {
    expect(await sendgrid()).toEqual({ accepted: 202, attempts: 2, refused: 'permission_denied, HTTP 403' });
  });

  it('apollo: THROTTLED under a 200 is retried, UNAUTHENTICATED is not', async () => {
    expect(await apollo()).toEqual({ shop: 'Example shop', attempts: 2, denied: 'unauthenticated (UNAUTHENTICATED), 1 error' });
  });

  it('trpc: TOO_MANY_REQUESTS is retried, UNAUTHORIZED is not', async () => {
    expect(await trpc()).toEqual({ created: 'post-1', attempts: 2, denied: 'unauthenticated (UNAUTHORIZED), HTTP 401' });
  });

  it('cohere: the 429 waits its Retry-After, the prompt over the context is not retried', async () => {
    expect(await cohere()).toEqual({ text: 'Hello!', attempts: 2, refused: 'context_length_exceeded, HTTP 400' });
  });

  it('urql: THROTTLED under a 200 is retried, UNAUTHENTICATED is not', async () => {
    expect(await urql()).toEqual({ shop: 'Example shop', attempts: 2, denied: 'unauthenticated (UNAUTHENTICATED), HTTP 200' });
  });

  it('supabase: the email rate limit is retried, the unique violation is not', async () => {
    expect(await supabase()).toEqual({ attempts: 2, duplicate: 'already_exists (23505)' });
  });

  it('huggingface: the loading model is waited out', async () => {
    expect(await huggingface()).toEqual({ text: 'Hello there', attempts: 2 });
  });

  it('clerk: the 429 is retried, a missing user is not', async () => {
    expect(await clerk()).toEqual({ user: 'user_1', attempts: 2, missing: 'not_found (resource_not_found), trace trace_1' });
  });
  it('telegram (grammY): the 429 waits its retry_after, the blocked user is not retried', async () => {
    expect(await telegram()).toEqual({ messageId: 7, attempts: 2, waits: [41000], blocked: 'permission_denied after 1 request, Telegram 403: Forbidden: bot was blocked by the user' });
  });

  it("gitbeaker: the SDK's own ten 429s come first, then one policy retry; a rejected token is not retried", async () => {
    // The SDK's own waits and the policy's run on setTimeout: faked, and run as they come due, so nothing sleeps.
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      let done = false;
      const run = gitbeaker().finally(() => {
        done = true;
      });
      while (!done) {
        if (vi.getTimerCount() > 0) await vi.advanceTimersToNextTimerAsync();
        else await new Promise((resolve) => setImmediate(resolve));
      }
      expect(await run).toEqual({ project: 'example', requests: 11, refused: 'unauthenticated, HTTP 401' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('pinecone: the 429 is retried, ALREADY_EXISTS is not', async () => {
    expect(await pinecone()).toEqual({ assistants: 0, attempts: 2, refused: 'already_exists (ALREADY_EXISTS), PineconeConflictError' });
  });

  it('postmark: the 429 is retried, the invalid recipient is not', async () => {
    expect(await postmark()).toEqual({ sent: 'OK', attempts: 2, refused: 'validation_failed (300), HTTP 422' });
  });

  it('algolia: the 429 is retried, the exhausted quota is not', async () => {
    expect(await algolia()).toEqual({ hits: 0, attempts: 2, refused: 'quota_exhausted, HTTP 403' });
  });

  it('generative-ai: the overloaded 503 is retried, the invalid API key is not', async () => {
    expect(await generativeAi()).toEqual({ text: 'Hello!', attempts: 2, refused: 'unauthenticated (API_KEY_INVALID), HTTP 400' });
  });

  it('mistral: the 429 (1300) is retried, the invalid model is not', async () => {
    expect(await mistral()).toEqual({ reply: 'Bonjour !', attempts: 2, limited: 'rate_limited (1300): Rate limit exceeded', refused: 'invalid_request (1500), HTTP 400' });
  });

  it('airtable: the 429 is retried, the token without access (403) is not', async () => {
    expect(await airtable()).toEqual({ records: ['rec1'], attempts: 2, refused: 'permission_denied (NOT_AUTHORIZED), HTTP 403' });
  });

  it('resend: the 500 sent with an Idempotency-Key is retried, the missing sender is not', async () => {
    expect(await resend()).toEqual({ id: '49a3999c-0ce1-4ea6-ab68-afcd6dc2e794', attempts: 2, refused: 'validation_failed (missing_required_field), HTTP 422: Missing `from` field.' });
  });

  it('firebase: the callable 503 is retried, PERMISSION_DENIED is not', async () => {
    expect(await firebase()).toEqual({ data: { word: 'hellooo' }, attempts: 2, refused: 'permission_denied, functions/permission-denied, after 1 request' });
  });
});
