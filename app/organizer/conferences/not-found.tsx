import Link from 'next/link';

/** Someone else's conference and a missing one look the same: nothing of it is shown. */
export default function ConferenceNotFound() {
  return (
    <>
      <h1>Conference not found</h1>
      <p>
        There is no conference here that you are signed in to. <Link href="/organizer/sign-in">Sign in</Link> with its
        email and access code, or <Link href="/organizer">start over</Link>.
      </p>
    </>
  );
}
