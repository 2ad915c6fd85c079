#!/usr/bin/env bash
# Whole-process timings of `psremotingdsc report` and `report merge` on the NativeAOT binary. Writes
# tests/benchmarks/results/report.md:
#   report        50 PowerShell installations and an sshd_config with 1,000 PowerShell endpoints (+ sftp), json and html
#   report merge  1,000, 5,000 and 10,000 machine reports (json): merge must grow linearly
#   bash tests/benchmarks/time-report.sh   (after ./build.sh publish; hyperfine from Debian)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

if ! command -v hyperfine >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null
  else
    echo "hyperfine is required (apt-get install hyperfine)" >&2; exit 1
  fi
fi

aot="$root/artifacts/publish/psremotingdsc"
[ -x "$aot" ] || { echo "$aot is missing: ./build.sh publish first" >&2; exit 1; }
pwsh_home=$(dotnet pwsh -NoProfile -Command '$PSHOME')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results=tests/benchmarks/results
mkdir -p "$results"

# 50 installations of 50 versions (7.0.0 ... 7.9.4), all found through PSREMOTINGDSC_PSHOME_ROOTS: each a $PSHOME with a
# pwsh and a copy of the pinned tool's System.Management.Automation.dll whose informational version (what discovery
# reads) has "7.6.9" replaced by a version of the same length.
installations="$work/installations"
python3 - "$pwsh_home/System.Management.Automation.dll" "$installations" <<'PY'
import os, stat, sys
source, root = sys.argv[1], sys.argv[2]
data = open(source, "rb").read()
marker = b"7.6.9 SHA: "
assert data.count(marker) == 1, "the informational version of the pinned PowerShell was not found"
for i in range(50):
    home = os.path.join(root, f"ps{i}")
    os.makedirs(home, exist_ok=True)
    with open(os.path.join(home, "System.Management.Automation.dll"), "wb") as f:
        f.write(data.replace(marker, f"7.{i // 5}.{i % 5} SHA: ".encode()))
    pwsh = os.path.join(home, "pwsh")
    with open(pwsh, "w") as f:
        f.write("#!/bin/sh\n")
    os.chmod(pwsh, 0o755)
PY

# 1,000 PowerShell endpoints spread over the 50 installations, plus sftp (foreign).
config="$work/sshd_config"
{
  printf '# benchmark\nSubsystem sftp /usr/lib/openssh/sftp-server\n'
  for ((i = 0; i < 1000; i++)); do
    printf 'Subsystem powershell-%d %s/ps%d/pwsh -sshs -NoLogo -NoProfile\n' "$i" "$installations" $((i % 50))
  done
} > "$config"

export PSREMOTINGDSC_PSHOME_ROOTS="$installations"
endpoints=$("$aot" report --sshd-config "$config" --format json | grep -c '"state"' || true)
installs=$("$aot" report --sshd-config "$config" --format json | grep -c '"origin"' || true)
echo "report sees $installs installations and $endpoints endpoints" >&2

# Machine reports to merge: one real report of a small machine, written 10,000 times under other machine names, a
# third of them with a missing endpoint.
small="$work/small_sshd_config"
printf 'Subsystem sftp /usr/lib/openssh/sftp-server\nSubsystem powershell-7 %s/ps0/pwsh -sshs -NoLogo -NoProfile\nSubsystem old /opt/gone/pwsh -sshs\n' "$installations" > "$small"
"$aot" report --sshd-config "$small" --format json > "$work/machine.json" || true
python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
report = json.load(open(os.path.join(work, "machine.json")))
for n in (1000, 5000, 10000):
    os.makedirs(os.path.join(work, f"fleet{n}"), exist_ok=True)
for i in range(10000):
    report["machine"] = f"host{i:05d}"
    text = json.dumps(report, indent=2)
    for n in (1000, 5000, 10000):
        if i < n:
            with open(os.path.join(work, f"fleet{n}", f"host{i:05d}.json"), "w") as f:
                f.write(text)
PY
report_bytes=$(stat -c %s "$work/machine.json")

hyperfine --warmup 3 --runs 30 -N --ignore-failure --export-markdown "$work/report.md" --export-json "$work/report.json" \
  -n "report, 50 installations, 1000 endpoints, json (NativeAOT)" "$aot report --sshd-config $config --format json" \
  -n "report, 50 installations, 1000 endpoints, html (NativeAOT)" "$aot report --sshd-config $config --format html"
hyperfine --warmup 1 --runs 5 --ignore-failure --export-markdown "$work/merge.md" --export-json "$work/merge.json" \
  -n "report merge, 1000 machine reports" "$aot report merge $work/fleet1000/*.json --format json > /dev/null" \
  -n "report merge, 5000 machine reports" "$aot report merge $work/fleet5000/*.json --format json > /dev/null" \
  -n "report merge, 10000 machine reports" "$aot report merge $work/fleet10000/*.json --format json > /dev/null" \
  -n "report merge, 10000 machine reports, html" "$aot report merge $work/fleet10000/*.json --format html > /dev/null"

load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
# CPU time per run (user + system): on a shared machine it moves far less with the load than wall-clock time.
cpu() {
  python3 - "$1" <<'PY'
import json, sys
print("| Command | Median wall [ms] | Min wall [ms] | User + system CPU, mean [ms] |")
print("|:---|---:|---:|---:|")
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"| `{r['command']}` | {r['median']*1000:.1f} | {r['min']*1000:.1f} | {(r['user'] + r['system'])*1000:.1f} |")
PY
}
{
  echo "# Whole-CLI timings: \`report\` and \`report merge\` (NativeAOT)"
  echo
  echo "Measured $(date -u +%Y-%m-%d): $(nproc) cores, $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME" || uname -sr), .NET SDK $(dotnet --version),"
  echo "hyperfine $(hyperfine --version | cut -d' ' -f2); load average after the runs: $load. Regenerate with \`bash tests/benchmarks/time-report.sh\`."
  echo
  echo "\`report\`: $installs installations (50 fixture \$PSHOMEs of versions 7.0.0 to 7.9.4, found through PSREMOTINGDSC_PSHOME_ROOTS,"
  echo "and the pinned dotnet tool) and an sshd_config with 1,000 PowerShell Subsystem lines spread over them plus sftp: $endpoints"
  echo "endpoint rows. Goal: ≤ 30 ms whole process. The exit code is 20 (the default endpoint of 7 is missing), which hyperfine"
  echo "is told to accept."
  echo
  cat "$work/report.md"
  echo
  cpu "$work/report.json"
  echo
  echo "\`report merge\`: machine reports of $report_bytes bytes (3 endpoint rows each), read one at a time. Goal: 10,000 reports ≤ 3 s, linear."
  echo "Runs through a shell (the file list is a glob), whose start-up is in every figure."
  echo
  cat "$work/merge.md"
  echo
  cpu "$work/merge.json"
} > "$results/report.md"
cat "$results/report.md"
