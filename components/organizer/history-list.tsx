import Form from 'next/form';
import type { HistoryRowDto } from './types';
import styles from './organizer.module.css';
import { TableWrap } from '../table-wrap';

const when = new Intl.DateTimeFormat('en-US', {
  month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: 'UTC',
});

type Props = { readonly entries: readonly HistoryRowDto[]; readonly selected?: string; readonly href: string };

/** One row per event, oldest first; each opens the allocation right after it (`?asOf=<eventId>`). */
export function HistoryList({ entries, selected, href }: Props) {
  if (entries.length === 0) return <p className={`card ${styles.empty}`}>Nothing has happened yet.</p>;
  return (
    <TableWrap label="History">
      <table>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">When (UTC)</th>
            <th scope="col"><span className={styles.srOnly}>Allocation</span></th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.eventId} className={entry.eventId === selected ? styles.selected : undefined}>
              <td>{entry.text}</td>
              <td className={styles.historyTime}>
                <time dateTime={entry.at}>{when.format(new Date(entry.at))}</time>
              </td>
              <td>
                <Form action={href} scroll={false}>
                  <input type="hidden" name="asOf" value={entry.eventId} />
                  <button type="submit" className={`button--secondary ${styles.nowrap}`} aria-pressed={entry.eventId === selected}>
                    As of this event
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
