'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './organizer.module.css';

const sections = [
  { path: '', label: 'Dashboard' },
  { path: '/seat-types', label: 'Seat types' },
  { path: '/promo-codes', label: 'Promo codes' },
  { path: '/orders', label: 'Orders' },
  { path: '/waiting-list', label: 'Waiting list' },
  { path: '/allocation', label: 'Allocation' },
  { path: '/history', label: 'History' },
];

export function ConferenceNav({ slug }: { readonly slug: string }) {
  const pathname = usePathname();
  const base = `/organizer/conferences/${slug}`;
  return (
    <nav aria-label="Conference sections" className={styles.subnav}>
      <ul>
        {sections.map(({ path, label }) => (
          <li key={label}>
            <Link href={base + path} aria-current={pathname === base + path ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
