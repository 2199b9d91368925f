import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/organizer/organizer.module.css';
import { SignInForm } from '@/components/organizer/sign-in-form';
import { signInAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Host access' };

export default function SignInPage() {
  return (
    <div className={styles.narrow}>
      <p className={styles.eyebrow}>Organizer</p>
      <h1>Sign in</h1>
      <p className="lead">
        Use your email and your conference&apos;s access code. No conference yet?{' '}
        <Link href="/organizer/new">Create one</Link>.
      </p>
      <SignInForm action={signInAction} />
    </div>
  );
}
