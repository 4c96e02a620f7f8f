// The public corpus's JSON bodies, pre-parsed, as JSON on stdout: what bench/instructions-loop.mjs reads.
import { parsedResponses } from './corpus-sets.js';

process.stdout.write(JSON.stringify(parsedResponses));
