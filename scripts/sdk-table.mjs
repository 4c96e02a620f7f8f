#!/usr/bin/env node
// Writes the README's "supported clients" table from the SDK matrix itself: each test/sdk/<client>.test.ts,
// the fixtures it loads (test/fixtures/sdk/*.json) and the fault codes they expect, the pinned package
// it runs, and its runnable recipe. `--check` exits 1 when README.md is not what this would write
// (test/sdk-table.test.ts runs it).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (p) => readFileSync(`${root}/${p}`, 'utf8');
const dev = JSON.parse(read('package.json')).devDependencies;

// client → [test file, packages it runs, recipe]
const CLIENTS = [
  ['openai', 'openai', ['openai']],
  ['anthropic', 'anthropic', ['@anthropic-ai/sdk']],
  ['AI SDK', 'ai-sdk', ['ai', '@ai-sdk/openai']],
  ['Google GenAI', 'genai', ['@google/genai']],
  ['Stripe', 'stripe', ['stripe']],
  ['Octokit', 'octokit', ['@octokit/rest']],
  ['Octokit GraphQL', 'octokit-graphql', ['@octokit/rest']],
  ['AWS SDK v3', 'aws', ['@aws-sdk/client-dynamodb', '@aws-sdk/client-s3']],
  ['gRPC', 'grpc', ['@grpc/grpc-js']],
  ['discord.js', 'discord', ['@discordjs/rest']],
  ['Slack', 'slack', ['@slack/web-api']],
  ['Twilio', 'twilio', ['twilio']],
  ['SendGrid', 'sendgrid', ['@sendgrid/client']],
  ['Kubernetes', 'kubernetes', ['@kubernetes/client-node']],
  ['Cohere', 'cohere', ['cohere-ai']],
  ['Hugging Face', 'huggingface', ['@huggingface/inference']],
  ['Supabase', 'supabase', ['@supabase/supabase-js']],
  ['Clerk', 'clerk', ['@clerk/backend']],
  ['Mistral', 'mistral', ['@mistralai/mistralai']],
  ['Gemini (legacy SDK)', 'generative-ai', ['@google/generative-ai']],
  ['Telegram bots', 'telegram', ['grammy', 'telegraf']],
  ['GitLab (Gitbeaker)', 'gitbeaker', ['@gitbeaker/rest']],
  ['Pinecone', 'pinecone', ['@pinecone-database/pinecone']],
  ['Postmark', 'postmark', ['postmark']],
  ['Resend', 'resend', ['resend']],
  ['Algolia', 'algolia', ['algoliasearch']],
  ['Airtable', 'airtable', ['airtable']],
  ['Firebase', 'firebase', ['firebase']],
  ['Cloudinary', 'cloudinary', ['cloudinary']],
  ['MinIO', 'minio', ['minio']],
  ['Typesense', 'typesense', ['typesense']],
  ['Meilisearch', 'meilisearch', ['meilisearch']],
  ['Ollama', 'ollama', ['ollama']],
  ['MCP', 'mcp', ['@modelcontextprotocol/sdk']],
  ['Chroma', 'chroma', ['chromadb']],
  ['Qdrant', 'qdrant', ['@qdrant/js-client-rest']],
  ['Contentful', 'contentful', ['contentful']],
  ['Datadog', 'datadog', ['@datadog/datadog-api-client']],
  ['Jira (jira.js)', 'jira', ['jira.js']],
  ['Upstash QStash', 'qstash', ['@upstash/qstash']],
  ['Brevo', 'brevo', ['@getbrevo/brevo']],
  ['Mailgun', 'mailgun', ['mailgun.js']],
  ['LINE', 'line', ['@line/bot-sdk']],
  ['libSQL / Turso', 'libsql', ['@libsql/client']],
  ['Neon (serverless driver)', 'neon', ['@neondatabase/serverless']],
  ['Weaviate', 'weaviate', ['weaviate-client']],
  ['Plivo', 'plivo', ['plivo']],
  ['Vonage', 'vonage', ['@vonage/server-sdk']],
  ['Firebase Admin', 'firebase-admin', ['firebase-admin']],
  ['Razorpay', 'razorpay', ['razorpay']],
  ['Adyen', 'adyen', ['@adyen/api-library']],
  ['Paddle', 'paddle', ['@paddle/paddle-node-sdk']],
  ['Ably', 'ably', ['ably']],
  ['Stream Chat', 'stream-chat', ['stream-chat']],
  ['AssemblyAI', 'assemblyai', ['assemblyai']],
  ['Google APIs (googleapis, gaxios)', 'googleapis', ['@googleapis/drive']],
  ['Google Cloud Storage', 'google-cloud-storage', ['@google-cloud/storage']],
  ['Microsoft Graph', 'microsoft-graph', ['@microsoft/microsoft-graph-client']],
  ['Box', 'box', ['box-node-sdk']],
  ['Intercom', 'intercom', ['intercom-client']],
  ['Upstash Redis', 'upstash-redis', ['@upstash/redis']],
  ['Vercel Blob', 'vercel-blob', ['@vercel/blob']],
  ['ClickHouse', 'clickhouse', ['@clickhouse/client']],
  ['Elasticsearch', 'elasticsearch', ['@elastic/elasticsearch']],
  ['Directus', 'directus', ['@directus/sdk']],
  ['Shopify Admin API (GraphQL)', 'shopify', ['@shopify/admin-api-client']],
  ['Okta', 'okta', ['@okta/okta-sdk-nodejs']],
  ['PocketBase', 'pocketbase', ['pocketbase']],
  ['Appwrite', 'appwrite', ['node-appwrite']],
  ['Amazon Bedrock (Anthropic SDK)', 'bedrock', ['@anthropic-ai/bedrock-sdk']],
  ['Apollo Client', 'apollo', ['@apollo/client', 'apollo-client-3']],
  ['urql', 'urql', ['@urql/core']],
  ['tRPC', 'trpc', ['@trpc/client', '@trpc/server']],
  ['axios', 'axios', ['axios']],
  ['got', 'got', ['got']],
  ['ky', 'ky', ['ky']],
  ['ofetch', 'ofetch', ['ofetch']],
  ['undici', 'undici', ['undici']],
  ['superagent', 'superagent', ['superagent']],
];

function fixturesOf(test) {
  const names = new Set();
  for (const m of test.matchAll(/loadFixtures\('([\w-]+)'\)|fixtures\/sdk\/([\w-]+)\.json', import\.meta\.url/g)) names.add(m[1] ?? m[2]);
  // The HTTP clients share one matrix module.
  if (/from '\.\/http-matrix\.js'/.test(test)) names.add('http');
  return [...names];
}

export function table() {
  const rows = ['| client | package (pinned) | vendor responses | fault codes checked | recipe |', '|---|---|---|---|---|'];
  for (const [label, id, packages] of CLIENTS) {
    const testFile = `test/sdk/${id}.test.ts`;
    if (!existsSync(`${root}/${testFile}`)) continue;
    const cases = fixturesOf(read(testFile)).flatMap((name) => JSON.parse(read(`test/fixtures/sdk/${name}.json`)));
    const codes = [...new Set(cases.map((c) => c.expected?.code).filter(Boolean))].sort();
    const pkgs = packages.map((p) => `${p}@${dev[p]}`).join(', ');
    const recipe = existsSync(`${root}/examples/sdk-${id}.ts`) ? `[examples/sdk-${id}.ts](examples/sdk-${id}.ts), [notes](docs/sdk-recipes/${id}.md)` : '—';
    rows.push(`| ${label} | ${pkgs} | ${cases.length} | ${codes.map((c) => `\`${c}\``).join(' ')} | ${recipe} |`);
  }
  return rows.join('\n');
}

const START = '<!-- sdk-table:start (npm run sdk-table) -->';
const END = '<!-- sdk-table:end -->';

export function withTable(readme) {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error('README.md has no sdk-table markers');
  return `${readme.slice(0, a + START.length)}\n${table()}\n${readme.slice(b)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readme = read('README.md');
  const next = withTable(readme);
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md: the SDK table is stale (npm run sdk-table)');
      process.exit(1);
    }
  } else if (next !== readme) writeFileSync(`${root}/README.md`, next);
}
