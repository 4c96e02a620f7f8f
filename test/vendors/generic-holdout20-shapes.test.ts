/**
 * What the twentieth holdout's misses showed, once it had measured the tree blind (so it no longer measures
 * unseen vendors: later holdouts do): Express's "Cannot POST /…" and a runtime's leaked TypeError; IBM's `trace`
 * beside its errors; a body pasted as the JSON string of itself and Dropwizard's logged ID; waits written
 * `retry-in 200ms`, `Try waiting for 5 minutes`, `~10 min` and sent as `x-rate-limit-retry-after-seconds`;
 * codes from `errorClass`, from a name beside a bare number, from a `message` object's id, from a printed gRPC
 * number and `Error code: N`; no code from curl's own lines, a fetch Response's CORS type, a reason phrase beside
 * a code in words, or a code that restates the status; stack frames unread; lexicon words and two weighings of
 * words against the status. Every body is a corpus case (its `source` says where it was copied from), or a
 * public-corpus or earlier-holdout body quoted inline to show what a rule leaves alone.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT20_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c } = shapeReaders([HOLDOUT20_DIR]);

describe('texts that name their failure by a framework’s or runtime’s words', () => {
  it('reads Express’s "Cannot POST /…" as the 404 it is sent with (NocoDB behind Typebot)', () => {
    expect(c('nocodb/nocodb-typebot-1566-double-slash-base-url').code).toBe('not_found');
  });

  it('reads a leaked TypeError as the server failing (NocoDB)', () => {
    expect(fieldsOf(c('nocodb/nocodb-issue-4464-project-list-null-deleted'), ['code', 'retry'])).toEqual(['internal', 'idempotent']);
  });

  it('reads a server call said to have failed as the server failing, with no stack frame to lean on (astra-db-ts)', () => {
    const f = classify({ body: 'error: Error: Command "createCollection" failed with the following errors: [{"message":"Server call failed, please retry!"}]\n    at handleIfErrorResponse (/app/node_modules/@datastax/astra-db-ts/dist/client/httpClient.js:226:15)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)' });
    expect(f.code).toBe('internal');
  });

  it('leaves .NET stack frames unread: `AuthenticationService` is no credential refused (Blackbaud)', () => {
    expect(c('blackbaud-sky-api/blackbaud-sky-api-auth-tutorial-issue-17-token-exchange-dotnet').code).toBe('invalid_request');
  });
});

describe('request ids and waits', () => {
  it.each([
    ['ibm-quantum/ibm-quantum-runtime-custom-program-run-refused', 'cghkdf2nfrtgkmg82530'],
    ['ibm-quantum/ibm-quantum-rest-job-lookup-1291', '935b0fbe-54d6-4103-85d0-34d73b9ec432'],
  ])('takes an id token in `trace` beside `errors` as the request id (%s)', (ref, id) => {
    expect(c(ref).requestId).toBe(id);
  });

  it('reads a body pasted as the JSON string of itself, and Dropwizard’s logged ID (Zettle)', () => {
    expect(fieldsOf(c('zettle/zettle-issue-47-first-purchases-call-of-the-day'), ['code', 'requestId'])).toEqual(['internal', '04ffb32b229d7a80']);
  });

  it('takes an Incapsula incident ID as the request id, and its block page as a refusal (the Met)', () => {
    expect(fieldsOf(c('met-museum/met-museum-openaccess-18-object-324946-python-harvest'), ['code', 'requestId'])).toEqual(['permission_denied', '116030910212059510-389373089293844789']);
  });

  it.each([
    ['planet-labs/planet-labs-thousand-concurrent-quick-searches', 200],
    ['internet-archive/internet-archive-bookmark-summary-7-waybackpy-save', 300_000],
    ['internet-archive/internet-archive-wayback-extension-1110-paused-host', 600_000],
  ])('reads the wait the text states (%s)', (ref, ms) => {
    expect(c(ref).retryAfterMs).toBe(ms);
  });

  it('reads OpenSky’s wait header, and a 16-hour wait as an allowance spent', () => {
    expect(fieldsOf(c('opensky-network/opensky-network-anonymous-states-bbox-curl'), ['code', 'retry', 'retryAfterMs'])).toEqual(['quota_exhausted', 'never', 60_394_000]);
  });
});

describe('vendor codes', () => {
  it('takes the code in words over a reason phrase in `reason` (Sentinel Hub)', () => {
    expect(c('sentinel-hub/sentinel-hub-process-no-bearer-after-cdse-config').vendorCode).toBe('COMMON_UNAUTHORIZED');
  });

  it('keeps a reason beside Kubernetes’ numeric `code`', () => {
    const f = classify({ status: 401, body: '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}' });
    expect(f.vendorCode).toBe('Unauthorized');
  });

  it.each([
    ['playfab/playfab-csdk-gamesave-finalize-manifest-100-files', 'InvalidParams'],
    ['playfab/playfab-docs-best-practices-example', 'APIClientRequestRateLimitExceeded'],
    ['nocodb/nocodb-issue-12723-users-tab-column-1', 'ERR_DATABASE_OP_FAILED'],
  ])('takes a name in `error` over a bare number beside it (%s)', (ref, code) => {
    expect(c(ref).vendorCode).toBe(code);
  });

  it('keeps a vendor’s number beside an OAuth error’s lower-case name (Amadeus)', () => {
    const f = classify({ body: 'W, [2018-02-19T16:06:29.881202 #67814]  WARN -- Amadeus AuthenticationError: {\n  "error": "invalid_client",\n  "error_description": "Client credentials are invalid",\n  "code": 38187,\n  "title": "Invalid parameters"\n}' });
    expect(f.vendorCode).toBe('38187');
  });

  it('takes `errorClass` as the code (Lightspeed Retail)', () => {
    expect(c('lightspeed-retail/lightspeed-retail-vcr-vendor-archive-burst').vendorCode).toBe('RateLimitedException');
  });

  it('takes a `message` object’s id as the code and its name as the message (Open Food Facts)', () => {
    expect(fieldsOf(c('open-food-facts/open-food-facts-v3-product-read-wrong-password-param'), ['code', 'vendorCode'])).toEqual(['unauthenticated', 'invalid_user_id_and_password']);
    expect(c('open-food-facts/open-food-facts-v3-product-12345678-lookup').vendorCode).toBe('product_not_found');
  });

  it.each([
    ['nakama/nakama-issue-1170-godot-storage-read-after-sleep', '16'],
    ['nakama/nakama-issue-416-unity-conditional-storage-write', '3'],
    ['ibm-quantum/ibm-quantum-login-with-token-3446', '3446'],
  ])('reads a printed gRPC number or `Error code: N` (%s)', (ref, code) => {
    expect(c(ref).vendorCode).toBe(code);
  });

  it('takes no `Error code:` that is the status (openai-python’s printout)', () => {
    expect(classify({ body: "Error code: 429 - {'error': {'message': 'Rate limit reached'}}" }).vendorCode).toBeUndefined();
  });

  it.each([
    ['met-museum/met-museum-openaccess-60-object-647671-after-30-requests'],
    ['nakama/nakama-js-110-link-email-fetch-response'],
    ['planning-center/planning-center-issue-940-qlik-connector-101-of-100'],
  ])('takes no code from curl’s own lines, a fetch Response’s type or a code that restates the status (%s)', (ref) => {
    expect(c(ref).vendorCode).toBeUndefined();
  });

  it('keeps a number the text prints once as its code, though it reads as a status (Clockify’s `(code: 501)`)', () => {
    expect(classify({ body: "USER with id <user_id> doesn't belong to PROJECT with id <project_id> (code: 501)" }).vendorCode).toBe('501');
  });
});

describe('words against the status', () => {
  it.each([
    ['usgs/usgs-m2m-collection1-dataset-after-retirement', 'permission_denied'],
    ['usgs/usgs-m2m-landsatxplore-login-without-m2m-role', 'permission_denied'],
    ['usgs/usgs-m2m-download-method-approved-role', 'permission_denied'],
    ['open-food-facts/open-food-facts-smooth-app-4637-packaging-save', 'unauthenticated'],
    ['sentinel-hub/sentinel-hub-eo-learn-oauth-client-secret-typo', 'unauthenticated'],
    ['open-food-facts/open-food-facts-smooth-app-2793-edited-products-list', 'malformed_response'],
    ['lightspeed-retail/lightspeed-retail-vcr-category-create-empty-name', 'validation_failed'],
    ['lightspeed-restaurant/lightspeed-restaurant-vcr-payment-type-missing-type-id', 'validation_failed'],
  ])('%s → %s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });

  it('leaves "Unauthorized." under a 403 a credential refused when it names no permission (Serper)', () => {
    expect(classify({ body: 'Serper search failed: Error: Serper API error: 403 Forbidden - {"message":"Unauthorized.","statusCode":403}' }).code).toBe('unauthenticated');
  });

  it('reads `got 401` as the status a check printed (Brightcove’s PHP wrapper)', () => {
    expect(classify({ body: 'Invalid status code: expected 200-299, got 401.\n[{"error_code": "UNAUTHORIZED", "message": "Permission denied."}]' }).code).toBe('unauthenticated');
  });

  it('leaves a body that "cannot be empty" the request’s fault, not a field’s (ShipEngine)', () => {
    const f = classify({ status: 400, body: '{"request_id":"5d6eb8ef-e354-4279-a9b8-f3e33ab89e0b","errors":[{"error_source":"shipengine","error_type":"validation","error_code":"request_body_required","message":"Request body cannot be empty."}]}' });
    expect(f.code).toBe('invalid_request');
  });
});
