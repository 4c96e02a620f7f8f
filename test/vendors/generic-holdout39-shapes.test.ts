/**
 * What the thirty-ninth holdout's misses showed, once it had measured the tree blind (so it no longer measures
 * unseen vendors: later holdouts do): the Subsonic API's XML root that says `status="failed"` in a 200, a small
 * `status: "failed"` beside its message in a 200, a lockout whose blocked access names the attempts spent and its wait,
 * a JSON-RPC number in a pyzabbix tuple, JSON-RPC's reserved phrase beside a `data` sentence (read by the generic layer,
 * not the JSON-RPC profile), and words (a session terminated, a parameter that is required, a user who is not admin).
 * Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { HOLDOUT38_DIR, HOLDOUT39_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';
import { expectBoundedHead } from '../support/bounded-head.js';

const { both } = shapeReaders([HOLDOUT39_DIR]);

describe('members and printed forms', () => {
  it.each([
    ['airsonic/airsonic-wrong-credentials', 'unauthenticated', '40'],
    ['airsonic/airsonic-playlist-not-found', 'not_found', '70'],
    ['airsonic/airsonic-playlist-permission-denied', 'permission_denied', '50'],
  ])('reads the Subsonic API’s `<subsonic-response status="failed">` in a 200 by its `<error code message/>` (%s)', (ref, code, vendorCode) => {
    for (const f of both(ref)) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual([code, vendorCode]);
  });

  it.each([
    ['observium/observium-ajax-actions-unauthorized', 'unauthenticated'],
    ['observium/observium-ajax-action-not-allowed-readonly', 'permission_denied'],
    ['observium/observium-ajax-alert-entry-not-found', 'not_found'],
  ])('reads `{"status": "failed", "message": …}` in a 200 as an error (%s)', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it('reads a lockout whose blocked access names the attempts spent as a rate limit, with its wait (Technitium)', () => {
    for (const f of both('technitium/technitium-login-network-blocked')) {
      expect(fieldsOf(f, ['code', 'retry', 'retryAfterMs'])).toEqual(['rate_limited', 'always', 300_000]);
    }
  });

  it.each(['zabbix/zabbix-item-already-exists-pyzabbix', 'zabbix/zabbix-not-authorised-nagstamon'])(
    'reads the JSON-RPC number pyzabbix prints in its exception’s tuple (%s)',
    (ref) => {
      for (const f of both(ref)) expect(f.vendorCode).toBe('-32602');
    },
  );

  it('reads the `data` sentence beside JSON-RPC’s reserved “Invalid params.” (Zabbix), in the default classify too', () => {
    for (const f of both('zabbix/zabbix-session-terminated')) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual(['unauthenticated', '-32602']);
  });
});

describe('words', () => {
  it.each([
    [HOLDOUT39_DIR, 'fluentd/fluentd-in-http-missing-json-param-windows-curl', 'invalid_request'],
    [HOLDOUT38_DIR, 'postal/postal-parameter-error-missing-id', 'invalid_request'],
    [HOLDOUT39_DIR, 'gonic/gonic-internet-radio-create-not-admin', 'permission_denied'],
  ])('%s is %s', (dir, ref, code) => {
    for (const f of shapeReaders([dir]).both(ref)) expect(f.code).toBe(code);
  });
});

describe('linear work on hostile input (counted, not timed)', () => {
  it.each([
    ['XML roots whose attributes never say failed', (n: number) => `<?xml version="1.0"?><subsonic-response ${'a="b" '.repeat(n / 6)}>`],
    ['XML roots cut short', (n: number) => '<subsonic-response status="fail'.repeat(n / 31)],
  ])('classify reads a bounded head of %s', (_name, make) => {
    expectBoundedHead(200, make);
  });
});
