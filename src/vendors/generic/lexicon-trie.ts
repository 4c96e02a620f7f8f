/**
 * The lexicon's rules as tables a text's words are walked through (built once at load): every word of
 * every phrase is a node of one trie, and each node lists the phrases it decides. The matcher that
 * reads a text through them is lexicon.ts.
 */
import type { FaultCode } from '../../core/catalog.js';
import { RULES } from './lexicon-rules.js';

// Every word of every phrase is a node of one trie (a flat table: a node's child for
// a letter is one array read), and a text's words are walked through it as they are cut from the
// text: no word becomes a string, a slice or a map key, and each character is read once. A word's
// walk ends at its longest prefix the lexicon knows; a phrase's word matches when the walk ended
// exactly on its node (a whole word) or passed through it (a stem). The tables a word's walk and
// lookup read are typed arrays, a few adjacent numbers each: the rest of classify evicts them
// from cache between calls, and a cold read of arrays of arrays costs more than the walk.

/** A rule's alternative: the phrase ids that must all appear, and the code they mean. */
export interface Alt {
  readonly code: FaultCode;
  readonly all: readonly number[];
}

/** One phrase of a rule: the words that must appear in a row. */
export interface Phrase {
  /** The trie node of each word. */
  readonly nodes: readonly number[];
  /** The last word must be whole; otherwise it is a stem ("throttl" matches "throttling"). */
  readonly whole: boolean;
  /** The alternative (rule entry) the phrase is part of. */
  readonly alt: number;
}

const phrases: Phrase[] = [];
const alts: Alt[] = [];
/**
 * Per trie node while it is built: its parent, and the phrases it decides (as a whole word, as a
 * stem, as a first word). A node is made after its parent, so a parent's number is always the smaller.
 */
const PARENT: number[] = [0];
const DECIDES: number[][][] = [[[], [], []]];
/** Each node's children while the trie is built, by `node * 0x10000 + char code`. */
const CHILD = new Map<number, number>();

function nodeOf(word: string): number {
  let node = 0;
  for (let k = 0; k < word.length; k++) {
    const key = node * 0x10000 + word.charCodeAt(k);
    let next = CHILD.get(key);
    if (next === undefined) {
      next = PARENT.push(node) - 1;
      DECIDES.push([[], [], []]);
      CHILD.set(key, next);
    }
    node = next;
  }
  return node;
}

// Built once at load: a few hundred phrases over about a thousand trie nodes.
for (const [code, spec] of RULES) {
  for (const alt of spec.split('|')) {
    const all = alt.split('&').map((p) => {
      const whole = p.endsWith(' ');
      const words = p.trim().split(' ');
      const nodes = words.map(nodeOf);
      const id = phrases.push({ nodes, whole, alt: alts.length }) - 1;
      const kind = words.length > 1 ? 2 : whole || (words[0] as string).length < 3 ? 0 : 1;
      (DECIDES[nodes[0] as number]?.[kind] as number[]).push(id);
      return id;
    });
    alts.push({ code, all });
  }
}

/** Every phrase, by id. */
export const PHRASES: readonly Phrase[] = phrases;
/** Every rule's alternatives, in rule order: an earlier one is the more telling. */
export const ALTS: readonly Alt[] = alts;

/**
 * Each phrase's second word (0 for a one-word phrase) and whether it must be whole there, as flat tables: most
 * phrases a first word starts fail at the next word, and this check reads two numbers, not the phrase.
 */
export const SECOND = Uint32Array.from(phrases, (p) => p.nodes[1] ?? 0);
export const SECOND_WHOLE = Uint8Array.from(phrases, (p) => (p.nodes.length > 2 || p.whole ? 1 : 0));

/** Node numbers fit 16 bits (a thousand-odd nodes): half the bytes to bring into cache. */
const Table = PARENT.length < 0x10000 ? Uint16Array : Uint32Array;
/** Each character a phrase holds (all are ASCII) has a column of the table; column 0, any other character, leads nowhere. */
export const ASCII_SLOT = new Uint8Array(128);
const CHARS = [...new Set([...CHILD.keys()].map((key) => key % 0x10000))];
CHARS.forEach((c, k) => (ASCII_SLOT[c] = k + 1));
export const WIDTH = CHARS.length + 1;
/** The trie as one table: `NEXT[node * WIDTH + slot]`, 0 for no child (the root is no one's child). */
export const NEXT = new Table(PARENT.length * WIDTH);
for (const [key, node] of CHILD) NEXT[Math.floor(key / 0x10000) * WIDTH + (ASCII_SLOT[key % 0x10000] as number)] = node;
export const UP = Table.from(PARENT);
/** The nearest node at or above each node that ends a one-word stem (0: none), so a word's stems are a short climb. */
export const STEM_UP = new Table(PARENT.length);
for (let n = 1; n < PARENT.length; n++) STEM_UP[n] = (DECIDES[n]?.[1] as number[]).length > 0 ? n : (STEM_UP[PARENT[n] as number] as number);
/**
 * The phrases each node decides: node n's whole words are `IDS[AT[3n]]` up to `IDS[AT[3n + 1]]`,
 * then its stems, then the phrases it starts, up to `AT[3n + 3]`.
 */
export const AT = new Uint16Array(PARENT.length * 3 + 1);
export const IDS = Uint16Array.from(DECIDES.flat(2));
DECIDES.flat().forEach((ids, k) => (AT[k + 1] = (AT[k] as number) + ids.length));
