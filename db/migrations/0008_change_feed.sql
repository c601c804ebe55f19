CREATE TABLE `change_feed` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `change_feed_release_insert` AFTER INSERT ON `agg_releases` BEGIN
	INSERT INTO `change_feed` (`org_id`) SELECT `org_id` FROM `waves` WHERE `id` = NEW.`wave_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `change_feed_release_update` AFTER UPDATE ON `agg_releases` BEGIN
	INSERT INTO `change_feed` (`org_id`) SELECT `org_id` FROM `waves` WHERE `id` = NEW.`wave_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `change_feed_release_delete` AFTER DELETE ON `agg_releases` BEGIN
	INSERT INTO `change_feed` (`org_id`) SELECT `org_id` FROM `waves` WHERE `id` = OLD.`wave_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `change_feed_organisation_update` AFTER UPDATE OF `slug`, `sector`, `size_band`, `archived_at` ON `organisations` BEGIN
	INSERT INTO `change_feed` (`org_id`) VALUES (NEW.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `change_feed_wave_update` AFTER UPDATE OF `org_id`, `opens_at`, `created_at` ON `waves` BEGIN
	INSERT INTO `change_feed` (`org_id`) VALUES (OLD.`org_id`);
	INSERT INTO `change_feed` (`org_id`) SELECT NEW.`org_id` WHERE NEW.`org_id` <> OLD.`org_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `change_feed_wave_delete` AFTER DELETE ON `waves` BEGIN
	INSERT INTO `change_feed` (`org_id`) VALUES (OLD.`org_id`);
END;
