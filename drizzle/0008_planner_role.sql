PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`opd` text,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`password_changed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`totp_secret` text,
	`totp_pending_secret` text,
	`totp_enabled_at` text,
	`totp_last_step` integer,
	CONSTRAINT "users_role" CHECK(role IN ('admin', 'walidata', 'perencana', 'produsen', 'viewer')),
	CONSTRAINT "users_username_format" CHECK("__new_users"."username" GLOB '[a-z0-9]*' AND length("__new_users"."username") BETWEEN 3 AND 32 AND "__new_users"."username" = lower("__new_users"."username")),
	CONSTRAINT "users_produsen_opd" CHECK(("__new_users"."role" = 'produsen') = ("__new_users"."opd" IS NOT NULL AND length("__new_users"."opd") > 0))
);
--> statement-breakpoint
INSERT INTO `__new_users`("id", "username", "password_hash", "role", "opd", "disabled", "created_at", "password_changed_at", "totp_secret", "totp_pending_secret", "totp_enabled_at", "totp_last_step") SELECT "id", "username", "password_hash", "role", "opd", "disabled", "created_at", "password_changed_at", "totp_secret", "totp_pending_secret", "totp_enabled_at", "totp_last_step" FROM `users`;--> statement-breakpoint
DROP TABLE `users`;--> statement-breakpoint
ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `users_username` ON `users` (`username`);