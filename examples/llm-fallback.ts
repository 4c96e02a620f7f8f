// Route an LLM call by what went wrong: a prompt too long for the model goes to a larger-context
// model, a content filter or an overloaded provider to another provider, an exhausted quota to
// another key. Each route is a `fallback` on the codes it handles, composed with `pipeline`; the
// catalog code decides, whatever the vendor called it. Two local chaos servers play the providers.
import { constantBackoff, createFetch, fallback, pipeline, retry } from 'faultline';
import { type ChaosRequest, type ChaosStep, startChaosServer } from 'faultline/testing';

const PRIMARY_KEY = 'sk-primary-0000';
const BACKUP_KEY = 'sk-backup-0000';

// What the "OpenAI" server does with each request: its own error shapes, rendered by its profile.
function openaiScript(request: ChaosRequest): ChaosStep {
  const { model, messages } = JSON.parse(request.body) as { model: string; messages: { content: string }[] };
  const prompt = messages[0]?.content ?? '';
  const primary = request.headers.authorization === `Bearer ${PRIMARY_KEY}`;
  const content = `${model} answered${primary ? '' : ' (backup key)'}`;
  const reply: ChaosStep = { type: 'ok', body: JSON.stringify({ model, choices: [{ message: { role: 'assistant', content } }] }) };
  if (primary && prompt.startsWith('[monthly]')) return 'quota_exhausted';
  if (prompt.length > 100 && model === 'gpt-4o-mini') return 'context_length_exceeded';
  if (prompt.includes('forbidden')) return 'content_filtered';
  if (prompt.includes('busy')) return 'overloaded';
  return reply;
}

export async function main(): Promise<Record<string, string>> {
  const openaiServer = await startChaosServer({ vendor: 'openai', script: openaiScript });
  const anthropicServer = await startChaosServer({
    vendor: 'anthropic',
    script: () => ({ type: 'ok', body: JSON.stringify({ type: 'message', content: [{ type: 'text', text: 'claude answered' }] }) }),
  });
  try {
    // Each provider retries what is worth retrying (an overloaded answer twice, briefly), then the routes take over.
    const quickRetry = retry({ maxRetries: 2, backoff: constantBackoff(5) });
    const openai = createFetch({ vendor: 'openai', baseUrl: openaiServer.url, policy: quickRetry });
    const anthropic = createFetch({ vendor: 'anthropic', baseUrl: anthropicServer.url, policy: quickRetry });

    const chat = async (model: string, key: string, prompt: string): Promise<string> => {
      const body = JSON.stringify({ model, messages: [{ role: 'user', content: prompt }] });
      const res = await openai('/v1/chat/completions', { method: 'POST', headers: { authorization: `Bearer ${key}` }, body });
      const json = (await res.json()) as { choices: { message: { content: string } }[] };
      return json.choices[0]?.message.content ?? '';
    };
    const claude = async (prompt: string): Promise<string> => {
      const body = JSON.stringify({ model: 'claude-sonnet-4-5', max_tokens: 256, messages: [{ role: 'user', content: prompt }] });
      const res = await anthropic('/v1/messages', { method: 'POST', body });
      const json = (await res.json()) as { content: { text: string }[] };
      return json.content[0]?.text ?? '';
    };

    const answer = (prompt: string): Promise<string> =>
      pipeline(
        // Outermost: anything a route below still fails with for these reasons goes to another provider.
        fallback(() => claude(prompt), { on: ['content_filtered', 'overloaded'] }),
        fallback(() => chat('gpt-4.1', PRIMARY_KEY, prompt), { on: ['context_length_exceeded'] }),
        fallback(() => chat('gpt-4o-mini', BACKUP_KEY, prompt), { on: ['quota_exhausted'] }),
      ).execute(() => chat('gpt-4o-mini', PRIMARY_KEY, prompt));

    return {
      short: await answer('Summarise this paragraph.'),
      long: await answer(`Summarise this report: ${'lorem ipsum '.repeat(20)}`),
      filtered: await answer('Tell me something forbidden.'),
      overloaded: await answer('Are you busy?'),
      quota: await answer('[monthly] Write a haiku.'),
    };
  } finally {
    await openaiServer.close();
    await anthropicServer.close();
  }
}
