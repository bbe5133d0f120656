// A minimal Lambda runtime loop for the Node.js baseline, written out here so that it runs under the
// bench's Runtime API emulator. The managed nodejs20.x runtime does the same thing in its own
// bootstrap (load the handler module at init, then GET /next -> handler -> POST /response or /error);
// it uses a native HTTP client, this uses node:http with a keep-alive agent. Nothing else is emulated
// (no context methods beyond awsRequestId/deadline, no logging format, no extensions).
import http from 'node:http';
import { handler } from './handler.mjs';

const [host, port] = (process.env.AWS_LAMBDA_RUNTIME_API || '127.0.0.1:9001').split(':');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const BASE = '/2018-06-01/runtime';

function call(method, path, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port, method, path: BASE + path, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body !== undefined) req.end(body); else req.end();
  });
}

async function loop() {
  for (;;) {
    const next = await call('GET', '/invocation/next');
    if (next.status !== 200) throw new Error(`/next answered ${next.status}`);
    const id = next.headers['lambda-runtime-aws-request-id'];
    if (next.headers['lambda-runtime-trace-id']) process.env._X_AMZN_TRACE_ID = next.headers['lambda-runtime-trace-id'];
    const context = { awsRequestId: id, getRemainingTimeInMillis: () => Number(next.headers['lambda-runtime-deadline-ms']) - Date.now() };
    try {
      const result = await handler(JSON.parse(next.body), context);
      await call('POST', `/invocation/${id}/response`, JSON.stringify(result), { 'Content-Type': 'application/json' });
    } catch (e) {
      await call('POST', `/invocation/${id}/error`, JSON.stringify({ errorMessage: String(e?.message), errorType: e?.name ?? 'Error' }),
        { 'Content-Type': 'application/json', 'Lambda-Runtime-Function-Error-Type': 'Runtime.UnhandledError' });
    }
  }
}

loop().catch((e) => {
  console.error('runtime loop stopped:', e.message);
  process.exit(1);
});
