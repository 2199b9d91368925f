import 'server-only';
import { json, notFoundJson, orUnavailable } from '@/app/api/_lib/json';
import { authorizedConference } from '@/app/organizer/_lib/access';
import type { Db } from '@/infrastructure/db/client';
import { database } from '@/infrastructure/runtime';

/** A read model of the signed-in organizer's conference as JSON; anyone else: 404, as if there were none. */
export function conferenceJson<V, T>(params: Promise<{ slug: string }>, read: (db: Db, conferenceId: string) => Promise<V>, dto: (view: V) => T) {
  return orUnavailable(async () => {
    const conference = await authorizedConference((await params).slug);
    if (!conference) return notFoundJson('Conference not found');
    return json(dto(await read(await database(), conference.conferenceId)));
  });
}
