/**
 * What changed between two runs of scripts/corpus-answers.ts (before and after a rule): every answer that changed,
 * as `GAIN` (a miss now right), `LOSS` (a right answer now missed) or `CHANGE` (one miss for another), then the counts.
 * Exits 1 when anything was lost, so a rule that costs a right answer anywhere is seen before it lands.
 * `npx tsx scripts/corpus-compare.ts before.txt after.txt`
 */
import { readFileSync } from 'node:fs';

const [beforePath, afterPath] = process.argv.slice(2);
if (beforePath === undefined || afterPath === undefined) throw new TypeError('usage: corpus-compare.ts <before.txt> <after.txt>');

interface Answer {
  readonly ok: boolean;
  readonly got: string;
  readonly want: string;
}

/** Answers by `set|case|layer|field`. */
function answers(path: string): Map<string, Answer> {
  const out = new Map<string, Answer>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [set, id, layer, field, verdict, got, want] = line.split('\t');
    if (want === undefined) continue;
    out.set(`${set}|${id}|${layer}|${field}`, { ok: verdict === 'OK', got: got ?? '', want });
  }
  return out;
}

const before = answers(beforePath);
const after = answers(afterPath);
const counts = { GAIN: 0, LOSS: 0, CHANGE: 0 };
const rows: string[] = [];
for (const [key, was] of before) {
  const now = after.get(key);
  if (now === undefined || now.got === was.got) continue;
  const kind = !was.ok && now.ok ? 'GAIN' : was.ok && !now.ok ? 'LOSS' : 'CHANGE';
  counts[kind]++;
  rows.push(`${kind}\t${key}\t${was.got} -> ${now.got}\t${now.want}`);
}
console.log([...rows.sort(), `gains: ${counts.GAIN} losses: ${counts.LOSS} changes: ${counts.CHANGE}`].join('\n'));
if (counts.LOSS > 0) process.exitCode = 1;
