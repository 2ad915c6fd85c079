<#
.SYNOPSIS
    Runs the Pester tests in this folder with the Pester version the repository restores from NuGet.
.PARAMETER ResultPath
    Where to write the NUnit XML results.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $ResultPath
)

$ErrorActionPreference = 'Stop'
$packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
$pester = Get-ChildItem (Join-Path $packages 'pester') -Directory | Sort-Object { [version]$_.Name } -Descending | Select-Object -First 1
if (-not $pester) {
    throw "Pester is not restored in '$packages'; run 'dotnet restore PSRemotingDsc.sln' first."
}

Import-Module (Join-Path $pester.FullName 'tools/Pester.psd1') -Force
$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.Exit = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = $ResultPath
Invoke-Pester -Configuration $configuration
