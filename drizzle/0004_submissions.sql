CREATE TABLE `evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`sha256` text,
	`size` integer,
	`mime` text,
	`url` text,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `submission_items`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "evidence_kind" CHECK(kind IN ('file', 'link')),
	CONSTRAINT "evidence_file" CHECK("evidence"."kind" <> 'file' OR ("evidence"."sha256" GLOB '[0-9a-f]*' AND length("evidence"."sha256") = 64 AND "evidence"."size" >= 0)),
	CONSTRAINT "evidence_link" CHECK("evidence"."kind" <> 'link' OR length("evidence"."url") > 0)
);
--> statement-breakpoint
CREATE INDEX `evidence_item` ON `evidence` (`item_id`);--> statement-breakpoint
CREATE INDEX `evidence_sha` ON `evidence` (`sha256`);--> statement-breakpoint
CREATE TABLE `programmes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`region_code` text NOT NULL,
	`framework_code` text NOT NULL,
	`element_code` text NOT NULL,
	`name` text NOT NULL,
	`opd` text DEFAULT '' NOT NULL,
	`year` integer NOT NULL,
	`budget` real,
	`status` text DEFAULT 'planned' NOT NULL,
	`progress` real,
	`quick_win` integer DEFAULT false NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`framework_code`,`element_code`) REFERENCES `framework_nodes`(`framework_code`,`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "programmes_status" CHECK(status IN ('planned', 'running', 'done', 'stopped')),
	CONSTRAINT "programmes_budget" CHECK("programmes"."budget" IS NULL OR "programmes"."budget" >= 0),
	CONSTRAINT "programmes_progress" CHECK("programmes"."progress" IS NULL OR "programmes"."progress" BETWEEN 0 AND 100),
	CONSTRAINT "programmes_year" CHECK("programmes"."year" BETWEEN 1990 AND 2100)
);
--> statement-breakpoint
CREATE INDEX `programmes_element` ON `programmes` (`region_code`,`framework_code`,`element_code`,`year`);--> statement-breakpoint
CREATE TABLE `snapshot_files` (
	`snapshot_id` integer NOT NULL,
	`sha256` text NOT NULL,
	PRIMARY KEY(`snapshot_id`, `sha256`),
	FOREIGN KEY (`snapshot_id`) REFERENCES `submission_snapshots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `snapshot_files_sha` ON `snapshot_files` (`sha256`);--> statement-breakpoint
CREATE TABLE `submission_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`submission_id` integer NOT NULL,
	`item_key` text NOT NULL,
	`kind` text NOT NULL,
	`group_code` text NOT NULL,
	`ref_code` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`title_id` text NOT NULL,
	`title_en` text NOT NULL,
	`answer` text,
	`justification` text DEFAULT '' NOT NULL,
	`opd` text DEFAULT '' NOT NULL,
	`due_date` text,
	`status` text DEFAULT 'empty' NOT NULL,
	`review_comment` text DEFAULT '' NOT NULL,
	`required` integer DEFAULT true NOT NULL,
	`evidence_required` integer DEFAULT true NOT NULL,
	`updated_by` text,
	`updated_at` text,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "submission_items_kind" CHECK(kind IN ('element', 'instrument', 'spbe')),
	CONSTRAINT "submission_items_status" CHECK(status IN ('empty', 'draft', 'submitted', 'returned', 'accepted')),
	CONSTRAINT "submission_items_due_date" CHECK("submission_items"."due_date" IS NULL OR "submission_items"."due_date" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submission_items_key` ON `submission_items` (`submission_id`,`item_key`);--> statement-breakpoint
CREATE INDEX `submission_items_opd` ON `submission_items` (`submission_id`,`opd`);--> statement-breakpoint
CREATE TABLE `submission_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`submission_id` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`profile_code` text,
	`profile_version` text,
	`content` text NOT NULL,
	`content_sha256` text NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "submission_snapshots_content" CHECK(json_valid("submission_snapshots"."content"))
);
--> statement-breakpoint
CREATE INDEX `submission_snapshots_submission` ON `submission_snapshots` (`submission_id`);--> statement-breakpoint
CREATE TABLE `submissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`framework_code` text NOT NULL,
	`region_code` text NOT NULL,
	`year` integer NOT NULL,
	`title` text NOT NULL,
	`weight_set` text,
	`status` text DEFAULT 'open' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`framework_code`) REFERENCES `frameworks`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "submissions_kind" CHECK(kind IN ('gm100sc', 'spbe')),
	CONSTRAINT "submissions_status" CHECK(status IN ('open', 'final')),
	CONSTRAINT "submissions_year" CHECK("submissions"."year" BETWEEN 1990 AND 2100)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_unique` ON `submissions` (`kind`,`framework_code`,`region_code`,`year`);--> statement-breakpoint
-- Frozen means frozen: a snapshot and the list of files it references are never changed or removed.
CREATE TRIGGER `submission_snapshots_no_update` BEFORE UPDATE ON `submission_snapshots`
BEGIN SELECT RAISE(ABORT, 'submission snapshots are immutable'); END;--> statement-breakpoint
CREATE TRIGGER `submission_snapshots_no_delete` BEFORE DELETE ON `submission_snapshots`
BEGIN SELECT RAISE(ABORT, 'submission snapshots are immutable'); END;--> statement-breakpoint
CREATE TRIGGER `snapshot_files_no_update` BEFORE UPDATE ON `snapshot_files`
BEGIN SELECT RAISE(ABORT, 'snapshot file references are immutable'); END;--> statement-breakpoint
CREATE TRIGGER `snapshot_files_no_delete` BEFORE DELETE ON `snapshot_files`
BEGIN SELECT RAISE(ABORT, 'snapshot file references are immutable'); END;
