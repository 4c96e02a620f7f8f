/**
 * A request id printed in text, found by the label in front of it: `Request ID: …` in an AWS SDK
 * printout or a CloudFront page, `RequestId:…` in an Azure Storage message, `x-request-id: …` in a
 * CLI's dump, Microsoft identity's `Trace ID: …`, Azure's `ActivityId: …`, `Correlation ID: …`,
 * Varnish's `XID: …`, Akamai's `Reference #…` and an edge page's own `ID: …` line (Vercel); an AWS X-Ray trace id
 * (`Root=1-…`) wherever it stands; and an id a vendor's sentence names (Stripe's `Request req_…:`, OpenAI's "the request ID
 * … in your message").
 *
 * Only these labels are read, so no value under a key, token, secret or password label is ever
 * taken for an id; the value must be one token of 5 to 128 id characters with a digit in it.
 */

// A label, its separator (`: `, `=`, `": "`, `\":\"`) and one token of id characters. Every
// quantifier is bounded, and the token is taken whole by a lookahead and a backreference (an atomic
// group), so no match attempt backtracks into it: linear in the text. The id may stand on the next line,
// indented, as Ghost's log prints `Error ID:\n    bf659eb0-…`. The client's own
// `x-ms-client-request-id` is not the server's id; `ID` alone counts only at a line's start. A page may wrap the id
// in one tag (Cloudflare's footer: `Cloudflare Ray ID: <strong class="font-semibold">93c52078dfda50b6</strong>`).
const LABEL =
  /(?<![a-z\d])(?:(?<!client[-_ ])(request|req|trace|tracking|activity|correlation|error|ray|incident|operation)[-_ ]?u?id|xid|(?<=^|[\n\r])(id))\\?["']?[ \t]{0,3}[:=](?:\r?\n)?[ \t]{0,8}(?:<[a-z][^<>]{0,80}>)?\\?["']?(?=([a-z\d][\w.:/+=-]{0,128}))\3|(?<![a-z\d])reference(?: ?#|&#32;&#35;)(?=([a-z\d][\w.:/+=-]{0,128}))\4/gi;

// What every match of LABEL holds: `id` right before its separator, or `reference` before its `#`.
// A plain pattern (no lookbehind, a literal first) is far cheaper to scan for, and most error
// messages print no id label at all: they are spared LABEL's lookbehinds at every position.
const MAYBE_LABEL = /id\\?["']?[ \t]{0,3}[:=]|reference(?: ?#|&#32;)/i;

/**
 * Dropwizard's answer to an exception no mapper took (LoggingExceptionMapper): "There was an error processing
 * your request. It has been logged (ID 04ffb32b229d7a80)." The id is the one its server log holds.
 */
const LOGGED = /has been logged \(ID ([0-9a-f]{16})\)/;

/**
 * An AWS X-Ray trace id (`Root=1-6a396a0a-6443e3411ba8e1b70bbe7d7c`), the `X-Amzn-Trace-Id` an AWS load balancer or API
 * Gateway gives each request, which services behind them print in their messages (Qobuz's "User authentication is
 * required. (Root=1-…)"): the id AWS's own tools find the request by. Fixed widths: linear.
 */
const XRAY = /Root=1-[0-9a-f]{8}-[0-9a-f]{24}(?![0-9a-f])/;

/**
 * Azure's messaging services (Event Grid, Service Bus) close a message with the id to report: "Report
 * '3508d5f3-2431-48fe-9480-84f4f8b7d060:0:2/22/2021 11:54:39 PM (UTC)' to our forums …". Fixed widths: linear.
 */
const AZURE_REPORT = /Report '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):/;

/** A correlation vector's characters, from the start of a slice. Anchored, one class: linear. */
const CV = /^[\w.+/=-]{5,128}/;

/**
 * The correlation vector (MS-CV) Microsoft Teams' endpoints give a request, which an Office 365 connector's relayed
 * error closes with: "… returned HTTP error 429 with ContextId tcid=0,server=…,cv=…,MS-CV=Oadgc+LA1kAVqmLcffH/jg.0..".
 * Its `MS-CV`, else its `cv`, on the ContextId's line: found by index, so no pattern scans the text.
 */
function contextVector(text: string): string | undefined {
  const at = text.indexOf('ContextId tcid=');
  const line = text.slice(at, at + 400).split('\n', 1)[0] ?? '';
  const ms = line.indexOf('MS-CV=');
  const cv = ms >= 0 ? ms + 6 : line.indexOf(',cv=');
  const token = cv < 0 ? undefined : CV.exec(line.slice(ms >= 0 ? cv : cv + 4))?.[0];
  return token === undefined ? undefined : shaped(token);
}

/**
 * Ids a vendor's sentence names without a label's separator: Stripe's SDKs open the message with it ("Request
 * req_CTIrD2ZKgsZ8Ua: Your card was declined."; stripe-php's "(Status 400) (Request req_qp5ygScTPZF6Jk) …"), OpenAI's
 * messages ask for it ("Please include the request ID req_1332ed8a813a4caaa2f0f3c55a6a68cb in your message."), GitHub's
 * GraphQL API too ("Please include `AE24:722D:20DF2FD:45B79D6:5C07C446` when reporting this issue."), and its REST API's
 * secondary rate limit ("please include the request ID FA2D:87B1:8879E3:1176C87:6570B7E6."), SageMaker's runtime
 * ("Please contact customer support regarding request 6fa5c87f-…"), Azure Resource Manager's internal errors ("The
 * tracking activity id is 'e41cec0a-…', correlation id is '…'") and Stripe's dashboard link to the request's log
 * (`request_log_url: https://dashboard.stripe.com/test/logs/req_zgxnSj0ZmjQvcL?t=…`, as a Dart map prints it). Bounded
 * quantifiers, one literal per branch: linear.
 */
const SAID = /\bRequest (req_[A-Za-z0-9]{8,40})(?:: |\))|\brequest ID ([A-Za-z0-9_-]{8,64}) in your |Please include `([0-9A-F]{1,8}(?::[0-9A-F]{1,12}){4})` when reporting|include the request ID ([0-9A-F]{1,8}(?::[0-9A-F]{1,12}){4})\b|(?:regarding request |activity id is ')([0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12})\b|\/logs\/(req_[A-Za-z0-9]{8,40})\b/;

/** Where an unlabelled form may start. */
const UNLABELLED = /Root=1-|logged \(ID |Report '|ContextId tcid=|Request req_|request ID |Please include `|regarding request |activity id is '|\/logs\/req_/;

/** Matches looked at per text: a bound on hostile input made of labels. */
const MAX_LABELS = 16;

/** The id itself, without a sentence's full stop or colon after it, if its shape is an id's. */
function shaped(token: string): string | undefined {
  let end = token.length;
  while (end > 0 && (token[end - 1] === '.' || token[end - 1] === ':')) end--;
  const id = token.slice(0, end);
  return token.length <= 128 && id.length >= 5 && /\d/.test(id) && !id.includes('://') ? id : undefined;
}

/**
 * The request id a text prints after a request-id label, if any: a request id before a trace or
 * activity id (or Varnish's XID, Akamai's reference, an edge page's ID line), before a correlation id.
 *
 * @example
 * ```ts
 * requestIdInText('AADSTS7000215: Invalid client secret is provided. Trace ID: 02f6f1c8-78b8-44f9-9576-66a55b4aa100 Correlation ID: 52f513ad-…');
 * // '02f6f1c8-78b8-44f9-9576-66a55b4aa100'
 * ```
 * @internal
 */
export function requestIdInText(text: string): string | undefined {
  const labelled = MAYBE_LABEL.test(text) ? labelledId(text) : undefined;
  if (labelled !== undefined) return labelled;
  // One pass asks for both unlabelled forms; most texts hold neither.
  const form = UNLABELLED.exec(text)?.[0];
  if (form === 'ContextId tcid=') return contextVector(text);
  if (form === undefined) return undefined;
  if (form === 'Root=1-') return XRAY.exec(text)?.[0];
  if (form === "Report '") return AZURE_REPORT.exec(text)?.[1];
  if (form === 'logged (ID ') return LOGGED.exec(text)?.[1];
  const said = SAID.exec(text);
  return said === null ? undefined : (said[1] ?? said[2] ?? said[3] ?? said[4] ?? said[5] ?? said[6]);
}

/** The best id after a label: a request id, then a trace or activity id, then a correlation id. */
function labelledId(text: string): string | undefined {
  let best: string | undefined;
  let bestRank = 3;
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(text), n = 1; m !== null && bestRank > 0; m = n++ < MAX_LABELS ? LABEL.exec(text) : null) {
    const word = m[1]?.toLowerCase();
    const rank = word === 'request' || word === 'req' ? 0 : word === 'correlation' ? 2 : 1;
    const id = rank < bestRank && (m[2] === undefined || m[2] === 'ID') ? shaped(m[3] ?? m[4] ?? '') : undefined;
    if (id !== undefined) [best, bestRank] = [id, rank];
  }
  return best;
}

/**
 * The value itself when it is one id token (5 to 128 id characters with a digit, no `/`): an
 * occurrence id such as problem+json's `instance` when it is a bare id rather than a path or URL.
 *
 * @example
 * ```ts
 * idToken('85c2fcb7-c094-4d00-85d8-3db71bff8622'); // '85c2fcb7-c094-4d00-85d8-3db71bff8622'
 * idToken('/accounts/12345/messages/abc'); // undefined
 * ```
 * @internal
 */
export function idToken(value: string | undefined): string | undefined {
  return value !== undefined && /^[a-z\d][\w.:+=-]{4,127}$/i.test(value) ? shaped(value) : undefined;
}
