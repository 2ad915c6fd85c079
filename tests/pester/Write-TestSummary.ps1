<#
.SYNOPSIS
    Sums xunit (TRX) and Pester (NUnit XML) results and prints the closing line "N passed, N failed, N skipped".
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $ResultsDirectory
)

$passed = 0; $failed = 0; $skipped = 0
foreach ($trx in Get-ChildItem $ResultsDirectory -Filter *.trx) {
    $counters = ([xml](Get-Content -Raw $trx.FullName)).TestRun.ResultSummary.Counters
    $passed += [int]$counters.passed
    $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    # TRX counts a skipped test only as "not executed": total minus executed.
    $skipped += [int]$counters.total - [int]$counters.executed
}

$pester = Join-Path $ResultsDirectory 'pester.xml'
if (Test-Path $pester) {
    $results = ([xml](Get-Content -Raw $pester)).'test-results'
    $failed += [int]$results.failures + [int]$results.errors
    $skipped += [int]$results.skipped + [int]$results.ignored + [int]$results.inconclusive + [int]$results.'not-run'
    $passed += [int]$results.total - [int]$results.failures - [int]$results.errors - [int]$results.'not-run' - [int]$results.inconclusive - [int]$results.ignored - [int]$results.skipped
}
else {
    Write-Warning "No Pester results at '$pester': counting the Pester run as one failure."
    $failed += 1
}

"$passed passed, $failed failed, $skipped skipped"
