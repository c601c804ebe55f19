CREATE TABLE `check_retirements` (
	`item_id` text PRIMARY KEY NOT NULL,
	`retired_at` text NOT NULL,
	`retired_by` integer,
	FOREIGN KEY (`retired_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `responses` ADD `check_data_1_item` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_data_1` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_data_2_item` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_data_2` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_security_1_item` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_security_1` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_security_2_item` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_security_2` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_coding_1_item` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_coding_1` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_coding_2_item` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_coding_2` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_mobile_1_item` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_mobile_1` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_mobile_2_item` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_mobile_2` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_social_1_item` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_social_1` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_social_2_item` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_social_2` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_analytics_1_item` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_analytics_1` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_analytics_2_item` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_analytics_2` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_cloud_1_item` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_cloud_1` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_cloud_2_item` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_cloud_2` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_ai_1_item` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_ai_1` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_ai_2_item` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `check_ai_2` text;