/**
 * What the thirty-sixth holdout's misses showed, once it had measured the tree blind (so it no longer measures
 * unseen vendors: later holdouts do): Django REST framework's words for a missing credential under its 403, a code
 * pair in a bare list, a payload wrapper that holds an error in a 200 with a failure flag of 1, a message that is one
 * SCREAMING_SNAKE word, a name beside a number (Trino's `errorName`, an exception's class in `type` or `exception`),
 * Apollo's default code over a refusal's words, RFC 2616's section as a problem type, a sentence under `messages`, a
 * plain-text kebab-case code, Flask's hedged 500 page, and words (a user token, login parameters, a worker not
 * running). Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { HOLDOUT26_DIR, HOLDOUT36_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { both, c } = shapeReaders([HOLDOUT36_DIR]);

describe('members', () => {
  it.each(['netbox/netbox-no-credentials', 'nautobot/nautobot-no-credentials-docs'])(
    'reads Django REST framework’s “Authentication credentials were not provided.” under a 403 as unauthenticated (%s)',
    (ref) => {
      expect(c(ref).code).toBe('unauthenticated');
    },
  );

  it('reads GLPI’s `["ERROR_…", "message"]` pair as the code and its message', () => {
    for (const f of both('glpi/glpi-login-parameters-missing')) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual(['unauthenticated', 'ERROR_LOGIN_PARAMETERS_MISSING']);
  });

  it.each([
    ['tt-rss/tt-rss-invalid-session', 'unauthenticated', 'NOT_LOGGED_IN'],
    ['tt-rss/tt-rss-api-disabled', undefined, 'API_DISABLED'],
    ['tt-rss/tt-rss-incorrect-usage-content-type', undefined, 'INCORRECT_USAGE'],
  ])('reads an error inside `content` of a 200 whose `status` is the failure flag 1, and no code from the flag (%s)', (ref, code, vendorCode) => {
    for (const f of both(ref)) {
      expect(f.vendorCode).toBe(vendorCode);
      if (code !== undefined) expect(f.code).toBe(code);
    }
  });

  it('reads a message that is one SCREAMING_SNAKE word as the code (Wargaming)', () => {
    const { both: inTwentySixth } = shapeReaders([HOLDOUT26_DIR]);
    for (const f of inTwentySixth('wargaming/wargaming-wot-account-info-app-id')) expect(f.vendorCode).toBe('INVALID_APPLICATION_ID');
  });

  it.each([
    ['trino/trino-syntax-error-in-200', 'SYNTAX_ERROR'],
    ['apache-gravitino/gravitino-catalog-already-exists-409', 'CatalogAlreadyExistsException'],
    ['firefly-iii/firefly-iii-unauthenticated-importer', 'AuthenticationException'],
  ])('reads the name beside a number, or an exception’s class, as the code (%s)', (ref, vendorCode) => {
    for (const f of both(ref)) expect(f.vendorCode).toBe(vendorCode);
  });

  it.each(['wiki-js/wiki-js-graphql-forbidden-page-content', 'wiki-js/wiki-js-graphql-forbidden-users-list'])(
    'reads Apollo’s default INTERNAL_SERVER_ERROR by its message when the message is a refusal (%s)',
    (ref) => {
      expect(fieldsOf(c(ref), ['code', 'retry'])).toEqual(['permission_denied', 'never']);
    },
  );

  it('takes no code from a problem type that is RFC 2616’s status section (wallabag)', () => {
    expect(c('wallabag/wallabag-entries-lists-500-problem').vendorCode).toBeUndefined();
  });

  it('reads a sentence under `messages` as the message (Snipe-IT)', () => {
    for (const f of both('snipe-it/snipe-it-asset-does-not-exist')) expect(fieldsOf(f, ['code', 'message'])).toEqual(['not_found', 'Asset does not exist.']);
  });

  it.each([
    ['actual-budget/actual-budget-sync-file-not-found', 'file-not-found', 'not_found'],
    ['actual-budget/actual-budget-sync-file-has-reset', 'file-has-reset', 'invalid_request'],
  ])('reads a plain-text body that is one kebab-case word as the code (%s)', (ref, vendorCode, code) => {
    for (const f of both(ref)) expect(fieldsOf(f, ['code', 'vendorCode'])).toEqual([code, vendorCode]);
  });

  it('reads Flask’s hedged 500 page (“Either the server is overloaded or …”) quoted by a client as internal, not load (MLflow)', () => {
    for (const f of both('mlflow/mlflow-log-parameter-500-html')) expect(fieldsOf(f, ['code', 'retry'])).toEqual(['internal', 'idempotent']);
  });
});

describe('words', () => {
  it.each([
    ['glpi/glpi-user-token-invalid', 'unauthenticated'],
    ['nautobot/nautobot-rq-worker-not-running', 'service_unavailable'],
  ])('%s is %s', (ref, code) => {
    for (const f of both(ref)) expect(f.code).toBe(code);
  });
});
