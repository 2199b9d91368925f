import fs from 'node:fs';
import { createRequire } from 'node:module';

type FlightClient = {
  encodeReply(value: unknown): Promise<FormData | string>;
  createFromReadableStream(stream: ReadableStream, options: object): Promise<{ a: Promise<unknown> }>;
};
// React's own wire format for server actions: the client a browser runs, so requests are real ones.
const flight = createRequire(import.meta.url)('next/dist/compiled/react-server-dom-turbopack/client.node.js') as FlightClient;

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
export function httpVisitor(baseUrl: string) {
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
      headers: { ...(init.headers as Record<string, string>), cookie: cookieHeader() },
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
      if (response.status !== 200 || !response.body) return { status: response.status, result: await response.text() };
      const root = await flight.createFromReadableStream(response.body, {
        serverConsumerManifest: { moduleMap: {}, serverModuleMap: null, moduleLoading: null },
      });
      return { status: response.status, result: await root.a };
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
