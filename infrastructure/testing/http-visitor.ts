import fs from 'node:fs';
import { createRequire } from 'node:module';

type FlightClient = { encodeReply(value: unknown): Promise<FormData | string> };
// React's own encoding of server action arguments: the requests are the ones a browser sends.
const flight = createRequire(import.meta.url)('next/dist/compiled/react-server-dom-turbopack/client.node.js') as FlightClient;

/**
 * A flight response's rows by id. A row is `id:json\n`, or `id:T<hex byte length>,<text>` for
 * long strings (which may hold newlines), referenced elsewhere as `"$id"`.
 */
function flightRows(body: Buffer): Map<string, string> {
  const rows = new Map<string, string>();
  for (let at = 0; at < body.length; ) {
    const colon = body.indexOf(0x3a, at);
    if (colon < 0) break;
    const id = body.subarray(at, colon).toString();
    if (body[colon + 1] === 0x54) {
      const comma = body.indexOf(0x2c, colon);
      const end = comma + 1 + parseInt(body.subarray(colon + 2, comma).toString(), 16);
      rows.set(id, JSON.stringify(body.subarray(comma + 1, end).toString()));
      at = end;
    } else {
      const newline = body.indexOf(0x0a, colon);
      const end = newline < 0 ? body.length : newline;
      rows.set(id, body.subarray(colon + 1, end).toString());
      at = end + 1;
    }
  }
  return rows;
}

/** The action's return value: row 0 points at it (the rest can be a re-rendered page, for a browser). */
function actionResult(body: Buffer): unknown {
  const rows = flightRows(body);
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string' && /^\$@?[0-9a-f]+$/.test(value)) return resolve(JSON.parse(rows.get(value.replace(/^\$@?/, '')) ?? 'null'));
    if (value === '$undefined') return undefined;
    if (typeof value === 'string' && value.startsWith('$$')) return value.slice(1);
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    return value;
  };
  const root = JSON.parse(rows.get('0') ?? '{}') as { a?: unknown };
  return resolve(root.a);
}

type ActionEntry = { workers: Record<string, unknown>; filename: string; exportedName: string };

/** `file#export` → the action's id and a page that serves it, from the build's manifest. */
function actionsOfBuild(): Map<string, { id: string; path: string }> {
  const manifest = JSON.parse(fs.readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, ActionEntry>;
  };
  return new Map(
    Object.entries(manifest.node).map(([id, entry]) => {
      const page = Object.keys(entry.workers)[0] ?? 'app/page';
      const path = page.replace(/^app/, '').replace(/\/page$/, '').replace(/\[[^\]]+\]/g, 'x') || '/';
      return [`${entry.filename}#${entry.exportedName}`, { id, path }];
    }),
  );
}

export type ActionAnswer = { readonly status: number; readonly result?: unknown; readonly redirect?: string };

/**
 * A browser as the server sees one: its own cookie jar, GETs of pages and JSON, and server
 * actions called over HTTP exactly as React calls them, with any arguments an attacker chooses.
 */
export function httpVisitor(baseUrl: string, extraHeaders: Record<string, string> = {}) {
  const jar = new Map<string, string>();
  const actions = actionsOfBuild();
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const separator = pair!.indexOf('=');
      jar.set(pair!.slice(0, separator).trim(), pair!.slice(separator + 1).trim());
    }
  };
  async function request(path: string, init: RequestInit = {}) {
    const response = await fetch(new URL(path, baseUrl), {
      ...init,
      redirect: 'manual',
      headers: { ...extraHeaders, ...(init.headers as Record<string, string>), cookie: cookieHeader() },
    });
    remember(response);
    return response;
  }
  return {
    jar,
    async page(path: string) {
      const response = await request(path);
      return { status: response.status, text: await response.text() };
    },
    async json(path: string) {
      const response = await request(path);
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
    /** Calls `file#export` with these arguments (a form's action gets `[previousState, formData]`). */
    async action(name: string, args: readonly unknown[]): Promise<ActionAnswer> {
      const action = actions.get(name);
      if (!action) throw new Error(`no server action ${name} in this build`);
      const response = await request(action.path, {
        method: 'POST',
        headers: { 'Next-Action': action.id, Accept: 'text/x-component' },
        body: await flight.encodeReply(args),
      });
      const redirect = response.headers.get('x-action-redirect')?.split(';')[0];
      if (redirect) return { status: response.status, redirect };
      const body = Buffer.from(await response.arrayBuffer());
      return { status: response.status, result: response.status === 200 ? actionResult(body) : body.toString() };
    },
  };
}

export type HttpVisitor = ReturnType<typeof httpVisitor>;

/** A form's fields as the browser sends them. */
export function formOf(fields: Record<string, string | Blob>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}
