/**
 * What the twenty-seventh holdout's misses showed, once it had measured the tree blind (so it no longer measures
 * unseen vendors: later holdouts do): Bullhorn's `errorMessageKey`, MLB's `messageNumber`, `errorDescription` and
 * `result_msg` as messages, Azure IoT Hub's `ErrorCode:…;`, Anti-Captcha's codes as its clients print them, PHP's
 * SoapFault printout, an `<error code="…" message="…"/>` element, a SOAP fault whose faultstring is the code, XML
 * replies that are no HTML page, a lone member wrapping the reply, an error list in a 200 named for its errors, a
 * GraphQL error's words, a status beside "timed out after", and lexicon words. Every body is a corpus case (its
 * `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { HOLDOUT26_DIR, HOLDOUT27_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c } = shapeReaders([HOLDOUT27_DIR, HOLDOUT26_DIR]);

describe('codes', () => {
  it.each([
    ['bullhorn/bullhorn-sdk-rest-login-bhresttoken', 'errors.internalError'],
    ['mlb-stats-api/mlb-stats-api-sdk-fixture-teams-stats-404', '10'],
  ])('reads `errorMessageKey` and `messageNumber` (%s)', (ref, code) => {
    expect(c(ref).vendorCode).toBe(code);
  });

  it.each([
    ['azure-iot-hub/azure-iot-hub-java-registry-get-device', 'DeviceNotFound'],
    ['anti-captcha/anti-captcha-python-client-report-incorrect-96', 'ERROR_NO_SUCH_CAPCHA_ID'],
    ['anti-captcha/anti-captcha-kinancity-provider-poll-pr-76', 'ERROR_PROXY_CONNECT_TIMEOUT'],
    ['eu-vies/eu-vies-dragonbe-long-list-iteration', 'MS_UNAVAILABLE'],
  ])('reads `ErrorCode:X;`, `[ERROR_X:16]`, an `ERROR_…` word in a log line and a SoapFault printout (%s)', (ref, code) => {
    expect(c(ref).vendorCode).toBe(code);
  });

  it('reads Azure IoT Hub’s code in its JSON `Message`, and the code’s words', () => {
    expect(fieldsOf(c('azure-iot-hub/azure-iot-hub-iothub-explorer-create-foo'), ['vendorCode', 'code'])).toEqual(['DeviceAlreadyExists', 'already_exists']);
  });

  it.each([
    ['subsonic/subsonic-navidrome-getcoverart-sonos-bonob-284', '0'],
    ['bigbluebutton/bigbluebutton-getdefaultconfigxml-alt-shape-issue3148', 'checksumError'],
  ])('reads an `<error code|key="…" message="…"/>` element (%s)', (ref, code) => {
    expect(c(ref).vendorCode).toBe(code);
  });

  it('takes a SOAP fault’s faultstring that is a code over its bare `env:Server`, and reads the fault as XML, not a page (EU VIES)', () => {
    expect(fieldsOf(c('eu-vies/eu-vies-soap-checkvat-dotnet-fixture'), ['vendorCode', 'code'])).toEqual(['MS_MAX_CONCURRENT_REQ', 'rate_limited']);
  });

  it('reads a RETS reply with a status as XML, not a page', () => {
    expect(c('rets/rets-treb-login-version-rc-110').vendorCode).toBe('20036');
  });

  it('reads the reply inside a lone wrapping member (GM OnStar’s `commandResponse`)', () => {
    expect(c('gm-onstar/gm-onstar-diagnostics-request-status-o2m-291').vendorCode).toBe('ONS-216');
  });
});

describe('envelopes', () => {
  it('finds the error in a 200 whose member is named for its errors (`errorWrappers`)', () => {
    expect(c('eu-vies/eu-vies-rest-check-vat-number-fixture').vendorCode).toBe('INVALID_INPUT');
  });

  it.each([
    ['sungrow-isolarcloud/sungrow-isolarcloud-getcloudlist-postman-post', 'internal'],
    ['capmonster-cloud/capmonster-cloud-js-sdk-createtask-fixture-clientkey', 'unauthenticated'],
  ])('reads `result_msg` and `errorDescription` as the message (%s)', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });

  it('reads a GraphQL error’s words before guessing from its `path`', () => {
    expect(c('openstates/openstates-graphql-tx-85-sb969').code).toBe('not_found');
  });

  it('reads "timed out after 30 seconds" under a 408 as the server’s timeout, not the client’s', () => {
    expect(c('newscatcher/newscatcher-v3-search-multi-year-query-doc').code).toBe('request_timeout');
  });
});

describe('words', () => {
  it.each([
    ['google-recaptcha/google-recaptcha-laravel-pkg-double-verify-issue-140', 'gone'],
    ['friendly-captcha/friendly-captcha-siteverify-doc-mismatch-36', 'gone'],
    ['anti-captcha/anti-captcha-discord-mass-dm-send-message-562', 'overloaded'],
    ['bls/bls-blscraper-key-not-passed', 'quota_exhausted'],
    ['hmrc/hmrc-self-employment-tree-walk-hateoas', 'rate_limited'],
    ['openstates/openstates-v3-bill-search-python-client', 'rate_limited'],
    ['espn/espn-fantasy-ffscrapr-old-host-issue-446', 'malformed_response'],
    ['eu-vies/eu-vies-php-validator-soap-client', 'malformed_response'],
    ['friendly-captcha/friendly-captcha-php-curl-query-string-190', 'unauthenticated'],
    ['openstates/openstates-v1-key-may-2018', 'unauthenticated'],
    ['pinnacle/pinnacle-r-client-balance-issue-4', 'unauthenticated'],
    ['sungrow-isolarcloud/sungrow-isolarcloud-addon-login-eu-gateway', 'unauthenticated'],
    ['sungrow-isolarcloud/sungrow-isolarcloud-getpsdetail-homebridge', 'unauthenticated'],
    ['medium/medium-posts-create-step-3-3-api-docs-117', 'invalid_request'],
    ['medium/medium-github-action-draft-post-8', 'invalid_request'],
  ])('reads %s as %s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });
});
