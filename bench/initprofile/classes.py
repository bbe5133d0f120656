#!/usr/bin/env python3
"""Split an -Xlog:class+load (uptimenanos) log at the largest gap (the held first /next) and group
classes by library. Usage: classes.py LOG [--list GROUP] [--after]"""
import re, sys, collections

GROUPS = [
    ("AWS SDK sqs", r"^software\.amazon\.awssdk\.services\.sqs\."),
    ("AWS SDK secretsmanager", r"^software\.amazon\.awssdk\.services\.secretsmanager\."),
    ("AWS SDK ssm", r"^software\.amazon\.awssdk\.services\.ssm\."),
    ("AWS SDK core", r"^software\.amazon\.awssdk\."),
    ("quarkus-amazon-services", r"^io\.quarkus\.amazon\.common\.|^io\.quarkiverse\.amazon|^io\.quarkus\.amazon\.sqs"),
    ("Quarkus amazon-lambda", r"^io\.quarkus\.amazon\.lambda\."),
    ("Lambda RIC + lambda-core", r"^com\.amazonaws\."),
    ("Jackson", r"^com\.fasterxml\.jackson\."),
    ("Vert.x", r"^io\.vertx\."),
    ("netty", r"^io\.netty\."),
    ("RESTEasy/rest-client", r"^org\.jboss\.resteasy\.|^io\.quarkus\.rest\.|^io\.quarkus\.restclient|^jakarta\.ws\.rs\.|^org\.eclipse\.microprofile\.rest"),
    ("SmallRye FT", r"^io\.smallrye\.faulttolerance\.|^org\.eclipse\.microprofile\.faulttolerance|^io\.quarkus\.smallrye\.faulttolerance"),
    ("Caffeine / cache", r"^com\.github\.benmanes\.|^io\.quarkus\.cache\."),
    ("jtokkit", r"^com\.knuddels\."),
    ("Mutiny", r"^io\.smallrye\.mutiny\."),
    ("SmallRye config", r"^io\.smallrye\.config\.|^org\.eclipse\.microprofile\.config"),
    ("context propagation", r"^io\.smallrye\.context\.|^org\.eclipse\.microprofile\.context"),
    ("ArC / CDI", r"^io\.quarkus\.arc\.|^jakarta\.enterprise\.|^jakarta\.inject\.|^jakarta\.interceptor\."),
    ("logging (jboss-logmanager, json)", r"^org\.jboss\.logmanager\.|^org\.jboss\.logging\.|^io\.quarkus\.logging\.|^org\.slf4j\.|^org\.jboss\.slf4j"),
    ("jboss-threads", r"^org\.jboss\.threads\."),
    ("Quarkus generated (io.quarkus.runner, *_Bean, config)", r"^io\.quarkus\.runner\.|^io\.quarkus\.runtime\.generated\."),
    ("Quarkus core/bootstrap", r"^io\.quarkus\."),
    ("SmallRye common", r"^io\.smallrye\.common\."),
    ("other smallrye", r"^io\.smallrye\."),
    ("app (dev.nanoclassifier)", r"^dev\.nanoclassifier\."),
    ("JDK", r"^(java|javax|jdk|sun|com\.sun)\."),
    ("joda-time", r"^org\.joda\."),
    ("apache httpclient", r"^org\.apache\.http"),
    ("other", r"."),
]
COMPILED = [(g, re.compile(p)) for g, p in GROUPS]
LINE = re.compile(r"^(?:\[\d+ms\])?\[(\d+)ns\] (\S+) source: (.*)$")


def group(name):
    for g, p in COMPILED:
        if p.search(name):
            return g
    return "other"


def load(path):
    rows = []
    for line in open(path, errors="replace"):
        m = LINE.match(line.strip())
        if m:
            rows.append((int(m.group(1)), m.group(2), m.group(3)))
    return rows


def split(rows):
    # the first /next is held for >=300 ms: split at the largest gap after the first second
    best, idx = 0, len(rows)
    for i in range(1, len(rows)):
        gap = rows[i][0] - rows[i - 1][0]
        if gap > best:
            best, idx = gap, i
    return idx, best


def main():
    path = sys.argv[1]
    rows = load(path)
    idx, gap = split(rows)
    before, after = rows[:idx], rows[idx:]
    lst = None
    if "--list" in sys.argv:
        lst = sys.argv[sys.argv.index("--list") + 1]
    sel = after if "--after" in sys.argv else before
    if lst:
        for t, n, s in sel:
            if group(n) == lst:
                print(n)
        return
    print(f"{path}: {len(rows)} classes; split at gap {gap/1e6:.0f} ms at uptime {before[-1][0]/1e6:.0f} ms")
    cb = collections.Counter(group(n) for _, n, _ in before)
    ca = collections.Counter(group(n) for _, n, _ in after)
    shared_b = sum(1 for _, _, s in before if "shared" in s)
    shared_a = sum(1 for _, _, s in after if "shared" in s)
    print(f"before /next: {len(before)} (from CDS/AOT archive {shared_b}); after: {len(after)} (archive {shared_a})")
    print(f"{'group':58} {'init':>6} {'request':>8}")
    for g, _ in GROUPS:
        if cb[g] or ca[g]:
            print(f"{g:58} {cb[g]:6} {ca[g]:8}")


main()
