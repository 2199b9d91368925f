'use client';

import { FieldError } from '../forms/field-error';
import { useState, type FormEvent } from 'react';
import type { SeatRow } from './order-types';
import { SaveRefused, useSaveAssignments, type SaveAssignments } from './use-save-assignments';
import { TableWrap } from '../table-wrap';

type Props = { readonly orderId: string; readonly seats: readonly SeatRow[]; readonly save: SaveAssignments };
type Field = 'firstName' | 'lastName' | 'email';

const columns: readonly { field: Field; label: string; type: string; autoComplete: string }[] = [
  { field: 'firstName', label: 'First name', type: 'text', autoComplete: 'off' },
  { field: 'lastName', label: 'Last name', type: 'text', autoComplete: 'off' },
  { field: 'email', label: 'Email', type: 'email', autoComplete: 'off' },
];

export function SeatsForm({ orderId, seats, save }: Props) {
  const [rows, setRows] = useState<readonly SeatRow[]>(seats);
  const { mutation, saving, saved, savedSeats } = useSaveAssignments(orderId, save);
  const refused = mutation.error instanceof SaveRefused ? mutation.error : null;
  const fieldErrors = refused?.fieldErrors ?? {};

  const edit = (index: number, field: Field, value: string) => {
    if (!saving) mutation.reset();
    setRows((current) => current.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate(rows);
  };

  return (
    <form onSubmit={submit} noValidate className="stack">
      <TableWrap label="Seats and attendees">
        <table className="seats-table">
          <thead>
            <tr>
              <th scope="col">Seat</th>
              {columns.map((column) => (
                <th key={column.field} scope="col">{column.label}</th>
              ))}
              <th scope="col">Saved</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={row.position}>
                <td className="seats-table__seat">{row.label}</td>
                {columns.map(({ field, label, type, autoComplete }) => {
                  const id = `seat-${row.position}-${field}`;
                  const error = fieldErrors[`${index}.${field}`];
                  return (
                    <td key={field} data-label={label}>
                      <input
                        id={id}
                        type={type}
                        autoComplete={autoComplete}
                        aria-label={`${label} for ${row.label}`}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${id}-error` : undefined}
                        value={row[field]}
                        onChange={(event) => edit(index, field, event.target.value)}
                      />
                      <FieldError id={`${id}-error`} error={error} />
                    </td>
                  );
                })}
                <td data-label="Saved">
                  <SavedBadge seat={savedSeats.find((seat) => seat.position === row.position)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {mutation.isError ? (
        <p role="alert" className="alert alert--error">
          {refused ? `Not saved: ${refused.message}` : 'Not saved: the server could not be reached. Try again.'}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" aria-busy={saving || undefined}>
          Save assignments
        </button>
        <p role="status" className="status">
          {saving ? 'Saving…' : saved ? 'Assignments saved' : ''}
        </p>
      </div>
    </form>
  );
}

function SavedBadge({ seat }: { readonly seat: SeatRow | undefined }) {
  if (!seat?.email) return <span className="badge badge--muted">Unassigned</span>;
  return <span className="badge badge--success">{seat.firstName} {seat.lastName}</span>;
}
