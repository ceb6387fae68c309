-- An instrument item's answer used to hold its self-score (0–4); it moves to self_score, and
-- answer is left for the answer itself (drizzle-kit wrote the copy as if the new columns existed).
CREATE TABLE `official_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`region_code` text NOT NULL,
	`weight_set` text NOT NULL,
	`baseline` real,
	`output` real,
	`outcome` real,
	`impact` real,
	`quickwin` real,
	`kolaborasi` real,
	`final` real NOT NULL,
	`improvement` real,
	`letter` text NOT NULL,
	`letter_date` text,
	`source_href` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "official_results_year" CHECK("official_results"."year" BETWEEN 1990 AND 2100),
	CONSTRAINT "official_results_scores" CHECK(("official_results"."baseline" IS NULL OR "official_results"."baseline" BETWEEN 0 AND 4) AND ("official_results"."output" IS NULL OR "official_results"."output" BETWEEN 0 AND 4) AND ("official_results"."outcome" IS NULL OR "official_results"."outcome" BETWEEN 0 AND 4) AND ("official_results"."impact" IS NULL OR "official_results"."impact" BETWEEN 0 AND 4) AND ("official_results"."quickwin" IS NULL OR "official_results"."quickwin" BETWEEN 0 AND 4) AND ("official_results"."kolaborasi" IS NULL OR "official_results"."kolaborasi" BETWEEN 0 AND 4) AND "official_results"."final" BETWEEN 0 AND 4),
	CONSTRAINT "official_results_letter_date" CHECK("official_results"."letter_date" IS NULL OR "official_results"."letter_date" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `official_results_unique` ON `official_results` (`year`,`region_code`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_submission_items` (
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
	`self_score` real,
	`expected_score` real,
	`review_comment` text DEFAULT '' NOT NULL,
	`required` integer DEFAULT true NOT NULL,
	`evidence_required` integer DEFAULT true NOT NULL,
	`updated_by` text,
	`updated_at` text,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "submission_items_kind" CHECK(kind IN ('element', 'instrument', 'spbe')),
	CONSTRAINT "submission_items_status" CHECK(status IN ('empty', 'draft', 'submitted', 'returned', 'accepted')),
	CONSTRAINT "submission_items_due_date" CHECK("__new_submission_items"."due_date" IS NULL OR "__new_submission_items"."due_date" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "submission_items_self_score" CHECK("__new_submission_items"."self_score" IS NULL OR "__new_submission_items"."self_score" BETWEEN 0 AND 4),
	CONSTRAINT "submission_items_expected_score" CHECK("__new_submission_items"."expected_score" IS NULL OR "__new_submission_items"."expected_score" BETWEEN 0 AND 4)
);
--> statement-breakpoint
INSERT INTO `__new_submission_items`("id", "submission_id", "item_key", "kind", "group_code", "ref_code", "sort_order", "title_id", "title_en", "answer", "justification", "opd", "due_date", "status", "self_score", "expected_score", "review_comment", "required", "evidence_required", "updated_by", "updated_at") SELECT "id", "submission_id", "item_key", "kind", "group_code", "ref_code", "sort_order", "title_id", "title_en", CASE WHEN "kind" = 'instrument' THEN NULL ELSE "answer" END, "justification", "opd", "due_date", "status", CASE WHEN "kind" = 'instrument' AND "answer" IS NOT NULL THEN CAST("answer" AS REAL) END, NULL, "review_comment", "required", "evidence_required", "updated_by", "updated_at" FROM `submission_items`;--> statement-breakpoint
DROP TABLE `submission_items`;--> statement-breakpoint
ALTER TABLE `__new_submission_items` RENAME TO `submission_items`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `submission_items_key` ON `submission_items` (`submission_id`,`item_key`);--> statement-breakpoint
CREATE INDEX `submission_items_opd` ON `submission_items` (`submission_id`,`opd`);