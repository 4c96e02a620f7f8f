/** The SDK recipes added with the third batch of clients (examples/sdk-*.ts) do what their comments say. */
import { describe, expect, it } from 'vitest';
import { main as cloudinary } from '../../examples/sdk-cloudinary.js';
import { main as minio } from '../../examples/sdk-minio.js';
import { main as typesense } from '../../examples/sdk-typesense.js';
import { main as meilisearch } from '../../examples/sdk-meilisearch.js';
import { main as ollama } from '../../examples/sdk-ollama.js';
import { main as mcp } from '../../examples/sdk-mcp.js';
import { main as chroma } from '../../examples/sdk-chroma.js';
import { main as qdrant } from '../../examples/sdk-qdrant.js';
import { main as contentful } from '../../examples/sdk-contentful.js';
import { main as datadog } from '../../examples/sdk-datadog.js';
import { main as jira } from '../../examples/sdk-jira.js';
import { main as qstash } from '../../examples/sdk-qstash.js';
import { main as brevo } from '../../examples/sdk-brevo.js';
import { main as mailgun } from '../../examples/sdk-mailgun.js';
import { main as line } from '../../examples/sdk-line.js';
import { main as libsql } from '../../examples/sdk-libsql.js';
import { main as superagent } from '../../examples/sdk-superagent.js';
import { main as neon } from '../../examples/sdk-neon.js';
import { main as weaviate } from '../../examples/sdk-weaviate.js';
import { main as plivo } from '../../examples/sdk-plivo.js';
import { main as vonage } from '../../examples/sdk-vonage.js';
import { main as ably } from '../../examples/sdk-ably.js';
import { main as streamChat } from '../../examples/sdk-stream-chat.js';
import { main as assemblyai } from '../../examples/sdk-assemblyai.js';
import { main as razorpay } from '../../examples/sdk-razorpay.js';
import { main as paddle } from '../../examples/sdk-paddle.js';
import { main as adyen } from '../../examples/sdk-adyen.js';

describe('SDK recipes: search, storage, AI tooling, SaaS and messaging clients', () => {
  it('cloudinary: the 420 is retried, a missing asset is not, and the secret stays out of the Fault', async () => {
    expect(await cloudinary()).toEqual({"subAccounts": 0, "attempts": 2, "missing": "not_found, HTTP 404: Resource not found", "secretInFault": false});
  });

  it('minio: the 503 SlowDown is retried, AccessDenied is not', async () => {
    expect(await minio()).toEqual({"bucket": "zarrdata", "attempts": 2, "denied": "permission_denied (AccessDenied), request 169A87DB05883A7D"});
  });

  it('typesense: the 429 is retried, a missing collection is not', async () => {
    expect(await typesense()).toEqual({"collection": "books", "attempts": 2, "missing": "not_found, HTTP 404: Not Found"});
  });

  it('meilisearch: the full search queue waits its Retry-After, a missing index is not retried', async () => {
    expect(await meilisearch()).toEqual({"hits": 1, "attempts": 2, "waits": [10000], "missing": "not_found (index_not_found), HTTP 404"});
  });

  it('ollama: the overloaded 503 is retried, the missing model is not', async () => {
    expect(await ollama()).toEqual({"reply": "Hello!", "attempts": 2, "refused": "not_found, HTTP 404"});
  });

  it('mcp: the 429 at connect is retried, Method not found is not', async () => {
    expect(await mcp()).toEqual({"tools": ["echo"], "attempts": 2, "refused": "not_implemented (-32601)"});
  });

  it('chroma: the 429 is retried, the existing collection is not', async () => {
    expect(await chroma()).toEqual({"collection": "docs", "attempts": 2, "refused": "already_exists (ChromaUniqueError)"});
  });

  it('qdrant: the rate-limited write is retried, the missing collection is not', async () => {
    expect(await qdrant()).toEqual({"operation": "completed", "waits": [10], "missing": "not_found, HTTP 404"});
  });

  it('contentful: RateLimitExceeded is retried, AccessTokenInvalid is not', async () => {
    expect(await contentful()).toEqual({"total": 0, "attempts": 2, "refused": "unauthenticated (AccessTokenInvalid), HTTP 401"});
  });

  it('datadog: the 429 is retried, Monitor not found is not', async () => {
    expect(await datadog()).toEqual({"monitors": 0, "attempts": 2, "missing": "not_found (Monitor not found), HTTP 404"});
  });

  it('jira.js: the 429 waits its Retry-After, the 403 is not retried', async () => {
    expect(await jira()).toEqual({"issue": "KAN-1", "waits": [20], "denied": "permission_denied: You currently don't have access to perform this operation. (HTTP 403)"});
  });

  it('qstash: the burst limit is retried at its reset, the invalid destination is not', async () => {
    expect(await qstash()).toEqual({"messageId": "msd_1", "attempts": 2, "refused": "invalid_request: invalid destination url: endpoint has invalid scheme, add http:// or https:// (HTTP 400)"});
  });

  it('brevo: the 429 waits x-sib-ratelimit-reset, the duplicate contact is not retried', async () => {
    expect(await brevo()).toEqual({"email": "you@example.com", "attempts": 2, "refused": "already_exists (duplicate_parameter), HTTP 400"});
  });

  it('mailgun.js: the 429 is retried, the 401 Forbidden is not', async () => {
    expect(await mailgun()).toEqual({"queued": "<20111114174239.25659.5817@samples.mailgun.org>", "attempts": 2, "refused": "unauthenticated: Forbidden, HTTP 401"});
  });

  it('LINE: a reset push is retried under its retry key, the monthly limit is not', async () => {
    expect(await line()).toEqual({"sent": "461230966842064897", "attempts": 2, "refused": "quota_exhausted: You have reached your monthly limit. (HTTP 429, 0c34a491-e2df-4d87-8440-a89f8ae2a7e3), 1 request"});
  });

  it('libsql: a reset pipeline is retried, a statement refused inside a 200 is not', async () => {
    expect(await libsql()).toEqual({"rowsAffected": 0, "attempts": 2, "refused": "not_found (SQLITE_UNKNOWN): SQLite error: no such table: no_such_table, 1 request"});
  });

  it('superagent: the Graph 429 is retried, the Okta 403 is not', async () => {
    expect(await superagent()).toEqual({"status": 204, "attempts": 2, "refused": "permission_denied (E0000006), HTTP 403"});
  });
  it('neon: a 503 is retried and the query answers, the control-plane 500 is not', async () => {
    expect(await neon()).toEqual({"rows": 1, "attempts": 2, "refused": "internal (idempotent): Control plane request failed"});
  });

  it('weaviate: a 503 is retried and the delete succeeds, an existing class (422) is not', async () => {
    expect(await weaviate()).toEqual({"deleted": true, "attempts": 2, "refused": "already_exists, HTTP 422: class name \"Document\" already exists"});
  });

  it('plivo: a 503 is retried and the message queued, an invalid number (400) is not', async () => {
    expect(await plivo()).toEqual({"queued": "db3ce55a-7f1d-11e1-8ea7-1231380bc196", "attempts": 2, "refused": "invalid_request, HTTP 400: '1111111' is not a valid phone number."});
  });

  it('vonage: a throttled SMS (200, status 1) is resent, Bad Credentials (status 4) is not', async () => {
    expect(await vonage()).toEqual({"sent": "986ebc8e-46de-4f80-88e4-21d4c5d0c0a6", "attempts": 2, "refused": "unauthenticated, Vonage status 4: Bad Credentials"});
  });

  it('ably: a dropped publish is retried with its message id and a 40140 token error is not', async () => {
    expect(await ably()).toEqual({"published": true, "attempts": 2, "refused": "unauthenticated, Ably 40140"});
  });

  it('stream-chat: a 429 is retried and a code 5 401 is not', async () => {
    expect(await streamChat()).toEqual({"settings": true, "attempts": 2, "refused": "unauthenticated, Stream code 5"});
  });

  it('assemblyai: an LLM gateway 500 is retried and a 401 is not, with its request id', async () => {
    expect(await assemblyai()).toEqual({"models": 0, "attempts": 2, "refused": "unauthenticated, HTTP 401, req_000"});
  });
  it('razorpay: a 500 SERVER_ERROR on a payment fetch is retried, BAD_REQUEST_ERROR (400) is not', async () => {
    expect(await razorpay()).toEqual({"payment": "pay_29QQoUBi66xm2f", "attempts": 2, "refused": "not_found (BAD_REQUEST_ERROR), HTTP 400"});
  });

  it('paddle: a 429 waits Paddle\'s Retry-After (42 s, on a virtual clock), a 404 not_found is not retried', async () => {
    expect(await paddle()).toEqual({"customer": "ctm_01h8441jn5pcwrfhwh78jqt8hn", "attempts": 2, "waits": [42000], "missing": "not_found (not_found): Entity not found"});
  });

  it('adyen: a refused connection (the SDK\'s made-up 500 ignored) is retried until the server is up, a 403 (010) is not', async () => {
    expect(await adyen()).toEqual({"result": "Authorised", "attempts": 2, "faults": ["connect_failed, no status"], "refused": "permission_denied (010), HTTP 403"});
  });
});
