-- The rows of a paired summary (model-release-gate/paired-summary@1), computed where the examples live.
-- scripts/paired-summary-to-json.js turns the result (CSV, JSON or JSON lines) into the file the
-- gate reads. Plain SQL (CTEs, CASE, COUNT DISTINCT, STDDEV_SAMP): the repository's tests run it
-- on DuckDB, and it is written to run unchanged on PostgreSQL and Spark SQL; sql/README.md gives
-- the BigQuery form and the dialect notes.
--
-- INPUT: one table in long layout, one row per (model, example, cohort, metric):
--
--   eval_examples(
--     model  TEXT,    -- 'incumbent' or 'candidate'
--     id     TEXT,    -- the example's id: pairs the two models' rows
--     cohort TEXT,    -- a cohort the example is in: one row per cohort, and a row for 'overall'
--                     -- (the gate adds 'overall' and 'label:<label>' to per-example files itself;
--                     -- here they must be in the table)
--     metric TEXT,    -- 'accuracy', 'calibrated', 'latency_ms', ...
--     value  DOUBLE,  -- 0 or 1 for a binary metric (1 = right/passed); a finite number otherwise
--     kind   TEXT     -- 'binary' or 'continuous'
--   )
--
-- Long, because one UNPIVOT of a wide results table (one column per metric) produces it, and a new
-- metric then needs no change here. Each (model, id, cohort, metric) must appear once.
--
-- OUTPUT: one row per (cohort, metric) with at least one pair:
--   n            pairs: ids both models have in this cohort with this metric
--   cohort_n     pairs in the cohort (any metric); the summary's cohort "n"
--   n_incumbent, n_candidate
--                examples of the cohort on each side, paired or not; more than cohort_n when some
--                ids have no partner (those are left out of every statistic, as the gate does)
--   binary:      incumbent_successes, candidate_successes, and the discordant pairs:
--                incumbent_only_successes (incumbent right, candidate wrong) and
--                candidate_only_successes (candidate right, incumbent wrong)
--   continuous:  incumbent_mean, candidate_mean, mean_diff = mean of (candidate - incumbent),
--                sd_diff = its sample standard deviation (NULL for a single pair)
--   bad_values   pairs with a NULL value, a binary value other than 0/1, or a kind the two models
--                disagree on: the script refuses a row where this is not 0, rather than let such
--                pairs shift a count unnoticed
--
-- A pair counts in a cohort when both models' rows name that cohort (the join is on id, cohort and
-- metric). The gate's per-example path would count a pair whose two records list different
-- cohorts in both and block the release; check membership upstream if the two sides can differ.

WITH
incumbent AS (
  SELECT id, cohort, metric, kind, value FROM eval_examples WHERE model = 'incumbent'
),
candidate AS (
  SELECT id, cohort, metric, kind, value FROM eval_examples WHERE model = 'candidate'
),
pairs AS (
  SELECT
    i.cohort,
    i.metric,
    i.kind,
    i.id,
    i.value AS incumbent_value,
    c.value AS candidate_value,
    c.value - i.value AS diff,
    CASE
      WHEN i.value IS NULL OR c.value IS NULL OR i.kind <> c.kind THEN 1
      WHEN i.kind = 'binary' AND (i.value NOT IN (0, 1) OR c.value NOT IN (0, 1)) THEN 1
      ELSE 0
    END AS bad
  FROM incumbent i
  JOIN candidate c ON c.id = i.id AND c.cohort = i.cohort AND c.metric = i.metric
),
per_metric AS (
  SELECT
    cohort,
    metric,
    kind,
    COUNT(*) AS n,
    SUM(CASE WHEN incumbent_value = 1 THEN 1 ELSE 0 END) AS incumbent_successes,
    SUM(CASE WHEN candidate_value = 1 THEN 1 ELSE 0 END) AS candidate_successes,
    SUM(CASE WHEN incumbent_value = 1 AND candidate_value = 0 THEN 1 ELSE 0 END) AS incumbent_only_successes,
    SUM(CASE WHEN incumbent_value = 0 AND candidate_value = 1 THEN 1 ELSE 0 END) AS candidate_only_successes,
    AVG(incumbent_value) AS incumbent_mean,
    AVG(candidate_value) AS candidate_mean,
    AVG(diff) AS mean_diff,
    STDDEV_SAMP(diff) AS sd_diff,
    SUM(bad) AS bad_values
  FROM pairs
  GROUP BY cohort, metric, kind
),
per_cohort AS (
  SELECT cohort, COUNT(DISTINCT id) AS cohort_n FROM pairs GROUP BY cohort
),
per_side AS (
  SELECT
    cohort,
    COUNT(DISTINCT CASE WHEN model = 'incumbent' THEN id END) AS n_incumbent,
    COUNT(DISTINCT CASE WHEN model = 'candidate' THEN id END) AS n_candidate
  FROM eval_examples
  GROUP BY cohort
)
-- Counts are cast to BIGINT because some engines widen SUM to 128 bits (DuckDB's HUGEINT), which
-- many drivers hand back as strings or big integers; the other kind's columns are NULL.
SELECT
  m.cohort,
  m.metric,
  m.kind,
  CAST(m.n AS BIGINT) AS n,
  CAST(c.cohort_n AS BIGINT) AS cohort_n,
  CAST(s.n_incumbent AS BIGINT) AS n_incumbent,
  CAST(s.n_candidate AS BIGINT) AS n_candidate,
  CASE WHEN m.kind = 'binary' THEN CAST(m.incumbent_successes AS BIGINT) END AS incumbent_successes,
  CASE WHEN m.kind = 'binary' THEN CAST(m.candidate_successes AS BIGINT) END AS candidate_successes,
  CASE WHEN m.kind = 'binary' THEN CAST(m.incumbent_only_successes AS BIGINT) END AS incumbent_only_successes,
  CASE WHEN m.kind = 'binary' THEN CAST(m.candidate_only_successes AS BIGINT) END AS candidate_only_successes,
  CASE WHEN m.kind = 'continuous' THEN m.incumbent_mean END AS incumbent_mean,
  CASE WHEN m.kind = 'continuous' THEN m.candidate_mean END AS candidate_mean,
  CASE WHEN m.kind = 'continuous' THEN m.mean_diff END AS mean_diff,
  CASE WHEN m.kind = 'continuous' THEN m.sd_diff END AS sd_diff,
  CAST(m.bad_values AS BIGINT) AS bad_values
FROM per_metric m
JOIN per_cohort c ON c.cohort = m.cohort
JOIN per_side s ON s.cohort = m.cohort
ORDER BY m.cohort, m.metric;
