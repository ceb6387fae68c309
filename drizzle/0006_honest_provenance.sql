PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`region_code` text NOT NULL,
	`indicator_code` text NOT NULL,
	`value_type` text NOT NULL,
	`year` integer NOT NULL,
	`value` real NOT NULL,
	`document_type` text NOT NULL,
	`document_ref` text NOT NULL,
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
	CONSTRAINT "targets_document_type" CHECK((document_type = 'RPJMD' OR document_type = 'RPD' OR document_type = 'RPJPD' OR document_type = 'Renstra' OR document_type = 'RKPD' OR document_type = 'SPM')),
	CONSTRAINT "targets_source" CHECK(length(trim("__new_targets"."source")) > 0),
	CONSTRAINT "targets_document_ref" CHECK(length(trim("__new_targets"."document_ref")) > 0),
	CONSTRAINT "targets_value_type" CHECK((value_type = 'number' OR value_type = 'percent' OR value_type = 'count' OR value_type = 'level')),
	CONSTRAINT "targets_percent" CHECK("__new_targets"."value_type" <> 'percent' OR "__new_targets"."value" BETWEEN 0 AND 100),
	CONSTRAINT "targets_level" CHECK("__new_targets"."value_type" <> 'level' OR ("__new_targets"."value" BETWEEN 1 AND 5 AND "__new_targets"."value" = CAST("__new_targets"."value" AS INTEGER))),
	CONSTRAINT "targets_count" CHECK("__new_targets"."value_type" <> 'count' OR ("__new_targets"."value" >= 0 AND "__new_targets"."value" = CAST("__new_targets"."value" AS INTEGER)))
);
--> statement-breakpoint
-- Targets must now name their planning document's kind (RPJMD, RPD, RPJPD, Renstra, RKPD, SPM) and the
-- page or table they are printed on, which no earlier row records: every earlier target is kept,
-- unchanged, in targets_retired (nothing is lost), and comes back by importing it with its page.
CREATE TABLE `targets_retired` AS SELECT * FROM `targets`;--> statement-breakpoint
DROP TABLE `targets`;--> statement-breakpoint
ALTER TABLE `__new_targets` RENAME TO `targets`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `targets_current` ON `targets` (`region_code`,`indicator_code`,`year`) WHERE superseded_by IS NULL;--> statement-breakpoint
-- New targets keep numbering after the retired ones, so an id never names two targets.
INSERT INTO sqlite_sequence (name, seq) SELECT 'targets', max(id) FROM `targets_retired` HAVING count(*) > 0;--> statement-breakpoint
CREATE TABLE `__new_indicators` (
	`code` text PRIMARY KEY NOT NULL,
	`framework_code` text NOT NULL,
	`element_code` text NOT NULL,
	`name_id` text NOT NULL,
	`name_en` text NOT NULL,
	`description_id` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`rationale_id` text DEFAULT '' NOT NULL,
	`rationale_en` text DEFAULT '' NOT NULL,
	`unit` text NOT NULL,
	`polarity` text NOT NULL,
	`value_type` text NOT NULL,
	`method` text DEFAULT 'minmax' NOT NULL,
	`worst` real,
	`best` real,
	`benchmark` real,
	`opd` text DEFAULT '' NOT NULL,
	`weight` real DEFAULT 1 NOT NULL,
	`definition_source` text DEFAULT '' NOT NULL,
	`year_from` integer,
	`decimals` integer,
	`break_years` text DEFAULT '' NOT NULL,
	`break_note_id` text DEFAULT '' NOT NULL,
	`break_note_en` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`framework_code`,`element_code`) REFERENCES `framework_nodes`(`framework_code`,`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "indicators_polarity" CHECK(polarity IN ('higher', 'lower')),
	CONSTRAINT "indicators_value_type" CHECK(value_type IN ('number', 'percent', 'count', 'level')),
	CONSTRAINT "indicators_method" CHECK(method IN ('minmax', 'target', 'bands', 'level')),
	CONSTRAINT "indicators_weight" CHECK("__new_indicators"."weight" >= 0),
	CONSTRAINT "indicators_bounds" CHECK("__new_indicators"."method" NOT IN ('minmax') OR ("__new_indicators"."worst" IS NOT NULL AND "__new_indicators"."best" IS NOT NULL AND "__new_indicators"."worst" <> "__new_indicators"."best")),
	CONSTRAINT "indicators_polarity_bounds" CHECK("__new_indicators"."worst" IS NULL OR "__new_indicators"."best" IS NULL OR ("__new_indicators"."polarity" = 'higher' AND "__new_indicators"."best" > "__new_indicators"."worst") OR ("__new_indicators"."polarity" = 'lower' AND "__new_indicators"."best" < "__new_indicators"."worst")),
	CONSTRAINT "indicators_bands" CHECK("__new_indicators"."method" <> 'bands' OR "__new_indicators"."benchmark" IS NOT NULL),
	CONSTRAINT "indicators_level" CHECK("__new_indicators"."method" <> 'level' OR "__new_indicators"."value_type" = 'level'),
	CONSTRAINT "indicators_year_from" CHECK("__new_indicators"."year_from" IS NULL OR "__new_indicators"."year_from" BETWEEN 1990 AND 2100),
	CONSTRAINT "indicators_decimals" CHECK("__new_indicators"."decimals" IS NULL OR "__new_indicators"."decimals" BETWEEN 0 AND 6),
	CONSTRAINT "indicators_break_years" CHECK("__new_indicators"."break_years" = '' OR "__new_indicators"."break_years" GLOB '[0-9][0-9][0-9][0-9]*')
);
--> statement-breakpoint
INSERT INTO `__new_indicators`("code", "framework_code", "element_code", "name_id", "name_en", "description_id", "description_en", "rationale_id", "rationale_en", "unit", "polarity", "value_type", "method", "worst", "best", "benchmark", "opd", "weight", "definition_source", "year_from", "decimals", "break_years", "break_note_id", "break_note_en", "sort_order") SELECT "code", "framework_code", "element_code", "name_id", "name_en", "description_id", "description_en", "rationale_id", "rationale_en", "unit", "polarity", "value_type", "method", "worst", "best", "benchmark", "opd", "weight", "definition_source", "year_from", "decimals", '', '', '', "sort_order" FROM `indicators`;--> statement-breakpoint
DROP TABLE `indicators`;--> statement-breakpoint
ALTER TABLE `__new_indicators` RENAME TO `indicators`;--> statement-breakpoint
CREATE UNIQUE INDEX `indicators_code_value_type` ON `indicators` (`code`,`value_type`);--> statement-breakpoint
CREATE INDEX `indicators_element` ON `indicators` (`framework_code`,`element_code`);--> statement-breakpoint
CREATE TABLE `__new_observations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`region_code` text NOT NULL,
	`indicator_code` text NOT NULL,
	`value_type` text NOT NULL,
	`year` integer NOT NULL,
	`value` real NOT NULL,
	`source` text NOT NULL,
	`source_kind` text DEFAULT '' NOT NULL,
	`reference_period` text DEFAULT '' NOT NULL,
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
	CONSTRAINT "observations_source_kind" CHECK((source_kind = '' OR source_kind = 'bps' OR source_kind = 'salinan_bps' OR source_kind = 'pemerintah' OR source_kind = 'berita' OR source_kind = 'lainnya')),
	CONSTRAINT "observations_value_type" CHECK((value_type = 'number' OR value_type = 'percent' OR value_type = 'count' OR value_type = 'level')),
	CONSTRAINT "observations_percent" CHECK("__new_observations"."value_type" <> 'percent' OR "__new_observations"."value" BETWEEN 0 AND 100),
	CONSTRAINT "observations_level" CHECK("__new_observations"."value_type" <> 'level' OR ("__new_observations"."value" BETWEEN 1 AND 5 AND "__new_observations"."value" = CAST("__new_observations"."value" AS INTEGER))),
	CONSTRAINT "observations_count" CHECK("__new_observations"."value_type" <> 'count' OR ("__new_observations"."value" >= 0 AND "__new_observations"."value" = CAST("__new_observations"."value" AS INTEGER)))
);
--> statement-breakpoint
INSERT INTO `__new_observations`("id", "region_code", "indicator_code", "value_type", "year", "value", "source", "source_kind", "reference_period", "note", "illustrative", "import_id", "superseded_by") SELECT "id", "region_code", "indicator_code", "value_type", "year", "value", "source", '', '', "note", "illustrative", "import_id", "superseded_by" FROM `observations`;--> statement-breakpoint
DROP TABLE `observations`;--> statement-breakpoint
ALTER TABLE `__new_observations` RENAME TO `observations`;--> statement-breakpoint
CREATE UNIQUE INDEX `observations_current` ON `observations` (`region_code`,`indicator_code`,`year`) WHERE superseded_by IS NULL;