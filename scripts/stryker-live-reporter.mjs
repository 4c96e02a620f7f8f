// A Stryker reporter that appends each tested mutant to reports/mutation/live.ndjson as soon as its
// result is known, so survivors can be read (and tests written) while a long run is still going.
import { appendFileSync, mkdirSync } from 'node:fs';
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';

const out = 'reports/mutation/live.ndjson';
mkdirSync('reports/mutation', { recursive: true });

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Reporter, 'live', {
    onMutantTested(result) {
      const { fileName, location, status, mutatorName, replacement, statusReason } = result;
      appendFileSync(out, `${JSON.stringify({ file: fileName, line: location.start.line, column: location.start.column, status, mutator: mutatorName, replacement, reason: statusReason })}\n`);
    },
  }),
];
