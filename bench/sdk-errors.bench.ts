// `npx tsx bench/sdk-errors.bench.ts`: the cost of classifying an HTTP client's error against the
// cost of classifying the raw response it came from (issue 16: at most 2×). The responses are the
// HTTP-client matrix's (test/fixtures/sdk/http.json); each becomes an AxiosError as axios builds it
// (`response.status`, `response.headers` as AxiosHeaders, `response.data` parsed when JSON) and
// a raw snapshot `{ status, headers, body }` with the body as the server sent it.
// Tasks run in interleaved rounds; each reports tinybench's median wall time and CPU time per call
// (process.cpuUsage), as in bench/classify.bench.ts. BENCH_MS sets the time per round.
import { readFileSync } from 'node:fs';
import { AxiosError, AxiosHeaders, type InternalAxiosRequestConfig } from 'axios';
import { interleaved, printTable } from './interleaved.js';
import { classify } from '../src/entry/default-classifier.js';

interface Fixture { readonly response: { readonly status: number; readonly headers?: Record<string, string>; readonly body?: string } }

const fixtures = JSON.parse(readFileSync(new URL('../test/fixtures/sdk/http.json', import.meta.url), 'utf8')) as Fixture[];
const parse = (text: string | undefined): unknown => {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return text;
  }
};
const raw = fixtures.map((f) => ({ status: f.response.status, headers: f.response.headers ?? {}, body: f.response.body ?? '' }));
const config = { headers: new AxiosHeaders() } as InternalAxiosRequestConfig;
const axiosErrors = raw.map((r) => {
  const headers = AxiosHeaders.from(r.headers);
  const response = { status: r.status, statusText: '', headers, data: parse(r.body), config };
  return new AxiosError(`Request failed with status code ${r.status}`, r.status < 500 ? 'ERR_BAD_REQUEST' : 'ERR_BAD_RESPONSE', config, {}, response);
});
const parsed = raw.map((r) => ({ ...r, body: parse(r.body) }));
const n = raw.length;
const options = { now: Date.UTC(2026, 0, 1) };

let sink = 0;
const tasks: Record<string, () => void> = {
  'classify(raw response)': () => { for (let i = 0; i < n; i++) sink ^= classify(raw[i], options).code.length; },
  'classify(raw, body parsed)': () => { for (let i = 0; i < n; i++) sink ^= classify(parsed[i], options).code.length; },
  'classify(AxiosError)': () => { for (let i = 0; i < n; i++) sink ^= classify(axiosErrors[i], options).code.length; },
};

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const time = Number(process.env.BENCH_MS ?? 400);
const m = await interleaved(tasks, n, ROUNDS, time);
printTable(m);
const ratio = (x: Readonly<Record<string, number>>, base: string): string => ((x['classify(AxiosError)'] as number) / (x[base] as number)).toFixed(2);
console.log(`${n} responses from test/fixtures/sdk/http.json, ${ROUNDS} interleaved rounds of ${time} ms`);
console.log(`classify(AxiosError) / classify(raw response): wall ${ratio(m.wall, 'classify(raw response)')}, CPU ${ratio(m.cpu, 'classify(raw response)')} (target <= 2)`);
console.log(`classify(AxiosError) / classify(raw, body parsed): wall ${ratio(m.wall, 'classify(raw, body parsed)')}, CPU ${ratio(m.cpu, 'classify(raw, body parsed)')}`);
console.log(`node ${process.version}${sink === 0.5 ? ' ' : ''}`);
