import { z } from 'zod';
import { send } from '../commands/router';
import type { Written } from './conferences';
import { commandContext, type ServiceContext } from './context';
import { attempt, invalidInput, parse, type Outcome } from './result';
import { attendeeRowSchema, attendeeSchema } from './schemas';

const rowsSchema = z.array(attendeeRowSchema).max(500);

/** Names are asked for only where an e-mail assigns the seat: an emptied e-mail unassigns it. */
function missingNames(rows: z.infer<typeof rowsSchema>) {
  const fieldErrors: Record<string, string> = {};
  rows.forEach((row, index) => {
    if (!row.email) return;
    if (!row.firstName) fieldErrors[`${index}.firstName`] = 'First name is required.';
    if (!row.lastName) fieldErrors[`${index}.lastName`] = 'Last name is required.';
  });
  return fieldErrors;
}

/**
 * Saves every row of the assign-seats form. Unchanged rows produce no events (the aggregate
 * says so); the version is the highest the rows produced.
 */
export async function saveAssignments(context: ServiceContext, orderId: string, input: unknown): Promise<Outcome<Written>> {
  const rows = parse(rowsSchema, input);
  if (!rows.ok) return rows;
  const missing = missingNames(rows.value);
  if (Object.keys(missing).length > 0) return invalidInput(missing);
  return attempt(async () => {
    let version = 0;
    for (const [index, { position, firstName, lastName, email }] of rows.value.entries()) {
      const command = email
        ? ({ type: 'AssignSeat', data: { orderId, position, attendee: { firstName, lastName, email } } } as const)
        : ({ type: 'UnassignSeat', data: { orderId, position } } as const);
      version = Math.max(version, (await send(command, commandContext(context, index + 1))).version);
    }
    return { version };
  });
}

/** One attendee on one seat (the API). */
export async function assignAttendee(context: ServiceContext, orderId: string, position: number, input: unknown): Promise<Outcome<Written>> {
  const attendee = parse(attendeeSchema, input);
  if (!attendee.ok) return attendee;
  return attempt(async () => ({
    version: (await send({ type: 'AssignSeat', data: { orderId, position, attendee: attendee.value } }, commandContext(context, 0, attendee.value))).version,
  }));
}

export async function unassignAttendee(context: ServiceContext, orderId: string, position: number): Promise<Outcome<Written>> {
  return attempt(async () => ({ version: (await send({ type: 'UnassignSeat', data: { orderId, position } }, commandContext(context))).version }));
}
