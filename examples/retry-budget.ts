// One retry budget shared by two retry policies: while the upstream is down, failures drain the budget
// and retries stop fleet-wide (each call then makes one attempt) instead of multiplying the load.
import { FaultError, createFault, retry, retryBudget } from 'faultline';
import { VirtualClock } from 'faultline/testing';

export async function main(): Promise<{ attempts: number[]; tokensLeft: number }> {
  const clock = new VirtualClock();
  const budget = retryBudget({ maxTokens: 10, tokenRatio: 0.1 }); // gRPC retry throttling
  const search = retry({ maxRetries: 3, idempotent: true, budget, clock });
  const suggest = retry({ maxRetries: 3, idempotent: true, budget, clock });

  const attempts: number[] = [];
  for (let i = 0; i < 4; i++) {
    let n = 0;
    const down = async (): Promise<never> => {
      n++;
      throw new FaultError(createFault({ code: 'service_unavailable', status: 503 }));
    };
    const pending = (i % 2 === 0 ? search : suggest).execute(down).catch(() => undefined);
    await clock.runAll();
    await pending;
    attempts.push(n);
  }
  return { attempts, tokensLeft: budget.available };
}
