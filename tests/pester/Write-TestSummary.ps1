<#
.SYNOPSIS
    Lists every skipped test with its reason, then sums xunit (TRX) and Pester (NUnit XML) results and prints
    the closing line "N passed, N failed, N skipped".
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $ResultsDirectory,

    # The xunit projects that must have reported; default: every tests/*.Tests project.
    [string[]] $Projects = @(Get-ChildItem (Join-Path $PSScriptRoot '..') -Directory -Filter '*.Tests' |
        Where-Object { Test-Path (Join-Path $_.FullName "$($_.Name).csproj") } | ForEach-Object Name)
)

$passed = 0; $failed = 0; $skipped = 0
$skips = [System.Collections.Generic.List[string]]::new()
foreach ($trx in Get-ChildItem $ResultsDirectory -Filter *.trx) {
    $run = ([xml](Get-Content -Raw $trx.FullName)).TestRun
    foreach ($result in @($run.Results.UnitTestResult) | Where-Object outcome -EQ 'NotExecuted') {
        $skips.Add("skipped: $($result.testName): $($result.Output.ErrorInfo.Message)")
    }

    $counters = $run.ResultSummary.Counters
    $passed += [int]$counters.passed
    $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    # TRX counts a skipped test only as "not executed": total minus executed.
    $skipped += [int]$counters.total - [int]$counters.executed
}

# Every xunit project must have reported; a missing TRX is a failure, not a smaller total.
foreach ($project in $Projects) {
    if (-not (Test-Path (Join-Path $ResultsDirectory "$project.trx"))) {
        Write-Warning "No xunit results for ${project}: counting it as one failure."
        $failed += 1
    }
}

$pester = Join-Path $ResultsDirectory 'pester.xml'
if (Test-Path $pester) {
    $document = [xml](Get-Content -Raw $pester)
    foreach ($case in $document.SelectNodes('//test-case') | Where-Object { $_.executed -eq 'False' -or $_.result -in 'Ignored', 'Skipped' }) {
        # Pester's NUnit 2.5 report drops Set-ItResult -Because; the Pester output above carries the reason.
        $reason = if ($case.reason.message) { $case.reason.message } else { 'reason in the Pester output above' }
        $skips.Add("skipped: $($case.description): $reason")
    }

    $results = $document.'test-results'
    $failed += [int]$results.failures + [int]$results.errors
    $skipped += [int]$results.skipped + [int]$results.ignored + [int]$results.inconclusive + [int]$results.'not-run'
    $passed += [int]$results.total - [int]$results.failures - [int]$results.errors - [int]$results.'not-run' - [int]$results.inconclusive - [int]$results.ignored - [int]$results.skipped
}
else {
    Write-Warning "No Pester results at '$pester': counting the Pester run as one failure."
    $failed += 1
}

$skips | ForEach-Object { $_ }
"$passed passed, $failed failed, $skipped skipped"
