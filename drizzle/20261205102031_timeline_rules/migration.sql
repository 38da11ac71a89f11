CREATE TABLE "timeline_rules" (
	"version" integer PRIMARY KEY,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL
);
