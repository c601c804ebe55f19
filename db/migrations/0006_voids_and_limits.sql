CREATE TABLE `agg_void_cells` (
	`wave_id` integer NOT NULL,
	`department` text NOT NULL,
	`seniority` text NOT NULL,
	`n` integer NOT NULL,
	`counters` blob NOT NULL,
	PRIMARY KEY(`wave_id`, `department`, `seniority`),
	FOREIGN KEY (`wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `audit_log` ADD `detail` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `writes` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `responses` ADD `voided_at` text;--> statement-breakpoint
CREATE INDEX `responses_status_updated` ON `responses` (`status`,`updated_at`);