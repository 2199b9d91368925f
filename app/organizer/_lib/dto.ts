import 'server-only';
import type { AllocationDto, AllocationRowDto, OrderRowDto } from '@/components/organizer/types';
import type { AllocationView, OrganizerOrderRow } from '@/infrastructure/queries/organizer';

const rowOf = ({ seatTypeId, name, quota, reserved, sold, available }: AllocationRowDto) =>
  ({ seatTypeId, name, quota, reserved, sold, available }) satisfies AllocationRowDto;

export const allocationRows = (rows: readonly AllocationRowDto[]): AllocationRowDto[] => rows.map(rowOf);

export const allocationDto = (view: AllocationView) =>
  ({ seatTypes: allocationRows(view.seatTypes), lastChangeAt: view.lastChangeAt, lagMs: view.lagMs }) satisfies AllocationDto;

export const orderDtos = (rows: readonly OrganizerOrderRow[]) =>
  rows.map(({ orderId, accessCode, status, total, currency, registrant, email, attendees, placedAt }) =>
    ({ orderId, accessCode, status, total, currency, registrant, email, attendees: [...attendees], placedAt }) satisfies OrderRowDto);
