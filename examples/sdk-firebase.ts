// Firebase's client SDK (firebase/functions' httpsCallable) wrapped in faultline's retry: neither it nor firebase/auth
// retries anything itself. A callable's 503 UNAVAILABLE is retried (after the backoff: the answer names no wait), a 403
// PERMISSION_DENIED is not. The SDK keeps no response, only its FunctionsError (`functions/unavailable`), which
// classify reads back as the google.rpc status it stands for and which stays reachable as the FaultError's `cause`.
// A loopback server stands in for the function (connectFunctionsEmulator).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deleteApp, initializeApp } from 'firebase/app';
import { type FunctionsError, connectFunctionsEmulator, getFunctions, httpsCallable } from 'firebase/functions';
import { FaultError, constantBackoff, retry } from 'faultline';

export async function main(): Promise<{ data: unknown; attempts: number; refused: string }> {
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    res.setHeader('content-type', 'application/json');
    if (requests === 1) {
      res.writeHead(503).end('{"error":{"code":503,"message":"The service is currently unavailable.","status":"UNAVAILABLE"}}');
    } else if (requests === 2) {
      res.writeHead(200).end('{"result":{"word":"hellooo"}}');
    } else {
      res.writeHead(403).end('{"error":{"message":"Permission Denied","status":"PERMISSION_DENIED"}}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const app = initializeApp({ apiKey: 'your-api-key', projectId: 'demo-project' }, 'sdk-firebase-example');
  try {
    const functions = getFunctions(app);
    connectFunctionsEmulator(functions, '127.0.0.1', (server.address() as AddressInfo).port);
    const callTest = httpsCallable<{ word: string }, { word: string }>(functions, 'callTestv2');
    const policy = retry({ maxRetries: 2, backoff: constantBackoff(10) });

    const { data } = await policy.execute(() => callTest({ word: 'hello' }));
    const attempts = requests;

    let refused = '';
    try {
      await policy.execute(() => callTest({ word: 'hello' }));
    } catch (error) {
      if (!(error instanceof FaultError)) throw error;
      refused = `${error.fault.code}, ${(error.cause as FunctionsError).code}, after ${requests - attempts} request`;
    }
    return { data, attempts, refused };
  } finally {
    await deleteApp(app);
    server.close();
  }
}
