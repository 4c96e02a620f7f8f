/**
 * The members of an error object that the envelope reader's rules read by name (./envelope.ts), taken in one pass over
 * its keys into an object of one shape; the rules read them from there.
 *
 * Parsed bodies come in as many shapes as there are vendors, so a rule's `r.error` is a load V8 cannot specialise,
 * and where the body lacks the member the load also climbs the prototype chain to say so. Over the public corpus's
 * error objects, twenty such reads cost ~490 ns an object and one pass over its keys ~10 ns; most of the rules' reads
 * are of members the body lacks.
 */

const u: unknown = undefined;

/** Each member the rules read, as `undefined`: every copy of it has one shape. */
const BLANK = { message: u, error_msg: u, msg: u, error: u, errorName: u, errors: u, result: u, info: u, detail: u, details: u, data: u, datas: u, code: u, type: u, Message: u, error_id: u, sys: u, '.tag': u, id: u, issue: u, status: u, meta: u, $metadata: u };
const NAMES = Object.keys(BLANK);
const NAMED: ReadonlySet<string> = new Set(NAMES);

/** The values the rules read; `undefined` for a member the object lacks. */
export type Members = typeof BLANK;

/** Keys looked at before the members are read by name instead: the envelope reader's own bound on an object's members. */
const MAX_KEYS = 64;

/**
 * The members the envelope reader's rules read, as `r.message`, `r.error`, … would give them.
 *
 * A plain object's own keys are all its members: each is looked up among the names. An object of another prototype is
 * read by name, as a class may hold a member as a getter that `for…in` skips (an `Error`'s `message` is its own but not
 * enumerable), and so is one with more than {@link MAX_KEYS} keys.
 * @example
 * ```ts
 * membersOf({ message: 'Not found', code: 'not_found' }).code; // 'not_found'
 * ```
 * @internal
 */
export function membersOf(r: object): Members {
  const source = r as Readonly<Record<string, unknown>>;
  const m: Record<string, unknown> = { ...BLANK };
  const proto: unknown = Object.getPrototypeOf(r);
  let n = proto === Object.prototype || proto === null ? 0 : MAX_KEYS + 1;
  if (n === 0) {
    for (const key in source) {
      if (++n > MAX_KEYS) break;
      if (NAMED.has(key)) m[key] = source[key];
    }
  }
  if (n > MAX_KEYS) for (const name of NAMES) m[name] = source[name];
  return m as Members;
}
