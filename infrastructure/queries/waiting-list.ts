import type { Db } from '../db/client';
import type { WaitingListEntryDoc, WaitingListStatus } from '../projections/waiting-list';

/** As people read it: an entry about to take its place in line is already waiting (its place not known yet). */
export type ListedStatus = Exclude<WaitingListStatus, 'joining'>;
const listed = (status: WaitingListStatus): ListedStatus => (status === 'joining' ? 'waiting' : status);
import { conferenceById } from './conferences';

/** What the person who joined sees: where they stand. `place` 1 is first in line for what they wait for. */
export type WaitingListEntryView = {
  readonly entryId: string;
  readonly conferenceId: string;
  readonly status: ListedStatus;
  readonly place: number | null;
  readonly seats: readonly { readonly seatTypeId: string; readonly seatTypeName: string; readonly quantity: number }[];
  readonly offered: readonly { readonly seatTypeId: string; readonly quantity: number }[] | null;
  readonly version: number;
};

/** A row of the organizer's list: one per seat type an entry waits for. */
export type WaitingListRow = {
  readonly entryId: string;
  /** The entry's place in the list, in the order people joined (1 = first). */
  readonly position: number;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly seatTypeId: string;
  readonly seatTypeName: string;
  readonly quantity: number;
  readonly status: ListedStatus;
};

async function seatTypeNames(db: Db, conferenceId: string): Promise<(seatTypeId: string) => string> {
  const conference = await conferenceById(db, conferenceId);
  return (seatTypeId) => conference?.seatTypes.find((seatType) => seatType.seatTypeId === seatTypeId)?.name ?? 'Seat';
}

export async function waitingListEntryDoc(db: Db, entryId: string): Promise<WaitingListEntryDoc | null> {
  const [row] = await db.query<{ doc: WaitingListEntryDoc }>('SELECT doc FROM rm_waiting_list WHERE entry_id = $1', [entryId]);
  return row?.doc ?? null;
}

export async function waitingListEntryView(db: Db, entryId: string): Promise<WaitingListEntryView | null> {
  const [row] = await db.query<{ doc: WaitingListEntryDoc; ahead: number }>(
    // Ahead are those still waiting, earlier in line, for a seat type this entry also wants.
    `SELECT entry.doc, (SELECT count(*)::int FROM rm_waiting_list other
                        WHERE other.conference_id = entry.conference_id AND other.status = 'waiting'
                          AND other.line_position < entry.line_position
                          AND EXISTS (SELECT 1 FROM jsonb_array_elements(other.doc->'seats') theirs, jsonb_array_elements(entry.doc->'seats') mine
                                      WHERE theirs->>'seatTypeId' = mine->>'seatTypeId')) AS ahead
     FROM rm_waiting_list entry WHERE entry.entry_id = $1`,
    [entryId],
  );
  if (!row) return null;
  const { doc, ahead } = row;
  const nameOf = await seatTypeNames(db, doc.conferenceId);
  return {
    entryId, conferenceId: doc.conferenceId, status: listed(doc.status), place: doc.status === 'waiting' ? ahead + 1 : null,
    seats: doc.seats.map(({ seatTypeId, quantity }) => ({ seatTypeId, seatTypeName: nameOf(seatTypeId), quantity })),
    offered: doc.offered, version: doc.version,
  };
}

/** A conference's waiting list in the order people joined (those not yet in line last). */
export async function conferenceWaitingList(db: Db, conferenceId: string): Promise<WaitingListRow[]> {
  const rows = await db.query<{ doc: WaitingListEntryDoc }>(
    `SELECT doc FROM rm_waiting_list WHERE conference_id = $1 ORDER BY line_position NULLS LAST, doc->>'joinedAt', entry_id`,
    [conferenceId],
  );
  const nameOf = await seatTypeNames(db, conferenceId);
  return rows.flatMap(({ doc }, index) =>
    doc.seats.map(({ seatTypeId, quantity }) => ({
      entryId: doc.entryId, position: index + 1, firstName: doc.firstName, lastName: doc.lastName, email: doc.email,
      seatTypeId, seatTypeName: nameOf(seatTypeId), quantity, status: listed(doc.status),
    })),
  );
}
