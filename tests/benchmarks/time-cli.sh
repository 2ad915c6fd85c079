#!/usr/bin/env bash
# Times whole `psremotingdsc test` runs (as dsc starts them: one process per instance) against a
# PowerShell-based equivalent in the same run, with hyperfine. Writes tests/benchmarks/results/cli.md.
#   bash tests/benchmarks/time-cli.sh   (after a Release build, e.g. ./build.sh bench; times the NativeAOT
#                                        binary too when ./build.sh publish has put it in artifacts/publish)
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

pwsh_home=$(dotnet pwsh -NoProfile -Command '$PSHOME')
version=$(dotnet pwsh -NoProfile -Command '$PSVersionTable.PSVersion.ToString()')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
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

jit="$root/src/PSRemotingDsc.Cli/bin/Release/net10.0/psremotingdsc"
aot="$root/artifacts/publish/psremotingdsc"
if [ ! -x "$jit" ]; then
  echo "$jit is missing: build first (dotnet build PSRemotingDsc.sln -c Release)" >&2; exit 1
fi

commands=(-n "psremotingdsc test (JIT)" "$jit test --input '$input'")
if [ -x "$aot" ]; then
  commands+=(-n "psremotingdsc test (NativeAOT)" "$aot test --input '$input'")
else
  echo "no NativeAOT binary at $aot (./build.sh publish); timing the JIT build and pwsh only" >&2
fi
commands+=(-n "pwsh script equivalent" "$pwsh_home/pwsh -NoProfile -NonInteractive -File $work/equivalent.ps1 -ConfigPath $config -Name powershell-bench")

# Each variant must reach the same verdict, or the timings compare different work.
for ((i = 1; i < ${#commands[@]}; i += 3)); do
  output=$(sh -c "${commands[i + 1]}")
  case "$output" in
    *'"_inDesiredState":true'*) ;;
    *) echo "'${commands[i]}' did not report _inDesiredState true: $output" >&2; exit 1 ;;
  esac
done

results=tests/benchmarks/results
mkdir -p "$results"
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
hyperfine --warmup 3 --runs 30 --export-markdown "$work/cli.md" "${commands[@]}"
{
  echo "# Whole-CLI timings: one \`test\` of an endpoint that is in the desired state"
  echo
  echo "Measured $(date -u +%Y-%m-%d) with hyperfine $(hyperfine --version | cut -d' ' -f2) (3 warm-ups, 30 runs): $(nproc) cores,"
  echo "$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME" || uname -sr), .NET SDK $(dotnet --version), PowerShell $version; load average before the run: $load."
  echo "Regenerate with \`bash tests/benchmarks/time-cli.sh\` (or \`./build.sh bench\`)."
  echo
  cat "$work/cli.md"
} > "$results/cli.md"
