/**
 * How many profiles a response meets (issue 17, "a response meets one to three profiles"): runs the default classify's
 * engine over the public corpus with every profile's `detect` counted, and prints the detects per response for the
 * bodies handed over parsed (JSON objects, dispatched on their members) and for the whole corpus as it arrives (text
 * bodies, which meet every profile), then the calls per profile. With `--time`, where a call's time goes: the
 * nanoseconds per response spent in each profile's `detect` and `parse` (process.hrtime around each, 200 rounds after
 * 50 to warm up; the timer's own cost, ~40 ns a reading, is in every figure), against the whole call's.
 * `npx tsx scripts/dispatch-count.ts [--time]`
 */
import { DEFAULT_MAX_BODY_BYTES } from '../src/core/body.js';
import { classifyEngine } from '../src/core/classify-engine.js';
import { printedReading } from '../src/core/printed.js';
import type { ResponseSnapshot, VendorProfile } from '../src/core/profile.js';
import { choosePrinted, printedResponse } from '../src/vendors/generic/printed-object.js';
import { BUILTIN_READERS, PRINTED_READERS } from '../src/vendors/registry.js';
import { corpusResponses, parsedResponses } from '../bench/corpus-sets.js';

const calls = new Map<string, number>();
const spent = new Map<string, number>();
let total = 0;
const timed = process.argv.includes('--time');
const time = <T>(key: string, run: () => T): T => {
  if (!timed) return run();
  const start = process.hrtime.bigint();
  const result = run();
  spent.set(key, (spent.get(key) ?? 0) + Number(process.hrtime.bigint() - start));
  return result;
};
const counted = (profile: VendorProfile): VendorProfile => ({
  ...profile,
  detect: (s: ResponseSnapshot) => {
    total++;
    calls.set(profile.id, (calls.get(profile.id) ?? 0) + 1);
    return time(`${profile.id}.detect`, () => profile.detect(s));
  },
  parse: (s: ResponseSnapshot) => time(`${profile.id}.parse`, () => profile.parse(s)),
});
// The printed reading's profiles are the same readers, counted apart: they meet only the object a printout holds.
const engine = classifyEngine(BUILTIN_READERS.map(counted), DEFAULT_MAX_BODY_BYTES, printedReading({ unwrap: printedResponse, profiles: PRINTED_READERS, choose: choosePrinted }));

for (const [name, set] of [['JSON bodies, parsed', parsedResponses], ['the corpus as it arrives', corpusResponses]] as const) {
  total = 0;
  calls.clear();
  for (const response of set) engine.classify(response, { now: 1_700_000_000_000 });
  console.log(`${name}: ${set.length} responses, ${(total / set.length).toFixed(2)} detects per response`);
  console.log(`  ${[...calls].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id} ${n}`).join(', ')}`);
}

if (timed) {
  for (const [name, set] of [['JSON bodies, parsed', parsedResponses], ['the corpus as it arrives', corpusResponses]] as const) {
    const round = () => {
      for (const response of set) engine.classify(response, { now: 1_700_000_000_000 });
    };
    for (let i = 0; i < 50; i++) round();
    spent.clear();
    const start = process.hrtime.bigint();
    for (let i = 0; i < 200; i++) round();
    const per = (ns: number) => (ns / 200 / set.length).toFixed(0);
    console.log(`${name}: ${per(Number(process.hrtime.bigint() - start))} ns per call; in profiles:`);
    console.log(`  ${[...spent].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([key, ns]) => `${key} ${per(ns)}`).join(', ')}`);
  }
}
