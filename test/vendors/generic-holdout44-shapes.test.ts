/**
 * What the forty-fourth holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): Oracle's REST error members (`o:errorCode`, `o:errorDetails`, `correlationId`) in a
 * problem body whose `type` links an HTTP RFC, Salt Edge's `error_class`, an ISAPI camera's `<ResponseStatus>`, Reolink's
 * `rspCode`, an OGC service's exception report, a `-ERR` line in a 200, a Go package's name before its error, a 401 or 405
 * whose words name the permission refused, a lock-out with its wait, and the words of BTCPay, Bitcoin Core,
 * Shuffle, jambonz, Navixy and Wazuh. Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT37_DIR, HOLDOUT39_DIR, HOLDOUT44_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';
import { expectBoundedHead } from '../support/bounded-head.js';

const { both, c } = shapeReaders([HOLDOUT44_DIR, HOLDOUT39_DIR, HOLDOUT37_DIR]);

describe("Oracle's REST errors (Oracle Hospitality)", () => {
  it.each([
    ['oracle-hospitality/oracle-hospitality-token-exchange-400-expiry-date-format', 'OPICS-0300'],
    ['oracle-hospitality/oracle-hospitality-token-exchange-422-psp-decline', 'OPICS-0204'],
    ['oracle-hospitality/oracle-hospitality-token-exchange-504-upstream-timeout', 'OPICS-0100'],
  ])('reads `o:errorDetails[].o:errorCode`, then `o:errorCode`, over a `type` that links an HTTP RFC (%s)', (ref, vendorCode) => {
    expect(fieldsOf(c(ref), ['vendorCode', 'requestId'])).toEqual([vendorCode, 'MzdhODNkZmMtNzk5YS00OTYxLTg3YTMtM2ZkYTE4YjJlMzc0']);
  });
});

describe('members', () => {
  it.each([
    ['saltedge-sca-authenticator/saltedge-sca-authenticator-sinatra-authorization-not-found', 'AuthorizationNotFound', 'not_found'],
    ['saltedge-spectre/saltedge-spectre-v4-apps-restricted', 'AppsRestricted', 'invalid_request'],
    ['saltedge-spectre/saltedge-spectre-v4-signature-not-match-importer-printout', 'SignatureNotMatch', 'unauthenticated'],
  ])('reads a JSON `error_class` as the code (%s)', (ref, vendorCode, code) => {
    for (const f of both(ref)) expect(fieldsOf(f, ['vendorCode', 'code'])).toEqual([vendorCode, code]);
  });

  it("takes no code from a log line's `error_class=`, the exception's class (Fluentd)", () => {
    for (const f of both('fluentd/fluentd-out-http-to-in-http-400-unrecoverable-printout')) expect(f.vendorCode).toBeUndefined();
  });

  it.each([
    ['reolink/reolink-login-max-session', '-5'],
    ['reolink/reolink-logout-please-login-first', '-6'],
  ])('reads Reolink’s `error.rspCode` over the command’s `code` (%s)', (ref, vendorCode) => {
    for (const f of both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });
});

describe('XML', () => {
  it.each(['hikvision-isapi/hikvision-isapi-device-error-200-picture', 'hikvision-isapi/hikvision-isapi-device-error-triggers'])(
    'reads an ISAPI `<ResponseStatus>` that is no OK as a failure, `subStatusCode` its code, in a 200 or with no status (%s)',
    (ref) => {
      for (const f of both(ref)) expect(fieldsOf(f, ['code', 'vendorCode', 'message'])).toEqual(['internal', 'deviceError', 'Device Error']);
    },
  );

  it('reads a namespaced `<ResponseStatus xmlns="…">` as XML, not as an HTML page', () => {
    expect(fieldsOf(c('hikvision-isapi/hikvision-isapi-invalid-operation-403'), ['vendor', 'vendorCode'])).toEqual(['generic', 'invalidOperation']);
  });

  it('leaves an ISAPI `<ResponseStatus>` whose statusCode is 1 (OK) a success', () => {
    const ok = '<ResponseStatus version="2.0"><statusCode>1</statusCode><statusString>OK</statusString><subStatusCode>ok</subStatusCode></ResponseStatus>';
    expect(classify({ status: 200, body: ok }).vendor).toBeUndefined();
  });

  it('reads an OGC `<ServiceExceptionReport>` in a 200 as a failure, its `code` attribute as the code (MapServer)', () => {
    for (const f of both('mapserver/mapserver-wms-layer-not-defined-200')) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual(['not_found', 'LayerNotDefined']);
  });
});

describe('text', () => {
  it.each([
    ['freeswitch/freeswitch-txtapi-uuid-kill-no-such-channel', 'not_found'],
    ['freeswitch/freeswitch-txtapi-sched-del-invalid-syntax', 'invalid_request'],
  ])('reads a 200 whose text opens with `-ERR ` as a failure (%s)', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  // (Its words must say no failure: since the fifty-sixth holdout a line that says one, as "no such channel" does, is read
  // as a failure in a 200 whatever it opens with.)
  it('leaves a 200 that says `-ERR` later a success', () => {
    expect(classify({ status: 200, body: 'Channel list: 3 channels -ERR\n' }).vendor).toBeUndefined();
  });

  it.each(['go2rtc/go2rtc-put-stream-source-not-supported', 'go2rtc/go2rtc-put-stream-insecure-producer'])(
    'takes no code from a Go package naming its error (`streams: …`, %s)',
    (ref) => {
      for (const f of both(ref)) expect(f.vendorCode).toBeUndefined();
    },
  );

  it('still reads a lower-case word that means something, or Prometheus’ errorType, as a chain’s code', () => {
    expect(classify({ body: 'toomanyrequests: You have reached your pull rate limit.' }).vendorCode).toBe('toomanyrequests');
    for (const f of both('grafana-mimir/grafana-mimir-query-length-exceeded-422')) expect(f.vendorCode).toBe('execution');
  });
});

describe('statuses and words', () => {
  it.each([
    ['core-lightning-clnrest/core-lightning-clnrest-rune-not-permitted-401', 'permission_denied'],
    ['misp/misp-no-permission-405-pymisp', 'permission_denied'],
  ])('reads a 401 or 405 whose words name the permission refused as a refused permission (%s)', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it('leaves a 401 that says only "unauthorized", or names a missing scope, a credential refused', () => {
    expect(classify({ status: 401, body: '{"message": "Unauthorized"}' }).code).toBe('unauthenticated');
    expect(classify({ status: 401, body: '{"message": "User (role: guests) missing scope (account)"}' }).code).toBe('unauthenticated');
  });

  it('reads a 403 that locks logins out for a stated time as a throttle on attempts (jambonz)', () => {
    for (const f of both('jambonz/jambonz-login-lockout-try-again-seconds')) expect(fieldsOf(f, ['code', 'retryAfterMs'])).toEqual(['rate_limited', 1_800_000]);
  });

  it.each([
    ['btcpay-server/btcpay-server-missing-permission-create-invoice-403', 'permission_denied'],
    ['btcpay-server/btcpay-server-missing-permission-list-stores', 'permission_denied'],
    ['navixy/navixy-panel-session-ended', 'unauthenticated'],
    ['wazuh/wazuh-legacy-active-response-bad-args-1650', 'invalid_request'],
    ['shuffle/shuffle-suborg-free-plan-limit', 'payment_required'],
    ['jambonz/jambonz-voip-carrier-delete-in-use', 'conflict'],
    ['bitcoin-core/bitcoin-core-warmup-loading-block-index', 'service_unavailable'],
    ['bitcoin-core/bitcoin-core-mempool-min-fee-not-met-cli', 'invalid_request'],
    ['esplora/esplora-broadcast-min-relay-fee-not-met', 'invalid_request'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });

  it('keeps "missing permissions" inside a hedge between missing and forbidden a missing thing', () => {
    const hedge = 'Object with ID 1 does not exist, cannot be loaded due to missing permissions, or does not support this operation.';
    expect(classify({ body: hedge }).code).toBe('not_found');
  });
});

describe('linear work on hostile input (counted, not timed)', () => {
  it.each([
    ['ISAPI status codes that never close', (n: number) => `<ResponseStatus><statusCode>${'2'.repeat(n)}`],
    ['OGC exception codes that never close', (n: number) => `<ServiceExceptionReport><ServiceException code="${'L'.repeat(n)}`],
    ['a doctype that never closes', (n: number) => `<?xml version="1.0"?><!DOCTYPE ${'S'.repeat(n)}`],
    ['an -ERR line that never ends', (n: number) => `-ERR ${'no such channel '.repeat(n / 16)}`],
    ['a chain of lower-case words', (n: number) => 'streams: '.repeat(n / 9)],
  ])('classify reads a bounded head of %s', (_name, make) => {
    expectBoundedHead(200, make);
  });
});
