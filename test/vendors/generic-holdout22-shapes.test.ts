/**
 * What the twenty-second holdout's misses showed, once it had measured the tree blind (so it no longer measures
 * unseen vendors: later holdouts do): LivePerson's `internalCode`, Passbolt's `header`, Patreon's `code_name` and
 * wait in a JSON:API error, a code beside FastAPI-style `detail`; printed codes (Yoti's `404 - APP_NOT_FOUND -`,
 * wyzeapy's `('2002', '…')` tuple, an OAuth 1.0 `oauth_problem=`), and statuses (`APIError(code=401)`, the ws
 * library's `unexpected server response (503)`); no code from a setting's `name` beside its `value`, a success
 * status, a fetch Response's `default` type, a reason phrase run together or a log's `API:` label; lexicon words
 * (Jersey's "null for uri", a parameter error, a signature mismatch, an incorrect password, a session to refresh,
 * a socket timeout). Every body is a corpus case (its `source` says where it was copied from), or a public-corpus
 * or earlier-holdout body quoted inline to show what a rule leaves alone.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT22_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c } = shapeReaders([HOLDOUT22_DIR]);

describe('envelopes', () => {
  it.each([
    ['liveperson/liveperson-devcenter-issue-97-server-chat-start', '10'],
    ['liveperson/liveperson-devcenter-issue-198-app-default-endpoint', '9007'],
  ])('takes `internalCode` and `internalErrorCode` as the code (%s)', (ref, code) => {
    expect(c(ref).vendorCode).toBe(code);
  });

  it('reads the id in Passbolt’s `header`', () => {
    expect(c('passbolt/passbolt-help-group-create-without-manager').requestId).toBe('df12a670-b921-4db5-994f-22a84c36246a');
  });

  it('reads a JSON:API error’s `code_name` and `retry_after_seconds` (Patreon)', () => {
    expect(fieldsOf(c('patreon/patreon-docs-optional-response-object-sample'), ['vendorCode', 'retryAfterMs'])).toEqual(['RequestThrottled', 9000]);
  });

  it('takes a machine code beside a `detail` sentence (Buttondown)', () => {
    expect(c('buttondown/buttondown-docs-create-tag-name-collision').vendorCode).toBe('name_already_exists');
  });

  it.each([
    ['govee/govee-hacs-118-colour-command-fourteen-seconds'],
    ['eufy/eufy-ha-125-token-renew-eu-base'],
    ['podcast-index/podcast-index-node-example-undici-response-dump'],
    ['bitwarden/bitwarden-goldwarden-passwordless-device-lookup'],
    ['govee/govee-hacs-125-ten-thousand-per-day'],
  ])('takes no code from a setting’s name, a success status, a Response’s type, a reason phrase or a label (%s)', (ref) => {
    expect(c(ref).vendorCode).toBeUndefined();
  });
});

describe('printouts', () => {
  it.each([
    ['yoti/yoti-php-docscan-production-keys', 'APP_NOT_FOUND'],
    ['wyze/wyzeapy-918-refresh-during-setup', '2002'],
    ['liveperson/liveperson-devcenter-issue-193-agent-sdk-incoming-requests', 'token_rejected'],
  ])('reads the code an SDK prints (%s)', (ref, code) => {
    expect(c(ref).vendorCode).toBe(code);
  });

  it('takes no code from a log line’s milliseconds and level (`13:20:42,468 - WARNING - `)', () => {
    const f = classify({ body: '2020-04-01 13:20:42,468 - WARNING - ClockifyAPI - Archiving project 0 Androids failed, status code=404, msg=\n' });
    expect([f.code, f.vendorCode]).toEqual(['not_found', undefined]);
  });

  it('reads a status in `APIError(code=401)` as the status (python-substack)', () => {
    expect(c('substack/substack-python-issue-27-programmatic-login').code).toBe('unauthenticated');
    expect(c('substack/substack-python-issue-8-publish-post-example').vendorCode).toBeUndefined();
  });

  it('reads the ws library’s `unexpected server response (503)`', () => {
    expect(c('liveperson/liveperson-devcenter-issue-49-agent-sdk-websocket-connect').code).toBe('service_unavailable');
  });
});

describe('words', () => {
  it.each([
    ['liveperson/liveperson-devcenter-issue-184-visit-info-code-28', 'not_found'],
    ['wyze/wyzeapy-182-setup-parameter', 'invalid_request'],
    ['sumsub/sumsub-js-example-signature', 'unauthenticated'],
    ['eufy/eufy-iobroker-216-instance-setup', 'unauthenticated'],
    ['keeper/keeper-powercommander-azure-runbook', 'unauthenticated'],
    ['gpodder-net/gpodder-net-mygpo-832-sync-during-maintenance', 'client_timeout'],
  ])('%s → %s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });
});
