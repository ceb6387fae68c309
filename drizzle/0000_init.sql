CREATE TABLE `framework_nodes` (
	`framework_code` text NOT NULL,
	`code` text NOT NULL,
	`parent_code` text,
	`level` text NOT NULL,
	`name_id` text NOT NULL,
	`name_en` text NOT NULL,
	`description_id` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`weight` real DEFAULT 1 NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`framework_code`, `code`),
	FOREIGN KEY (`framework_code`) REFERENCES `frameworks`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`framework_code`,`parent_code`) REFERENCES `framework_nodes`(`framework_code`,`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "framework_nodes_weight" CHECK("framework_nodes"."weight" >= 0)
);
--> statement-breakpoint
CREATE TABLE `frameworks` (
	`code` text PRIMARY KEY NOT NULL,
	`version` text NOT NULL,
	`name_id` text NOT NULL,
	`name_en` text NOT NULL,
	`year_from` integer NOT NULL,
	`year_to` integer,
	`source` text DEFAULT '' NOT NULL,
	CONSTRAINT "frameworks_years" CHECK("frameworks"."year_to" IS NULL OR "frameworks"."year_to" >= "frameworks"."year_from"),
	CONSTRAINT "frameworks_year_from" CHECK("frameworks"."year_from" BETWEEN 1990 AND 2100)
);
--> statement-breakpoint
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`shape` text DEFAULT 'long' NOT NULL,
	`dialect` text DEFAULT '{}' NOT NULL,
	`actor` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`status` text DEFAULT 'committed' NOT NULL,
	`row_count` integer DEFAULT 0 NOT NULL,
	`inserted` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`undone_at` text,
	`undone_by` text,
	CONSTRAINT "imports_kind" CHECK(kind IN ('seed', 'observations', 'targets', 'indicators', 'nodes', 'regions')),
	CONSTRAINT "imports_status" CHECK(status IN ('committed', 'undone')),
	CONSTRAINT "imports_counts" CHECK("imports"."row_count" >= 0 AND "imports"."inserted" >= 0 AND "imports"."updated" >= 0 AND "imports"."unchanged" >= 0)
);
--> statement-breakpoint
CREATE INDEX `imports_sha` ON `imports` (`sha256`,`kind`);--> statement-breakpoint
CREATE TABLE `indicators` (
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
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`framework_code`,`element_code`) REFERENCES `framework_nodes`(`framework_code`,`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "indicators_polarity" CHECK(polarity IN ('higher', 'lower')),
	CONSTRAINT "indicators_value_type" CHECK(value_type IN ('number', 'percent', 'count', 'level')),
	CONSTRAINT "indicators_method" CHECK(method IN ('minmax', 'target', 'bands', 'level')),
	CONSTRAINT "indicators_weight" CHECK("indicators"."weight" >= 0),
	CONSTRAINT "indicators_bounds" CHECK("indicators"."method" NOT IN ('minmax') OR ("indicators"."worst" IS NOT NULL AND "indicators"."best" IS NOT NULL AND "indicators"."worst" <> "indicators"."best")),
	CONSTRAINT "indicators_polarity_bounds" CHECK("indicators"."worst" IS NULL OR "indicators"."best" IS NULL OR ("indicators"."polarity" = 'higher' AND "indicators"."best" > "indicators"."worst") OR ("indicators"."polarity" = 'lower' AND "indicators"."best" < "indicators"."worst")),
	CONSTRAINT "indicators_bands" CHECK("indicators"."method" <> 'bands' OR "indicators"."benchmark" IS NOT NULL),
	CONSTRAINT "indicators_level" CHECK("indicators"."method" <> 'level' OR "indicators"."value_type" = 'level'),
	CONSTRAINT "indicators_year_from" CHECK("indicators"."year_from" IS NULL OR "indicators"."year_from" BETWEEN 1990 AND 2100),
	CONSTRAINT "indicators_decimals" CHECK("indicators"."decimals" IS NULL OR "indicators"."decimals" BETWEEN 0 AND 6)
);
--> statement-breakpoint
CREATE INDEX `indicators_element` ON `indicators` (`framework_code`,`element_code`);--> statement-breakpoint
CREATE TABLE `observations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`region_code` text NOT NULL,
	`indicator_code` text NOT NULL,
	`year` integer NOT NULL,
	`value` real NOT NULL,
	`source` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`illustrative` integer DEFAULT false NOT NULL,
	`import_id` integer NOT NULL,
	`superseded_by` integer,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_code`) REFERENCES `indicators`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`superseded_by`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "observations_year" CHECK("observations"."year" BETWEEN 1990 AND 2100),
	CONSTRAINT "observations_finite" CHECK("observations"."value" = "observations"."value" AND abs("observations"."value") < 1e300),
	CONSTRAINT "observations_source" CHECK(length(trim("observations"."source")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `observations_current` ON `observations` (`region_code`,`indicator_code`,`year`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `observations_by_indicator` ON `observations` (`indicator_code`,`region_code`,`year`,`value`);--> statement-breakpoint
CREATE INDEX `observations_import` ON `observations` (`import_id`);--> statement-breakpoint
CREATE INDEX `observations_superseded` ON `observations` (`superseded_by`);--> statement-breakpoint
CREATE TABLE `regions` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`parent_code` text,
	`bps_code` text,
	FOREIGN KEY (`parent_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "regions_kind" CHECK(kind IN ('provinsi', 'kabupaten', 'kota', 'kecamatan')),
	CONSTRAINT "regions_code_format" CHECK("regions"."code" GLOB '[0-9][0-9]*')
);
--> statement-breakpoint
CREATE INDEX `regions_parent` ON `regions` (`parent_code`);--> statement-breakpoint
CREATE TABLE `scoring_profiles` (
	`code` text PRIMARY KEY NOT NULL,
	`framework_code` text NOT NULL,
	`version` text NOT NULL,
	`name_id` text NOT NULL,
	`name_en` text NOT NULL,
	`year_from` integer NOT NULL,
	`year_to` integer,
	`is_default` integer DEFAULT false NOT NULL,
	`settings` text NOT NULL,
	FOREIGN KEY (`framework_code`) REFERENCES `frameworks`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "scoring_profiles_settings" CHECK(json_valid("scoring_profiles"."settings"))
);
--> statement-breakpoint
CREATE TABLE `targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`region_code` text NOT NULL,
	`indicator_code` text NOT NULL,
	`year` integer NOT NULL,
	`value` real NOT NULL,
	`document_type` text NOT NULL,
	`source` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`illustrative` integer DEFAULT false NOT NULL,
	`import_id` integer NOT NULL,
	`superseded_by` integer,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`indicator_code`) REFERENCES `indicators`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`superseded_by`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "targets_year" CHECK("targets"."year" BETWEEN 1990 AND 2100),
	CONSTRAINT "targets_finite" CHECK("targets"."value" = "targets"."value" AND abs("targets"."value") < 1e300),
	CONSTRAINT "targets_document_type" CHECK(document_type IN ('RPJMD', 'RPJPD', 'Renstra', 'RKPD', 'masterplan', 'other')),
	CONSTRAINT "targets_source" CHECK(length(trim("targets"."source")) > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `targets_current` ON `targets` (`region_code`,`indicator_code`,`year`) WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX `targets_import` ON `targets` (`import_id`);--> statement-breakpoint
CREATE INDEX `targets_superseded` ON `targets` (`superseded_by`);