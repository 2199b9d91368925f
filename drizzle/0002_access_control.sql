CREATE TABLE "organizer_sessions" (
	"session_id" text PRIMARY KEY NOT NULL,
	"conference_id" text NOT NULL,
	"signed_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signed_out_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"attempts" integer NOT NULL
);
--> statement-breakpoint
DROP INDEX "rm_orders_access_code";--> statement-breakpoint
ALTER TABLE "scheduled_commands" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "scheduled_commands" ADD COLUMN "last_error" text;--> statement-breakpoint
CREATE INDEX "throttle_window" ON "throttle" USING btree ("window_started_at");--> statement-breakpoint
CREATE INDEX "rm_orders_email" ON "rm_orders" USING btree ("email");