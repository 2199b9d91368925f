import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/** PostgreSQL's 64-bit transaction id; carried as a decimal string in TypeScript. */
const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// ---- Event store ---------------------------------------------------------------------------

export const streams = pgTable('streams', {
  streamId: text('stream_id').primaryKey(),
  streamType: text('stream_type').notNull(),
  version: integer('version').notNull(),
  /** The transaction that last appended: a transaction with an older id may not append after it (drizzle/0011). */
  lastTransactionId: xid8('last_transaction_id'),
});

export const events = pgTable(
  'events',
  {
    globalPosition: bigint('global_position', { mode: 'number' }).generatedAlwaysAsIdentity(),
    transactionId: xid8('transaction_id').notNull().default(sql`pg_current_xact_id()`),
    streamId: text('stream_id').notNull(),
    streamPosition: integer('stream_position').notNull(),
    eventId: uuid('event_id').notNull().unique(),
    type: text('type').notNull(),
    schemaVersion: integer('schema_version').notNull().default(1),
    data: jsonb('data').notNull(),
    metadata: jsonb('metadata').notNull(),
    recordedAt: at('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.streamId, t.streamPosition] }),
    index('events_commit_order').on(t.transactionId, t.globalPosition),
  ],
);

export const processedCommands = pgTable('processed_commands', {
  commandId: uuid('command_id').primaryKey(),
  streamId: text('stream_id').notNull(),
  fromVersion: integer('from_version').notNull(),
  toVersion: integer('to_version').notNull(),
  recordedAt: at('recorded_at').notNull().defaultNow(),
});

export const snapshots = pgTable('snapshots', {
  streamId: text('stream_id').primaryKey(),
  version: integer('version').notNull(),
  schemaVersion: integer('schema_version').notNull(),
  state: jsonb('state').notNull(),
  takenAt: at('taken_at').notNull().defaultNow(),
});

/** Set rule across streams: a slug belongs to one conference, written in the append's transaction. */
export const conferenceSlugs = pgTable('conference_slugs', {
  slug: text('slug').primaryKey(),
  conferenceId: text('conference_id').notNull(),
});

// ---- Subscriptions, timers ------------------------------------------------------------------

export const subscriptions = pgTable('subscriptions', {
  name: text('name').primaryKey(),
  checkpointTransactionId: xid8('checkpoint_transaction_id').notNull().default(sql`'0'::xid8`),
  checkpointPosition: bigint('checkpoint_position', { mode: 'number' }).notNull().default(0),
  leaseOwner: text('lease_owner'),
  leaseExpiresAt: at('lease_expires_at'),
  status: text('status').notNull().default('running'),
  lastError: text('last_error'),
  lastEventRecordedAt: at('last_event_recorded_at'),
  updatedAt: at('updated_at').notNull().defaultNow(),
  /** Set on a rebuild's shadow: the live subscription whose tables it builds anew beside the live ones. */
  rebuildOf: text('rebuild_of'),
  startedAt: at('started_at').notNull().defaultNow(),
});

export const deadLetters = pgTable('dead_letters', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  subscription: text('subscription').notNull(),
  globalPosition: bigint('global_position', { mode: 'number' }).notNull(),
  eventId: uuid('event_id').notNull(),
  eventType: text('event_type').notNull(),
  error: text('error').notNull(),
  stack: text('stack'),
  attempts: integer('attempts').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  /** Set when an operator retried or skipped it (the events of its own stream say who). */
  resolvedAt: at('resolved_at'),
  resolution: text('resolution'),
});

export const scheduledCommands = pgTable(
  'scheduled_commands',
  {
    id: uuid('id').primaryKey(),
    dueAt: at('due_at').notNull(),
    message: jsonb('message').notNull(),
    firedAt: at('fired_at'),
    createdAt: at('created_at').notNull().defaultNow(),
    /** Failed firings so far; a failing timer is postponed, so it holds up no other. */
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [index('scheduled_commands_due').on(t.dueAt).where(sql`fired_at is null`)],
);

// ---- Access control -------------------------------------------------------------------------

/**
 * Attempts per key (an e-mail, a client address) in a one-minute window, shared by every
 * process. Counted before the code is checked, so parallel guesses cannot slip past the limit.
 */
export const throttle = pgTable(
  'throttle',
  {
    key: text('key').primaryKey(),
    windowStartedAt: at('window_started_at').notNull(),
    attempts: integer('attempts').notNull(),
  },
  (t) => [index('throttle_window').on(t.windowStartedAt)],
);

/** An organizer's signed-in browser: signing out ends it here, so a copied cookie dies with it. */
export const organizerSessions = pgTable('organizer_sessions', {
  sessionId: text('session_id').primaryKey(),
  conferenceId: text('conference_id').notNull(),
  signedInAt: at('signed_in_at').notNull().defaultNow(),
  signedOutAt: at('signed_out_at'),
});

// ---- JSON API -------------------------------------------------------------------------------

/** Bearer tokens, kept only as hashes: an order token opens one order, an organizer token one conference. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    kind: text('kind').notNull(),
    subjectId: text('subject_id').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    revokedAt: at('revoked_at'),
  },
  (t) => [index('api_tokens_subject').on(t.subjectId)],
);

/** An answered write by its caller-scoped Idempotency-Key: a repeat gets this answer again for 24 h. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').primaryKey(),
    fingerprint: text('fingerprint').notNull(),
    status: integer('status').notNull(),
    body: jsonb('body').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('idempotency_keys_created').on(t.createdAt)],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

// ---- Read models: one document per row, with the stream version it reflects ---------------

const projectedAt = () => at('projected_at').notNull().defaultNow();

export const conferenceView = pgTable('rm_conferences', {
  conferenceId: text('conference_id').primaryKey(),
  version: integer('version').notNull(),
  doc: jsonb('doc').notNull(),
  projectedAt: projectedAt(),
  slug: text('slug').notNull().unique(),
  published: boolean('published').notNull(),
  ownerEmail: text('owner_email').notNull(),
});

export const seatAllocationView = pgTable('rm_seat_allocation', {
  conferenceId: text('conference_id').primaryKey(),
  version: integer('version').notNull(),
  doc: jsonb('doc').notNull(),
  projectedAt: projectedAt(),
});

export const orderView = pgTable(
  'rm_orders',
  {
    orderId: text('order_id').primaryKey(),
    version: integer('version').notNull(),
    doc: jsonb('doc').notNull(),
    projectedAt: projectedAt(),
    conferenceId: text('conference_id').notNull(),
    accessCode: text('access_code').notNull(),
    email: text('email'),
    status: text('status').notNull(),
    placedAt: at('placed_at').notNull(),
  },
  (t) => [
    index('rm_orders_conference').on(t.conferenceId, t.placedAt),
    index('rm_orders_email').on(t.email),
  ],
);

export const seatAssignmentsView = pgTable('rm_seat_assignments', {
  orderId: text('order_id').primaryKey(),
  version: integer('version').notNull(),
  doc: jsonb('doc').notNull(),
  projectedAt: projectedAt(),
});

export const promoCodesView = pgTable('rm_promo_codes', {
  conferenceId: text('conference_id').primaryKey(),
  version: integer('version').notNull(),
  doc: jsonb('doc').notNull(),
  projectedAt: projectedAt(),
});

/** One row per waiting-list entry; a conference's line is its waiting rows by line position. */
export const waitingListView = pgTable(
  'rm_waiting_list',
  {
    entryId: text('entry_id').primaryKey(),
    version: integer('version').notNull(),
    doc: jsonb('doc').notNull(),
    projectedAt: projectedAt(),
    conferenceId: text('conference_id').notNull(),
    linePosition: bigint('line_position', { mode: 'number' }),
    status: text('status').notNull(),
  },
  (t) => [index('rm_waiting_list_line').on(t.conferenceId, t.status, t.linePosition)],
);

/**
 * Mail written by the outbox reactor and delivered by the sender: claimed for a while by one
 * sender, marked sent once delivered (never sent again), postponed when delivery failed.
 */
export const outbox = pgTable(
  'outbox_mail',
  {
    id: uuid('id').primaryKey(),
    orderId: text('order_id').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    /** The plain-text body. */
    body: text('body').notNull(),
    html: text('html').notNull().default(''),
    createdAt: at('created_at').notNull().defaultNow(),
    sentAt: at('sent_at'),
    /** Where it went: `smtp`, or `mailbox` (the operator console's, when no SMTP_URL is set). */
    transport: text('transport'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: at('next_attempt_at').notNull().defaultNow(),
    claimedBy: text('claimed_by'),
    claimedUntil: at('claimed_until'),
  },
  (t) => [index('outbox_mail_unsent').on(t.nextAttemptAt).where(sql`sent_at is null`), index('outbox_mail_sent').on(t.sentAt)],
);
