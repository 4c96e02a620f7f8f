import { describe, expect, it } from 'vitest';
import { UsageError, parseArgs } from '../../src/cli/args.js';

const SPEC = { values: ['status', 'header', 'body'], repeatable: ['header'], flags: ['json'], aliases: { H: 'header' } };

describe('parseArgs', () => {
  it('reads --name value, --name=value, short aliases, repeats and flags', () => {
    const a = parseArgs(['--status', '429', '-H', 'A: 1', '-HB: 2', '--header=C: 3', '--json', '--body=-'], SPEC);
    expect(a.values.get('status')).toEqual(['429']);
    expect(a.values.get('header')).toEqual(['A: 1', 'B: 2', 'C: 3']);
    expect(a.values.get('body')).toEqual(['-']);
    expect(a.flags.has('json')).toBe(true);
  });

  it('keeps a lone - and everything after -- as positionals', () => {
    expect(parseArgs(['-', '--', '--json'], SPEC).positionals).toEqual(['-', '--json']);
  });

  it('names the problem in one line', () => {
    expect(() => parseArgs(['--nope'], SPEC)).toThrow(new UsageError('unknown option --nope'));
    expect(() => parseArgs(['-x'], SPEC)).toThrow(new UsageError('unknown option -x'));
    expect(() => parseArgs(['--status'], SPEC)).toThrow(new UsageError('--status needs a value'));
    expect(() => parseArgs(['--status', '1', '--status', '2'], SPEC)).toThrow(new UsageError('--status given twice'));
    expect(() => parseArgs(['--json=yes'], SPEC)).toThrow(new UsageError('--json takes no value'));
  });
});
