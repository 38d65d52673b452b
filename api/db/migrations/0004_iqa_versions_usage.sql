CREATE TABLE `content_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`kind` text NOT NULL,
	`content_id` text NOT NULL,
	`version` text NOT NULL,
	`based_on_version` text NOT NULL,
	`yaml` text NOT NULL,
	`note` text,
	`author_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `content_versions_version_idx` ON `content_versions` (`organisation_id`,`kind`,`content_id`,`version`);--> statement-breakpoint
CREATE TABLE `iqa_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`sample_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`criterion_id` text NOT NULL,
	`verdict` text NOT NULL,
	`reason` text,
	`assessor_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`sample_id`) REFERENCES `iqa_samples`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assessor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `iqa_decisions_criterion_idx` ON `iqa_decisions` (`sample_id`,`criterion_id`);--> statement-breakpoint
CREATE TABLE `iqa_samples` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`attempt_id` text NOT NULL,
	`sign_off_id` text NOT NULL,
	`rubric_id` text NOT NULL,
	`first_assessor_id` text NOT NULL,
	`second_assessor_id` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sign_off_id`) REFERENCES `sign_offs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`first_assessor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`second_assessor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `iqa_samples_sign_off_idx` ON `iqa_samples` (`sign_off_id`);--> statement-breakpoint
CREATE INDEX `iqa_samples_org_idx` ON `iqa_samples` (`organisation_id`,`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `llm_usage` (
	`organisation_id` text NOT NULL,
	`month` text NOT NULL,
	`input_tokens` integer DEFAULT 0 NOT NULL,
	`cached_input_tokens` integer DEFAULT 0 NOT NULL,
	`output_tokens` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`organisation_id`, `month`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `organisations` ADD `iqa_sample_percent` integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE `organisations` ADD `llm_monthly_token_budget` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `audit_prev_hash_idx` ON `audit_log` (`prev_hash`);