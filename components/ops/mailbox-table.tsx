import Link from 'next/link';
import { formatDateTime } from '../format';
import { TableWrap } from '../table-wrap';

export type MailRowDto = { readonly id: string; readonly recipient: string; readonly subject: string; readonly sentAt: string };

export function MailboxTable({ rows }: { readonly rows: readonly MailRowDto[] }) {
  return (
    <TableWrap label="Mailbox">
      <table>
        <caption>Mail delivered here, newest first</caption>
        <thead>
          <tr>
            <th scope="col">To</th>
            <th scope="col">Subject</th>
            <th scope="col">Sent</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.recipient}</th>
              <td>
                <Link href={`/ops/mailbox/${row.id}`}>{row.subject}</Link>
              </td>
              <td>{formatDateTime(row.sentAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
