-- The rows of a canary observation file (model-release-gate/canary@1): per 5-minute interval of a
-- running canary stage, each side's sufficient statistics per cohort and metric. The gate sums them
-- look by look and decides promote / hold / roll back (docs/canary.md). Plain SQL (CTEs, UNION ALL,
-- COALESCE, EXTRACT(EPOCH ...)): the repository's tests run it on DuckDB, and it is written to run
-- unchanged on PostgreSQL; sql/README.md gives the dialect notes and the jq program (sql/canary.jq)
-- that turns the rows into the file.
--
-- INPUT: the predictions both variants served, one row per prediction, wide:
--
--   predictions(
--     id           TEXT,       -- the prediction's id; a prediction logged twice counts once
--     predicted_at TIMESTAMP,  -- when it was served, in UTC
--     variant      TEXT,       -- 'baseline' (the deployed model) or 'canary' (the candidate)
--     region       TEXT,       -- one column per cohort dimension the policy gates: 'eu', 'na', ...
--     channel      TEXT,       -- 'web', 'mobile'
--     correct      INTEGER,    -- a pass/fail metric: 1 or 0 (here: the prediction was right)
--     latency_ms   DOUBLE      -- a continuous metric
--   )
--
-- Only metrics known for every row of the window belong here. An outcome that arrives days later
-- (a chargeback) cannot judge a canary that runs for hours; leave it out, or restrict the rows to
-- those whose outcome is in. A NULL value is not dropped: it is counted in `bad_values`, and the jq
-- step refuses the rows, because dropping it from one metric but not from `n` would bias the rate.
--
-- STAGE: the timestamp in `in_stage` is when this stage's traffic split took effect (the file's
-- stage.started). Every look sums the intervals from there, so a stage must not include intervals
-- served at another split. It is the query's only TIMESTAMP literal, so that a script can set it
-- (the examples in examples/canary/ do, with sed). Intervals are aligned to the clock (10:00, 10:05, ...); the first one
-- may be partial.
--
-- Only whole intervals are returned: an interval still being served, or ended less than a minute
-- ago (rows still arriving), is left for the next run. Each run re-reads the whole stage, so a row
-- that arrived late is counted the next time.
--
-- OUTPUT: one row per (interval, variant, cohort, metric) with at least one prediction:
--   bucket_end   the interval's end, in seconds since 1970-01-01 UTC (jq's todate writes it as ISO 8601)
--   variant      'baseline' or 'canary'
--   cohort       'overall', 'region:eu', 'channel:web', ...
--   metric, kind 'accuracy' and 'binary', 'latency_ms' and 'continuous', ...
--   n            predictions of that variant in that cohort and interval (the same for every metric)
--   successes    binary: predictions where the metric is 1; NULL for a continuous metric
--   sum_x, sum_x2  continuous: Σx and Σx² of the metric; NULL for a binary metric
--   bad_values   values that are NULL, or other than 0/1 for a binary metric: must be 0

WITH
in_stage AS (
  -- DISTINCT: a prediction logged twice (a retried write) counts once.
  SELECT DISTINCT
    id,
    variant,
    region,
    channel,
    correct,
    latency_ms,
    CAST(FLOOR(EXTRACT(EPOCH FROM predicted_at) / 300) * 300 + 300 AS BIGINT) AS bucket_end
  FROM predictions
  WHERE predicted_at >= TIMESTAMP '2026-12-01 10:00:00'
    AND variant IN ('baseline', 'canary')
),
whole_intervals AS (
  SELECT * FROM in_stage
  WHERE bucket_end <= EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) - 60
),
-- One SELECT per cohort dimension, and one for 'overall', which the file needs in every interval.
-- A NULL value becomes '<dimension>:unknown' rather than being dropped, as in traffic.sql.
cohorts AS (
  SELECT bucket_end, variant, id, correct, latency_ms, 'overall' AS cohort FROM whole_intervals
  UNION ALL
  SELECT bucket_end, variant, id, correct, latency_ms, 'region:' || COALESCE(region, 'unknown') FROM whole_intervals
  UNION ALL
  SELECT bucket_end, variant, id, correct, latency_ms, 'channel:' || COALESCE(channel, 'unknown') FROM whole_intervals
),
-- Long layout, one SELECT per metric: the jq step reads any metric from it, so adding one touches
-- only this list. The metric names must be the policy's. UNION ALL gives `value` the widest of the
-- columns' numeric types (here the double of latency_ms), in every engine.
metric_values AS (
  SELECT bucket_end, variant, cohort, 'accuracy' AS metric, 'binary' AS kind, correct AS value FROM cohorts
  UNION ALL
  SELECT bucket_end, variant, cohort, 'latency_ms', 'continuous', latency_ms FROM cohorts
)
-- Counts are cast to BIGINT because some engines widen SUM to 128 bits (DuckDB's HUGEINT), which
-- many drivers hand back as strings or big integers; the other kind's columns are NULL.
SELECT
  bucket_end,
  variant,
  cohort,
  metric,
  kind,
  CAST(COUNT(*) AS BIGINT) AS n,
  CASE WHEN kind = 'binary' THEN CAST(SUM(CASE WHEN value = 1 THEN 1 ELSE 0 END) AS BIGINT) END AS successes,
  CASE WHEN kind = 'continuous' THEN SUM(value) END AS sum_x,
  CASE WHEN kind = 'continuous' THEN SUM(value * value) END AS sum_x2,
  CAST(SUM(
    CASE
      WHEN value IS NULL THEN 1
      WHEN kind = 'binary' AND value NOT IN (0, 1) THEN 1
      ELSE 0
    END
  ) AS BIGINT) AS bad_values
FROM metric_values
GROUP BY bucket_end, variant, cohort, metric, kind
ORDER BY bucket_end, variant, cohort, metric;
