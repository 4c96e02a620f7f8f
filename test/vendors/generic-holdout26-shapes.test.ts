/**
 * What the twenty-sixth holdout's misses showed, once it had measured the tree blind (so it no longer measures
 * unseen vendors: later holdouts do): BigBlueButton's `messageKey`, Kia's `resCode` and `msgId`, a namespaced SOAP
 * fault's elements (Travelport's `<common_v36_0:Code>`, `<SOAP-ENV:faultcode>`, `TransactionId`), a RETS reply's
 * `ReplyCode`, PlayStation's number beside an OAuth name, Renault's `messages` list, a one-word error beside a sentence
 * in `info` (Daily), a 200 body with a trailing comma (Sabre), and lexicon words. Every body is a corpus case (its
 * `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { HOLDOUT7_DIR, HOLDOUT12_DIR, HOLDOUT26_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c } = shapeReaders([HOLDOUT26_DIR, HOLDOUT12_DIR, HOLDOUT7_DIR]);

describe('codes', () => {
  it.each([
    ['bigbluebutton/bigbluebutton-node-package-room-create-issue5721', 'checksumError'],
    ['bigbluebutton/bigbluebutton-redmine-plugin-restart-meeting-issue20', 'invalidMeetingIdentifier'],
    ['hyundai-kia-connect/hyundai-kia-connect-eu-kia-vehicles-list-iobroker-171', '5091'],
    ['renault/renault-vehicle-details-ra-624', 'err.tech.wired.vehicle-details'],
  ])('reads `messageKey` (XML and printed), `resCode` over a one-letter `retCode`, and codes in a `messages` list (%s)', (ref, code) => {
    expect(c(ref).vendorCode).toBe(code);
  });

  it.each([
    ['travelport/travelport-uapi-airprice-cart-700003-3', '700003'],
    ['travelport/travelport-uapi-php-sample-air-credentials-78', '76'],
  ])('reads a namespaced document’s `<prefix:Code>` and `<prefix:faultcode>` (%s)', (ref, code) => {
    expect(c(ref).vendorCode).toBe(code);
  });

  it('takes no code from a namespaced fault code that restates a status (`<SOAP-ENV:faultcode>401`)', () => {
    expect(fieldsOf(c('travelport/travelport-uapi-sharedbooking-bookingstart-207'), ['code', 'vendorCode'])).toEqual(['permission_denied', undefined]);
  });

  it.each([
    ['rets/rets-offutt-search-count-estately-75', '20201', 'not_found'],
    ['rets/rets-mresdms-search-select-librets-19', '20202', 'invalid_request'],
  ])('reads a RETS reply’s last `ReplyCode` that is not 0, with its `ReplyText` (%s)', (ref, code, meaning) => {
    expect(fieldsOf(c(ref), ['vendorCode', 'code'])).toEqual([code, meaning]);
  });

  it.each([
    ['playstation-network/playstation-network-ssocookie-login-php-client', '4097'],
    ['playstation-network/playstation-network-ca-account-ssocookie-playnite-plugin', '20'],
  ])('takes the vendor’s number beside an OAuth error name as the code, the name for its meaning (%s)', (ref, code) => {
    expect(fieldsOf(c(ref), ['vendorCode', 'code'])).toEqual([code, 'unauthenticated']);
  });
});

describe('request ids', () => {
  it.each([
    ['travelport/travelport-uapi-airprice-cart-700003-3', '0611223E0A07647897286180BF274DD6'],
    ['hyundai-kia-connect/hyundai-kia-connect-eu-kia-vehicle-status-iobroker-122', 'd42b515b-9df5-441d-be0c-c0498f7a5cf8'],
  ])('reads a SOAP fault’s `TransactionId` and a `msgId` (%s)', (ref, id) => {
    expect(c(ref).requestId).toBe(id);
  });
});

describe('envelopes', () => {
  it.each([
    ['daily-co/daily-co-elixir-create-room-name-foo-twice', 'already_exists'],
    ['daily-co/daily-co-docs-errors-page-auth-header-example', 'unauthenticated'],
  ])('reads the sentence in `info` beside a one-word `error` (%s)', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });

  it('finds the error in a 200 body JSON.parse refuses for a trailing comma (Sabre)', () => {
    expect(fieldsOf(c('sabre/sabre-rpc-shopping-request-oneway-fields'), ['code', 'vendorCode'])).toEqual(['validation_failed', 'REQUIRED_FIELD_MISSING']);
  });
});

describe('words', () => {
  it.each([
    ['tomtom/tomtom-search-403-developer-inactive', 'unauthenticated'],
    ['hotelbeds/hotelbeds-postman-hotels-get-sandbox-111', 'unauthenticated'],
    ['hotelbeds/hotelbeds-net-sdk-test-environment-daily-calls-30', 'quota_exhausted'],
    ['mediacloud/mediacloud-dashboard-hanging-queries', 'quota_exhausted'],
    ['yandex-translate/yandex-translate-v15-shared-app-key-september', 'quota_exhausted'],
    ['amazon-chime-sdk/amazon-chime-sdk-media-capture-pipeline-per-meeting-issue2100', 'quota_exhausted'],
    ['aviationstack/aviationstack-powerapps-connector-free-plan-2874', 'permission_denied'],
    ['mediacloud/mediacloud-explorer-story-cliff-tool-key', 'permission_denied'],
    ['mediacloud/mediacloud-topics-story-detail-regular-user', 'permission_denied'],
    ['bigbluebutton/bigbluebutton-getdefaultconfigxml-alt-shape-issue3148', 'unauthenticated'],
    ['clever/clever-lms-connect-assignments-incorrect-token', 'unauthenticated'],
    ['playstation-network/playstation-network-friends-list-refresh-token-authfile', 'unauthenticated'],
    ['yandex-translate/yandex-translate-web-sid-translate-shell-fr', 'unauthenticated'],
    ['wargaming/wargaming-wot-account-info-app-id', 'unauthenticated'],
    ['openexchangerates/invalid-app-id-printout', 'unauthenticated'],
    ['google-cloud-translation/google-cloud-translation-subtitleedit-v2-key', 'unauthenticated'],
    ['bigbluebutton/bigbluebutton-redmine-plugin-restart-meeting-issue20', 'not_found'],
    ['renault/renault-battery-status-ra-1103', 'bad_gateway'],
    ['exercism/exercism-cli-v3-download-freelancer-rates', 'malformed_response'],
    ['skyscanner/skyscanner-python-sdk-readme-live-prices-13', 'malformed_response'],
    ['gm-onstar/gm-onstar-diagnostics-request-status-o2m-259', 'internal'],
    ['mediacloud/mediacloud-topic-stories-count-media-filter', 'internal'],
    ['mediacloud/mediacloud-feeds-scrape-status-no-args', 'internal'],
  ])('reads %s as %s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });
});
