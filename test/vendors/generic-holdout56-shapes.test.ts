/**
 * What the fifty-sixth holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): a line or two of text in a 200 that says a failure is one (Hauk's PHP `die()`, and the
 * same shape in older sets); a DRF serializer's errors keyed by a field that bears an error member's name; a `type` that
 * is the status's name beside nothing but a message is no code; "wait" right before a duration is a wait; and words.
 * Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT27_DIR, HOLDOUT32_DIR, HOLDOUT39_DIR, HOLDOUT41_DIR, HOLDOUT42_DIR, HOLDOUT43_DIR, HOLDOUT53_DIR, HOLDOUT56_DIR } from '../corpus/corpus.js';
import { shapeReaders } from '../corpus/shape-readers.js';

const { both, g } = shapeReaders([HOLDOUT56_DIR, HOLDOUT53_DIR, HOLDOUT43_DIR, HOLDOUT42_DIR, HOLDOUT41_DIR, HOLDOUT39_DIR, HOLDOUT32_DIR, HOLDOUT27_DIR]);

describe('a line or two of text in a 200 that says a failure', () => {
  it.each([
    ['hauk/hauk-create-incorrect-password', 'unauthenticated'],
    ['hauk/hauk-ldap-user-unauthorized', 'unauthenticated'],
    ['hauk/hauk-missing-data', 'invalid_request'],
    ['hauk/hauk-post-location-invalid', 'invalid_request'],
    ['anki-sync-server/anki-sync-upload-too-large-200', 'payload_too_large'],
    ['stellarium-remote-control/stellarium-remote-control-scripts-run-already-running', 'conflict'],
    ['cyberpanel/cyberpanel-loginapi-invalid-credentials-text', 'unauthenticated'],
    ['observium/observium-ajax-widget-session-expired-text', 'unauthenticated'],
    ['celestrak/celestrak-invalid-query-group-not-found-200', 'not_found'],
    ['tibber/tibber-graphql-viewer-query-after-token-expiry', 'unauthenticated'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it.each([
    ['a success', 'User not found? Saved the invitation instead.'],
    ['a success in one word', 'OK'],
    ['words that say nothing', 'Hello from the tracker'],
    ['three lines', 'Invalid location!\nsecond line\nthird line'],
    ['more than 200 characters', `Invalid location! ${'x'.repeat(200)}`],
  ])('%s is no failure', (_what, body) => {
    expect(classify({ status: 200, body }).code).toBe('unknown');
  });
});

describe('words', () => {
  it.each([
    ['hi-events/hi-events-email-already-registered', 'already_exists'],
    ['mds-core/mds-core-event-duplicate', 'already_exists'],
    ['pretalx/pretalx-already-reviewed', 'already_exists'],
    ['dockstore/dockstore-zip-contents-too-large', 'payload_too_large'],
    ['openwebrx/openwebrx-imageupload-file-size-too-large', 'payload_too_large'],
    ['dockstore/dockstore-git-tokens-invalid', 'unauthenticated'],
    ['rtl-433/rtl-433-cmd-get-stats-out-of-memory', 'internal'],
    ['ulogger-server/ulogger-server-web-import-private', 'unauthenticated'],
    ['ulogger-server/ulogger-server-web-changepass-user-unknown', 'not_found'],
    ['ulogger-server/ulogger-server-client-unknown-command', 'invalid_request'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it('"there is already" a thing running is its state, no duplicate', () => {
    expect(classify({ status: 500, body: '{"statusCode":500,"message":"There is already another running timer."}' }).code).toBe('conflict');
  });
});

describe('a serializer error keyed by a field an error object would name', () => {
  it.each([
    'pretalx/pretalx-docs-field-errors',
    'pretix/pretix-field-validation-errors',
    'django-rest-framework/django-rest-framework-field-validation',
  ])('%s is validation_failed', (ref) => {
    for (const f of both(ref)) expect(f.code).toBe('validation_failed');
  });

  it('needs a field no error object names: a lone `description` list may be the error itself', () => {
    expect(classify({ status: 400, body: '{"description": ["This field may not be blank."]}' }).code).toBe('invalid_request');
  });

  it('an error list under its own name beside a field is no field', () => {
    expect(classify({ status: 400, body: '{"errors": ["Please submit a valid integer."], "amount": ["Please submit a valid integer."]}' }).code).toBe('invalid_request');
  });
});

describe("a status's name as `type` beside nothing but a message", () => {
  it.each(['conveyal-analysis/conveyal-analysis-broker-not-admin', 'conveyal-analysis/conveyal-analysis-mongomap-no-permission'])('%s names no code', (ref) => {
    for (const f of both(ref)) expect([f.code, f.vendorCode]).toEqual(['permission_denied', undefined]);
  });

  it('beside more it is the vendor\'s name for the error', () => {
    expect(classify({ status: 403, body: '{"type":"FORBIDDEN","message":"You do not have access.","traceId":"abc"}' }).vendorCode).toBe('FORBIDDEN');
  });
});

describe('"wait" right before a duration', () => {
  it('is the wait (the generic layer alone: Dawarich\'s own profile reads its envelope)', () => {
    expect(g('dawarich/dawarich-account-destroy-throttled').retryAfterMs).toBe(3_600_000);
  });

  it('so SwarmUI\'s "Wait a minute before trying again."', () => {
    for (const f of both('swarmui/swarmui-change-password-ratelimit')) expect(f.retryAfterMs).toBe(60_000);
  });

  it('but "wait up to 2 hours" names no wait', () => {
    for (const f of both('flexprice/flexprice-price-sync-in-progress')) expect(f.retryAfterMs).toBeUndefined();
  });
});
