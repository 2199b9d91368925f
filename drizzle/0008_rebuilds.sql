ALTER TABLE "subscriptions" ADD COLUMN "rebuild_of" text;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "started_at" timestamp with time zone DEFAULT now() NOT NULL;