'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormResult } from '../forms/result';
import type { SeatRow } from './order-types';
import { seatAssignmentsQuery } from './queries';

export type SaveAssignments = (orderId: string, commandId: string | null, rows: unknown) => Promise<FormResult>;

/** A refused save: the message for the page and the errors of each field (`<row index>.<field>`). */
export class SaveRefused extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Readonly<Record<string, string>>,
  ) {
    super(message);
  }
}

// Each save is its own request: a repeated id would make the server replay the previous save.
const newCommandId = () => globalThis.crypto?.randomUUID?.() ?? null;
const toInput = ({ position, firstName, lastName, email }: SeatRow) => ({ position, firstName, lastName, email });

/**
 * Saves optimistically: the rows show as saved at once and roll back if the server refuses.
 * "Saved" is said only once the read model shows the version the save produced, so a reload
 * shows the same values.
 */
export function useSaveAssignments(orderId: string, save: SaveAssignments) {
  const client = useQueryClient();
  const { queryKey } = seatAssignmentsQuery(orderId);
  const [target, setTarget] = useState<number | null>(null);
  const { data } = useQuery({
    ...seatAssignmentsQuery(orderId),
    refetchInterval: (query) => (target !== null && (query.state.data?.version ?? 0) < target ? 400 : false),
  });
  const mutation = useMutation({
    mutationFn: async (rows: readonly SeatRow[]) => {
      const result = await save(orderId, newCommandId(), rows.map(toInput));
      if (!result.ok) throw new SaveRefused(result.message, result.fieldErrors);
      return result.version ?? 0;
    },
    onMutate: async (rows) => {
      setTarget(null);
      await client.cancelQueries({ queryKey });
      const previous = client.getQueryData(queryKey);
      client.setQueryData(queryKey, (old) => (old ? { ...old, seats: rows } : old));
      return { previous };
    },
    onError: (_error, _rows, context) => client.setQueryData(queryKey, context?.previous),
    onSuccess: (version) => setTarget(version),
  });
  const visible = mutation.isSuccess && target !== null && (data?.version ?? 0) >= target;
  const inFlight = mutation.isPending || (mutation.isSuccess && !visible);
  // Until the read model catches up, a poll may bring back older rows: what was sent is the truth.
  const savedSeats = inFlight ? (mutation.variables ?? []) : (data?.seats ?? []);
  return { mutation, saving: inFlight, saved: visible, savedSeats };
}
