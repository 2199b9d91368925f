import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '@/components/organizer/organizer.module.css';
import { OperationsConsole } from '@/components/ops/operations-console';
import { OperatorSignInForm } from '@/components/ops/operator-sign-in-form';
import { isOperator } from '@/infrastructure/auth/ops-session';
import { operationsView } from '@/infrastructure/queries/operations';
import { database } from '@/infrastructure/runtime';
import { operationsDto } from './_lib/dto';
import { decideDeadLetterAction, rebuildAction, signInOperatorAction, signOutOperatorAction } from './actions';

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
  const initial = operationsDto(await operationsView(await database()));
  return (
    <>
      <div className={styles.pageHead}>
        <h1>Operations</h1>
        <form action={signOutOperatorAction}>
          <button type="submit" className="button--secondary">Sign out</button>
        </form>
      </div>
      <p>
        <Link href="/ops/mailbox">Mailbox</Link>
      </p>
      <OperationsConsole initial={initial} decide={decideDeadLetterAction} rebuild={rebuildAction} />
    </>
  );
}
