// The smoke test every runtime runs: classify a seed response, then run a pipeline through the
// library's own fetch wrapper against the orchestrator's local server (503 "BUILDING", then 200).
export async function smoke(faultline, baseUrl, name) {
  const { classify, createFetch, pipeline, retry, timeout, constantBackoff } = faultline;
  const fault = classify(
    {
      status: 429,
      headers: { 'Retry-After': '34' },
      body: '{"valid": false, "error": "Rate limit exceeded", "limit": 120, "retry_after_seconds": 34}',
    },
    { vendor: 'impulse' },
  );
  if (fault.code !== 'rate_limited' || fault.retryAfterMs !== 34000) {
    throw new Error(`classify gave ${fault.code}/${fault.retryAfterMs}`);
  }
  let attempts = 0;
  const policy = pipeline(retry({ maxRetries: 2, backoff: constantBackoff(0) }), timeout({ timeoutMs: 5000 }));
  const fetchWithPolicy = createFetch({ policy, vendor: 'impulse' });
  const response = await fetchWithPolicy(`${baseUrl}/flaky/${encodeURIComponent(name)}-${Math.random()}`);
  const body = await response.json();
  attempts = Number(response.headers.get('x-attempts'));
  if (!body.ok || attempts !== 2) throw new Error(`pipeline gave ok=${body.ok} after ${attempts} attempts`);
  return { classify: fault.code, attempts };
}
