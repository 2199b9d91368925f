// The HTTP server in front of Next. It decides the client's address from the connection, so
// per-address limits cannot be dodged by sending a made-up `x-forwarded-for` (`next start`
// keeps whatever the client sent). Behind proxies, TRUSTED_PROXY_HOPS says how many to trust.
import { createServer } from 'node:http';
import next from 'next';
import { clientAddressOf } from './client-address.mjs';
import { routeLabeller } from './route-label.mjs';

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || '0.0.0.0';
const trustedHops = Math.max(0, Number(process.env.TRUSTED_PROXY_HOPS || 0) || 0);

const labelOf = routeLabeller();

/** Counts the request by route and status once answered, into the app's registry (infrastructure/metrics.ts). */
function observe(request, response) {
  const started = process.hrtime.bigint();
  response.once('finish', () => {
    const observeHttp = globalThis[Symbol.for('seatwise.metrics')]?.observeHttp;
    if (!observeHttp) return;
    const route = labelOf(new URL(request.url ?? '/', 'http://localhost').pathname);
    observeHttp({ route, method: request.method ?? 'GET', status: response.statusCode, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
  });
}

const app = next({ dev: false, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((request, response) => {
  const forwardedFor = request.headers['x-forwarded-for'];
  const address = clientAddressOf(Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor, request.socket.remoteAddress, trustedHops);
  if (trustedHops === 0) {
    // Nobody in front of us: what a client says about its own route is not believed.
    delete request.headers['x-forwarded-proto'];
    delete request.headers['x-forwarded-host'];
  }
  request.headers['x-forwarded-for'] = address;
  observe(request, response);
  handle(request, response);
});
server.listen(port, hostname, () => console.log(`Seatwise listening on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close());
