/**
 * What the fifth holdout's misses showed, once it had measured the tree blind (so it no longer
 * measures unseen vendors: the sixth holdout does): a list of sentences under `errors`; `status_msg`
 * and a `status_code` beyond every HTTP status (MiniMax); the status openai-node and the Anthropic SDK
 * print for an error with no body; Chinese vendors' words, which are not spaced; printouts quoting
 * a JSON body, which the generic layer reads whole; and wording several vendors use. Every body is a
 * corpus case (its `source` says where it was copied from) or a vendor's documented message.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/entry/default-classifier.js';
import { statusInText } from '../../src/vendors/generic/printed-status.js';
import { meaningOf } from '../../src/vendors/generic/lexicon.js';
import { corpusResponse, HOLDOUT5_DIR } from '../corpus/corpus.js';
import { fieldsOf, shapeReaders } from '../corpus/shape-readers.js';
import { stringWork } from '../support/string-work.js';

const { files, c } = shapeReaders([HOLDOUT5_DIR]);
const corpus = (ref: string) => corpusResponse(files, ref);

describe('members', () => {
  it('reads the first of a list of sentences under `errors` (OneSignal)', () => {
    expect(c('onesignal/access-denied-rich-key').code).toBe('unauthenticated');
    expect(classify({ body: '{"errors": ["Rate limit exceeded"]}' }).code).toBe('rate_limited');
  });

  it('reads `status_msg`, and a `status_code` no HTTP status uses as the code (MiniMax `base_resp`)', () => {
    expect(fieldsOf(c('minimax/invalid-api-key-2049'), ['code', 'vendorCode'])).toEqual(['unauthenticated', '2049']);
  });

  it('takes a `status_code` in the HTTP range as the status, never as the code', () => {
    const f = classify({ body: '{"status_code": 429, "status_msg": "slow down"}' });
    expect([f.code, f.vendorCode]).toEqual(['rate_limited', undefined]);
  });

  it('lets a named code outrank the number in `status_code`', () => {
    expect(classify({ body: '{"status_code": 1004, "message": "quota", "code": "E_QUOTA"}' }).vendorCode).toBe('E_QUOTA');
  });
});

describe('the status an SDK prints for an error with no body', () => {
  it('reads `405 status code (no body)` (openai-node, core/error.ts makeMessage) as 405', () => {
    expect(statusInText(corpus('deepinfra/405-no-body-openai-compatible').body)).toBe(405);
    expect(c('deepinfra/405-no-body-openai-compatible').code).toBe('not_implemented');
  });

  // How hand-written clients word a failed call (messages their public test suites assert).
  it.each([
    ['Request failed with status 503. Please try again later.', 503],
    ['OAuth2 token request failed with status 500', 500],
  ] as const)('reads the status after `status ` in %j', (text, status) => {
    expect(statusInText(text)).toBe(status);
  });

  it('reads curl’s own name as no code (`curl: (22) The requested URL returned error: 503`, curl’s CURLE_HTTP_RETURNED_ERROR)', () => {
    const f = classify({ body: 'curl: (22) The requested URL returned error: 503' });
    expect([f.code, f.vendorCode]).toEqual(['service_unavailable', undefined]);
  });

  it.each(['1405 status code', '200 status code', 'a.503 status code', 'status 200 ok', 'status 5030'])('reads no status in %j', (text) => {
    expect(statusInText(text)).toBeUndefined();
  });
});

describe('Chinese vendors’ words', () => {
  it.each([
    'zhipu/balance-1113-upstream-429-log',
    'zhipu/balance-1113-python-log',
    'zhipu/balance-continue-429',
  ])('%s: 余额不足 … 请充值 is a spent balance, whatever the status', (ref) => {
    expect(c(ref).code).toBe('payment_required');
  });

  // Zhipu's error table (https://docs.bigmodel.cn/cn/faq/api-code) and Tencent Cloud's
  // (https://cloud.tencent.com/document/product/1240/100406), as the vendors word them.
  it.each([
    ['您的账户已欠费,请充值后重试', 'payment_required'],
    ['您当前使用该 API 的并发数过高,请降低并发,或联系客服增加限额', 'rate_limited'],
    ['该 API 已达今日调用次数限额,如有更多需求,请联系客服购买', 'quota_exhausted'],
    ['系统检测到输入或生成内容可能包含不安全或敏感内容,请您避免输入易产生敏感内容的提示语,感谢您的配合', 'content_filtered'],
    ['Prompt 超长', 'context_length_exceeded'],
    ['身份验证失败', 'unauthenticated'],
    ['您无权访问 ${API_name}', 'permission_denied'],
    ['模型不存在,请检查模型代码', 'not_found'],
    ['该模型当前访问量过大,请您稍后再试', 'overloaded'],
    ['请求过于频繁', 'rate_limited'],
    ['未授权操作', 'permission_denied'],
  ] as const)('%s → %s', (text, code) => {
    expect(meaningOf(text).any).toBe(code);
  });

  it('keeps the status classes weak: 系统内部错误 says no more than a 500', () => {
    expect(meaningOf('系统内部错误')).toEqual({ any: 'internal', strong: undefined });
  });

  it('lets English words decide first', () => {
    expect(meaningOf('rate limit exceeded: 余额不足').any).toBe('rate_limited');
  });

  it('reads a bounded head of a long Chinese text', () => {
    const text = '参'.repeat(1 << 20);
    const { chars } = stringWork(() => meaningOf(text));
    expect(chars).toBeLessThanOrEqual(64 * 1024);
  });
});

describe('printouts that quote a body', () => {
  it('are the generic layer’s, which reads the quoted envelope whole (MiniMax through an Anthropic-style body)', () => {
    expect(fieldsOf(c('minimax/insufficient-balance-1008-500'), ['vendor', 'code', 'vendorCode', 'requestId'])).toEqual(['generic', 'payment_required', 'api_error', '05997465cd2ee4bd50b24b216c911b75']);
  });

  it('as a Python dict too (openai-python’s `Error code: 429 - {…}`)', () => {
    expect(fieldsOf(c('minimax/insufficient-balance-1008-429-python'), ['vendor', 'code', 'vendorCode', 'requestId'])).toEqual(['generic', 'payment_required', 'insufficient_balance_error', 'xxxx']);
  });

  it('while a whole body as a Python dict stays the LLM profile’s (Hugging Face’s loading list)', () => {
    const f = classify({ body: "[{'error': 'Model echarlaix/tiny-random-mistral is currently loading', 'estimated_time': 20.0}]" });
    expect([f.vendor, f.code]).toEqual(['llm-text', 'service_unavailable']);
  });

  it('reads DeepSeek’s "Content Exists Risk" as a filter, not a duplicate, wherever it is printed', () => {
    expect(meaningOf('Content Exists Risk').any).toBe('content_filtered');
  });
});

describe('the reason phrase beside a `statusCode` (Boom, NestJS)', () => {
  it('is no code: the flat-error profile leaves it to the generic layer (CoinMarketCap’s retired API)', () => {
    expect(fieldsOf(c('coinmarketcap/old-api-offline-410'), ['vendor', 'code', 'vendorCode'])).toEqual(['generic', 'gone', undefined]);
  });

  it('while a code in `error` is still the flat shape’s', () => {
    const f = classify({ status: 402, body: '{"statusCode": 402, "error": "insufficient_credits", "message": "Top up"}' });
    expect([f.vendor, f.code, f.vendorCode]).toEqual(['flat-error', 'payment_required', 'insufficient_credits']);
  });
});

describe('words', () => {
  it.each([
    ['ovh/not-granted-call-body', 'permission_denied'],
    ['siliconflow/prompt-too-long-20015', 'context_length_exceeded'],
    ['sambanova/sequence-length-cline', 'context_length_exceeded'],
    ['dashscope/arrearage-java-sdk', 'payment_required'],
  ] as const)('%s → %s', (ref, code) => {
    expect(c(ref).code).toBe(code);
  });
});
