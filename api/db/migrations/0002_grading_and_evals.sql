CREATE TABLE `eval_cases` (
	`run_id` text NOT NULL,
	`case_id` text NOT NULL,
	`outcome` text NOT NULL,
	`details` text NOT NULL,
	PRIMARY KEY(`run_id`, `case_id`),
	FOREIGN KEY (`run_id`) REFERENCES `eval_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `eval_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`suite` text NOT NULL,
	`mode` text NOT NULL,
	`status` text NOT NULL,
	`versions` text NOT NULL,
	`figures` text DEFAULT '{}' NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`started_by` text
);
--> statement-breakpoint
CREATE INDEX `eval_runs_suite_idx` ON `eval_runs` (`suite`,`started_at`);--> statement-breakpoint
CREATE TABLE `gradings` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`attempt_id` text NOT NULL,
	`rubric_id` text NOT NULL,
	`rubric_version` text NOT NULL,
	`grader_mode` text NOT NULL,
	`model` text,
	`prompt_version` text,
	`status` text NOT NULL,
	`reason` text,
	`result` text,
	`input_tokens` integer DEFAULT 0 NOT NULL,
	`output_tokens` integer DEFAULT 0 NOT NULL,
	`cached_input_tokens` integer DEFAULT 0 NOT NULL,
	`cost_estimate_usd` real,
	`tries` integer DEFAULT 0 NOT NULL,
	`run_after` integer NOT NULL,
	`lease_until` integer,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `gradings_attempt_idx` ON `gradings` (`attempt_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `gradings_queue_idx` ON `gradings` (`status`,`run_after`);