CREATE TABLE "rm_waiting_list" (
	"entry_id" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"doc" jsonb NOT NULL,
	"projected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"conference_id" text NOT NULL,
	"line_position" bigint,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rm_waiting_list_line" ON "rm_waiting_list" USING btree ("conference_id","status","line_position");