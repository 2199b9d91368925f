import { poll } from '../poll';
import type { Acknowledged } from './resilient-client';

/** How the tests and the chaos driver speak to the JSON API: method, path, body, bearer token. */
export type Send = (method: string, path: string, body?: unknown, token?: string) => Promise<Acknowledged>;

type SeatType = { readonly seatTypeId: string; readonly name: string; readonly price: number };
export type Sale = { readonly slug: string; readonly conferenceId: string; readonly token: string; readonly seatTypes: readonly SeatType[] };

/**
 * A conference on sale, as an organizer opens one through the API: created, one seat type per
 * quota (the first priced, the others free, unless `prices` says), published, and its seats on
 * sale in the read model.
 */
export async function openSale(send: Send, name: string, quotas: readonly number[], prices: readonly number[] = quotas.map((_, i) => (i === 0 ? 5_000 : 0))): Promise<Sale> {
  const slug = `${name.toLowerCase()}-${Date.now().toString(36)}`;
  const created = await send('POST', '/conferences', {
    ownerName: `${name} Organizer`, ownerEmail: `${slug}@example.com`, name: `${name} Conference`, slug, tagline: '',
    location: 'Online', description: `Opened by a test: ${name}.`, startDate: '2031-09-01', endDate: '2031-09-02',
  });
  const token = created.body.organizerToken as string;
  const seatTypes: SeatType[] = [];
  for (const [i, quantity] of quotas.entries()) {
    const seatType = { name: `Seat type ${i + 1}`, description: '', quantity, price: prices[i]! };
    const added = await send('POST', `/organizer/conferences/${slug}/seat-types`, seatType, token);
    seatTypes.push({ seatTypeId: added.body.seatTypeId as string, name: seatType.name, price: seatType.price });
  }
  await send('POST', `/organizer/conferences/${slug}/publish`, undefined, token);
  const onSale = await poll(
    () => send('GET', `/conferences/${slug}`),
    (r) => r.status === 200 && (r.body.seatTypes as { available: number }[]).every((s, i) => s.available === quotas[i]),
    { timeoutMs: 60_000 },
  );
  if (!onSale.done) throw new Error(`${slug} not on sale after 60 s`);
  return { slug, conferenceId: created.body.conferenceId as string, token, seatTypes };
}
