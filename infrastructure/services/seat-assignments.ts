import { send } from '../commands/router';
import { commandContext, type ServiceContext } from './context';
import { parseInput, ValidationError } from './errors';
import { attendeeSchema } from './schemas';
import { z } from 'zod';

const rowsSchema = z.array(attendeeSchema).max(500);

/**
 * Saves every row of the assign-seats form: a row with an e-mail assigns (or updates) the
 * seat, an emptied e-mail unassigns it. Unchanged rows produce no events (the aggregate says so).
 */
export async function saveAssignments(context: ServiceContext, orderId: string, input: unknown) {
  const rows = parseInput(rowsSchema, input);
  const fieldErrors: Record<string, string> = {};
  rows.forEach((row, index) => {
    if (!row.email) return;
    if (!row.firstName) fieldErrors[`${index}.firstName`] = 'First name is required.';
    if (!row.lastName) fieldErrors[`${index}.lastName`] = 'Last name is required.';
  });
  if (Object.keys(fieldErrors).length > 0) throw new ValidationError(fieldErrors);
  let version = 0;
  for (const [index, row] of rows.entries()) {
    const { position, firstName, lastName, email } = row;
    const command = email
      ? ({ type: 'AssignSeat', data: { orderId, position, attendee: { firstName, lastName, email } } } as const)
      : ({ type: 'UnassignSeat', data: { orderId, position } } as const);
    const result = await send(command, commandContext(context, index + 1));
    version = Math.max(version, result.version);
  }
  return { version };
}
