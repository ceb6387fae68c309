PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_imports` (
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
	CONSTRAINT "imports_kind" CHECK(kind IN ('seed', 'regions', 'frameworks', 'nodes', 'indicators', 'observations', 'targets')),
	CONSTRAINT "imports_status" CHECK(status IN ('committed', 'undone')),
	CONSTRAINT "imports_counts" CHECK("__new_imports"."row_count" >= 0 AND "__new_imports"."inserted" >= 0 AND "__new_imports"."updated" >= 0 AND "__new_imports"."unchanged" >= 0)
);
--> statement-breakpoint
INSERT INTO `__new_imports`("id", "kind", "file_name", "sha256", "shape", "dialect", "actor", "created_at", "status", "row_count", "inserted", "updated", "unchanged", "undone_at", "undone_by") SELECT "id", "kind", "file_name", "sha256", "shape", "dialect", "actor", "created_at", "status", "row_count", "inserted", "updated", "unchanged", "undone_at", "undone_by" FROM `imports`;--> statement-breakpoint
DROP TABLE `imports`;--> statement-breakpoint
ALTER TABLE `__new_imports` RENAME TO `imports`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `imports_sha` ON `imports` (`sha256`,`kind`);