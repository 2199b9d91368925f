import Link from 'next/link';
import styles from './organizer.module.css';

/** An organizer form's last row: its submit button, busy while the form is pending, and Cancel back. */
export function FormActions({ submit, pending, cancelHref }: { submit: string; pending: boolean; cancelHref: string }) {
  return (
    <div className={styles.actions}>
      <button type="submit" aria-busy={pending}>
        {submit}
      </button>
      <Link href={cancelHref} className="button button--secondary">
        Cancel
      </Link>
    </div>
  );
}
