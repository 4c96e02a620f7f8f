/**
 * What the sixty-fourth holdout's misses showed, once it had measured the tree blind (so it no longer measures unseen
 * vendors: later holdouts do): a flat `error` that only names the status in capitals is left to the generic layer, and
 * the flat shape's `errorMessage` and `retryAfter` are read; Portuguese and Spanish member names (`codigo`, `mensagem`,
 * `erros`); an exception's object nested by its name (Betfair's API-NG), which the JSON-RPC profile leaves to the generic
 * layer; ZATCA's `validationResults.errorMessages`; a placeholder where a request id goes; a plain-text body of a two-word
 * snake_case name; and words. Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { readFlatError } from '../../src/vendors/flat-error.js';
import { HOLDOUT62_DIR, HOLDOUT64_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { both, c } = shapeReaders([HOLDOUT64_DIR, HOLDOUT62_DIR]);

describe('the flat `{"error": <code>, …}` shape', () => {
  it("a status's name in capitals under that status is left to the generic layer, which reads the message", () => {
    expect(fieldsOf(c('octo-api/octo-api-authorization-header-missing'), ['code', 'vendor'])).toEqual(['unauthenticated', 'generic']);
    expect(c('omnivore/omnivore-digest-unauthorized').vendorCode).toBeUndefined();
  });

  it("so is any code in capitals beside a message, whose words are read beside it (OCTO's UNPROCESSABLE_ENTITY under a 400)", () => {
    expect(fieldsOf(c('octo-api/octo-api-validation-ticket-required'), ['code', 'vendor', 'vendorCode'])).toEqual(['validation_failed', 'generic', 'UNPROCESSABLE_ENTITY']);
    expect(fieldsOf(c('octo-api/octo-api-booking-cannot-be-cancelled'), ['code', 'vendorCode'])).toEqual(['conflict', 'UNPROCESSABLE_ENTITY']);
  });

  it('a code in capitals alone, or one in lower case, is still the profile’s', () => {
    expect(fieldsOf(classify({ status: 400, body: '{"error": "RATE_LIMITED"}' }), ['code', 'vendor'])).toEqual(['rate_limited', 'flat-error']);
    expect(fieldsOf(classify({ status: 402, body: '{"error": "insufficient_credits", "message": "Top up"}' }), ['code', 'vendor'])).toEqual(['payment_required', 'flat-error']);
  });

  it('reads `errorMessage` and a `retryAfter` in seconds', () => {
    const f = readFlatError({ error: 'TOO_MANY_REQUESTS', errorMessage: 'Too many requests, please retry later', retryAfter: 1 });
    expect([f?.message, f?.retryAfterMs]).toEqual(['Too many requests, please retry later', 1000]);
    expect(c('octo-api/octo-api-too-many-requests-in-400').retryAfterMs).toBe(1000);
  });
});

describe('envelopes', () => {
  it.each([
    ['focus-nfe/focus-nfe-empresa-nao-encontrada', 'nao_encontrado'],
    ['focus-nfe/focus-nfe-nfcom-cnpj-nao-autorizado', 'permissao_negada'],
    ['focus-nfe/focus-nfe-empresa-parametros-invalidos', 'parametros_invalidos'],
  ])('`codigo` is a code, `erros` an error list: %s names %s', (ref, vendorCode) => {
    for (const f of both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });

  it('`mensagem` is the message', () => {
    expect(c('focus-nfe/focus-nfe-empresa-nao-encontrada').message).toBe('Empresa não encontrada');
  });

  it("an object named for its exception is read (Betfair's API-NG inside a JSON-RPC error)", () => {
    const f = c('betfair-exchange/betfair-exchange-accounts-no-session');
    expect(fieldsOf(f, ['vendor', 'vendorCode', 'requestId'])).toEqual(['generic', 'NO_SESSION', 'prdaan001-10091152-0001162118']);
  });

  it('a JSON-RPC error without one is still the profile’s', () => {
    const f = classify({ status: 200, body: '{"jsonrpc": "2.0", "id": 1, "error": {"code": -32601, "message": "Method not found"}}' });
    expect(fieldsOf(f, ['code', 'vendor', 'vendorCode'])).toEqual(['not_implemented', 'jsonrpc', '-32601']);
  });

  it("ZATCA's `validationResults.errorMessages` holds the code", () => {
    expect(c('zatca-fatoora/zatca-fatoora-credit-note-rejected').vendorCode).toBe('BR-CO-15');
  });

  it.each([
    'betfair-exchange/betfair-exchange-accounts-invalid-app-key-node-printout',
    'zatca-fatoora/zatca-fatoora-compliance-csid-not-compliant',
  ])('a placeholder names no request: %s', (ref) => {
    for (const f of both(ref)) expect(f.requestId).toBeUndefined();
  });

  it.each([
    ['shikimori/shikimori-age-restricted', 'age_restricted'],
    ['shikimori/shikimori-rkn-banned', 'rkn_banned'],
  ])('a plain-text body of one two-word snake_case name: %s names %s', (ref, vendorCode) => {
    expect(c(ref).vendorCode).toBe(vendorCode);
  });
});

describe('words', () => {
  it.each([
    ['la-bonne-boite/la-bonne-boite-signature-invalid', 'unauthenticated'],
    ['la-bonne-boite/la-bonne-boite-timestamp-expired', 'unauthenticated'],
    ['octo-api/octo-api-booking-cannot-be-cancelled', 'conflict'],
    ['tiqets-supplier-api/tiqets-supplier-api-cancellation-not-possible', 'conflict'],
    ['focus-nfe/focus-nfe-evento-nota-ja-cancelada', 'conflict'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });
});
