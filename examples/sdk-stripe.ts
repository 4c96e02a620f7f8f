// Stripe's Node SDK with its own retries off (`maxNetworkRetries: 0`), wrapped in faultline's retry.
// A lock_timeout (429) is retried; a card decline (402) never is, and the SDK's StripeCardError stays
// reachable as the FaultError's `cause`. A loopback server stands in for api.stripe.com.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { FaultError, retry } from 'faultline';

const LOCK_TIMEOUT = { error: { code: 'lock_timeout', type: 'invalid_request_error', message: 'This object cannot be accessed right now because another API request or Stripe process is currently accessing it.' } };
const DECLINED = { error: { code: 'card_declined', decline_code: 'generic_decline', type: 'card_error', message: 'Your card was declined.' } };

export async function main(): Promise<{ charge: string; declined: string; requests: number }> {
  let requests = 0;
  // One lock timeout, then a charge; every later request is a decline.
  const server = createServer((_req, res) => {
    requests += 1;
    const [status, body] = requests === 1 ? [429, LOCK_TIMEOUT] : requests === 2 ? [200, { id: 'ch_1', object: 'charge' }] : [402, DECLINED];
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_example${requests}` }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const stripe = new Stripe('sk_test_example', { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0 });
    const policy = retry({ maxRetries: 3 });
    const charge = await policy.execute(() => stripe.charges.create({ amount: 2000, currency: 'usd', source: 'tok_visa' }));

    let declined = '';
    try {
      await policy.execute(() => stripe.charges.create({ amount: 2000, currency: 'usd', source: 'tok_chargeDeclined' }));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      const stripeError = error.cause as Stripe.errors.StripeCardError; // the SDK's own error
      declined = `${error.fault.code} (${error.fault.vendorCode}, ${stripeError.code}) after ${requests - 2} request`;
    }
    return { charge: charge.id, declined, requests };
  } finally {
    server.close();
  }
}
