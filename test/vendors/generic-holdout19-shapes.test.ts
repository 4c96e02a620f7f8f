/**
 * What the nineteenth holdout's misses showed, once it had measured the tree blind (so it no longer measures
 * unseen vendors: later holdouts do): problem details read by their words under a response status (api.video),
 * with a `problems` list as its fields; an OAuth error as a redirect's query (`error=…&error_description=…`);
 * a message that is one snake_case word as the code (The Graph's `indexing_error`); a `failure` object
 * (Zamzar); Blockfrost's reason phrase beside its `status_code`; lexicon words (a TLS certificate not
 * verified, HTTP 405's phrase, a per-second limit that suggests an upgrade, credits per second, an IP banned
 * for flooding, a JSON decoder's complaint, an unexpected content type, no nodes available, a wrong value, a
 * file over the maximum size). Every body is a corpus case (its `source` says where it was copied from).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { HOLDOUT19_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';

const { c } = shapeReaders([HOLDOUT19_DIR]);

describe('problem details (api.video)', () => {
  it.each([
    ['api-video/apivideo-auth-invalid-user-credentials-400', 'unauthenticated'],
    ['api-video/apivideo-summary-already-exists-409', 'already_exists'],
    ['api-video/apivideo-source-already-uploaded', 'conflict'],
    ['api-video/apivideo-create-attribute-required-problems', 'validation_failed'],
  ])('reads the title and detail under the status (%s → %s)', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });

  it('lists a `problems` entry as a field', () => {
    expect(c('api-video/apivideo-create-attribute-required-problems').fields?.[0]).toEqual({ path: 'title', message: 'This attribute is required.' });
  });

  it('with no response status leaves the body to the generic layer, as before (Airflow’s 409 in the body)', () => {
    const f = classify({ body: '{"detail":"DAGRun already exists","status":409,"title":"Conflict","type":"https://airflow.apache.org/docs/#section/Errors/AlreadyExists"}' });
    expect([f.code, f.vendor]).toEqual(['already_exists', 'generic']);
  });
});

describe('envelopes', () => {
  it('reads an OAuth error as a redirect’s query carries it', () => {
    expect(fieldsOf(c('dailymotion/dailymotion-oauth-redirect-uri-mismatch'), ['code', 'vendorCode'])).toEqual(['invalid_request', 'redirect_uri_mismatch']);
  });

  it('takes a message that is one snake_case word as the code (The Graph)', () => {
    expect(c('the-graph/thegraph-uniswap-v3-indexing-error').vendorCode).toBe('indexing_error');
  });

  it('reads a `failure` object’s code and message (Zamzar)', () => {
    expect(fieldsOf(c('zamzar/zamzar-mock-import-failed-size-cap'), ['code', 'vendorCode'])).toEqual(['payload_too_large', '7']);
    expect(c('zamzar/zamzar-mock-job-failed-source-too-small').vendorCode).toBe('2');
  });

  it('takes no code from a reason phrase beside `status_code` (Blockfrost)', () => {
    expect(c('blockfrost/blockfrost-invalid-project-token-lucid').vendorCode).toBeUndefined();
  });
});

describe('words', () => {
  it.each([
    ['dailymotion/dailymotion-php-transport-ssl-certificate', 'connect_failed'],
    ['jw-player/jwplatform-php-v2-method-not-allowed', 'not_implemented'],
    ['quicknode/quicknode-anvil-fork-32007-per-second-limit', 'rate_limited'],
    ['quicknode/quicknode-forge-32012-credits-limited', 'rate_limited'],
    ['quicknode/quicknode-batch-32012-ruby-inspect', 'rate_limited'],
    ['blockfrost/blockfrost-docs-418-auto-banned', 'rate_limited'],
    ['smartling/smartling-cli-decode-json-eof', 'malformed_response'],
    ['zencoder/zencoder-php-unexpected-content-type-html', 'malformed_response'],
    ['ankr/ankr-docs-32055-no-nodes-available', 'service_unavailable'],
    ['poeditor/poeditor-4043-wrong-language-code', 'invalid_request'],
  ])('%s → %s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });
});
