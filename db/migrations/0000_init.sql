CREATE TABLE `organisations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`sector` text NOT NULL,
	`size_band` text NOT NULL,
	`departments` text DEFAULT '[]' NOT NULL,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisations_slug_unique` ON `organisations` (`slug`);--> statement-breakpoint
CREATE TABLE `responses` (
	`id` text PRIMARY KEY NOT NULL,
	`wave_id` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`token_hash` text,
	`locale` text NOT NULL,
	`step` integer DEFAULT 0 NOT NULL,
	`department` text,
	`seniority` text,
	`self_data` integer,
	`self_security` integer,
	`self_coding` integer,
	`self_mobile` integer,
	`self_social` integer,
	`self_analytics` integer,
	`self_cloud` integer,
	`self_ai` integer,
	`org_data` text,
	`org_security` text,
	`org_coding` text,
	`org_mobile` text,
	`org_social` text,
	`org_analytics` text,
	`org_cloud` text,
	`org_ai` text,
	`vision` integer,
	`ld_awareness` integer,
	`customer_understanding` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`submitted_at` text,
	FOREIGN KEY (`wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "self_range" CHECK(coalesce("responses"."self_data",1) between 1 and 5 and coalesce("responses"."self_security",1) between 1 and 5
        and coalesce("responses"."self_coding",1) between 1 and 5 and coalesce("responses"."self_mobile",1) between 1 and 5
        and coalesce("responses"."self_social",1) between 1 and 5 and coalesce("responses"."self_analytics",1) between 1 and 5
        and coalesce("responses"."self_cloud",1) between 1 and 5 and coalesce("responses"."self_ai",1) between 1 and 5),
	CONSTRAINT "agree_range" CHECK(coalesce("responses"."vision",0) between 0 and 5 and coalesce("responses"."ld_awareness",0) between 0 and 5
        and coalesce("responses"."customer_understanding",0) between 0 and 5),
	CONSTRAINT "submitted_has_time" CHECK("responses"."status" = 'draft' or "responses"."submitted_at" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `responses_token_hash_unique` ON `responses` (`token_hash`);--> statement-breakpoint
CREATE INDEX `responses_wave_status` ON `responses` (`wave_id`,`status`);--> statement-breakpoint
CREATE TABLE `waves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`label` text NOT NULL,
	`questionnaire_version` integer NOT NULL,
	`code` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`opens_at` text,
	`closes_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `waves_code_unique` ON `waves` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `waves_org_label` ON `waves` (`org_id`,`label`);