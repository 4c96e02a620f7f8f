/**
 * Dispatch: which profiles' `detect` a response meets. A JSON object meets the profiles its
 * members name (a profile's `keys`, one level down for `error.type`) or its content type names,
 * plus those that claim nothing, in detection order; anything else meets every profile.
 */
import type { ResponseSnapshot, VendorProfile } from './profile.js';

/**
 * The marks of `profiles` (1 where a profile meets the body) for any snapshot, built once per classifier.
 * @example
 * ```ts
 * dispatcher([stripeProfile, flatErrorProfile])({ json: { error: 'invalid_grant' }, contentType: '' } as ResponseSnapshot); // [0, 1]
 * ```
 * @internal
 */
export function dispatcher(profiles: readonly VendorProfile[]): (snapshot: ResponseSnapshot) => readonly number[] {
  const byKey = new Map<string, number[]>();
  const byType = new Map<string, number[]>();
  // `error.type`: member → [inner member, profile] pairs, met when the member is an object that has the inner one.
  const byPath = new Map<string, [string, number][]>();
  // One mark per profile: 1 where it meets the body. `open` marks those that claim nothing.
  const open: number[] = [];
  const claim = (map: Map<string, number[]>, name: unknown, i: number): void => {
    if (typeof name !== 'string') return;
    const list = map.get(name);
    if (list === undefined) map.set(name, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  profiles.forEach((profile, i) => {
    open.push(Array.isArray(profile.keys) || Array.isArray(profile.contentTypes) ? 0 : 1);
    for (const key of profile.keys ?? []) {
      // A name with a dot is still a member's name, as it always was; its head is looked up too.
      claim(byKey, key, i);
      const dot = typeof key === 'string' ? key.indexOf('.') : -1;
      if (dot > 0) {
        const head = key.slice(0, dot);
        byPath.set(head, [...(byPath.get(head) ?? []), [key.slice(dot + 1), i]]);
        if (!byKey.has(head)) byKey.set(head, []);
      }
    }
    for (const type of profile.contentTypes ?? []) claim(byType, type, i);
  });
  const all = profiles.map(() => 1);
  const claimedKeys = [...byKey.keys()];
  return (snapshot) => {
    const json = snapshot.json as Record<string, unknown>;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return all;
    // A copy of the open marks: no fill, no list built from the marks. (The lookups are written inline: no closure per call.)
    const marks = open.slice();
    try {
      // An error body has a few members: look each up. A large object: ask it for each claimed key instead.
      const keys = Object.keys(json);
      const few = keys.length <= claimedKeys.length;
      for (const key of few ? keys : claimedKeys) {
        if (!few && !(key in json)) continue;
        const list = byKey.get(key);
        if (list !== undefined) for (const i of list) marks[i] = 1;
        const paths = byPath.get(key);
        const inner = paths === undefined ? undefined : json[key];
        if (typeof inner === 'object' && inner !== null) for (const [name, i] of paths as [string, number][]) if (name in inner) marks[i] = 1;
      }
    } catch {
      return all;
    }
    for (const i of byType.get(snapshot.contentType) ?? []) marks[i] = 1;
    return marks;
  };
}
