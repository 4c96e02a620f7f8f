/**
 * What the twenty-first holdout's misses showed, once it had measured the tree blind (so it no longer measures
 * unseen vendors: later holdouts do): OAuth errors in a pasted redirect URL and `unauthorized_client` as a refusal;
 * a Bearer challenge's `error`; FHIR OperationOutcome issues and OData's `message.value`; negative codes written as
 * strings; an exception named in a JSON-RPC error's `data`; Cloudflare's numbered page pasted without a status;
 * printed codes (`Could not login: INVALID_TOKEN`, `SomeException: invalid_token`) and a bracketed status; a
 * camelCase message as the code; a correlation id in a Microsoft message and `req_id`; lexicon words (name
 * resolution, a proxy tunnel, node-fetch's network timeout, a password or session refused, a temporary ban,
 * Cloudflare's challenge page). Every body is a corpus case (its `source` says where it was copied from), or a
 * public-corpus body quoted inline to show what a rule leaves alone.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT21_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c } = shapeReaders([HOLDOUT21_DIR]);

describe('OAuth and its challenge', () => {
  it.each([
    ['cerner/cerner-yourphr-338-patient-launch-with-provider-app'],
    ['oura/oura-custom-component-4-oauth-callback-grant'],
  ])('reads the error a pasted redirect URL carries, and unauthorized_client as a refusal (%s)', (ref) => {
    expect(fieldsOf(c(ref), ['code', 'vendorCode'])).toEqual(['permission_denied', 'unauthorized_client']);
  });

  it('takes the `error` of a Bearer challenge when the body names none (Epic)', () => {
    expect(c('epic/epic-sandbox-r4-patient-read-malformed-bearer').vendorCode).toBe('invalid_token');
  });
});

describe('envelopes', () => {
  it('reads a FHIR OperationOutcome’s issue, the vendor’s coding before FHIR’s own code (Epic, Cerner)', () => {
    expect(c('epic/epic-sandbox-r4-patient-read-bogus-fhir-id').vendorCode).toBe('59008');
    expect(c('cerner/cerner-open-sandbox-r4-patient-read-bogus-id').vendorCode).toBe('not-found');
  });

  it('reads OData’s `message.value`, and a negative code written as a string (SAP Business One)', () => {
    expect(c('sap-business-one/sap-business-one-php-sapb1-14-inventorycounting-remark-old-shape').code).toBe('invalid_request');
    expect(c('sap-business-one/sap-business-one-php-sapb1-14-inventorycounting-remark-10-00-210').vendorCode).toBe('-1000');
  });

  it('takes the exception a JSON-RPC server error names in `data`, and its id (Geotab)', () => {
    expect(fieldsOf(c('geotab/geotab-get-results-limit-50001-over-max'), ['vendorCode', 'requestId'])).toEqual(['OverLimitException', '16526e19-06b9-4a4a-b2a3-c1dbc0144cd8']);
  });

  it('takes a camelCase message as the code (LibreLinkUp)', () => {
    expect(c('abbott-librelinkup/abbott-librelinkup-nightscout-123-login-status-2').vendorCode).toBe('notAuthenticated');
  });

  it('reads the correlation id a Microsoft message holds (Business Central)', () => {
    expect(c('dynamics-365-business-central/dynamics-365-business-central-nav-docker-570-s2s-sandbox-container').requestId).toBe('c32f628c-2b96-48c1-8b4b-7440366a21ef');
  });

  it('reads `req_id` as a request id (Dataverse)', () => {
    expect(c('dynamics-365-dataverse/dynamics-365-dataverse-crmwebapi-29-qualifylead-action').requestId).toBe('1db9a756-66b6-4bc4-85c7-71c3d6a42cfc');
  });
});

describe('pages and printouts', () => {
  it('reads a Cloudflare page pasted with no status by the number its feedback script names (LibreLinkUp)', () => {
    expect(fieldsOf(c('abbott-librelinkup/abbott-librelinkup-nightscout-182-cloudflare-page-heroku'), ['code', 'vendorCode'])).toEqual(['rate_limited', '1015']);
  });

  it.each([
    ['blynk/blynk-library-issue-569-raspberry-pi-doorlock', 'INVALID_TOKEN'],
    ['signnow/signnow-dotnet-issue-128-get-document-vb', 'invalid_token'],
  ])('reads a code printed at a line’s end (%s)', (ref, code) => {
    expect(c(ref).vendorCode).toBe(code);
  });

  it('takes no code from a status’s name printed after it (Vercel’s `504: GATEWAY_TIMEOUT`)', () => {
    const f = classify({ status: 504, body: 'This Serverless Function has timed out.\n\n504: GATEWAY_TIMEOUT\nCode: FUNCTION_INVOCATION_TIMEOUT\nID: bom1:bom1::mhp76-1733494531544-de5962421606\n' });
    expect(f.vendorCode).toBe('FUNCTION_INVOCATION_TIMEOUT');
  });

  it('reads a bracketed status opening the message (Autodesk’s PHP client)', () => {
    expect(c('autodesk-platform-services/autodesk-platform-services-php-client-35-translate-job').code).toBe('not_found');
  });
});

describe('words', () => {
  it.each([
    ['open-edx/open-edx-dl-name-resolution-failure', 'connect_failed'],
    ['balena/balena-cli-issue-1483-device-logs-fetch', 'client_timeout'],
    ['dexcom/dexcom-share-ous-login-by-account-id-wrong-password', 'unauthenticated'],
    ['dexcom/dexcom-share-latest-glucose-stale-session-id', 'unauthenticated'],
    ['abbott-librelinkup/abbott-librelinkup-nightscout-146-fr-region-temporary-ban', 'rate_limited'],
    ['abbott-librelinkup/abbott-librelinkup-nightscout-129-cloudflare-challenge-page', 'permission_denied'],
  ])('%s → %s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });
});
