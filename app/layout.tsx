import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import './globals.css';
import { Providers } from './providers';

// Titles never repeat a page's heading or messages: Next announces the title of each new page
// in a hidden live region, and the same words twice would make the page ambiguous to find by.
export const metadata: Metadata = {
  title: { default: 'Seatwise', template: '%s · Seatwise' },
  description: 'Book conference seats.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <Link href="/" className="brand" aria-label="Seatwise home">
              <span aria-hidden="true" className="brand__mark">◆</span> Seatwise
            </Link>
            <nav aria-label="Site">
              <ul className="site-nav">
                <li>
                  <Link href="/">Conferences</Link>
                </li>
                <li>
                  <Link href="/orders/find">Find my order</Link>
                </li>
                <li>
                  <Link href="/organizer">Organizer</Link>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className="container">
          <Providers>{children}</Providers>
        </main>
        <footer className="site-footer container">Seatwise — conference seats, booked with care.</footer>
      </body>
    </html>
  );
}
