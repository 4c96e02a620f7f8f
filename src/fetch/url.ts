/**
 * Request URLs for createFetch: a relative path joined to `baseUrl` with exactly one slash.
 */

/**
 * Whether `input` names a scheme (`https:`, `data:`), so `baseUrl` does not apply.
 * @internal
 */
export function isAbsolute(input: string): boolean {
  return /^[a-z][a-z\d+.-]*:/i.test(input);
}

/**
 * `base` and `path` joined with exactly one `/`.
 *
 * @example
 * ```ts
 * joinUrl('https://api.example.com/v1/', '/runs'); // 'https://api.example.com/v1/runs'
 * ```
 * @internal
 */
export function joinUrl(base: string, path: string): string {
  if (path === '') return base;
  let end = base.length;
  // A loop, not /\/+$/: an unanchored-start regex over a run of slashes is quadratic.
  while (end > 0 && base.charCodeAt(end - 1) === 0x2f) end--;
  return `${base.slice(0, end)}/${path.replace(/^\/+/, '')}`;
}
