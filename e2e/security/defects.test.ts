import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '@/infrastructure/testing/app-server';
import { formOf, httpVisitor } from '@/infrastructure/testing/http-visitor';
import { action, conferenceFields, eventCount, orderIdOf, publishedConference, uniqueSlug } from './flows';

// The review's scenarios, replayed over HTTP against the built app as an attacker would.
describe('the security review, replayed against the running app', () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startAppServer({ ORDER_RATE_PER_MINUTE: '6' });
  });
  afterAll(() => app.stop());
  const visitor = () => httpVisitor(app.url);

  it("a replayed create-conference command id is someone else's new command, not their conference", async () => {
    const [victim, attacker] = [visitor(), visitor()];
    const slug = uniqueSlug('victim');
    const form = () => formOf({ ...conferenceFields(slug), commandId: 'the-same-key-in-two-browsers' });
    const created = await victim.action(action.createConference, [null, form()]);
    expect(created.redirect).toBe(`/organizer/conferences/${slug}`);
    const before = await eventCount(app.db);
    const replayed = await attacker.action(action.createConference, [null, form()]);
    expect(replayed.result).toMatchObject({ ok: false, fieldErrors: { slug: 'That slug is already taken.' } });
    expect((await attacker.page(`/organizer/conferences/${slug}`)).status).toBe(404);
    expect(await eventCount(app.db)).toBe(before);
    // The same browser submitting twice is one command, answered with its first result.
    expect(await victim.action(action.createConference, [null, form()])).toMatchObject({ redirect: `/organizer/conferences/${slug}` });
    expect(await eventCount(app.db)).toBe(before);
  });

  it("a replayed place-order command id places the attacker's own order, never opens the victim's", async () => {
    const conference = await publishedConference(visitor(), app.db);
    const [victim, attacker] = [visitor(), visitor()];
    const form = () => formOf({ conferenceId: conference.conferenceId, commandId: 'leaked-key', [`quantity:${conference.seatTypeId}`]: '1' });
    const victimOrder = orderIdOf(await victim.action(action.orderSeats, [null, form()]));
    const attackerOrder = orderIdOf(await attacker.action(action.orderSeats, [null, form()]));
    expect(victimOrder).not.toBeNull();
    expect(attackerOrder).not.toBeNull();
    expect(attackerOrder).not.toBe(victimOrder);
    expect((await attacker.page(`/orders/${victimOrder}`)).status).toBe(404);
    expect((await attacker.json(`/api/orders/${victimOrder}`)).status).toBe(404);
  });

  it('throttles wrong access codes for one e-mail after 5 a minute, and a right code does not reset it', async () => {
    const organizer = visitor();
    const conference = await publishedConference(organizer, app.db);
    const attacker = visitor();
    const signIn = (code: string) => attacker.action(action.signIn, [null, formOf({ email: conference.email, accessCode: code })]);
    const wrong = conference.accessCode === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    for (let i = 0; i < 4; i++) expect(await signIn(wrong)).toMatchObject({ result: { message: 'No conference matches that email and access code.' } });
    expect((await signIn(conference.accessCode)).redirect).toBe(`/organizer/conferences/${conference.slug}`);
    expect(await signIn(wrong)).toMatchObject({ result: { message: 'No conference matches that email and access code.' } });
    expect(await signIn(wrong)).toMatchObject({ result: { message: 'Too many attempts. Try again in a minute.' } });
    expect(await signIn(conference.accessCode)).toMatchObject({ result: { message: 'Too many attempts. Try again in a minute.' } });
  });

  it('counts parallel guesses before checking them: 20 at once get no more than 5 answers', async () => {
    const email = `${randomUUID()}@example.com`;
    const guesses = await Promise.all(
      Array.from({ length: 20 }, () => visitor().action(action.findOrder, [null, formOf({ email, accessCode: 'ABCDEF' })])),
    );
    const messages = guesses.map((guess) => (guess.result as { message: string }).message);
    expect(messages.filter((m) => m === 'No order matches that email and access code.')).toHaveLength(5);
    expect(messages.filter((m) => m === 'Too many attempts. Try again in a minute.')).toHaveLength(15);
  });

  it('ends a signed-out organizer session on the server: a copied cookie opens nothing afterwards', async () => {
    const organizer = visitor();
    const conference = await publishedConference(organizer, app.db);
    const copy = visitor();
    for (const [name, value] of organizer.jar) copy.jar.set(name, value);
    expect((await copy.page(`/organizer/conferences/${conference.slug}`)).status).toBe(200);
    await organizer.action(action.signOut, [null, formOf({})]);
    expect((await copy.page(`/organizer/conferences/${conference.slug}`)).status).toBe(404);
  });

  it('answers a NUL byte or another control character in a form with a field error, writing nothing', async () => {
    const before = await eventCount(app.db);
    const slug = uniqueSlug('nul');
    const answer = await visitor().action(action.createConference, [
      null,
      formOf({ ...conferenceFields(slug), name: 'Summit\u0000', location: 'Lisbon\u0007', commandId: randomUUID() }),
    ]);
    expect(answer).toMatchObject({
      status: 200,
      result: { ok: false, fieldErrors: { name: 'Conference name contains characters that are not allowed.', location: 'Location contains characters that are not allowed.' } },
    });
    expect(await eventCount(app.db)).toBe(before);
  });

  it('forbids framing every page (no clickjacking of Publish or Accept payment)', async () => {
    const response = await fetch(`${app.url}/organizer`);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('limits new orders per client address (ORDER_RATE_PER_MINUTE), whatever x-forwarded-for it claims', async () => {
    const conference = await publishedConference(visitor(), app.db);
    await app.db.query(`DELETE FROM throttle WHERE key LIKE 'orders:%'`);
    const place = (n: number) =>
      httpVisitor(app.url, { 'x-forwarded-for': `198.51.100.${n}` }).action(action.orderSeats, [
        null,
        formOf({ conferenceId: conference.conferenceId, commandId: randomUUID(), [`quantity:${conference.seatTypeId}`]: '1' }),
      ]);
    for (let n = 1; n <= 6; n++) expect(orderIdOf(await place(n))).not.toBeNull();
    expect(await place(7)).toMatchObject({ result: { ok: false, message: 'Too many orders from this address. Try again in a minute.' } });
  });
});

describe('a SESSION_SECRET that is too short', () => {
  it('stops the server at start with a message that says so, instead of padding it', async () => {
    const app = await startAppServer();
    try {
      const child = spawn('node', ['scripts/server.mjs'], {
        env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: app.databaseUrl, SESSION_SECRET: 'too-short', LOG_LEVEL: 'info' },
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(output).toContain('SESSION_SECRET must be at least 32 characters long');
    } finally {
      await app.stop();
    }
  });
});
