CREATE TABLE `quick_win_risks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`quick_win_id` integer NOT NULL,
	`year` integer NOT NULL,
	`risk` text NOT NULL,
	`cause` text NOT NULL,
	`likelihood` integer NOT NULL,
	`impact` integer NOT NULL,
	`mitigation` text NOT NULL,
	`owner` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`carried_from` integer,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`quick_win_id`) REFERENCES `quick_wins`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`carried_from`) REFERENCES `quick_win_risks`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "quick_win_risks_year" CHECK("quick_win_risks"."year" BETWEEN 1990 AND 2100),
	CONSTRAINT "quick_win_risks_scale" CHECK("quick_win_risks"."likelihood" BETWEEN 1 AND 3 AND "quick_win_risks"."impact" BETWEEN 1 AND 3),
	CONSTRAINT "quick_win_risks_status" CHECK(status IN ('open', 'closed'))
);
--> statement-breakpoint
CREATE INDEX `quick_win_risks_quick_win` ON `quick_win_risks` (`quick_win_id`,`year`);--> statement-breakpoint
CREATE UNIQUE INDEX `quick_win_risks_carried` ON `quick_win_risks` (`carried_from`);--> statement-breakpoint
CREATE TABLE `quick_wins` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`region_code` text NOT NULL,
	`name` text NOT NULL,
	`opd` text NOT NULL,
	`start_year` integer NOT NULL,
	`continued_to` integer,
	`rpjmd_problem` text NOT NULL,
	`formulated_with` text NOT NULL,
	`perumusan` text DEFAULT '' NOT NULL,
	`daya_tarik` text DEFAULT '' NOT NULL,
	`manfaat` text DEFAULT '' NOT NULL,
	`keunikan` text DEFAULT '' NOT NULL,
	`kemitraan` text DEFAULT '' NOT NULL,
	`pengembangan` text DEFAULT '' NOT NULL,
	`keberlangsungan` text DEFAULT '' NOT NULL,
	`sumber_daya` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "quick_wins_start_year" CHECK("quick_wins"."start_year" BETWEEN 1990 AND 2100),
	CONSTRAINT "quick_wins_continued_to" CHECK("quick_wins"."continued_to" IS NULL OR ("quick_wins"."continued_to" >= "quick_wins"."start_year" AND "quick_wins"."continued_to" <= 2100)),
	CONSTRAINT "quick_wins_name" CHECK(length(trim("quick_wins"."name")) > 0)
);
--> statement-breakpoint
CREATE INDEX `quick_wins_region` ON `quick_wins` (`region_code`);