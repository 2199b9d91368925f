/** GET of one of our JSON routes; their errors say `{error: {message}}` (a 404 says what was not found). */
export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  if (response.ok) return (await response.json()) as T;
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
}
