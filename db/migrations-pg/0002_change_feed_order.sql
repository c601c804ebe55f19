-- Change-feed rows commit in id order (docs/decisions/016-async-data-layer.md): each trigger takes
-- the feed's transaction advisory lock before taking an id, so a writer that got a lower id has
-- committed (or rolled back) before the next one gets its id, and a reader that has seen id n has
-- seen every row below it. SQLite has one writer and needs none of this.
CREATE OR REPLACE FUNCTION "change_feed_release_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_advisory_xact_lock(3, 0);
	IF TG_OP = 'DELETE' THEN
		INSERT INTO "change_feed" ("org_id") SELECT "org_id" FROM "waves" WHERE "id" = OLD."wave_id";
	ELSE
		INSERT INTO "change_feed" ("org_id") SELECT "org_id" FROM "waves" WHERE "id" = NEW."wave_id";
	END IF;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "change_feed_organisation_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_advisory_xact_lock(3, 0);
	INSERT INTO "change_feed" ("org_id") VALUES (NEW."id");
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "change_feed_wave_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_advisory_xact_lock(3, 0);
	INSERT INTO "change_feed" ("org_id") VALUES (OLD."org_id");
	IF TG_OP = 'UPDATE' AND NEW."org_id" <> OLD."org_id" THEN
		INSERT INTO "change_feed" ("org_id") VALUES (NEW."org_id");
	END IF;
	RETURN NULL;
END;
$$;
