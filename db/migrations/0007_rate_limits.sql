CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`tokens` real NOT NULL,
	`updated_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rate_limits_updated` ON `rate_limits` (`updated_ms`);