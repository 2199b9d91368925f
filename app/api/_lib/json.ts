import 'server-only';

const noStore = { 'cache-control': 'no-store' };

/** A read model as JSON: never cached, it changes as the events come. */
export const json = (body: unknown, status = 200) => Response.json(body, { status, headers: noStore });

/** Every route's error, in one shape (API-CONTRACT): a code for machines and a sentence for people. */
export function jsonError(status: number, code: string, message: string, fields?: Readonly<Record<string, string>>) {
  return json({ error: { code, message, ...(fields ? { fields } : {}) } }, status);
}

export const notFoundJson = (message: string) => jsonError(404, 'not_found', message);
