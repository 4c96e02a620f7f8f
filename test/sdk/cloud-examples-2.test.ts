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
});
