// The report's stylesheet: light and dark (prefers-color-scheme) and print, the Okabe-Ito palette for series, and
// dash patterns so that series stay apart in grey print and for readers who do not see colour at all.

const LIGHT = `--bg:#fff;--fg:#1d1f21;--muted:#5b6066;--grid:#e4e6e8;--panel:#f4f5f6;--line:#d0d3d6;--link:#0a5fa3;
--good:#00734f;--bad:#b34000;--fault:#d55e00;--ns:#8c9196;
--c0:#000;--c1:#0072b2;--c2:#e69f00;--c3:#009e73;--c4:#d55e00;--c5:#cc79a7;--c6:#56b4e9;--c7:#f0e442`;

const DARK = `--bg:#16181b;--fg:#e4e6e8;--muted:#a3a8ad;--grid:#2c3034;--panel:#1f2226;--line:#3a3f44;--link:#7cc0f0;
--good:#4cc99a;--bad:#ff9a5c;--fault:#ff8c42;--ns:#7d838a;
--c0:#e4e6e8;--c1:#56b4e9;--c2:#e69f00;--c3:#009e73;--c4:#d55e00;--c5:#cc79a7;--c6:#0072b2;--c7:#f0e442`;

export const STYLE = `:root{color-scheme:light dark;${LIGHT}}
@media (prefers-color-scheme:dark){:root{${DARK}}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
header,main,footer{max-width:1260px;margin:0 auto;padding:0 20px}
header{padding-top:18px}
h1{font-size:1.5em;margin:0 0 4px}
h2{font-size:1.2em;margin:28px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
a{color:var(--link)}
.facts{color:var(--muted);margin:0}
nav{margin:10px 0 0;font-size:.92em}
nav a{margin-right:14px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0 14px}
.card{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:8px 12px;min-width:150px}
.card .name{color:var(--muted);font-size:.85em}
.card .value{font-size:1.45em;font-weight:600;font-variant-numeric:tabular-nums}
.card .ci{color:var(--muted);font-size:.82em;font-variant-numeric:tabular-nums}
table{border-collapse:collapse;font-size:.88em;font-variant-numeric:tabular-nums;margin:6px 0}
th,td{padding:3px 10px;border-bottom:1px solid var(--line);text-align:left}
td{text-align:right}td:first-child{text-align:left}
.facts-table td,table.headline td:nth-child(-n+3),table.faults td,table.verdicts td:nth-child(-n+3){text-align:left}
thead th{border-bottom:2px solid var(--line)}
.met{color:var(--good);font-weight:600}.missed{color:var(--bad);font-weight:600}
.answer{font-size:1.25em;margin:6px 0 10px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(540px,1fr));gap:14px 22px}
.stack{display:grid;gap:14px}
figure{margin:0;padding:8px 10px 6px;border:1px solid var(--line);border-radius:6px;break-inside:avoid}
figcaption{display:flex;justify-content:space-between;align-items:baseline;font-weight:600}
figcaption a.csv{font-weight:400;font-size:.85em}
.wide{overflow-x:auto}
.note{color:var(--muted);font-size:.86em;margin:2px 0 4px}
details{margin:4px 0}
summary{cursor:pointer;color:var(--muted);font-size:.9em}
pre{background:var(--panel);border:1px solid var(--line);border-radius:4px;padding:8px 10px;overflow-x:auto;font-size:.85em}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:4px 16px}
.pair h3{font-size:.85em;font-weight:400;color:var(--muted);margin:4px 0 0}
@media (max-width:760px){.pair{grid-template-columns:1fr}.grid{grid-template-columns:1fr}}
svg.plot{display:block;width:100%;height:auto;max-width:760px;font:12px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
svg.plot text{fill:var(--fg)}
.axis line,.axis path{stroke:var(--muted)}
.axis line.grid{stroke:var(--grid)}
.axis-title{fill:var(--muted)!important}
.s0{--c:var(--c0)}.s1{--c:var(--c1)}.s2{--c:var(--c2)}.s3{--c:var(--c3)}.s4{--c:var(--c4)}.s5{--c:var(--c5)}.s6{--c:var(--c6)}.s7{--c:var(--c7)}
.line{fill:none;stroke:var(--c);stroke-width:2}
.s2 .line{stroke-dasharray:7 3}.s3 .line{stroke-dasharray:2 3}.s4 .line{stroke-dasharray:9 3 2 3}
.s5 .line{stroke-dasharray:4 4}.s6 .line{stroke-dasharray:12 4}.s7 .line{stroke-dasharray:1 5}
.dot{fill:var(--c);stroke:var(--bg);stroke-width:.8}
.bar{fill:var(--c)}
.band{fill:var(--c);opacity:.2;stroke:none}
.whisker{fill:none;stroke:var(--fg);stroke-width:1.3}
.dotrow .whisker{stroke:var(--c);stroke-width:2.2}
.zero{stroke:var(--fg);stroke-width:1;stroke-dasharray:3 3}
.dot.few{fill:var(--bg);stroke:var(--ns);stroke-width:1.5}
.ns{--c:var(--ns)}
.ns .dot{fill:var(--bg);stroke:var(--ns);stroke-width:2}
.ns .whisker{stroke-dasharray:4 3}
.reference line,.reference-key line{stroke:var(--bad);stroke-width:1.5;stroke-dasharray:6 3}
.reference text{fill:var(--bad)!important;font-size:11px;font-weight:600}
.row-note{font-style:italic;fill:var(--muted)!important}
.fault{fill:var(--fault);opacity:.16}
.fault-label{fill:var(--fault)!important;font-weight:600;font-size:11px}
@media print{
:root{${LIGHT}}
body{font-size:11pt}
nav,a.csv,details.table{display:none}
header,main,footer{max-width:none;padding:0}
.grid{grid-template-columns:1fr 1fr}
figure,.cards,table{break-inside:avoid}
h2{break-after:avoid}
}
`;
