'use client';

/**
 * What a page shows when the server could not build it: most often the database was out of reach
 * for a moment (once it is known to be down, scripts/server.mjs answers a 503 page at once). No
 * details: they are in the server's log.
 */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>Seatwise is temporarily unavailable</h1>
      <p>Something went wrong on our side. Nothing you have done is lost; please try again in a moment.</p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </>
  );
}
