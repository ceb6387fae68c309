CREATE TABLE `programme_progress` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`programme_id` integer NOT NULL,
	`year` integer NOT NULL,
	`planned` text DEFAULT '' NOT NULL,
	`done` text DEFAULT '' NOT NULL,
	`percent` real NOT NULL,
	`evidence` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`approved_by` text,
	`approved_at` text,
	`updated_by` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "programme_progress_year" CHECK("programme_progress"."year" BETWEEN 1990 AND 2100),
	CONSTRAINT "programme_progress_percent" CHECK("programme_progress"."percent" BETWEEN 0 AND 100),
	CONSTRAINT "programme_progress_status" CHECK(status IN ('draft', 'approved')),
	CONSTRAINT "programme_progress_approved" CHECK("programme_progress"."status" <> 'approved' OR "programme_progress"."approved_by" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `programme_progress_year_unique` ON `programme_progress` (`programme_id`,`year`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_programmes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`region_code` text NOT NULL,
	`framework_code` text NOT NULL,
	`element_code` text NOT NULL,
	`kind` text DEFAULT 'programme' NOT NULL,
	`name` text NOT NULL,
	`opd` text DEFAULT '' NOT NULL,
	`start_year` integer NOT NULL,
	`masterplan_title` text DEFAULT '' NOT NULL,
	`masterplan_page` integer,
	`budget_source` text,
	`budget` real,
	`rpjmd_problem` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`quick_win` integer DEFAULT false NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`framework_code`,`element_code`) REFERENCES `framework_nodes`(`framework_code`,`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "programmes_status" CHECK(status IN ('planned', 'running', 'done', 'stopped')),
	CONSTRAINT "programmes_kind" CHECK(kind IN ('programme', 'sdm', 'infrastruktur', 'aplikasi', 'literasi')),
	CONSTRAINT "programmes_budget_source" CHECK("__new_programmes"."budget_source" IS NULL OR budget_source IN ('apbd', 'non_apbd')),
	CONSTRAINT "programmes_budget" CHECK("__new_programmes"."budget" IS NULL OR "__new_programmes"."budget" >= 0),
	CONSTRAINT "programmes_masterplan_page" CHECK("__new_programmes"."masterplan_page" IS NULL OR "__new_programmes"."masterplan_page" >= 1),
	CONSTRAINT "programmes_name" CHECK(length(trim("__new_programmes"."name")) > 0),
	CONSTRAINT "programmes_start_year" CHECK("__new_programmes"."start_year" BETWEEN 1990 AND 2100)
);
--> statement-breakpoint
-- Each programme's one progress figure (the year it was entered for) becomes that year's progress
-- row, a draft for the reviewer; its source note is its evidence. Nothing is computed.
INSERT INTO `programme_progress`("programme_id", "year", "percent", "evidence", "status", "updated_by", "updated_at") SELECT "id", "year", "progress", "source", 'draft', "created_by", "updated_at" FROM `programmes` WHERE "progress" IS NOT NULL;--> statement-breakpoint
-- Hand-corrected copy: drizzle-kit selected the new columns from the old table; `year` becomes
-- `start_year`, the new columns take their defaults.
INSERT INTO `__new_programmes`("id", "region_code", "framework_code", "element_code", "name", "opd", "start_year", "budget", "status", "quick_win", "source", "created_by", "updated_at") SELECT "id", "region_code", "framework_code", "element_code", "name", "opd", "year", "budget", "status", "quick_win", "source", "created_by", "updated_at" FROM `programmes`;--> statement-breakpoint
DROP TABLE `programmes`;--> statement-breakpoint
ALTER TABLE `__new_programmes` RENAME TO `programmes`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `programmes_element` ON `programmes` (`region_code`,`framework_code`,`element_code`,`start_year`);