#!/usr/bin/env python3
"""Attribute classes loaded (class+load log with timemillis,uptimenanos) to Quarkus startup steps
(-Dquarkus.debug.print-startup-times=true output). Usage: steps.py LOG OUT"""
import re, sys, datetime, collections
sys.path.insert(0, __file__.rsplit('/', 1)[0])
LINE = re.compile(r"^\[(\d+)ms\]\[(\d+)ns\] (\S+) source: (.*)$")
STEP = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),(\d{3}) Build step (\S+) completed in: (\d+)ms")
rows = []
for line in open(sys.argv[1], errors="replace"):
    m = LINE.match(line.strip())
    if m:
        rows.append((int(m.group(1)), int(m.group(2)), m.group(3)))
steps = []
for line in open(sys.argv[2], errors="replace"):
    m = STEP.match(line.strip())
    if m:
        t = datetime.datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S").replace(tzinfo=datetime.timezone.utc)
        steps.append((int(t.timestamp() * 1000) + int(m.group(2)), m.group(3), int(m.group(4))))
# first /next: the largest gap in the class log
gap_i = max(range(1, len(rows)), key=lambda i: rows[i][1] - rows[i - 1][1])
jvm0 = rows[0][0] - rows[0][1] // 1_000_000
print(f"classes total {len(rows)}, before first /next {gap_i} (uptime {rows[gap_i-1][1]/1e6:.0f} ms)")
prev_ms, idx = 0, 0
first_step_start = steps[0][0] - steps[0][2] if steps else 0
# classes before the first step: JVM + RIC + Quarkus bootstrap/config
pre = [r for r in rows[:gap_i] if r[0] < first_step_start]
print(f"{'before first step (JVM, RIC, handler class, generated Config)':70} {first_step_start - jvm0:6} ms(uptime) {len(pre):5} classes")
last = first_step_start
for end, name, ms in steps:
    n = sum(1 for r in rows[:gap_i] if last <= r[0] < end)
    if ms >= 3 or n >= 20:
        print(f"{name:70} {ms:6} ms {n:5} classes")
    last = end
rest = [r for r in rows[:gap_i] if r[0] >= last]
print(f"{'after last step until /next':70} {rows[gap_i-1][0]-last:6} ms {len(rest):5} classes")
