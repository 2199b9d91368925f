const twoDigits = (n: number) => String(n).padStart(2, '0');

/** `mm:ss` left on the reservation; `--:--` until the browser's clock runs (after hydration). */
export function ReservationTimer({ secondsLeft }: { readonly secondsLeft: number | null }) {
  const text = secondsLeft === null ? '--:--' : `${twoDigits(Math.floor(secondsLeft / 60))}:${twoDigits(secondsLeft % 60)}`;
  return (
    <p className="timer-line">
      <span id="time-left-label">Time left</span>{' '}
      <span role="timer" aria-labelledby="time-left-label" className="timer">
        {text}
      </span>
      <span className="muted"> — your seats are held until then.</span>
    </p>
  );
}
