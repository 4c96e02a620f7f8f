// Vonage's Node SDK (@vonage/server-sdk) sending an SMS, wrapped in faultline's retry. The SMS API answers 200 even when a
// message fails and puts the failure in the message's status: a throttled message (status 1) is retried, bad credentials
// (status 4) are not. The SDK's MessageSendAllFailure stays reachable as the FaultError's `cause`. A loopback server
// stands in for rest.nexmo.com.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Auth } from '@vonage/auth';
import { Vonage } from '@vonage/server-sdk';
import { FaultError, retry } from 'faultline';

export async function main(): Promise<{ sent: string; attempts: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    if (requests === 1) res.end('{"message-count":1,"messages":[{"status":"1","error-text":"Too many requests"}]}');
    else if (requests === 2) res.end('{"message-count":1,"messages":[{"to":"14152739164","message-id":"986ebc8e-46de-4f80-88e4-21d4c5d0c0a6","status":"0","remaining-balance":"0.42","message-price":"0.84","network":"123456"}]}');
    else res.end('{\n"message-count": "1",\n"messages": [\n{\n"status": "4",\n"error-text": "Bad Credentials"\n}\n]\n}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const vonage = new Vonage(new Auth({ apiKey: 'your-key', apiSecret: 'your-secret' }), { restHost: url, apiHost: url });
    const send = () => vonage.sms.send({ to: '14152739164', from: '12126875309', text: 'Hello' });
    const sent = await retry({ maxRetries: 2 }).execute(send);
    const attempts = requests;

    let refused = '';
    try {
      await retry({ maxRetries: 2 }).execute(send);
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      refused = `${error.fault.code}, Vonage status ${String(error.fault.vendorCode)}: ${error.fault.message}`;
    }
    return { sent: String(sent.messages[0]?.messageId), attempts, refused };
  } finally {
    server.close();
  }
}
