ALTER TABLE "dead_letters" ADD COLUMN "stack" text;--> statement-breakpoint
ALTER TABLE "dead_letters" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dead_letters" ADD COLUMN "resolution" text;