/**
 * Dispatch by what a body has: a JSON object meets the profiles its top-level keys (or its content
 * type) name, plus those that claim nothing, in detection order; anything else meets every profile.
 * Built once per classifier; per response it allocates nothing while the profiles fit one number's bits.
 */
import type { ResponseSnapshot, VendorProfile } from './profile.js';

/** Profiles a mask can hold: bit 31 would make the number negative, which `|` handles but reads badly. */
const MASK_BITS = 31;
/** Distinct candidate lists kept: one per combination of claimed keys seen, which real bodies keep few. */
const MAX_LISTS = 256;

/**
 * The profile indices a snapshot meets, in detection order. The list is shared: never modify it.
 *
 * @example
 * ```ts
 * const candidates = createDispatch([openaiProfile, genericProfile]);
 * candidates({ json: { error: { message: 'x' } }, contentType: 'application/json' } as ResponseSnapshot); // [0, 1]
 * ```
 * @internal
 */
export function createDispatch(profiles: readonly VendorProfile[]): (snapshot: ResponseSnapshot) => readonly number[] {
  const byKey = new Map<string, number>();
  const byType = new Map<string, number>();
  const all = Object.freeze(profiles.map((_, i) => i));
  if (profiles.length > MASK_BITS) return byMarks(profiles, all);
  let open = 0;
  profiles.forEach((profile, i) => {
    if (!Array.isArray(profile.keys) && !Array.isArray(profile.contentTypes)) return void (open |= 1 << i);
    for (const key of profile.keys ?? []) if (typeof key === 'string') byKey.set(key, (byKey.get(key) ?? 0) | (1 << i));
    for (const type of profile.contentTypes ?? []) if (typeof type === 'string') byType.set(type, (byType.get(type) ?? 0) | (1 << i));
  });
  const claimedKeys = [...byKey.keys()];
  const lists = new Map<number, readonly number[]>();
  const listOf = (mask: number): readonly number[] => {
    let list = lists.get(mask);
    if (list === undefined) {
      list = Object.freeze(all.filter((i) => (mask & (1 << i)) !== 0));
      if (lists.size < MAX_LISTS) lists.set(mask, list);
    }
    return list;
  };
  return (snapshot) => {
    const json = snapshot.json as Record<string, unknown>;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return all;
    let mask = open;
    try {
      // An error body has a few members: look each up. A large object: ask it for each claimed key instead.
      const keys = Object.keys(json);
      const few = keys.length <= claimedKeys.length;
      for (const key of few ? keys : claimedKeys) {
        if (!few && !(key in json)) continue;
        mask |= byKey.get(key) ?? 0;
      }
    } catch {
      return all;
    }
    return listOf(mask | (byType.get(snapshot.contentType) ?? 0));
  };
}

/** Dispatch for more profiles than a mask holds: marks in an array, then their indices. */
function byMarks(profiles: readonly VendorProfile[], all: readonly number[]): (snapshot: ResponseSnapshot) => readonly number[] {
  const byKey = new Map<string, number[]>();
  const byType = new Map<string, number[]>();
  const open: number[] = [];
  const claim = (map: Map<string, number[]>, name: unknown, i: number): void => {
    if (typeof name !== 'string') return;
    const list = map.get(name);
    if (list === undefined) map.set(name, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  profiles.forEach((profile, i) => {
    if (!Array.isArray(profile.keys) && !Array.isArray(profile.contentTypes)) return void open.push(i);
    for (const key of profile.keys ?? []) claim(byKey, key, i);
    for (const type of profile.contentTypes ?? []) claim(byType, type, i);
  });
  const claimedKeys = [...byKey.keys()];
  return (snapshot) => {
    const json = snapshot.json as Record<string, unknown>;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return all;
    const marks: number[] = new Array<number>(profiles.length).fill(0);
    for (const i of open) marks[i] = 1;
    try {
      const keys = Object.keys(json);
      const few = keys.length <= claimedKeys.length;
      for (const key of few ? keys : claimedKeys) {
        if (!few && !(key in json)) continue;
        const list = byKey.get(key);
        if (list !== undefined) for (const i of list) marks[i] = 1;
      }
    } catch {
      return all;
    }
    for (const i of byType.get(snapshot.contentType) ?? []) marks[i] = 1;
    const out: number[] = [];
    for (let i = 0; i < marks.length; i++) if (marks[i] === 1) out.push(i);
    return out;
  };
}
