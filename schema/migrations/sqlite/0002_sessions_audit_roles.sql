CREATE TABLE `login_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`email` text NOT NULL,
	`outcome` text NOT NULL,
	`client_address` text NOT NULL,
	`user_agent` text
);
--> statement-breakpoint
CREATE INDEX `login_events_email_idx` ON `login_events` (`email`,`id`);--> statement-breakpoint
CREATE INDEX `login_events_at_idx` ON `login_events` (`at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `role` text DEFAULT 'USER' NOT NULL;