#!/usr/bin/env node
// Rewrites every `<!-- example: examples/NAME.ts -->` snippet in README.md from its file, so the
// README never drifts from code that runs (test/readme.test.ts fails when it does).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const path = `${root}/README.md`;
const readme = readFileSync(path, 'utf8');
const next = readme.replace(/(<!-- example: (examples\/[\w./-]+\.ts) -->\s*```ts\n)[\s\S]*?```/g, (_m, head, file) => `${head}${readFileSync(`${root}/${file}`, 'utf8')}\`\`\``);
if (next !== readme) writeFileSync(path, next);
console.log(next === readme ? 'README.md is up to date' : 'README.md snippets updated');
