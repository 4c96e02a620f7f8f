/**
 * The built bin (dist/cli.js, from `npm run build`) as a user runs it: a child process reading a
 * curl -si response on stdin and a --batch file. Skipped when the package has not been built.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

function run(args: string[], input = '') {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe.skipIf(!existsSync(bin))('dist/cli.js', () => {
  it('starts with a node shebang', async () => {
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });

  it('classifies a curl -si response piped into stdin', () => {
    const r = run(['classify', '--json'], 'HTTP/2 429 \r\nretry-after: 2\r\nx-request-id: req_abc\r\n\r\n{"error":{"message":"Rate limit exceeded","type":"rate_limit_error"}}');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ code: 'rate_limited', retry: 'always', retryAfterMs: 2000, requestId: 'req_abc' });
  });

  it('reads a --batch file and never prints the secret in it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-cli-'));
    try {
      const file = join(dir, 'batch.jsonl');
      writeFileSync(file, `${JSON.stringify({ status: 401, body: '{"error":"invalid_api_key","message":"Key sk_live_4eC39HqLyjWDarjtT1zdp7dc was revoked"}' })}\n${JSON.stringify({ status: 503, headers: { 'Retry-After': '5' } })}\n`);
      const r = run(['classify', '--batch', file]);
      expect(r.code).toBe(0);
      expect(r.out).not.toContain('4eC39HqLyjWDarjtT1zdp7dc');
      expect((JSON.parse(r.out) as { code: string }[]).map((f) => f.code)).toEqual(['unauthenticated', 'service_unavailable']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with one line for bad usage', () => {
    const r = run(['classify', '--status', 'nope']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  });
});
