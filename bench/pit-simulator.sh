#!/usr/bin/env bash
# PIT over the simulator, one package (slice) at a time, each with the test classes that
# exercise it in process (the engine, its unit tests and the few HTTP tests that reach what the
# engine tests cannot): feasible on a loaded 2-core box, where one run over everything is not.
#   bench/pit-simulator.sh                  every slice, then the summed score
#   bench/pit-simulator.sh jobs webhooks    those slices only (e.g. after changing them)
# Reports: simulator/target/pit-reports/<slice>/index.html; summary: pit-reports/summary.txt.
# Surefire is told to run nothing (-Dtest=NoSuchTest): PIT runs its own tests, and the profile
# would otherwise run the whole simulator suite before each slice.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
reports="$here/simulator/target/pit-reports"
mkdir -p "$reports"
engine='dev.vidsim.engine.*,dev.vidsim.aggregator.*'
declare -A classes tests
classes[ledger]='dev.vidsim.ledger.*'
tests[ledger]="dev.vidsim.ledger.*,$engine"
classes[pricing]='dev.vidsim.pricing.*,dev.vidsim.idempotency.*'
tests[pricing]="dev.vidsim.pricing.*,dev.vidsim.scenario.PricingScenariosTest,$engine"
classes[jobs]='dev.vidsim.jobs.*'
# not FullStoreTest: it fills the store over HTTP, 90 s a run under PIT on a loaded machine
jobs_tests='dev.vidsim.jobs.IdSchemeTest,dev.vidsim.jobs.JobStatusTest,dev.vidsim.jobs.JobStoreTest'
jobs_tests="$jobs_tests,dev.vidsim.jobs.QueuePositionsTest,dev.vidsim.jobs.TenantJobsTest"
# the sync waits and fault outcomes' failure instants are driven only by these two (real HTTP)
jobs_tests="$jobs_tests,dev.vidsim.faults.SyncModelTest,dev.vidsim.faults.OutcomeFaultTest"
tests[jobs]="$jobs_tests,dev.vidsim.journal.JournalTest,dev.vidsim.limits.QueuePositionTest,$engine"
classes[webhooks]='dev.vidsim.webhooks.*'
tests[webhooks]="dev.vidsim.webhooks.*,$engine"
classes[limits]='dev.vidsim.limits.*'
tests[limits]="dev.vidsim.limits.*,$engine"
classes[faults]='dev.vidsim.faults.*'
tests[faults]="dev.vidsim.faults.*,$engine"
slices=("$@")
[ ${#slices[@]} -gt 0 ] || slices=(ledger pricing jobs webhooks limits faults)
for s in "${slices[@]}"; do
  [ -n "${classes[$s]:-}" ] || { echo "pit-simulator: no slice $s" >&2; exit 2; }
  start=$(date +%s); load=$(cut -d' ' -f1 /proc/loadavg)
  nice -n 10 mvn -B -o -ntp -P mutation-simulator -f "$here/pom.xml" -pl simulator test \
    -Dpit.slice="$s" -Dpit.classes="${classes[$s]}" -Dpit.tests="${tests[$s]}" \
    -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
    > "$reports-$s.log" 2>&1 || { echo "pit-simulator: slice $s failed, see $reports-$s.log" >&2; exit 1; }
  echo "$s $(( $(date +%s) - start )) s, load $load -> $(cut -d' ' -f1 /proc/loadavg)" \
    >> "$reports-times.txt"
done
python3 - "$reports" <<'PY'
import sys, pathlib, xml.etree.ElementTree as ET
root = pathlib.Path(sys.argv[1]); total = killed = 0; lines = []
for f in sorted(root.glob('*/mutations.xml')):
    ms = list(ET.parse(f).getroot()); k = sum(m.get('detected') == 'true' for m in ms)
    total += len(ms); killed += k
    lines.append(f"{f.parent.name}: {k}/{len(ms)} killed ({100.0 * k / max(len(ms), 1):.1f} %)")
    lines += [f"  {m.get('status')} {m.findtext('mutatedClass')}.{m.findtext('mutatedMethod')}"
              f":{m.findtext('lineNumber')} {m.findtext('description')}"
              for m in ms if m.get('detected') != 'true']
lines.append(f"total: {killed}/{total} killed ({100.0 * killed / max(total, 1):.1f} %)")
(root / 'summary.txt').write_text('\n'.join(lines) + '\n'); print('\n'.join(lines))
PY
