-- The rows of a traffic file (model-release-gate/traffic@1): how many production predictions each
-- cohort had over a window. The gate compares the eval's cohort mix with these counts, dimension by
-- dimension (docs/traffic.md). Plain SQL (CTEs, UNION ALL, COALESCE, COUNT DISTINCT): the
-- repository's tests run it on DuckDB, and it is written to run unchanged on PostgreSQL and Spark
-- SQL; sql/README.md gives the BigQuery notes and the jq line that turns the rows into the file.
--
-- INPUT: the predictions the model served, one row per prediction, wide:
--
--   predictions(
--     id           TEXT,       -- the prediction's id; a prediction logged twice counts once
--     predicted_at TIMESTAMP,  -- when it was served, in UTC
--     region       TEXT,       -- one column per cohort dimension the eval uses: 'eu', 'na', ...
--     channel      TEXT,       -- 'web', 'mobile'
--     lang         TEXT        -- 'is', 'de', ...
--   )
--
-- The cohort names must be the eval's: the dimension, a colon, the value ('region:eu'). Add a
-- dimension with one more SELECT in `cohorts` below. A NULL value becomes '<dimension>:unknown'
-- rather than being dropped: dropping it would raise every other cohort's share without a word,
-- and a large unknown cohort that the eval lacks is worth a finding.
--
-- WINDOW: the two timestamps in `in_window`, the first day included and the day after the last
-- excluded. For 2026-11-01 to 2026-11-30 (the file's "window") they are 2026-11-01 and 2026-12-01.
--
-- OUTPUT: one row per cohort seen in the window:
--   cohort   'region:eu', 'channel:web', ...
--   events   predictions in the window in that cohort (the file's count for it)

WITH
in_window AS (
  SELECT id, region, channel, lang
  FROM predictions
  WHERE predicted_at >= TIMESTAMP '2026-11-01 00:00:00'
    AND predicted_at < TIMESTAMP '2026-12-01 00:00:00'
),
cohorts AS (
  SELECT id, 'region:' || COALESCE(region, 'unknown') AS cohort FROM in_window
  UNION ALL
  SELECT id, 'channel:' || COALESCE(channel, 'unknown') AS cohort FROM in_window
  UNION ALL
  SELECT id, 'lang:' || COALESCE(lang, 'unknown') AS cohort FROM in_window
)
-- Cast to BIGINT because some engines widen counts beyond 64 bits or hand them to drivers as
-- strings; the file needs plain whole numbers.
SELECT
  cohort,
  CAST(COUNT(DISTINCT id) AS BIGINT) AS events
FROM cohorts
GROUP BY cohort
ORDER BY cohort;
