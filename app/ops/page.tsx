import type { Metadata } from 'next';
import { OperatorSignInForm } from '@/components/ops/operator-sign-in-form';
import { isOperator } from '@/infrastructure/auth/ops-session';
import { signInOperatorAction, signOutOperatorAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Operator console' };

export default async function OpsPage() {
  if (!(await isOperator())) {
    return (
      <div className="narrow">
        <h1>Operator sign-in</h1>
        <OperatorSignInForm action={signInOperatorAction} />
      </div>
    );
  }
  return (
    <>
      <h1>Operations</h1>
      <form action={signOutOperatorAction}>
        <button type="submit">Sign out</button>
      </form>
    </>
  );
}
