/**
 * The return codes of the dynamic-DNS update protocol (DynDNS2's `/nic/update`, which No-IP, nsupdate.info, Dyn and most
 * DDNS providers and routers speak): the whole body is one word, often under a 200, and the word is the error.
 */
import type { FaultCode } from '../../core/catalog.js';

/**
 * What each return code means, as the providers document them (No-IP's "Interpret Response" page: `badauth` "Invalid
 * username password combination", `!donator` a feature the account has not paid for, `abuse` "Username is blocked due to
 * abuse", `badagent` "Client disabled", `911` "A fatal error on our side such as a database outage. Retry the update no
 * sooner than 30 minutes"; nsupdate.info's `notfqdn`, `nohost`, `dnserr`). `good` and `nochg` are its successes.
 */
const RETURN_CODES: Readonly<Record<string, FaultCode>> = {
  badauth: 'unauthenticated',
  '!donator': 'payment_required',
  notfqdn: 'invalid_request',
  numhost: 'invalid_request',
  nohost: 'not_found',
  abuse: 'permission_denied',
  badagent: 'permission_denied',
  dnserr: 'bad_gateway',
  '911': 'service_unavailable',
};

/**
 * The error a DynDNS2 reply names, if the text is one.
 *
 * @example
 * ```ts
 * dyndnsReply('badauth\n'); // { code: 'unauthenticated', vendorCode: 'badauth' }
 * dyndnsReply('good 203.0.113.7'); // undefined
 * ```
 * @internal
 */
export function dyndnsReply(text: string): { readonly code: FaultCode; readonly vendorCode: string } | undefined {
  if (text.length > 16) return undefined;
  const word = text.trim();
  const code = Object.hasOwn(RETURN_CODES, word) ? RETURN_CODES[word] : undefined;
  return code === undefined ? undefined : { code, vendorCode: word };
}
