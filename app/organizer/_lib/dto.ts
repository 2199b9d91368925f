import 'server-only';
import type { AllocationDto, AllocationRowDto, OrderRowDto, WaitingListRowDto, WaitingListStatus } from '@/components/organizer/types';
import type { AllocationView, OrganizerOrderRow } from '@/infrastructure/queries/organizer';
import type { ListedStatus, WaitingListRow } from '@/infrastructure/queries/waiting-list';

const rowOf = ({ seatTypeId, name, quota, reserved, sold, available }: AllocationRowDto) =>
  ({ seatTypeId, name, quota, reserved, sold, available }) satisfies AllocationRowDto;

export const allocationRows = (rows: readonly AllocationRowDto[]): AllocationRowDto[] => rows.map(rowOf);

export const allocationDto = (view: AllocationView) =>
  ({ seatTypes: allocationRows(view.seatTypes), lastChangeAt: view.lastChangeAt, lagMs: view.lagMs }) satisfies AllocationDto;

export const orderDtos = (rows: readonly OrganizerOrderRow[]) =>
  rows.map(({ orderId, accessCode, status, total, currency, registrant, email, attendees, placedAt }) =>
    ({ orderId, accessCode, status, total, currency, registrant, email, attendees: [...attendees], placedAt }) satisfies OrderRowDto);

const statusWords: Readonly<Record<ListedStatus, WaitingListStatus>> = {
  waiting: 'Waiting', offered: 'Offered', booked: 'Booked', lapsed: 'Lapsed',
};

export const waitingListDtos = (rows: readonly WaitingListRow[]) =>
  rows.map(({ entryId, position, firstName, lastName, email, seatTypeId, seatTypeName, quantity, status }) =>
    ({ entryId, position, name: `${firstName} ${lastName}`, email, seatTypeId, seatTypeName, quantity, status: statusWords[status] }) satisfies WaitingListRowDto);
