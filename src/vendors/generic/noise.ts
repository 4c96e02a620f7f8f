/**
 * What a pasted text holds that says nothing of what failed, taken out before its words are read: the frames of
 * a stack trace (the code that ran, not what went wrong), members printed empty, and curl's own verbose lines.
 */

/** One indented `at …` frame line of a .NET, Java or JavaScript stack trace. */
const FRAME_LINE = /^[ \t]{1,8}at [^\n]{1,2000}$/gm;

/**
 * A Python traceback's text without its frames: each `File "…", line N, in fn` line and the source (and
 * Python 3.11's carets) under it name the code that ran (`if … is_f1_session_in_progress():`,
 * `rateLimitDuration=None`), not what failed, which the exception line after the frames says. Of a chain
 * ("During handling of the above exception, another exception occurred"), the first traceback is the
 * cause: shodan's `APIError: Invalid API key` under the `Retry limit reached (5)` its retry loop raised.
 * One pass over the lines of the bounded head.
 */
export function withoutFrames(head: string): string {
  // .NET's, Java's and JavaScript's frames are one indented line each (`   at Blackbaud.…AuthenticationService.FetchTokens(…)`,
  // `\tat com.example.Client.call(Client.java:42)`, `    at fetch (node:internal/…)`): their names are code that ran,
  // and `AuthenticationService` is no credential refused.
  if (head.includes('\n   at ') || head.includes('\n\tat ') || head.includes('\n    at ')) head = head.replace(FRAME_LINE, '');
  // A paste may begin mid-traceback, at a frame, with no header.
  const header = head.indexOf('Traceback (most recent call last)');
  const start = header >= 0 ? header : head.includes('", line ') && head.includes('File "') ? 0 : -1;
  if (start < 0) return head;
  const chained = head.indexOf('\nDuring handling of the above exception', start);
  const caused = head.indexOf('\nThe above exception was the direct cause', start);
  const end = Math.min(chained < 0 ? head.length : chained, caused < 0 ? head.length : caused);
  const lines = head.slice(0, end).split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const trimmed = line.trimStart();
    if (!trimmed.startsWith('File "') || !trimmed.includes('", line ')) {
      kept.push(line);
      continue;
    }
    const indent = line.length - trimmed.length;
    for (let next = lines[i + 1]; next !== undefined && next.length - next.trimStart().length > indent; next = lines[i + 1]) i++;
  }
  return kept.join('\n');
}

/**
 * A member printed with nothing in it says nothing of what failed, though its name holds a meaning's
 * word: Bungie's `"ThrottleSeconds" => 0` beside `"ErrorStatus" => "SystemDisabled"`, Evernote's
 * `EDAMSystemException(errorCode=8, rateLimitDuration=None, …)`. Bounded quantifiers only.
 */
const EMPTY_MEMBER = /["']?\b[A-Za-z_][A-Za-z0-9_]{2,40}["']?[ \t]{0,3}(?:=>|:|=)[ \t]{0,3}(?:0|None|null|nil|false|False|\[\]|\{\})(?![\w.])/g;
/** An empty value after its separator: a scan that starts only at `:`, `=` or `>`, far cheaper than EMPTY_MEMBER's, which most texts are spared. */
const EMPTY_VALUE = /[:=>][ \t]{0,3}(?:0|None|null|nil|false|False|\[\]|\{\})(?![\w.])/;

export function withoutEmptyMembers(text: string): string {
  return EMPTY_VALUE.test(text) ? text.replace(EMPTY_MEMBER, '') : text;
}

/**
 * A curl verbose line of its own: info (`* `) and the request it sent (`> `). Terraform 0.11's list of errors bullets
 * its lines so too, each after its resource's address (`* google_project_services.project: Error creating services: …`):
 * those are the server's words.
 */
const CURL_OWN = /^[*>] (?![a-z][a-z0-9_]{0,60}\.[\w.-]{1,200}: )[^\n]{0,2000}$/gm;

/**
 * A `curl -v` paste without curl's own lines (`* schannel: server close notification received (close_notify)`,
 * `> GET / HTTP/1.1`): they are no server's words, and `(close_notify)` is no vendor's code. The response's
 * `< ` lines stay.
 */
export function withoutCurlLines(lead: string): string {
  return lead.startsWith('* ') || lead.startsWith('> ') || lead.includes('\n* ') || lead.includes('\n> ') ? lead.replace(CURL_OWN, '') : lead;
}

/**
 * Werkzeug's stock 500 page hedges (Flask's and MLflow's "Either the server is overloaded or there is an error in
 * the application."): the sentence names no load, and the 500 beside it says the rest.
 */
const WERKZEUG_HEDGE = 'Either the server is overloaded or there is an error in the application';

/**
 * A Kubernetes admission webhook's refusal opens with the webhook's name and "denied the request:" before its reason
 * (Tekton's `admission webhook "validation.webhook.pipeline.tekton.dev" denied the request: validation failed: …`): the
 * words are the API server's frame, no refused permission; the reason after them says what was wrong.
 */
const ADMISSION = ' denied the request: ';

export function withoutHedge(words: string): string {
  const at = words.indexOf(ADMISSION);
  const framed = at >= 0 && words.lastIndexOf('admission webhook ', at) >= 0 ? words.slice(at + ADMISSION.length) : words;
  return framed.includes(WERKZEUG_HEDGE) ? framed.replace(WERKZEUG_HEDGE, '') : framed;
}
