CREATE TABLE `agg_release_cells` (
	`wave_id` integer NOT NULL,
	`department` text NOT NULL,
	`seniority` text NOT NULL,
	`n` integer NOT NULL,
	`counters` blob NOT NULL,
	PRIMARY KEY(`wave_id`, `department`, `seniority`),
	FOREIGN KEY (`wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `agg_releases` (
	`wave_id` integer PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`n` integer NOT NULL,
	`released_at` text NOT NULL,
	`plan` text NOT NULL,
	`counters` blob NOT NULL,
	FOREIGN KEY (`wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE no action
);
