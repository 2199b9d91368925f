import 'server-only';
import type { AllocationDto, AllocationRowDto, OrderRowDto, WaitingListRowDto, WaitingListStatus } from '@/components/organizer/types';
import type { WaitingListStatus as EntryStatus } from '@/infrastructure/projections/waiting-list';
import type { AllocationView, OrganizerOrderRow } from '@/infrastructure/queries/organizer';
import type { WaitingListRow } from '@/infrastructure/queries/waiting-list';

const rowOf = ({ seatTypeId, name, quota, reserved, sold, available }: AllocationRowDto) =>
  ({ seatTypeId, name, quota, reserved, sold, available }) satisfies AllocationRowDto;

export const allocationRows = (rows: readonly AllocationRowDto[]): AllocationRowDto[] => rows.map(rowOf);

export const allocationDto = (view: AllocationView) =>
  ({ seatTypes: allocationRows(view.seatTypes), lastChangeAt: view.lastChangeAt, lagMs: view.lagMs }) satisfies AllocationDto;

export const orderDtos = (rows: readonly OrganizerOrderRow[]) =>
  rows.map(({ orderId, accessCode, status, total, currency, registrant, email, attendees, placedAt }) =>
    ({ orderId, accessCode, status, total, currency, registrant, email, attendees: [...attendees], placedAt }) satisfies OrderRowDto);

// An entry about to take its place in line is, for the organizer, already waiting.
const statusWords: Readonly<Record<EntryStatus, WaitingListStatus>> = {
  joining: 'Waiting', waiting: 'Waiting', offered: 'Offered', booked: 'Booked', lapsed: 'Lapsed',
};

export const waitingListDtos = (rows: readonly WaitingListRow[]) =>
  rows.map(({ entryId, position, firstName, lastName, email, seatTypeName, quantity, status }) =>
    ({ entryId, position, name: `${firstName} ${lastName}`, email, seatTypeName, quantity, status: statusWords[status] }) satisfies WaitingListRowDto);
