"""Summarises `jfr print --events jdk.ExecutionSample` (stdin) into top frames.

Prints the N most frequent innermost frames (self time), then the N most frequent vidsim
frames counted once per sample that passes through them (inclusive), as shares of all samples.
"""
import collections
import re
import sys

top = int(sys.argv[1]) if len(sys.argv) > 1 else 25
self_count = collections.Counter()
incl_count = collections.Counter()
samples = 0
stack = None
frame = re.compile(r"^\s+([\w$.<>]+)\(.*\)\s+line:")
for line in sys.stdin:
    if line.startswith("jdk.ExecutionSample"):
        stack = []
    elif stack is not None and line.strip() == "]":
        if stack:
            samples += 1
            self_count[stack[0]] += 1
            for name in set(f for f in stack if f.startswith("dev.vidsim.")):
                incl_count[name] += 1
        stack = None
    elif stack is not None:
        m = frame.match(line)
        if m:
            stack.append(m.group(1))


def show(title, counter):
    print(f"{title} ({samples} samples)")
    for name, n in counter.most_common(top):
        print(f"  {100.0 * n / samples:5.1f} %  {n:6d}  {name}")


show("self: innermost frame", self_count)
show("inclusive: vidsim frames", incl_count)
