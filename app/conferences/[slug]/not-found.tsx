import Link from 'next/link';

export default function ConferenceNotFound() {
  return (
    <section className="card">
      <h1>Conference not found</h1>
      <p>
        It may not be open for registration yet. <Link href="/">Back to the home page</Link>.
      </p>
    </section>
  );
}
