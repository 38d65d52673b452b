CREATE TABLE `attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`learner_id` text NOT NULL,
	`client_request_id` text NOT NULL,
	`scenario_id` text NOT NULL,
	`scenario_version` text NOT NULL,
	`persona_id` text NOT NULL,
	`persona_version` text NOT NULL,
	`prompt_version` text NOT NULL,
	`engine_mode` text NOT NULL,
	`status` text NOT NULL,
	`end_reason` text,
	`director_state` text NOT NULL,
	`case_notes` text,
	`case_notes_updated_at` integer,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	`submitted_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`learner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attempts_client_request_idx` ON `attempts` (`learner_id`,`client_request_id`);--> statement-breakpoint
CREATE INDEX `attempts_learner_idx` ON `attempts` (`learner_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `attempts_org_idx` ON `attempts` (`organisation_id`,`status`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`attempt_id` text NOT NULL,
	`seq` integer NOT NULL,
	`speaker` text NOT NULL,
	`text` text NOT NULL,
	`client_message_id` text,
	`status` text NOT NULL,
	`lease_until` integer,
	`error` text,
	`input_tokens` integer DEFAULT 0 NOT NULL,
	`output_tokens` integer DEFAULT 0 NOT NULL,
	`cached_input_tokens` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_attempt_seq_idx` ON `messages` (`attempt_id`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `messages_client_id_idx` ON `messages` (`attempt_id`,`client_message_id`);--> statement-breakpoint
CREATE TABLE `system_events` (
	`id` text PRIMARY KEY NOT NULL,
	`attempt_id` text NOT NULL,
	`client_event_id` text NOT NULL,
	`kind` text NOT NULL,
	`target` text NOT NULL,
	`detail` text,
	`after_turn` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `system_events_client_id_idx` ON `system_events` (`attempt_id`,`client_event_id`);