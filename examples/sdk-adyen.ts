// Adyen's Node library (@adyen/api-library, Checkout PaymentsApi) wrapped in faultline's retry: a refused connection
// (here the stand-in server is not up yet) is retried and the payment goes through once it is; a key that may not make
// the call (403, errorCode 010 "Not allowed") is not retried. The SDK's HttpClientException keeps the status and Adyen's
// body; classify reads errorCode, message and pspReference from it, and the exception stays reachable as the
// FaultError's `cause`. A failed connection is an ApiException whose status 500 the SDK made up: classify reads it as
// connect_failed with no status. The SDK speaks https only, so the loopback server standing in for
// checkout-test.adyen.com uses a throwaway self-signed certificate made here, and `certificatePath: 'unencrypted'` is
// the SDK's own switch for not verifying it (never do that against Adyen). A VirtualClock keeps faultline's backoff off
// the wall clock (in your app, leave `clock` out).
import { createSign, generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import adyen, { type HttpClientException } from '@adyen/api-library';
import { FaultError, retry } from 'faultline';
import { VirtualClock } from 'faultline/testing';

/** A throwaway self-signed P-256 certificate for 127.0.0.1, DER-encoded by hand: node:crypto signs but builds none. */
export function selfSigned(): { key: string; cert: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const tlv = (tag: number, ...parts: Buffer[]): Buffer => {
    const body = Buffer.concat(parts);
    const n = body.length;
    const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
    return Buffer.concat([Buffer.from([tag, ...len]), body]);
  };
  const seq = (...parts: Buffer[]) => tlv(0x30, ...parts);
  const ecdsaSha256 = seq(Buffer.from('06082a8648ce3d040302', 'hex'));
  const name = seq(tlv(0x31, seq(Buffer.from('0603550403', 'hex'), tlv(0x0c, Buffer.from('127.0.0.1')))));
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.from([2]))),
    tlv(0x02, Buffer.from([1])),
    ecdsaSha256,
    name,
    seq(tlv(0x17, Buffer.from('250101000000Z')), tlv(0x17, Buffer.from('491231235959Z'))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = createSign('sha256').update(tbs).sign(privateKey);
  const der = seq(tbs, ecdsaSha256, tlv(0x03, Buffer.from([0]), signature));
  const cert = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
  return { key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, cert };
}

export async function main(): Promise<{ result: string; attempts: number; faults: string[]; refused: string }> {
  let requests = 0;
  const server = createServer(selfSigned(), (req, res) => {
    requests += 1;
    res.writeHead(requests === 1 ? 200 : 403, { 'content-type': 'application/json' });
    res.end(requests === 1
      ? '{"pspReference":"993617895204576J","resultCode":"Authorised","merchantReference":"order-1"}'
      : '{\n  "status": 403,\n  "errorCode": "010",\n  "message": "Not allowed",\n  "errorType": "security",\n  "pspReference": "8514836072314693"\n}');
  });
  // Take a free port and leave it closed: the first attempt finds nobody listening.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  try {
    // The library is CommonJS whose named exports Node's ESM loader cannot see; its default export holds them.
    const client = new adyen.Client({ apiKey: 'your-api-key', environment: adyen.EnvironmentEnum.TEST, certificatePath: 'unencrypted' });
    const payments = new adyen.CheckoutAPI(client).PaymentsApi;
    (payments as unknown as { baseUrl: string }).baseUrl = `https://127.0.0.1:${port}/v71`;
    const pay = () =>
      payments.payments({
        amount: { currency: 'EUR', value: 1000 },
        merchantAccount: 'YourMerchantAccount',
        reference: 'order-1',
        paymentMethod: { type: 'scheme', encryptedCardNumber: 'test_4111111111111111' } as never,
        returnUrl: 'https://example.com/return',
      });
    const clock = new VirtualClock();
    const policy = retry({ maxRetries: 2, clock });
    const faults: string[] = [];
    policy.onRetry(({ fault }) => {
      faults.push(fault.status === undefined ? `${fault.code}, no status` : `${fault.code}, HTTP ${fault.status}`);
      // The server comes up during the backoff; then virtual time runs past the wait.
      server.listen(port, '127.0.0.1', () => void clock.runAll());
    });
    let attempts = 0;
    const payment = await policy.execute(() => (attempts++, pay()));

    let refused = '';
    try {
      await policy.execute(pay);
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      refused = `${error.fault.code} (${String(error.fault.vendorCode)}), HTTP ${(error.cause as HttpClientException).statusCode}`;
    }
    return { result: String(payment.resultCode), attempts, faults, refused };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
