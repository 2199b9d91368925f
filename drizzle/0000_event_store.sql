CREATE TABLE "conference_slugs" (
	"slug" text PRIMARY KEY NOT NULL,
	"conference_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rm_conferences" (
	"conference_id" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"doc" jsonb NOT NULL,
	"projected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"slug" text NOT NULL,
	"published" boolean NOT NULL,
	"owner_email" text NOT NULL,
	CONSTRAINT "rm_conferences_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "dead_letters" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dead_letters_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"subscription" text NOT NULL,
	"global_position" bigint NOT NULL,
	"event_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"error" text NOT NULL,
	"attempts" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"global_position" bigint GENERATED ALWAYS AS IDENTITY (sequence name "events_global_position_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"transaction_id" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"stream_id" text NOT NULL,
	"stream_position" integer NOT NULL,
	"event_id" uuid NOT NULL,
	"type" text NOT NULL,
	"schema_version" integer DEFAULT 1 NOT NULL,
	"data" jsonb NOT NULL,
	"metadata" jsonb NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_stream_id_stream_position_pk" PRIMARY KEY("stream_id","stream_position"),
	CONSTRAINT "events_event_id_unique" UNIQUE("event_id")
);
--> statement-breakpoint
CREATE TABLE "rm_orders" (
	"order_id" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"doc" jsonb NOT NULL,
	"projected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"conference_id" text NOT NULL,
	"access_code" text NOT NULL,
	"email" text,
	"status" text NOT NULL,
	"placed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_mail" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "processed_commands" (
	"command_id" uuid PRIMARY KEY NOT NULL,
	"stream_id" text NOT NULL,
	"from_version" integer NOT NULL,
	"to_version" integer NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheduled_commands" (
	"id" uuid PRIMARY KEY NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"message" jsonb NOT NULL,
	"fired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rm_seat_allocation" (
	"conference_id" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"doc" jsonb NOT NULL,
	"projected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rm_seat_assignments" (
	"order_id" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"doc" jsonb NOT NULL,
	"projected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "snapshots" (
	"stream_id" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"schema_version" integer NOT NULL,
	"state" jsonb NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "streams" (
	"stream_id" text PRIMARY KEY NOT NULL,
	"stream_type" text NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"name" text PRIMARY KEY NOT NULL,
	"checkpoint_transaction_id" "xid8" DEFAULT '0'::xid8 NOT NULL,
	"checkpoint_position" bigint DEFAULT 0 NOT NULL,
	"lease_owner" text,
	"lease_expires_at" timestamp with time zone,
	"status" text DEFAULT 'running' NOT NULL,
	"last_error" text,
	"last_event_recorded_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "events_commit_order" ON "events" USING btree ("transaction_id","global_position");--> statement-breakpoint
CREATE INDEX "rm_orders_conference" ON "rm_orders" USING btree ("conference_id","placed_at");--> statement-breakpoint
CREATE INDEX "rm_orders_access_code" ON "rm_orders" USING btree ("access_code");--> statement-breakpoint
CREATE INDEX "scheduled_commands_due" ON "scheduled_commands" USING btree ("due_at") WHERE fired_at is null;