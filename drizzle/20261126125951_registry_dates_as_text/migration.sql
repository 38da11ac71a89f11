ALTER TABLE "assignments" ALTER COLUMN "registered" SET DATA TYPE text USING "registered"::text;--> statement-breakpoint
ALTER TABLE "assignments" ALTER COLUMN "modified" SET DATA TYPE text USING "modified"::text;--> statement-breakpoint
ALTER TABLE "people" ALTER COLUMN "updated" SET DATA TYPE text USING "updated"::text;--> statement-breakpoint
ALTER TABLE "record_versions" ALTER COLUMN "registered" SET DATA TYPE text USING "registered"::text;--> statement-breakpoint
ALTER TABLE "record_versions" ALTER COLUMN "modified" SET DATA TYPE text USING "modified"::text;