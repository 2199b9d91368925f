CREATE TABLE "rm_promo_codes" (
	"conference_id" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"doc" jsonb NOT NULL,
	"projected_at" timestamp with time zone DEFAULT now() NOT NULL
);
