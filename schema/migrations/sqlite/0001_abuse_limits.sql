CREATE TABLE `address_attempts` (
	`address` text PRIMARY KEY NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`window_started_at` integer,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `device_attempts` (
	`device_id` text PRIMARY KEY NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`lock_count` integer DEFAULT 0 NOT NULL,
	`last_locked_at` integer,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `login_attempts` ADD `lock_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `login_attempts` ADD `last_locked_at` integer;