ALTER TABLE `login_events` ADD `attempts` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `login_events` ADD `last_at` integer;