/**
 * What the thirty-seventh holdout's misses showed, once it had measured the tree blind (so it no longer measures
 * unseen vendors: later holdouts do): a 200 whose text relays the status an endpoint behind it returned (Office 365
 * connectors for Teams webhooks) and the correlation vector it closes with, `status: "KO"` as a failure flag, Frappe's
 * `exc_type`, Google's .NET client's `Reason[…]`, Grafana Mimir's `(err-mimir-…)` ids, sabre/dav's `<s:exception>`, a
 * WebDAV precondition element, an OCS `statuscode` in a 200, Piwigo's `err` beside Rollbar's flag of 1, a body that is
 * one JSON string, Kanidm's `OperationId`, a 408's "Connection timed out.", OAuth's `temporarily_unavailable` under a 429,
 * and words (a field that must be unique, a uniqueness error, a user who already has access, no org id, an unsupported
 * content type, a body that must be valid JSON, an error contacting an endpoint). Every body is a corpus case (its
 * `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { HOLDOUT21_DIR, HOLDOUT26_DIR, HOLDOUT33_DIR, HOLDOUT37_DIR, HOLDOUT6_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';
import { expectBoundedHead } from '../support/bounded-head.js';

const { both, c } = shapeReaders([HOLDOUT37_DIR]);

describe('members and printed forms', () => {
  it.each([
    ['microsoft-teams-webhook/microsoft-teams-webhook-429-wrapped-in-200', 'rate_limited', 'always'],
    ['microsoft-teams-webhook/microsoft-teams-webhook-413-too-large-wrapped-in-200', 'payload_too_large', 'never'],
    ['microsoft-teams-webhook/microsoft-teams-webhook-400-invalid-card-wrapped-in-200', 'invalid_request', 'never'],
  ])('reads the status a 200’s text relays from the endpoint behind it (%s)', (ref, code, retry) => {
    for (const f of both(ref)) expect(fieldsOf(f, ['code', 'retry'])).toEqual([code, retry]);
  });

  it.each([
    ['microsoft-teams-webhook/microsoft-teams-webhook-413-too-large-wrapped-in-200', 'AszFFaeXdEGdFrJhai0eUw.1.0'],
    ['microsoft-teams-webhook/microsoft-teams-webhook-500-oversized-body', 'Oadgc+LA1kAVqmLcffH/jg.0'],
    ['microsoft-teams-webhook/microsoft-teams-webhook-403-other-tenant', 'h3ya2/H5Fk6NjffrwlaWTQ.001=2'],
  ])('reads the correlation vector a Teams ContextId closes with as the request id, its MS-CV before its cv (%s)', (ref, requestId) => {
    for (const f of both(ref)) expect(f.requestId).toBe(requestId);
  });

  it.each(['authelia/authelia-api-rate-limited', 'authelia/authelia-firstfactor-bad-credentials'])('takes no code from `status: "KO"` (%s)', (ref) => {
    for (const f of both(ref)) expect(f.vendorCode).toBeUndefined();
  });

  it.each([
    ['frappe/frappe-400-csrf-token-error-invalid-request', 'CSRFTokenError'],
    ['frappe/frappe-permission-error-insufficient-permission-customer', 'PermissionError'],
  ])('reads Frappe’s `exc_type` as the code (%s)', (ref, vendorCode) => {
    for (const f of both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });

  it.each([
    [HOLDOUT37_DIR, 'google-calendar/google-calendar-daily-limit-exceeded-dotnet', 'dailyLimitExceeded'],
    [HOLDOUT37_DIR, 'google-calendar/google-calendar-backend-error-500-dotnet', 'backendError'],
    [HOLDOUT21_DIR, 'google-classroom/google-classroom-psgsuite-new-course-with-id', 'badRequest'],
    [HOLDOUT26_DIR, 'google-cloud-translation/google-cloud-translation-dotnet-sample-translatetext', 'invalid'],
  ])('reads the reason Google’s .NET client prints as `Reason[…]` (%s)', (dir, ref, vendorCode) => {
    for (const f of shapeReaders([dir]).both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });

  it.each([
    ['grafana-mimir/grafana-mimir-tenant-ingestion-rate-429', 'err-mimir-tenant-max-ingestion-rate'],
    ['grafana-mimir/grafana-mimir-max-chunks-per-query', 'err-mimir-max-chunks-per-query'],
  ])('reads an error id in parentheses as Grafana Mimir closes its errors (%s)', (ref, vendorCode) => {
    for (const f of both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });

  it('reads the exception class sabre/dav names in `<s:exception>`, and its `<s:message>` (ownCloud)', () => {
    for (const f of both('owncloud/owncloud-webdav-maintenance-mode-503')) {
      expect(fieldsOf(f, ['code', 'vendorCode', 'message'])).toEqual(['service_unavailable', 'Sabre\\DAV\\Exception\\ServiceUnavailable', 'System in maintenance mode.']);
    }
  });

  it.each(['radicale/radicale-put-uid-conflict-409', 'xandikos/xandikos-put-uid-already-in-use-412'])(
    'reads the precondition a `DAV:error` names by its first empty element as the code (%s)',
    (ref) => {
      for (const f of both(ref)) expect(f.vendorCode).toBe('no-uid-conflict');
    },
  );

  it('reads the `responsedescription` beside a WebDAV precondition as the message (Xandikos)', () => {
    for (const f of both('xandikos/xandikos-put-uid-already-in-use-412')) expect(f.message).toBe('UID already in use.');
  });

  it('reads an OCS `statuscode` in the HTTP range as the status its 200 stands for, not a code (ownCloud Infinite Scale)', () => {
    for (const f of both('owncloud/owncloud-ocis-ocs-wrong-path-http-200')) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual(['not_found', undefined]);
  });

  it('reads Piwigo’s `err` beside `stat: "fail"` in a 200 as the code, and Rollbar’s `err: 1` as a flag', () => {
    for (const f of both('piwigo/piwigo-login-invalid-credentials-http200')) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual(['unauthenticated', '999']);
    for (const f of shapeReaders([HOLDOUT6_DIR]).both('rollbar/403-insufficient-scope-devtools')) expect(f.vendorCode).toBeUndefined();
  });

  it('reads a body that is one JSON string naming the error as the code (Kanidm)', () => {
    for (const f of both('kanidm/kanidm-session-expired-401')) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual(['unauthenticated', 'sessionexpired']);
  });

  it('reads an `OperationId:` label as the request id (Kanidm’s CLI)', () => {
    for (const f of both('kanidm/kanidm-cli-person-create-access-denied')) expect(f.requestId).toBe('b1a0a73c-9c3c-47e4-8f30-d89d8ea60df0');
  });

  it('reads a 408’s “Connection timed out.” as the server’s wait for the request, not a connection never made (Radicale)', () => {
    for (const f of both('radicale/radicale-request-timeout-408')) expect(fieldsOf(f, ['code', 'retry'])).toEqual(['request_timeout', 'always']);
  });

  it('reads OAuth’s `temporarily_unavailable` under a 429 that says it throttled as a rate limit (Authelia)', () => {
    expect(fieldsOf(c('authelia/authelia-oidc-endpoint-rate-limited'), ['code', 'vendorCode'])).toEqual(['rate_limited', 'temporarily_unavailable']);
  });
});

describe('words', () => {
  it.each([
    ['pulp/pulp-ansible-distribution-base-path-unique-400', 'already_exists'],
    ['kanidm/kanidm-attribute-uniqueness-409', 'already_exists'],
    ['vikunja/vikunja-user-already-has-access', 'already_exists'],
    ['grafana-loki/loki-no-org-id', 'unauthenticated'],
    ['jaeger/jaeger-zipkin-endpoint-unsupported-content-type', 'invalid_request'],
    ['ntfy/ntfy-invalid-json-body-missing-topic', 'invalid_request'],
    ['microsoft-teams-webhook/microsoft-teams-webhook-error-contacting-endpoint', 'bad_gateway'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it('reads “must be valid JSON” as a request the server could not read, not a field’s validation (Phabricator)', () => {
    for (const f of shapeReaders([HOLDOUT33_DIR]).both('phabricator/phabricator-conduit-param-not-json')) expect(f.code).toBe('invalid_request');
  });
});

describe('linear work on hostile input (counted, not timed)', () => {
  it.each([
    ['relayed statuses cut short, in a 200', 200, (n: number) => `failed with error: ${'HTTP error 4'.repeat(n / 12)}`],
    ['DAV:error roots with no empty element', 409, (n: number) => `<d:error xmlns:d="DAV:" ${'a'.repeat(290)}>`.repeat(n / 320)],
    ['DAV:error roots with long element names', 412, (n: number) => `<error xmlns="DAV:"><C:${'no-uid'.repeat(20)}`.repeat(n / 144)],
  ])('classify reads a bounded head of %s', (_name, status, make) => {
    expectBoundedHead(status, make);
  });
});
