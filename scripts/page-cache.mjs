import { randomUUID } from 'node:crypto';
// Next renders a page's metadata otherwise for a crawler: such a request is rendered, never kept or served a kept page.
import { isBot } from 'next/dist/shared/lib/router/utils/is-bot.js';
import { visitorToGive } from './visitor-id.mjs';

const registerPath = /^\/conferences\/([^/]+)\/register$/;
const commandIdField = /name="commandId" value="([0-9a-f-]{36})"/;
// Headers of one response or one connection, never replayed.
const ownHeaders = new Set(['set-cookie', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'x-seatwise-page-cache']);

/**
 * The register page of a published conference, without an order to change, is the same for
 * every visitor but for its form's idempotency key; it is also the page a sale rush reloads, and
 * rendering it costs a web process ~20 ms of CPU. So the first render is kept here, in front of
 * Next, with a digest of the offer it was rendered from (`fingerprintOf(slug)`: the conference
 * and its seat allocation, one indexed query). While the digest is the same, the kept page is
 * served with a fresh key; once it changes, the page is rendered again. A page is never older
 * than the read model, in any process, and a process needs no word from the others.
 */
export function registerPageCache({ fingerprintOf, limit = 500 }) {
  const pages = new Map();

  function keep(slug, page) {
    pages.delete(slug);
    pages.set(slug, page);
    if (pages.size > limit) pages.delete(pages.keys().next().value);
  }

  const fingerprint = (slug) => fingerprintOf()?.(slug).catch(() => null) ?? null;

  return async function serveOrRender(request, response, render) {
    const slug = keptSlugOf(request);
    const before = slug && (await fingerprint(slug));
    if (!before) return render();
    const kept = pages.get(slug);
    if (kept?.fingerprint === before) return serve(kept, request, response);
    whenRendered(response, async (page) => {
      // Rendered from what the digest said before, unless the read models moved meanwhile: then not kept.
      if ((await fingerprint(slug)) === before) keep(slug, { fingerprint: before, ...page });
    });
    // Kept as text: the key is replaced in it for every visitor.
    delete request.headers['accept-encoding'];
    response.setHeader('x-seatwise-page-cache', 'miss');
    return render();
  };
}

/**
 * The slug of a register page request that may be served a kept page: a plain GET, by a browser,
 * no query, no client-side navigation, and nothing else in the request that Next renders from
 * (a nonce from a `content-security-policy` request header). A slug as written, never decoded:
 * the page holds its own address.
 */
function keptSlugOf(request) {
  const { headers } = request;
  if (request.method !== 'GET' || isBot(headers['user-agent'] ?? '')) return null;
  if (headers.rsc !== undefined || headers['next-router-state-tree'] !== undefined) return null;
  if (headers['content-security-policy'] !== undefined || headers['content-security-policy-report-only'] !== undefined) return null;
  return registerPath.exec(request.url ?? '')?.[1] ?? null;
}

/** The kept page with a fresh form key; a browser without a visitor id gets one, as the proxy (proxy.ts) gives it on a rendered page. */
function serve(kept, request, response) {
  const html = kept.html.replaceAll(kept.commandId, randomUUID());
  const visitor = visitorToGive(request.headers.cookie, request.headers['x-forwarded-proto']);
  response.writeHead(200, {
    ...kept.headers,
    ...(visitor && { 'set-cookie': visitor.setCookie }),
    'content-length': Buffer.byteLength(html),
    'x-seatwise-page-cache': 'hit',
  });
  response.end(html);
}

/** Collects what Next writes; a whole, plain 200 page with its form's key is handed to `keep`. */
function whenRendered(response, keep) {
  const chunks = [];
  const collect = (chunk, encoding) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : Buffer.from(chunk));
  };
  const { write, end } = response;
  response.write = function (chunk, encoding, callback) {
    collect(chunk, encoding);
    return write.call(this, chunk, encoding, callback);
  };
  response.end = function (chunk, encoding, callback) {
    collect(chunk, encoding);
    return end.call(this, chunk, encoding, callback);
  };
  response.once('finish', () => {
    if (response.statusCode !== 200 || response.getHeader('content-encoding') !== undefined) return;
    const html = Buffer.concat(chunks).toString('utf8');
    const commandId = commandIdField.exec(html)?.[1];
    if (!commandId) return;
    const headers = Object.fromEntries(Object.entries(response.getHeaders()).filter(([name]) => !ownHeaders.has(name)));
    keep({ html, commandId, headers });
  });
}
