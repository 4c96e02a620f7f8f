/**
 * What the twelfth holdout's misses showed, once it had measured the tree blind (so it no longer
 * measures unseen vendors: later holdouts do): no phrase runs
 * across the seam between what the envelope read and the text it read it from; ASP.NET's `ModelState`
 * is a field-level rejection; COM-era `<Error><Number>`/`<Description>` XML and Namecheap's
 * `<Error Number="…">`; a wrong password; QPS; a client that expected JSON, or could not parse a
 * response, and a server that could not parse the request; `[422:INVALID_BODY]`; a seven-digit code in
 * parentheses; the `correlation-id` header; an id beside an `errors` list. Every body is a corpus case
 * (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { meaningOf } from '../../src/vendors/generic/lexicon.js';
import { corpusResponse, HOLDOUT3_DIR, HOLDOUT12_DIR, loadCorpus } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c } = shapeReaders([HOLDOUT12_DIR]);

describe('words', () => {
  it.each([
    // TomTom: "ServiceException: Unknown response 403: <h1>Developer Over Qps</h1>"
    ['tomtom/tomtom-403-developer-over-qps', 'rate_limited'],
    // USPS Web Tools: "Authorization failure. Perhaps username and/or password is incorrect."
    ['usps/usps-webtools-80040b1a-bad-credentials-xml', 'unauthenticated'],
    // gerrit-rest-java-client: "Expected JSON but got 'text/html; charset=utf-8'."
    ['gerrit/gerrit-intellij-expected-json-got-html', 'malformed_response'],
    // DHL Parcel NL: "The supplied body could not be parsed correctly"
    ['dhl/dhlparcel-nl-body-not-parsed', 'invalid_request'],
  ] as const)('%s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });

  it('reads a client that could not parse the response as the response’s fault, not the request’s', () => {
    expect(meaningOf('Error: unable to parse response body').strong).toBe('malformed_response');
    expect(meaningOf('The supplied body could not be parsed correctly').any).toBe('invalid_request');
    // A traceback's frame names a function, not what failed (xmlrpclib's `parse_response`, seen on the fourteenth set).
    expect(meaningOf('  File "/usr/lib/python2.7/xmlrpclib.py", line 1473, in parse_response').strong).toBeUndefined();
  });

  it('runs no phrase across the seam between the envelope’s reading and the printout (ShipStation’s "invalid." then "Client error")', () => {
    expect(meaningOf('The request is invalid. \f Client error: `POST https://ssapi.shipstation.com/…`').strong).toBeUndefined();
    expect(meaningOf('The request is invalid. \n Client error').strong).toBe('unauthenticated');
    // Strava's code and message, joined by a line, still read as one ("invalid" + "Authorization Error").
    expect(classify(corpusResponse(loadCorpus(HOLDOUT3_DIR), 'strava/access-token-invalid')).code).toBe('unauthenticated');
  });
});

describe('shapes', () => {
  it('reads ASP.NET’s `ModelState` under a 400 as a field-level rejection (ShipStation via Guzzle)', () => {
    expect(c('shipstation/shipstation-createlabel-400-testlabel-modelstate').code).toBe('validation_failed');
  });

  it('reads `<Error><Number>` with its `<Description>` (USPS Web Tools) and `<Error Number="…">` (Namecheap)', () => {
    expect(c('usps/usps-webtools-80040b1a-bad-credentials-xml').vendorCode).toBe('80040B1A');
    expect(c('namecheap/namecheap-xml-invalid-request-ip-1011150').vendorCode).toBe('1011150');
  });

  it('reads the GoDaddy provider’s `[422:INVALID_BODY]` as a status and a code', () => {
    expect(fieldsOf(c('godaddy/godaddy-terraform-422-invalid-body'), ['code', 'vendorCode'])).toEqual(['validation_failed', 'INVALID_BODY']);
  });

  it('reads a seven-digit code in parentheses closing a line (Namecheap’s Terraform provider)', () => {
    expect(c('namecheap/namecheap-terraform-domain-not-found-2019166').vendorCode).toBe('2019166');
  });

  it('reads the `correlation-id` header (DHL) and an id beside an `errors` list (Sumo Logic) as the request id', () => {
    expect(c('dhl/dhl-tracking-404-no-shipment-problem-json').requestId).toBe('8a3b2528-2772-4521-8b3d-cd4fcb7e690b');
    expect(c('sumo-logic/sumologic-terraform-rate-limit-exceeded').requestId).toBe('0H9HG-7A2K0-T5B0K');
    // Under a success status the `id` is the resource's.
    expect(classify({ status: 200, body: '{"id":"ord_12345","errors":[{"code":"partial","message":"Rate limit exceeded"}]}' }).requestId).toBeUndefined();
  });
});
