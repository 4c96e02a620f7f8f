/**
 * JSON-RPC 2.0 error responses (https://www.jsonrpc.org/specification#error_object):
 * `{"jsonrpc": "2.0", "id": …, "error": {"code": <integer>, "message", "data"}}`, alone or inside a
 * batch array, usually on HTTP 200. Ethereum nodes and their hosted providers (geth, Infura,
 * Alchemy, QuickNode), Solana, Bitcoin Core, language servers and MCP servers all speak it.
 *
 * `vendorCode` is the numeric code as a string. The spec's own codes (-32700 parse error, -32600
 * invalid request, -32601 method not found, -32602 invalid params, -32603 internal error) and the
 * Ethereum extensions of EIP-1474 (https://eips.ethereum.org/EIPS/eip-1474#error-codes: -32001
 * resource not found … -32005 limit exceeded) decide the code. The rest of -32000..-32099 is
 * "reserved for implementation-defined server-errors": geth sends every failure as -32000, so the
 * message decides ("request rate exceeded" is a throttle); a message that says nothing known leaves
 * the code to the status, and on a 200 the engine lets the generic layer read the message.
 * EIP-1474's numbers are Ethereum's: a server that is no Ethereum node uses them its own way (Leantime's -32005
 * "Client exists already"), so a message whose strong words name another meaning names the error; anywhere in the
 * range a message that says the call timed out (OpenWrt's uhttpd: -32003 "ubus request timed out") is a gateway timeout.
 * Some providers put an HTTP status in `code` (QuickNode's `{"code": 429, …}`): it means that status.
 * Ethereum nodes answer a reverted call with code 3, "execution reverted: <reason>": a bad request.
 *
 * In that range an exception's name in `data.type` is the code (Geotab's `OverLimitException`), and `data.id` the occurrence.
 *
 * Infura's limit-exceeded errors carry the wait in `data.backoff_seconds` (its docs) or
 * `data.rate.backoff_seconds` (what its servers send).
 */
import type { FaultCode } from '../core/catalog.js';
import { codeForStatus } from '../core/status.js';
import { builtinProfile, withRender } from './builtin-profile.js';
import type { FaultDraft, ResponseSnapshot, VendorProfile } from './profile.js';
import { codeTable } from './code-table.js';
import { meaning } from './generic/lexicon.js';
import { asRecord, readNumber, readString } from './profile.js';
import { renderCode, renderHeaders, renderStatus } from './render-helpers.js';

/**
 * JSON-RPC 2.0's messages for its reserved codes, which say only which code it is.
 * @example
 * ```ts
 * RPC_PHRASE.test('Invalid params.'); // true
 * ```
 * @internal
 */
export const RPC_PHRASE = /^(?:Invalid params|Invalid Request|Internal error|Parse error|Method not found|Server error)\.?$/i;

/**
 * JSON-RPC 2.0 and EIP-1474 error codes, by the numeric code as a string.
 * @example
 * ```ts
 * JSONRPC_CODES['-32005']; // 'rate_limited'
 * ```
 * @internal
 */
export const JSONRPC_CODES = /* @__PURE__ */ codeTable({
  // -32700 parse error, -32600 invalid request, -32602 invalid params; EIP-1474 -32003 transaction rejected
  invalid_request: '-32700 -32600 -32602 -32003',
  // -32601 method not found; EIP-1474 -32004 method not supported, -32006 JSON-RPC version not supported
  not_implemented: '-32601 -32004 -32006',
  internal: '-32603',
  // EIP-1474 -32001 resource not found, -32002 resource unavailable, -32005 limit exceeded
  not_found: '-32001',
  service_unavailable: '-32002',
  rate_limited: '-32005',
  // The Language Server Protocol's RequestCancelled (-32800: the client cancelled it) and ContentModified (-32801: the
  // document changed while the request ran), microsoft.github.io/language-server-protocol, "ErrorCodes"
  cancelled: '-32800',
  conflict: '-32801',
});

// What a node's own -32000..-32099 message says of a throttle: Infura "project ID request rate exceeded",
// "daily request count exceeded, request rate limited" (throttled, not refused: Infura's docs), QuickNode
// "The requests per second (RPS) of your requests are higher than your plan allows", "Too Many Requests".
// A plain alternation with fixed words: linear on any input.
const THROTTLE = /\brequest rate (?:exceeded|limited)\b|\brate limit(?:ed|s| exceeded| reached)?\b|\btoo many requests\b|\brequests per second\b/i;

/** A contract call that reverted, as geth, Ganache and Moonbeam word it. Fixed words, anchored: linear on any input. */
const REVERTED = /^(?:execution reverted\b|VM Exception while processing transaction: revert\b)/i;

/** A message that says the server's call timed out. A plain alternation with fixed words: linear on any input. */
const TIMED_OUT = /\b(?:request|call) timed out\b/i;

/**
 * The strong meaning a message names when it is not `table`'s, else `undefined`; a field's words ("Plugin 'Timesheets'
 * is required but not enabled") name no error of the server's own.
 */
function otherMeaning(message: string | undefined, table: FaultCode | undefined): FaultCode | undefined {
  const said = meaning(message, true);
  return said === table || said === 'validation_failed' ? undefined : said;
}

/** The first JSON-RPC error object of a response or a batch, and its integer code. */
function errorOf(json: unknown): { error: Readonly<Record<string, unknown>>; code: number } | undefined {
  const list = Array.isArray(json) ? json.slice(0, 16) : [json];
  for (const item of list) {
    const body = asRecord(item);
    const error = asRecord(body?.error);
    const code = error?.code;
    if (body?.jsonrpc === '2.0' && error !== undefined && typeof code === 'number' && Number.isInteger(code)) return { error, code };
  }
  return undefined;
}

/** Infura's `backoff_seconds`, flat in `data` or under `data.rate`, in ms. */
function backoff(data: unknown): number | undefined {
  const record = asRecord(data);
  const seconds = readNumber(record, 'backoff_seconds') ?? readNumber(asRecord(record?.rate), 'backoff_seconds');
  return seconds !== undefined && seconds >= 0 && seconds <= 86_400 ? Math.round(seconds * 1000) : undefined;
}

function parse(s: ResponseSnapshot): FaultDraft | undefined {
  const found = errorOf(s.json);
  if (found === undefined) return undefined;
  const { error, code } = found;
  const vendorCode = String(code);
  const message = readString(error, 'message');
  // The spec's phrase says less than a sentence in `data` (Zabbix's `-32602` "Invalid params." beside "Session terminated,
  // re-login, please."): the generic layer reads both.
  if (typeof error.data === 'string' && RPC_PHRASE.test(message ?? '')) return undefined;
  const serverError = code <= -32000 && code >= -32099;
  let named: FaultCode | undefined;
  // An HTTP status where the spec's integer goes: that status's meaning.
  if (code >= 400 && code <= 599) named = codeForStatus(code);
  // geth's revert: code 3 with the contract's reason (go-ethereum internal/ethapi revertError); the call as sent fails.
  // So does Ganache's and Moonbeam's under the catch-all -32603 or a server code: "VM Exception while processing
  // transaction: revert …".
  // OpenEthereum's EXECUTION_ERROR (-32015) "VM execution error." says so in its `data`: "Reverted 0x08c379a0…".
  else if (((code === 3 || code === -32603 || serverError) && REVERTED.test(message ?? '')) || (code === -32015 && typeof error.data === 'string' && error.data.startsWith('Reverted'))) named = 'invalid_request';
  else if (serverError && !Object.hasOwn(JSONRPC_CODES, vendorCode) && THROTTLE.test((message ?? '').slice(0, 500))) named = 'rate_limited';
  // The range is the server's own, EIP-1474's numbers in it too: OpenWrt's uhttpd sends -32003 as "ubus request timed
  // out", its backend's silence, not Ethereum's rejected transaction.
  else if (serverError && TIMED_OUT.test((message ?? '').slice(0, 200))) named = 'gateway_timeout';
  // Solana's -32005 is a node too far behind the cluster to answer ("Node is behind by 59093 slots"), not EIP-1474's limit.
  else if (code === -32005 && /^Node is (?:behind|unhealthy)\b/.test(message ?? '')) named = 'service_unavailable';
  // Off Ethereum, EIP-1474's numbers are a server's own (Leantime's -32005 "Client exists already", -32002 "The task you
  // tried to edit could not be found.", -32001 "You are not allowed to edit this project."): a message that names another
  // meaning than the table's, by the lexicon's strong words, names the error.
  // Not under an HTTP status that says more than a class: the MCP SDK's server answers a session it no longer knows with a
  // 404 and -32001 "Session not found", which is the status's, not a credential refused.
  else if (code <= -32001 && code >= -32006) named = s.status === undefined || s.status < 400 || s.status === 400 || s.status === 500 ? otherMeaning(message, JSONRPC_CODES[vendorCode]) : undefined;
  // So does the spec's catch-all internal error, which servers send for whatever their handler threw (Snapcast's -32603
  // "Stream not found"), and its invalid request, which geth sends for a batch over its limit ("batch too large").
  else if (code === -32603 || code === -32600) named = otherMeaning(message, JSONRPC_CODES[vendorCode]);
  // An implementation-defined server error names its exception and this occurrence in `data` (Geotab's MyGeotab:
  // `"code": -32000, "data": {"id": "16526e19-…", "type": "OverLimitException"}`): the class is the code the vendor documents.
  const data = asRecord(error.data);
  // Betfair's API-NG names its exception in `data` and nests it there (`"data": {"exceptionname": "AccountAPINGException",
  // "AccountAPINGException": {"errorCode": "NO_SESSION", "requestUUID": …}}`): the generic layer reads that deeper code.
  if (serverError && typeof data?.exceptionname === 'string') return undefined;
  const type = serverError ? readString(data, 'type') : undefined;
  const thrown = type !== undefined && /^[A-Z]\w{0,80}Exception$/.test(type) ? type : undefined;
  const id = thrown === undefined ? undefined : readString(data, 'id');
  return { code: named, vendorCode: thrown ?? vendorCode, message, retryAfterMs: backoff(error.data), requestId: id !== undefined && /^[\w-]{8,64}$/.test(id) ? id : undefined };
}

/**
 * What the default classify carries of {@link jsonrpcProfile}: all of it but its renderer.
 * @internal
 */
export const jsonrpcReader: VendorProfile = /* @__PURE__ */ builtinProfile({
  id: 'jsonrpc',
  keys: ['jsonrpc'],
  codes: JSONRPC_CODES,
  detect: (s) => errorOf(s.json) !== undefined,
  parse,
});

/**
 * JSON-RPC 2.0 error objects, with the Ethereum (EIP-1474) codes and Infura's backoff.
 *
 * @example
 * ```ts
 * classify({ status: 429, body: '{"jsonrpc":"2.0","id":1,"error":{"code":-32005,"message":"project ID request rate exceeded","data":{"backoff_seconds":30}}}' });
 * // { code: 'rate_limited', vendor: 'jsonrpc', vendorCode: '-32005', retryAfterMs: 30000, … }
 * ```
 * @public
 */
export const jsonrpcProfile: VendorProfile = /* @__PURE__ */ withRender(jsonrpcReader, {
  render(fault) {
    const code = Number(renderCode(JSONRPC_CODES, fault) ?? '-32603');
    const error: Record<string, unknown> = { code: Number.isInteger(code) ? code : -32603, message: fault.message };
    if (fault.retryAfterMs !== undefined) error.data = { backoff_seconds: fault.retryAfterMs / 1000 };
    return { status: renderStatus(fault), headers: renderHeaders(fault, 'x-request-id'), body: JSON.stringify({ jsonrpc: '2.0', id: 1, error }) };
  },
});
