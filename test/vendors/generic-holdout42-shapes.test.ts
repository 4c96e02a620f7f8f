/**
 * What the forty-second holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): a `status` numbered past any HTTP status beside a description in a 200 (CapRover), a
 * vendor's error-code header (HestiaCP's `hestia-exit-code`, Emby's), a gateway's namespaced XML fault (WSO2's
 * `<ams:code>`), a status name as `status` beside a message (no code), Go's `panic:` (no code), 419 as an expired
 * session, a 5xx that failed verifying a credential, and words (Laravel's "This action is unauthorized.", nginx's "No
 * required SSL certificate was sent", Akka HTTP's "not able to produce a timely response", an API disabled for the
 * caller, "only administrators", one-time passwords, a thing already initialized or taken, a thing still used by
 * another, "does not allow you to access"). Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT18_DIR, HOLDOUT38_DIR, HOLDOUT39_DIR, HOLDOUT41_DIR, HOLDOUT42_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';
import { expectBoundedHead } from '../support/bounded-head.js';

const { both } = shapeReaders([HOLDOUT42_DIR]);

describe('replies in a 200', () => {
  it.each([
    ['caprover/caprover-login-invalid-credentials', 'unauthenticated', '1105'],
    ['caprover/caprover-app-name-already-exists', 'already_exists', '1103'],
    ['caprover/caprover-captain-not-ready', 'service_unavailable', '1001'],
    ['caprover/caprover-registry-not-found', 'not_found', '1111'],
  ])('reads a `status` numbered past any HTTP status beside a description as the error and its code (%s)', (ref, code, vendorCode) => {
    for (const f of both(ref)) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual([code, vendorCode]);
  });

  it('reads too many wrong passwords with a wait as a throttle on attempts (CapRover’s 1113)', () => {
    for (const f of both('caprover/caprover-login-password-backoff')) expect(fieldsOf(f, ['code', 'retry', 'retryAfterMs'])).toEqual(['rate_limited', 'always', 30_000]);
  });
});

describe('headers', () => {
  it.each([
    ['hestiacp/hestiacp-api-legacy-returncode-9', '9', HOLDOUT42_DIR],
    ['hestiacp/hestiacp-api-ip-not-allowed', '10', HOLDOUT42_DIR],
    ['emby/emby-parental-control-schedule', 'ParentalControl', HOLDOUT38_DIR],
  ])('reads a vendor’s own error-code header as the code when the body names none (%s)', (ref, vendorCode, dir) => {
    for (const f of shapeReaders([dir]).both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });

  it('takes no code from that header when it restates the status (HestiaCP’s 405 with `hestia-exit-code: 405`)', () => {
    for (const f of both('hestiacp/hestiacp-api-data-null-405')) expect(f.vendorCode).toBeUndefined();
  });
});

describe('members and printouts', () => {
  it.each([
    ['wso2-api-manager/wso2-api-manager-unclassified-auth-failure-900900-xml', '900900', HOLDOUT42_DIR],
    ['wso2-api-manager/wso2-api-manager-no-matching-resource-900906-xml-403', '900906', HOLDOUT42_DIR],
    ['netsuite/netsuite-soap-getall-insufficient-permission', 'INSUFFICIENT_PERMISSION', HOLDOUT18_DIR],
  ])('reads a namespaced `<prefix:code>` as the code (%s)', (ref, vendorCode, dir) => {
    for (const f of shapeReaders([dir]).both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });

  it.each(['apache-zeppelin/apache-zeppelin-run-note-not-found', 'apache-zeppelin/apache-zeppelin-cron-bad-expression', 'apache-zeppelin/apache-zeppelin-run-note-failed'])(
    'takes no code from a status name as `status` beside a message (%s)',
    (ref) => {
      for (const f of both(ref)) expect(f.vendorCode).toBeUndefined();
    },
  );

  it('takes no code from Go’s `panic:` label', () => {
    for (const f of both('restic-rest-server/restic-rest-server-restic-500-panic')) expect(f.vendorCode).toBeUndefined();
  });
});

describe('statuses', () => {
  it.each(['laravel/laravel-csrf-token-mismatch-419', 'apache-ranger/apache-ranger-ajax-session-timeout'])('reads a 419 as an expired session (%s)', (ref) => {
    for (const f of both(ref)) expect(f.code).toBe('unauthenticated');
  });

  it('reads a 5xx that failed verifying a credential as the server’s failure (Dask Gateway)', () => {
    for (const f of both('dask-gateway/dask-gateway-hub-permission-failure-500')) expect(fieldsOf(f, ['code', 'retry'])).toEqual(['internal', 'idempotent']);
  });
});

describe('words', () => {
  it.each([
    ['laravel/laravel-action-unauthorized-403', 'permission_denied', HOLDOUT42_DIR],
    ['solidtime/solidtime-forbidden', 'permission_denied', HOLDOUT41_DIR],
    ['3scale-apicast/3scale-apicast-tls-client-cert-missing', 'unauthenticated', HOLDOUT42_DIR],
    ['cromwell/cromwell-request-timeout-500-text', 'gateway_timeout', HOLDOUT42_DIR],
    ['cyberpanel/cyberpanel-api-access-disabled', 'permission_denied', HOLDOUT42_DIR],
    ['cyberpanel/cyberpanel-cloudapi-only-administrator', 'permission_denied', HOLDOUT42_DIR],
    ['caprover/caprover-login-otp-required', 'unauthenticated', HOLDOUT42_DIR],
    ['caprover/caprover-auth-token-corrupted', 'unauthenticated', HOLDOUT42_DIR],
    ['technitium/technitium-2fa-required', 'unauthenticated', HOLDOUT39_DIR],
    ['kopia/kopia-repository-already-initialized', 'already_exists', HOLDOUT42_DIR],
    ['revolt/revolt-username-taken', 'already_exists', HOLDOUT42_DIR],
    ['tahoe-lafs/tahoe-lafs-existing-child-no-replace', 'already_exists', HOLDOUT42_DIR],
    ['duplicati/duplicati-v2-connection-string-in-use', 'conflict', HOLDOUT42_DIR],
    ['wso2-api-manager/wso2-api-manager-scope-not-allowed-900910', 'permission_denied', HOLDOUT42_DIR],
  ])('%s is %s', (ref, code, dir) => {
    for (const f of shapeReaders([dir]).both(ref)) expect(f.code).toBe(code);
  });
});

describe('linear work on hostile input (counted, not timed)', () => {
  it.each([
    ['numbered statuses whose description never ends', (n: number) => `{"status": 1105, "description": "${'Invalid '.repeat(n / 8)}`],
    ['namespaced codes that never close', (n: number) => `<ams:fault><ams:code>${'9'.repeat(n)}`],
    ['wrong passwords that never stop', (n: number) => `{"status": 1113, "description": "Too many ${'wrong '.repeat(n / 6)}passwords. Wait for 30 seconds."}`],
    ['credentials a 500 nearly failed verifying', (n: number) => `{"error": "${'failure verifyin '.repeat(n / 17)} API token"}`],
  ])('classify reads a bounded head of %s', (_name, make) => {
    expectBoundedHead(200, make);
  });

  it('reads at most 256 header names looking for an error code, and none past 64 characters', () => {
    const body = '{"message": "Not allowed"}';
    const long = { [`x-${'a'.repeat(70)}-error-code`]: 'LONG', 'x-b-error-code': 'B' };
    expect(classify({ status: 403, headers: long, body }).vendorCode).toBe('B');
    const padding = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`x-pad-${i}`, 'v']));
    expect(classify({ status: 403, headers: { ...padding, 'x-z-error-code': 'Z' }, body }).vendorCode).toBeUndefined();
    expect(classify({ status: 403, headers: { 'x-z-error-code': 'Z', ...padding }, body }).vendorCode).toBe('Z');
  });
});
