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
ALTER TABLE `responses` ADD `released` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `responses_status_updated` ON `responses` (`status`,`updated_at`);--> statement-breakpoint
-- Responses already in a release: a release holds every response submitted before it was made, so
-- the first n submitted responses of each released wave (n = the release's count).
UPDATE `responses` SET `released` = 1 WHERE `status` = 'submitted' AND `rowid` IN (
  SELECT `rowid` FROM (
    SELECT r.`rowid`, row_number() OVER (PARTITION BY r.`wave_id` ORDER BY r.`submitted_at`, r.`rowid`) AS k, a.`n` AS released_n
    FROM `responses` r JOIN `agg_releases` a ON a.`wave_id` = r.`wave_id`
    WHERE r.`status` = 'submitted'
  ) WHERE k <= released_n
);
