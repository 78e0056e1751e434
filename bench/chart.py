#!/usr/bin/env python3
"""Draws p50 latency by endpoint and data size from a bench/run results.tsv as an SVG (stdlib only).

Usage: chart.py RESULTS_TSV OUT_SVG
"""
import csv
import sys
from html import escape

rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
endpoints = list(dict.fromkeys(r["endpoint"] for r in rows))
sizes = sorted({int(r["size"]) for r in rows})
p50 = {(r["endpoint"], int(r["size"])): float(r["p50_ms"]) for r in rows}
# wrk leaves timed-out requests out of its histogram: such a p50 is a lower bound, drawn as "≥".
timeouts = {(r["endpoint"], int(r["size"])): int(r["timeouts"]) for r in rows}
colors = ["#4e79a7", "#e15759", "#59a14f", "#f28e2b"]

W, H, left, right, top, bottom = 760, 420, 70, 20, 50, 80
plot_w, plot_h = W - left - right, H - top - bottom
vmax = max(p50.values()) * 1.15 or 1
group_w = plot_w / len(endpoints)
bar_w = group_w * 0.7 / len(sizes)
out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
       'font-family="sans-serif" font-size="12">',
       f'<rect width="{W}" height="{H}" fill="white"/>',
       f'<text x="{W / 2}" y="22" text-anchor="middle" font-size="15">'
       'p50 latency by endpoint and data size (PostgreSQL, wrk 32 connections)</text>']
for i in range(6):
    v = vmax * i / 5
    y = top + plot_h - plot_h * v / vmax
    out.append(f'<line x1="{left}" x2="{W - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
    out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{v:.1f}</text>')
out.append(f'<text x="16" y="{top + plot_h / 2}" transform="rotate(-90 16 {top + plot_h / 2})" '
           'text-anchor="middle">p50 (ms)</text>')
for gi, ep in enumerate(endpoints):
    gx = left + gi * group_w + group_w * 0.15
    for si, size in enumerate(sizes):
        v = p50.get((ep, size))
        if v is None:
            continue
        h = plot_h * v / vmax
        x = gx + si * bar_w
        y = top + plot_h - h
        out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 4:.1f}" height="{h:.1f}" fill="{colors[si % 4]}"/>')
        label = f"{v:.2f}" if not timeouts.get((ep, size)) else f"≥{v:.0f} ({timeouts[(ep, size)]} t/o)"
        out.append(f'<text x="{x + (bar_w - 4) / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle">{escape(label)}</text>')
    out.append(f'<text x="{left + gi * group_w + group_w / 2:.1f}" y="{top + plot_h + 20}" '
               f'text-anchor="middle">{escape(ep)}</text>')
out.append(f'<line x1="{left}" x2="{W - right}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="#333"/>')
for si, size in enumerate(sizes):
    x = left + si * 170
    out.append(f'<rect x="{x}" y="{H - 30}" width="14" height="14" fill="{colors[si % 4]}"/>')
    out.append(f'<text x="{x + 20}" y="{H - 19}">{size:,} jobs</text>')
out.append("</svg>")
open(sys.argv[2], "w").write("\n".join(out) + "\n")
