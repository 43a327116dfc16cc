/** The stylesheet of canary-report.html, inline (the page loads nothing): the look of `check`'s report.html. */
export const CANARY_STYLE = `
:root{--red:#c0392b;--amber:#b7791f;--green:#2f855a;--ink:#111827;--muted:#6b7280;--line:#e5e7eb}
*{box-sizing:border-box}
body{margin:0;background:#f6f7f9;color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:1100px;margin:0 auto;padding:16px;min-width:0}
header{display:flex;gap:20px;align-items:flex-start;background:#fff;border:1px solid var(--line);border-radius:10px;padding:20px 24px;border-left:8px solid var(--amber)}
.decision-rollback header{border-left-color:var(--red)}.decision-promote header{border-left-color:var(--green)}
.badge{font-weight:700;letter-spacing:.06em;color:#fff;padding:10px 16px;border-radius:8px;white-space:nowrap;font-size:15px;background:var(--amber)}
.badge.rollback{background:var(--red)}.badge.promote{background:var(--green)}
h1{margin:0;font-size:18px;overflow-wrap:anywhere}.stage{margin:6px 0 0;color:#374151;overflow-wrap:anywhere}.headline{min-width:0}
section{background:#fff;border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin:16px 0;min-width:0;overflow:hidden}
h2{font-size:16px;margin:0 0 10px}
p,li{overflow-wrap:anywhere}
ul.decided li.regressed,ul.decided li.crossed{color:var(--red)}ul.decided li.undecided,ul.decided li.hold{color:var(--amber)}
.scroll{overflow:auto;max-height:70vh;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:12.5px}
th,td{text-align:left;padding:5px 7px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:11.5px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);position:sticky;top:0;background:#fff}
td{font-variant-numeric:tabular-nums;overflow-wrap:anywhere}td.num{text-align:right;white-space:nowrap}
tr.regressed td,tr.crossed td,tr.block td{background:#fdecea}tr.undecided td,tr.warn td{background:#fff6e0}tr.not-observed td{color:var(--muted)}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px;background:#f3f4f6;padding:1px 4px;border-radius:4px;overflow-wrap:anywhere}
.legend{display:flex;flex-wrap:wrap;gap:16px;color:#374151;font-size:12.5px;margin-bottom:6px}
.key{display:inline-flex;align-items:center;gap:6px}
.swatch{width:14px;height:10px;display:inline-block;opacity:.6}
.k-margin{width:18px;height:0;border-top:2px dashed var(--red);display:inline-block}
.k-zero{width:18px;height:0;border-top:2px solid var(--muted);display:inline-block}
figure{margin:12px 0;padding:8px 0;border-top:1px solid var(--line)}
figcaption{font-weight:600;margin-bottom:4px;overflow-wrap:anywhere}
figure.regressed figcaption{color:var(--red)}figure.undecided figcaption{color:var(--amber)}
svg.sequence{display:block;max-width:720px;height:auto}
.note,footer{color:var(--muted)}footer{font-size:12px;margin:8px 0 24px}
`;
