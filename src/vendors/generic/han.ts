/**
 * Chinese vendors' words, by meaning: Chinese is not spaced into words, so the lexicon's word trie
 * cannot read it; each phrase of {@link HAN_RULES} is a substring search of the text's head instead.
 * The lexicon asks only when the text holds a Han character.
 */
import type { FaultCode } from '../../core/catalog.js';
import { HAN_RULES } from './lexicon-rules.js';

/** The rules as substring lists, split once at load. */
const HAN: readonly (readonly [FaultCode, readonly string[]])[] = HAN_RULES.map(([code, spec]) => [code, spec.split('|')] as const);

/**
 * The first Han rule the first `head` characters of a text satisfy: at most a few dozen phrases, each
 * one substring search of that head.
 * @example
 * ```ts
 * hanMeaning('您的账户已欠费,请充值后重试', 1024); // 'payment_required'
 * ```
 * @internal
 */
export function hanMeaning(text: string, head: number): FaultCode | undefined {
  const t = text.length > head ? text.slice(0, head) : text;
  for (const [code, phrases] of HAN) for (const p of phrases) if (t.includes(p)) return code;
  return undefined;
}
