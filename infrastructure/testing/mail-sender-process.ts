/**
 * A mail sender in a process of its own, for tests that kill it (SIGKILL) mid-delivery.
 * argv: <schema> <SMTP URL> <claim ms>
 */
import { openPostgres } from '../db/client';
import { startMailSender } from '../mail/sender';
import { smtpTransport } from '../mail/transports';
import { testDatabaseUrl } from './databases';

const [schema, smtpUrl, claimMs] = process.argv.slice(2);
const db = openPostgres(testDatabaseUrl, { schema, max: 2 });
startMailSender({ db, transport: smtpTransport(smtpUrl!, 'Seatwise <no-reply@seatwise.example>'), claimMs: Number(claimMs), pollMs: 50, retryBaseMs: 50 });
process.stdout.write('started\n');
