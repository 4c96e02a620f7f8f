/**
 * What the thirty-first holdout's misses showed, once it had measured the tree blind (so it no longer measures
 * unseen vendors: later holdouts do): client names that open a printout and are no code (Google's Go client, .NET's
 * HttpResponseMessage), an OAuth 2.0 token endpoint's code wherever a client prints it, the Azure SDK for Python's
 * `(Code) message`, Azure messaging's "Report '<id>:…'", urllib's URLError, and PatentsView's `payload`. Every body is
 * a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { HOLDOUT18_DIR, HOLDOUT31_DIR, HOLDOUT6_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c, g } = shapeReaders([HOLDOUT31_DIR, HOLDOUT18_DIR, HOLDOUT6_DIR]);

describe('printouts', () => {
  it.each([
    ['google-cloud-pubsub/pubsub-subscription-topic-not-found', 'not_found'],
    ['azure-event-grid/eventgrid-publish-413-request-entity-too-large', 'payload_too_large'],
    ['infobip/csharp-restsharp-unauthorized-printout', 'unauthenticated'],
  ])('takes no code from a client’s name that opens the line (`googleapi:`, `StatusCode:`) (%s)', (ref, code) => {
    expect(fieldsOf(c(ref), ['vendorCode', 'code'])).toEqual([undefined, code]);
  });

  it.each([
    ['uber/uber-token-invalid-grant', 'invalid_grant'],
    ['upwork/upwork-php-oauth2-invalid-grant', 'invalid_grant'],
    ['upwork/upwork-refresh-token-invalid-grant', 'invalid_grant'],
    ['moneybird/moneybird-401-token-invalid-guzzle', 'invalid_grant'],
  ])('reads an OAuth 2.0 token endpoint’s code wherever a client prints it (%s)', (ref, code) => {
    expect(g(ref).vendorCode).toBe(code);
  });

  it.each([
    ['azure-event-grid/eventgrid-unexpected-source-property', 'BadRequest', '3508d5f3-2431-48fe-9480-84f4f8b7d060'],
    ['azure-event-grid/eventgrid-cloudevent-schema-mismatch', 'BadRequest', 'db470b0f-8566-45c8-afa0-e2c410a89aaa'],
  ])('reads the Azure SDK for Python’s `(Code) message` and the id Azure asks to report (%s)', (ref, code, id) => {
    expect(fieldsOf(g(ref), ['vendorCode', 'requestId'])).toEqual([code, id]);
  });

  it('reads urllib’s URLError as a connection never made', () => {
    expect(fieldsOf(g('prix-carburants/prix-carburants-dns-try-again'), ['code', 'retry'])).toEqual(['connect_failed', 'always']);
  });
});

describe('members', () => {
  it('reads an error under `payload` beside `"status": "error"` (PatentsView)', () => {
    expect(fieldsOf(g('patentsview/patentsview-query-internal-error-qdis1'), ['code', 'vendorCode'])).toEqual(['internal', 'QDIS1']);
  });
});
