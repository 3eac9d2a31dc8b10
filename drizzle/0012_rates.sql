-- Late fees (SPEC §1): the dated rate tables, global (public law figures), and
-- the customer's optional contractual late-payment rate.
CREATE TYPE "public"."rate_kind" AS ENUM('ecb', 'legal');--> statement-breakpoint
CREATE TABLE "rate_periods" (
	"kind" "rate_kind" NOT NULL,
	"starts_on" date NOT NULL,
	"percent" numeric(6, 3) NOT NULL,
	"source" text NOT NULL,
	"added_by" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rate_periods_kind_starts_on_pk" PRIMARY KEY("kind","starts_on"),
	CONSTRAINT "rate_periods_half_year_ck" CHECK (extract(day from "rate_periods"."starts_on") = 1 and extract(month from "rate_periods"."starts_on") in (1, 7)),
	CONSTRAINT "rate_periods_percent_ck" CHECK ("rate_periods"."percent" >= 0 and "rate_periods"."percent" <= 30)
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "late_rate" numeric(6, 3);--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_late_rate_ck" CHECK ("customers"."late_rate" >= 0 and "customers"."late_rate" <= 100);--> statement-breakpoint
-- The known half-years from FACTS-fr.md. ecb: the published ECB rate (the
-- default B2B rate is this + 10 points); legal: the rate for "all other
-- cases", which applies to a company creditor.
INSERT INTO "rate_periods" ("kind", "starts_on", "percent", "source", "added_by") VALUES
  ('ecb', '2020-01-01', 0.000, 'ECB main refinancing operations rate in force on 2020-01-01 (ECB key interest rates; applied by Code de commerce L441-10), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012'),
  ('ecb', '2020-07-01', 0.000, 'ECB main refinancing operations rate in force on 2020-07-01 (ECB key interest rates; applied by Code de commerce L441-10), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012'),
  ('ecb', '2021-01-01', 0.000, 'ECB main refinancing operations rate in force on 2021-01-01 (ECB key interest rates; applied by Code de commerce L441-10), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012'),
  ('ecb', '2021-07-01', 0.000, 'ECB main refinancing operations rate in force on 2021-07-01 (ECB key interest rates; applied by Code de commerce L441-10), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012'),
  ('ecb', '2022-01-01', 0.000, 'ECB main refinancing operations rate in force on 2022-01-01 (ECB key interest rates; applied by Code de commerce L441-10), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012'),
  ('ecb', '2022-07-01', 0.000, 'ECB main refinancing operations rate in force on 2022-07-01 (ECB key interest rates; applied by Code de commerce L441-10), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012'),
  ('ecb', '2023-01-01', 2.500, 'ECB main refinancing operations rate in force on 2023-01-01 (ECB key interest rates; applied by Code de commerce L441-10), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012'),
  ('ecb', '2023-07-01', 4.000, 'ECB main refinancing operations rate in force on 2023-07-01 (ECB key interest rates; applied by Code de commerce L441-10), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012'),
  ('ecb', '2024-01-01', 4.500, 'ECB main refinancing operations rate in force on 2024-01-01 (ECB key interest rates; applied by Code de commerce L441-10), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012'),
  ('ecb', '2024-07-01', 4.250, 'ECB main refinancing operations rate in force on 2024-07-01 (ECB key interest rates; applied by Code de commerce L441-10), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012'),
  ('ecb', '2025-01-01', 3.150, 'ECB main refinancing operations rate in force on 2025-01-01 (ECB key interest rates; applied by Code de commerce L441-10), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012'),
  ('ecb', '2025-07-01', 2.150, 'ECB main refinancing operations rate in force on 2025-07-01 (ECB key interest rates; applied by Code de commerce L441-10), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012'),
  ('ecb', '2026-01-01', 2.150, 'ECB main refinancing operations rate in force on 2026-01-01 (ECB key interest rates; applied by Code de commerce L441-10), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012'),
  ('legal', '2020-01-01', 0.870, 'Legal interest rate 2020 H1, all other cases (Code monétaire et financier L313-2, half-yearly arrêté), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012'),
  ('legal', '2020-07-01', 0.840, 'Legal interest rate 2020 H2, all other cases (Code monétaire et financier L313-2, half-yearly arrêté), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012'),
  ('legal', '2021-01-01', 0.790, 'Legal interest rate 2021 H1, all other cases (Code monétaire et financier L313-2, half-yearly arrêté), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012'),
  ('legal', '2021-07-01', 0.760, 'Legal interest rate 2021 H2, all other cases (Code monétaire et financier L313-2, half-yearly arrêté), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012'),
  ('legal', '2022-01-01', 0.760, 'Legal interest rate 2022 H1, all other cases (Code monétaire et financier L313-2, half-yearly arrêté), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012'),
  ('legal', '2022-07-01', 0.770, 'Legal interest rate 2022 H2, all other cases (Code monétaire et financier L313-2, half-yearly arrêté), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012'),
  ('legal', '2023-01-01', 2.060, 'Legal interest rate 2023 H1, all other cases (Code monétaire et financier L313-2, half-yearly arrêté), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012'),
  ('legal', '2023-07-01', 4.220, 'Legal interest rate 2023 H2, all other cases (Code monétaire et financier L313-2, half-yearly arrêté), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012'),
  ('legal', '2024-01-01', 5.070, 'Legal interest rate 2024 H1, all other cases (Code monétaire et financier L313-2, half-yearly arrêté), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012'),
  ('legal', '2024-07-01', 4.920, 'Legal interest rate 2024 H2, all other cases (Code monétaire et financier L313-2, half-yearly arrêté), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012'),
  ('legal', '2025-01-01', 3.710, 'Legal interest rate 2025 H1, all other cases (Code monétaire et financier L313-2, half-yearly arrêté), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012'),
  ('legal', '2025-07-01', 2.760, 'Legal interest rate 2025 H2, all other cases (Code monétaire et financier L313-2, half-yearly arrêté), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012'),
  ('legal', '2026-01-01', 2.620, 'Legal interest rate 2026 H1, all other cases (Code monétaire et financier L313-2, arrêté of 15 December 2025), as checked in FACTS-fr.md (Nov 2026)', 'migration 0012');
