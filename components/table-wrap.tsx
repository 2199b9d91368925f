import type { ReactNode } from 'react';

/**
 * A table that may scroll sideways on a narrow screen: the scrolling region can be reached and
 * scrolled with the keyboard, and is named for screen readers.
 */
export function TableWrap({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
