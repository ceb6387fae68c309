CREATE TABLE `survey_answers` (
	`response_id` integer NOT NULL,
	`statement_code` text NOT NULL,
	`score` integer,
	PRIMARY KEY(`response_id`, `statement_code`),
	FOREIGN KEY (`response_id`) REFERENCES `survey_responses`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "survey_answers_score" CHECK("survey_answers"."score" IS NULL OR "survey_answers"."score" BETWEEN 1 AND 4)
);
--> statement-breakpoint
CREATE TABLE `survey_programmes` (
	`survey_id` integer NOT NULL,
	`sub_dimension` text NOT NULL,
	`position` integer NOT NULL,
	`programme_id` integer,
	`name` text NOT NULL,
	PRIMARY KEY(`survey_id`, `sub_dimension`, `position`),
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`programme_id`) REFERENCES `programmes`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "survey_programmes_position" CHECK("survey_programmes"."position" BETWEEN 1 AND 3),
	CONSTRAINT "survey_programmes_name" CHECK(length(trim("survey_programmes"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE `survey_responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survey_id` integer NOT NULL,
	`channel` text NOT NULL,
	`address_hash` text,
	`device_hash` text,
	`answers_hash` text NOT NULL,
	`age_band` text,
	`entered_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "survey_responses_age_band" CHECK("survey_responses"."age_band" IS NULL OR "survey_responses"."age_band" IN ('17-29', '30-44', '45-59', '60+'))
);
--> statement-breakpoint
CREATE INDEX `survey_responses_survey` ON `survey_responses` (`survey_id`);--> statement-breakpoint
CREATE INDEX `survey_responses_address` ON `survey_responses` (`survey_id`,`address_hash`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `survey_responses_device` ON `survey_responses` (`survey_id`,`device_hash`);--> statement-breakpoint
CREATE TABLE `surveys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`closes_on` text NOT NULL,
	`salt` text NOT NULL,
	`opened_at` text,
	`closed_at` text,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "surveys_year" CHECK("surveys"."year" BETWEEN 1990 AND 2100),
	CONSTRAINT "surveys_closes_on" CHECK("surveys"."closes_on" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `surveys_year_unique` ON `surveys` (`year`);