#!/usr/bin/env bash
# Whole-process timings and peak memory of psremotingdsc, started as dsc starts it (one process per instance),
# each against the cheapest PowerShell equivalent in the same hyperfine run. Writes tests/benchmarks/results/:
#   cli.md     one `test` (JIT and NativeAOT), the pwsh equivalent, and `psremotingdsc schema`: the process floor
#   export.md  `export` (NativeAOT) over 250, 500, 1,000, 2,000 and 4,000 Subsystem lines; pwsh equivalent at 1,000
#   memory.md  peak RSS (NativeAOT) of schema and test, and of get/test/export on two 16 MiB sshd_config files
#   bash tests/benchmarks/time-cli.sh   (after a Release build, e.g. ./build.sh bench; export.md and memory.md
#                                        need the NativeAOT binary: ./build.sh publish)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

# Debian packages: hyperfine, and time for /usr/bin/time (peak RSS).
require() {
  local command=$1 package=$2
  if [ -x "$command" ] || command -v "$command" >/dev/null 2>&1; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
  else
    echo "$command is required (apt-get install $package)" >&2; exit 1
  fi
}
require hyperfine hyperfine
require /usr/bin/time time

pwsh_home=$(dotnet pwsh -NoProfile -Command '$PSHOME')
version=$(dotnet pwsh -NoProfile -Command '$PSVersionTable.PSVersion.ToString()')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results=tests/benchmarks/results
mkdir -p "$results"

jit="$root/src/PSRemotingDsc.Cli/bin/Release/net10.0/psremotingdsc"
aot="$root/artifacts/publish/psremotingdsc"
if [ ! -x "$jit" ]; then
  echo "$jit is missing: build first (dotnet build PSRemotingDsc.sln -c Release)" >&2; exit 1
fi

# The machine line every results file starts with.
machine() {
  local load
  load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
  echo "$(nproc) cores, $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME" || uname -sr), .NET SDK $(dotnet --version),"
  echo "PowerShell $version, hyperfine $(hyperfine --version | cut -d' ' -f2); load average before the run: $load."
}

# One sshd_config: a comment, sftp, then the given number of PowerShell endpoints of this pwsh.
write_config() {
  local path=$1 endpoints=$2
  {
    printf '# benchmark\nSubsystem sftp /usr/lib/openssh/sftp-server\n'
    for ((i = 0; i < endpoints; i++)); do
      printf 'Subsystem powershell-%d %s/pwsh -sshs -NoLogo -NoProfile\n' "$i" "$pwsh_home"
    done
  } > "$path"
}

# ---- cli.md: one test, against the pwsh equivalent and the process floor ----------------------------------
config="$work/sshd_config"
printf '# benchmark\nSubsystem sftp /usr/lib/openssh/sftp-server\nSubsystem powershell-bench %s/pwsh -sshs -NoLogo -NoProfile\n' "$pwsh_home" > "$config"
input="{\"version\":\"$version\",\"name\":\"powershell-bench\",\"transport\":\"ssh\",\"sshdConfigPath\":\"$config\"}"

cat > "$work/equivalent.ps1" <<'PS1'
# What an admin would write without psremotingdsc: find the first Subsystem line of the name and
# check it starts this PowerShell in server mode; print a JSON verdict.
param($ConfigPath, $Name)
$line = Get-Content $ConfigPath | Where-Object { $_ -match "^\s*Subsystem\s+$([regex]::Escape($Name))\s" } | Select-Object -First 1
$ok = $null -ne $line -and $line -match [regex]::Escape((Join-Path $PSHOME 'pwsh')) -and $line -match '\s-sshs(\s|$)'
@{ name = $Name; _inDesiredState = $ok } | ConvertTo-Json -Compress
PS1

tests=()
if [ -x "$aot" ]; then
  tests+=(-n "psremotingdsc test (NativeAOT)" "$aot test --input '$input'")
else
  echo "no NativeAOT binary at $aot (./build.sh publish); timing the JIT build and pwsh only" >&2
fi
tests+=(-n "psremotingdsc test (JIT)" "$jit test --input '$input'")
tests+=(-n "pwsh script equivalent" "$pwsh_home/pwsh -NoProfile -NonInteractive -File $work/equivalent.ps1 -ConfigPath $config -Name powershell-bench")

# Each variant must reach the same verdict, or the timings compare different work.
for ((i = 1; i < ${#tests[@]}; i += 3)); do
  output=$(sh -c "${tests[i + 1]}")
  case "$output" in
    *'"_inDesiredState":true'*) ;;
    *) echo "'${tests[i]}' did not report _inDesiredState true: $output" >&2; exit 1 ;;
  esac
done

floor=()
if [ -x "$aot" ]; then
  # Start-up, argument parsing and one JSON document, no file or installation read: what any command costs.
  floor=(-n "psremotingdsc schema (NativeAOT): the process floor" "$aot schema")
fi
header=$(machine)
hyperfine --warmup 3 --runs 30 --export-markdown "$work/cli.md" "${floor[@]}" "${tests[@]}"
{
  echo "# Whole-CLI timings: one \`test\` of an endpoint that is in the desired state"
  echo
  echo "Measured $(date -u +%Y-%m-%d) (3 warm-ups, 30 runs): $header"
  echo "Regenerate with \`bash tests/benchmarks/time-cli.sh\` (or \`./build.sh bench\`)."
  echo
  cat "$work/cli.md"
} > "$results/cli.md"

if [ ! -x "$aot" ]; then
  echo "no NativeAOT binary: export.md and memory.md need ./build.sh publish" >&2
  exit 0
fi

# ---- export.md: export over growing files, against the pwsh equivalent ------------------------------------
cat > "$work/export.ps1" <<'PS1'
# What an admin would write without psremotingdsc: every Subsystem line that starts a pwsh, as a JSON line.
param($ConfigPath)
foreach ($line in [IO.File]::ReadLines($ConfigPath)) {
    if ($line -match '^\s*Subsystem\s+(\S+)\s+(\S+)(.*)$' -and (Split-Path -Leaf $Matches[2]) -like 'pwsh*') {
        [ordered]@{ name = $Matches[1]; pshome = Split-Path $Matches[2]; _exist = $true; arguments = @(-split $Matches[3]) } |
            ConvertTo-Json -Compress
    }
}
PS1

exports=()
for endpoints in 250 500 1000 2000 4000; do
  write_config "$work/export-$endpoints" "$endpoints"
  lines=$("$aot" export --input "{\"sshdConfigPath\":\"$work/export-$endpoints\"}" | wc -l)
  if [ "$lines" != "$endpoints" ]; then
    echo "export over $endpoints endpoints printed $lines lines" >&2; exit 1
  fi
  exports+=(-n "psremotingdsc export, $endpoints endpoints (NativeAOT)" "$aot export --input '{\"sshdConfigPath\":\"$work/export-$endpoints\"}'")
done
lines=$("$pwsh_home/pwsh" -NoProfile -NonInteractive -File "$work/export.ps1" -ConfigPath "$work/export-1000" | wc -l)
if [ "$lines" != 1000 ]; then
  echo "the pwsh export equivalent printed $lines lines for 1,000 endpoints" >&2; exit 1
fi
exports+=(-n "pwsh script equivalent, 1000 endpoints" "$pwsh_home/pwsh -NoProfile -NonInteractive -File $work/export.ps1 -ConfigPath $work/export-1000")

header=$(machine)
hyperfine --warmup 2 --runs 15 --export-markdown "$work/export.md" "${exports[@]}"
{
  echo "# Whole-CLI timings: \`export\` over sshd_config files with N PowerShell endpoints"
  echo
  echo "Measured $(date -u +%Y-%m-%d) (2 warm-ups, 15 runs): $header"
  echo "Every line is \`Subsystem powershell-<i> <PSHOME>/pwsh -sshs -NoLogo -NoProfile\`; export must grow linearly."
  echo "Regenerate with \`bash tests/benchmarks/time-cli.sh\` (or \`./build.sh bench\`)."
  echo
  cat "$work/export.md"
} > "$results/export.md"

# ---- memory.md: peak RSS -----------------------------------------------------------------------------------
# Two files just under the 16 MiB psremotingdsc reads: 1 KiB comment lines, and ~245,000 short lines (directives
# with arguments and comments); both with eleven PowerShell endpoints at the top and a Match block at the end.
limit=$((16 * 1024 * 1024))
big_head() {
  printf '# 16 MiB sshd_config\nPort 22\n'
  for ((i = 0; i < 10; i++)); do printf 'Subsystem powershell-%d %s/pwsh -sshs -NoLogo -NoProfile\n' "$i" "$pwsh_home"; done
  printf 'Subsystem powershell-bench %s/pwsh -sshs -NoLogo -NoProfile\n' "$pwsh_home"
}
tail_text=$'Match User backup\n\tForceCommand internal-sftp\n'
for kind in comments short; do
  big_head > "$work/big-$kind"
  used=$(( $(wc -c < "$work/big-$kind") + ${#tail_text} ))
  awk -v budget=$((limit - used)) -v kind="$kind" 'BEGIN {
    filler = sprintf("%1021s", ""); gsub(/ /, "x", filler)
    for (i = 0; ; i++) {
      if (kind == "comments") line = "# " filler
      else if (i % 2 == 0) line = "AcceptEnv LANG LC_CTYPE LC_NUMERIC LC_TIME LC_COLLATE LC_MONETARY" (i % 10)
      else line = "# comment line number " i " with some words in it to be realistic ok"
      if (size + length(line) + 1 > budget) break
      print line; size += length(line) + 1
    }
  }' >> "$work/big-$kind"
  printf '%s' "$tail_text" >> "$work/big-$kind"
done

# The highest of three runs, in KiB; the command must succeed.
peak_kib() {
  local peak=0 kib
  for _ in 1 2 3; do
    kib=$(/usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n1) || { echo "failed: $*" >&2; exit 1; }
    [ "$kib" -gt "$peak" ] && peak=$kib
  done
  echo "$peak"
}
mib() { awk -v kib="$1" 'BEGIN { printf "%.1f", kib / 1024 }'; }

header=$(machine)
rows=()
kib=$(peak_kib "$aot" schema)
rows+=("| \`schema\` | none | $(mib "$kib") | |")
kib=$(peak_kib "$aot" test --input "$input")
rows+=("| \`test\` | 3 lines | $(mib "$kib") | |")
for kind in comments short; do
  file="$work/big-$kind"
  bytes=$(wc -c < "$file")
  description="16 MiB, $(wc -l < "$file") lines ($kind)"
  one="{\"version\":\"$version\",\"name\":\"powershell-bench\",\"sshdConfigPath\":\"$file\"}"
  for command in get test export; do
    if [ "$command" = export ]; then arguments=(--input "{\"sshdConfigPath\":\"$file\"}"); else arguments=(--input "$one"); fi
    kib=$(peak_kib "$aot" "$command" "${arguments[@]}")
    rows+=("| \`$command\` | $description | $(mib "$kib") | $(awk -v kib="$kib" -v bytes="$bytes" 'BEGIN { printf "%.1f", kib * 1024 / bytes }') |")
  done
done
{
  echo "# Peak memory (RSS) of whole \`psremotingdsc\` processes (NativeAOT)"
  echo
  echo "Measured $(date -u +%Y-%m-%d) with GNU time (\`/usr/bin/time -f %M\`, the highest of three runs): $header"
  echo "Regenerate with \`bash tests/benchmarks/time-cli.sh\` (or \`./build.sh bench\`)."
  echo
  echo "| Command | sshd_config | Peak RSS [MiB] | × file size |"
  echo "|:---|:---|---:|---:|"
  printf '%s\n' "${rows[@]}"
} > "$results/memory.md"
cat "$results/memory.md"
