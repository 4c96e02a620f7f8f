/**
 * Code tables written the short way round: canonical code → the vendor
 * codes that mean it, space-separated. One line per meaning keeps a table
 * scannable and keeps each canonical code out of the bundle but once.
 */
import type { FaultCode } from '../core/catalog.js';

/**
 * Inverts `{ rate_limited: 'ratelimited rate_limited' }` into
 * `{ ratelimited: 'rate_limited', rate_limited: 'rate_limited' }`, frozen.
 * A vendor code listed under two meanings keeps the first.
 * @example
 * ```ts
 * codeTable({ not_found: 'channel_not_found user_not_found' }).user_not_found; // 'not_found'
 * ```
 * @internal
 */
export function codeTable(groups: { readonly [C in FaultCode]?: string }): Readonly<Record<string, FaultCode>> {
  const table: Record<string, FaultCode> = {};
  for (const code in groups) {
    for (const key of (groups[code as FaultCode] as string).split(' ')) {
      if (key !== '' && !(key in table)) table[key] = code as FaultCode;
    }
  }
  return Object.freeze(table);
}
