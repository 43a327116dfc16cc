# Turns the rows of sql/canary.sql (one JSON array of row objects) into a canary observation file
# (model-release-gate/canary@1). The stage is given, because the rows cannot say it:
#
#   jq --arg traffic 10% --arg started 2026-12-01T10:00:00Z -f sql/canary.jq rows.json > observations.json
#
# It refuses the rows (jq exits 5 with the reason) when a value was NULL or not 0/1 for a binary
# metric, or when a cohort's n differs between its metrics: either would bias a rate unnoticed. An
# interval where one side served nothing gets that side's `overall` with n 0, which the file needs.
# Counts written as strings (BigQuery's JSON) are read as numbers.

def number: if type == "string" then tonumber else . end;

def counts($rows):
  {
    n: ($rows[0].n | number),
    successes: ($rows | map(select(.kind == "binary") | {key: .metric, value: (.successes | number)}) | from_entries),
    sums: ($rows | map(select(.kind == "continuous") | {key: .metric, value: [(.sum_x | number), (.sum_x2 | number)]}) | from_entries)
  };

. as $rows
| if ($rows | type) != "array" then error("expected the query's rows as one JSON array") else . end
# Every prediction is in `overall` once, so its rows count each bad value once.
| ($rows | map(select(.cohort == "overall" and (.bad_values | number) > 0))) as $bad
| if ($bad | length) > 0 then
    error("\($bad | map(.bad_values | number) | add) values are NULL or not 0/1, the first in the \($bad[0] | "\(.variant)'s \(.metric) in the interval ending \(.bucket_end | number | todate)"): fix them upstream rather than drop them")
  else . end
| ($rows | map({metric, kind}) | unique) as $metrics
| {
    n: 0,
    successes: ($metrics | map(select(.kind == "binary") | {key: .metric, value: 0}) | from_entries),
    sums: ($metrics | map(select(.kind == "continuous") | {key: .metric, value: [0, 0]}) | from_entries)
  } as $nothing
| def side($rows; $variant):
    ($rows | map(select(.variant == $variant)) | group_by(.cohort)
      | map(
          if (map(.n | number) | unique | length) > 1 then
            error("\($variant) \(.[0].cohort) at \(.[0].bucket_end | number | todate): n differs between metrics")
          else {key: .[0].cohort, value: counts(.)} end)
      | from_entries) as $cohorts
    | {overall: $nothing} + $cohorts;
{
  schema: "model-release-gate/canary@1",
  stage: {traffic: $traffic, started: $started},
  intervals: ($rows | group_by(.bucket_end | number) | map({
    end: (.[0].bucket_end | number | todate),
    baseline: side(.; "baseline"),
    canary: side(.; "canary")
  }))
}
