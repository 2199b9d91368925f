// The HTTP server in front of Next. It decides the client's address from the connection, so
// per-address limits cannot be dodged by sending a made-up `x-forwarded-for` (`next start`
// keeps whatever the client sent). Behind proxies, TRUSTED_PROXY_HOPS says how many to trust.
import { createServer } from 'node:http';
import next from 'next';
import { admissionGate } from './admission.mjs';
import { clientAddressOf } from './client-address.mjs';
import { registerPageCache } from './page-cache.mjs';
import { routeLabeller } from './route-label.mjs';

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || '0.0.0.0';
const trustedHops = Math.max(0, Number(process.env.TRUSTED_PROXY_HOPS || 0) || 0);
const setting = (name, fallback) => Math.max(1, Number(process.env[name]) || fallback);

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

// Set by the app's database client (infrastructure/db/availability.ts) in this same process.
const availability = () => globalThis[Symbol.for('seatwise.database-availability')];
// Set by the app at boot (infrastructure/runtime.ts).
const registerPages = registerPageCache({ fingerprintOf: () => globalThis[Symbol.for('seatwise.register-page-fingerprint')] });
// These answer for themselves while the database is down or the process is saturated: the operator's view.
const answersWhileDown = new Set(['/api/health', '/metrics']);
// Files of the build are cheap and never wait behind renders: a page served at once needs its scripts and styles.
const neverWaits = (path) => answersWhileDown.has(path) || path.startsWith('/_next/static/');

const gate = admissionGate({ inFlight: setting('MAX_IN_FLIGHT', 100), maxWaitMs: setting('MAX_QUEUE_WAIT_MS', 30_000) });
setInterval(() => gate.shedOverdue(), 1_000).unref();
// Read by the app's metrics (infrastructure/metrics.ts).
globalThis[Symbol.for('seatwise.admission')] = gate;

const server = createServer((request, response) => {
  observe(request, response);
  const path = (request.url ?? '/').split('?')[0];
  if (neverWaits(path)) return handleRequest(request, response);
  if (availability()?.down) return unavailable(path, response, 'down');
  gate.admit({
    run(release) {
      const untilClosed = turnsOnSocket(request.socket, release);
      response.once('close', () => {
        untilClosed();
        release();
      });
      // The database may have gone down while it waited.
      if (availability()?.down) return unavailable(path, response, 'down');
      handleRequest(request, response);
    },
    shed: () => unavailable(path, response, 'busy'),
    gone: () => request.socket.destroyed,
  });
});
// An idle connection stays open longer than a client or load balancer keeps one (Node's 5 s closes
// it under a busy client that just chose to reuse it: a reset, and a POST is not sent again).
server.keepAliveTimeout = 65_000;
// Longer than the keep-alive, or a request's headers could time out on a connection that was idle.
server.headersTimeout = 66_000;
// A burst of new connections waits to be accepted instead of timing out (Node's default is 511).
server.listen({ port, host: hostname, backlog: 4_096 }, () => console.log(`Seatwise listening on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close());

/**
 * A pipelined request's response never closes if its connection goes first: the turns its
 * requests hold are freed when it closes, by one listener however many requests it carries.
 * Answers how to forget a turn freed by its response.
 */
const turnsBySocket = new WeakMap();
function turnsOnSocket(socket, release) {
  let turns = turnsBySocket.get(socket);
  if (!turns) {
    turnsBySocket.set(socket, (turns = new Set()));
    socket.once('close', () => turns.forEach((free) => free()));
  }
  turns.add(release);
  return () => turns.delete(release);
}

function handleRequest(request, response) {
  const forwardedFor = request.headers['x-forwarded-for'];
  const address = clientAddressOf(Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor, request.socket.remoteAddress, trustedHops);
  if (trustedHops === 0) {
    // Nobody in front of us: what a client says about its own route is not believed.
    delete request.headers['x-forwarded-proto'];
    delete request.headers['x-forwarded-host'];
  }
  request.headers['x-forwarded-for'] = address;
  registerPages(request, response, () => handle(request, response)).catch((error) => {
    console.error(error);
    if (!response.headersSent) response.writeHead(500).end();
  });
}

/**
 * While the database is down, or after waiting too long for a turn: a plain 503, the API's in its
 * JSON shape, never a stack trace.
 */
function unavailable(path, response, why) {
  const headers = { 'retry-after': '5', 'cache-control': 'no-store' };
  if (path.startsWith('/api/')) {
    response.writeHead(503, { ...headers, 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: { code: 'unavailable', message: 'The service is temporarily unavailable. Try again shortly.' } }));
    return;
  }
  response.writeHead(503, { ...headers, 'content-type': 'text/html; charset=utf-8' });
  response.end(why === 'down' ? unavailablePage : busyPage);
}

const unavailablePage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="5"><title>Seatwise is temporarily unavailable</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2937}</style></head>
<body><main><h1>Seatwise is temporarily unavailable</h1>
<p>We cannot reach our database right now. Nothing you have done is lost: this page tries again by itself every few seconds.</p></main></body></html>`;

const busyPage = unavailablePage.replace(
  /<p>.*<\/p>/,
  '<p>Too many people are booking at this moment. Nothing you have done is lost: this page tries again by itself every few seconds.</p>',
);
