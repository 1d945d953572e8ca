ALTER TABLE "login_events" ADD COLUMN "attempts" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "login_events" ADD COLUMN "last_at" timestamp (3) with time zone;