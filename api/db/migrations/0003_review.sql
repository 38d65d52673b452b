CREATE TABLE `assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`scenario_id` text NOT NULL,
	`learner_id` text,
	`group_id` text,
	`due_date` text NOT NULL,
	`assigned_by` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`learner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assigned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assignments_learner_idx` ON `assignments` (`learner_id`);--> statement-breakpoint
CREATE INDEX `assignments_group_idx` ON `assignments` (`group_id`);--> statement-breakpoint
CREATE TABLE `attempt_voids` (
	`attempt_id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`reason` text NOT NULL,
	`assessor_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assessor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `criterion_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`attempt_id` text NOT NULL,
	`grading_id` text NOT NULL,
	`rubric_id` text NOT NULL,
	`rubric_version` text NOT NULL,
	`criterion_id` text NOT NULL,
	`version` integer NOT NULL,
	`action` text NOT NULL,
	`ai_verdict` text,
	`verdict` text NOT NULL,
	`reason` text,
	`evidence` text DEFAULT '[]' NOT NULL,
	`assessor_id` text NOT NULL,
	`after_sign_off` integer DEFAULT false NOT NULL,
	`supersedes_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`grading_id`) REFERENCES `gradings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assessor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `criterion_decisions_version_idx` ON `criterion_decisions` (`grading_id`,`criterion_id`,`version`);--> statement-breakpoint
CREATE INDEX `criterion_decisions_attempt_idx` ON `criterion_decisions` (`attempt_id`);--> statement-breakpoint
CREATE INDEX `criterion_decisions_org_idx` ON `criterion_decisions` (`organisation_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `review_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`attempt_id` text NOT NULL,
	`author_id` text NOT NULL,
	`turn` integer,
	`rubric_id` text,
	`criterion_id` text,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_comments_attempt_idx` ON `review_comments` (`attempt_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `sign_offs` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`attempt_id` text NOT NULL,
	`grading_id` text NOT NULL,
	`rubric_id` text NOT NULL,
	`rubric_version` text NOT NULL,
	`assessor_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`grading_id`) REFERENCES `gradings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assessor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sign_offs_attempt_rubric_idx` ON `sign_offs` (`attempt_id`,`rubric_id`);