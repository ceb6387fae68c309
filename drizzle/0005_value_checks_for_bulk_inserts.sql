PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_observations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`region_code` text NOT NULL,
	`indicator_code` text NOT NULL,
	`value_type` text NOT NULL,
	`year` integer NOT NULL,
	`value` real NOT NULL,
	`source` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`illustrative` integer DEFAULT false NOT NULL,
	`import_id` integer NOT NULL,
	`superseded_by` integer,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`superseded_by`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_code`,`value_type`) REFERENCES `indicators`(`code`,`value_type`) ON UPDATE cascade ON DELETE no action,
	CONSTRAINT "observations_year" CHECK("__new_observations"."year" BETWEEN 1990 AND 2100),
	CONSTRAINT "observations_finite" CHECK("__new_observations"."value" = "__new_observations"."value" AND abs("__new_observations"."value") < 1e300),
	CONSTRAINT "observations_source" CHECK(length(trim("__new_observations"."source")) > 0),
	CONSTRAINT "observations_value_type" CHECK((value_type = 'number' OR value_type = 'percent' OR value_type = 'count' OR value_type = 'level')),
	CONSTRAINT "observations_percent" CHECK("__new_observations"."value_type" <> 'percent' OR "__new_observations"."value" BETWEEN 0 AND 100),
	CONSTRAINT "observations_level" CHECK("__new_observations"."value_type" <> 'level' OR ("__new_observations"."value" BETWEEN 1 AND 5 AND "__new_observations"."value" = CAST("__new_observations"."value" AS INTEGER))),
	CONSTRAINT "observations_count" CHECK("__new_observations"."value_type" <> 'count' OR ("__new_observations"."value" >= 0 AND "__new_observations"."value" = CAST("__new_observations"."value" AS INTEGER)))
);
--> statement-breakpoint
INSERT INTO `__new_observations`("id", "region_code", "indicator_code", "value_type", "year", "value", "source", "note", "illustrative", "import_id", "superseded_by") SELECT "id", "region_code", "indicator_code", "value_type", "year", "value", "source", "note", "illustrative", "import_id", "superseded_by" FROM `observations`;--> statement-breakpoint
DROP TABLE `observations`;--> statement-breakpoint
ALTER TABLE `__new_observations` RENAME TO `observations`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `observations_current` ON `observations` (`region_code`,`indicator_code`,`year`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE TABLE `__new_targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`region_code` text NOT NULL,
	`indicator_code` text NOT NULL,
	`value_type` text NOT NULL,
	`year` integer NOT NULL,
	`value` real NOT NULL,
	`document_type` text NOT NULL,
	`source` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`illustrative` integer DEFAULT false NOT NULL,
	`import_id` integer NOT NULL,
	`superseded_by` integer,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`superseded_by`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_code`,`value_type`) REFERENCES `indicators`(`code`,`value_type`) ON UPDATE cascade ON DELETE no action,
	CONSTRAINT "targets_year" CHECK("__new_targets"."year" BETWEEN 1990 AND 2100),
	CONSTRAINT "targets_finite" CHECK("__new_targets"."value" = "__new_targets"."value" AND abs("__new_targets"."value") < 1e300),
	CONSTRAINT "targets_document_type" CHECK((document_type = 'RPJMD' OR document_type = 'RPJPD' OR document_type = 'Renstra' OR document_type = 'RKPD' OR document_type = 'masterplan' OR document_type = 'other')),
	CONSTRAINT "targets_source" CHECK(length(trim("__new_targets"."source")) > 0),
	CONSTRAINT "targets_value_type" CHECK((value_type = 'number' OR value_type = 'percent' OR value_type = 'count' OR value_type = 'level')),
	CONSTRAINT "targets_percent" CHECK("__new_targets"."value_type" <> 'percent' OR "__new_targets"."value" BETWEEN 0 AND 100),
	CONSTRAINT "targets_level" CHECK("__new_targets"."value_type" <> 'level' OR ("__new_targets"."value" BETWEEN 1 AND 5 AND "__new_targets"."value" = CAST("__new_targets"."value" AS INTEGER))),
	CONSTRAINT "targets_count" CHECK("__new_targets"."value_type" <> 'count' OR ("__new_targets"."value" >= 0 AND "__new_targets"."value" = CAST("__new_targets"."value" AS INTEGER)))
);
--> statement-breakpoint
INSERT INTO `__new_targets`("id", "region_code", "indicator_code", "value_type", "year", "value", "document_type", "source", "note", "illustrative", "import_id", "superseded_by") SELECT "id", "region_code", "indicator_code", "value_type", "year", "value", "document_type", "source", "note", "illustrative", "import_id", "superseded_by" FROM `targets`;--> statement-breakpoint
DROP TABLE `targets`;--> statement-breakpoint
ALTER TABLE `__new_targets` RENAME TO `targets`;--> statement-breakpoint
CREATE UNIQUE INDEX `targets_current` ON `targets` (`region_code`,`indicator_code`,`year`) WHERE superseded_by IS NULL;