# Drives the built psremotingdsc as a person would, from the pinned pwsh, against a real temp sshd_config.
BeforeAll {
    $script:cli = if ($env:PSREMOTINGDSC_CLI) { $env:PSREMOTINGDSC_CLI } else {
        Join-Path $PSScriptRoot '../../src/PSRemotingDsc.Cli/bin/Release/net10.0/psremotingdsc'
    }
    $script:version = $PSVersionTable.PSVersion.ToString()
    $script:pwsh = Join-Path $PSHOME 'pwsh'

    function Invoke-Cli {
        param([string[]] $Arguments)
        $stderrFile = New-TemporaryFile
        $stdout = & $script:cli @Arguments 2> $stderrFile
        [pscustomobject]@{
            ExitCode = $LASTEXITCODE
            Stdout   = @($stdout)
            Stderr   = @(Get-Content $stderrFile)
        }
        Remove-Item $stderrFile
    }

    function New-Input {
        param([hashtable] $Properties)
        $Properties.transport = 'ssh'
        $Properties.sshdConfigPath = $script:config
        $Properties | ConvertTo-Json -Compress
    }
}

Describe 'psremotingdsc' {
    BeforeEach {
        $script:config = Join-Path $TestDrive 'sshd_config'
        Set-Content -Path $script:config -Value "# mine`nSubsystem sftp /usr/lib/openssh/sftp-server`n`nMatch User backup`n    ForceCommand internal-sftp" -NoNewline
        $script:original = Get-Content -Raw $script:config
    }

    It 'serves a JSON Schema that forbids unknown properties' {
        $run = Invoke-Cli 'schema'
        $run.ExitCode | Should -Be 0
        $schema = $run.Stdout -join '' | ConvertFrom-Json
        $schema.additionalProperties | Should -BeFalse
        $schema.properties.version.type | Should -Be 'string'
    }

    It 'tests, sets, re-tests and deletes the endpoint of the running PowerShell' {
        $endpoint = New-Input @{ version = $script:version; name = 'pester-ps' }

        $before = Invoke-Cli 'test', '--input', $endpoint
        $before.ExitCode | Should -Be 0
        ($before.Stdout[0] | ConvertFrom-Json)._inDesiredState | Should -BeFalse

        $set = Invoke-Cli 'set', '--input', $endpoint
        $set.ExitCode | Should -Be 0
        Get-Content -Raw $script:config | Should -Match ([regex]::Escape("Subsystem pester-ps $script:pwsh -sshs -NoLogo -NoProfile"))

        $after = Invoke-Cli 'test', '--input', $endpoint
        ($after.Stdout[0] | ConvertFrom-Json)._inDesiredState | Should -BeTrue
        $after.Stdout[1] | Should -Be '[]'

        (Invoke-Cli 'delete', '--input', $endpoint).ExitCode | Should -Be 0
        Get-Content -Raw $script:config | Should -BeExactly $script:original
    }

    It 'accepts the instance on stdin as well' {
        $output = New-Input @{ version = $script:version } | & $script:cli get
        $LASTEXITCODE | Should -Be 0
        ($output | ConvertFrom-Json)._exist | Should -BeFalse
    }

    It 'reports drift in a table a person can read, without changing anything, and exits 20' {
        $run = Invoke-Cli 'report', '--sshd-config', $script:config
        $run.ExitCode | Should -Be 20
        $text = $run.Stdout -join "`n"
        $text | Should -Match 'PowerShell installations'
        $text | Should -Match ([regex]::Escape($script:version))
        $text | Should -Match 'Transport\s+Endpoint\s+State\s+Compliance\s+Version\s+Resolves to'
        $text | Should -Match 'ssh\s+powershell-7\s+missing\s+NonCompliant'
        $text | Should -Match 'ssh\s+sftp\s+foreign\s+Compliant'
        Get-Content -Raw $script:config | Should -BeExactly $script:original
    }

    It 'reports the same drift as JSON for programs' {
        $run = Invoke-Cli 'report', '--sshd-config', $script:config, '--format', 'json'
        $report = $run.Stdout -join "`n" | ConvertFrom-Json
        $run.ExitCode | Should -Be 20
        $report.schemaVersion | Should -Be '1.0'
        $report.complianceStatus | Should -Be 'NonCompliant'
        $report.sshdConfigPath | Should -Be $script:config
        $report.endpoints.Count | Should -BeGreaterThan 0
        $report.endpoints[0].state | Should -Be 'missing'
        $report.endpoints[0].reasons[0].code | Should -Be 'PSRemotingEndpoint:PSRemotingEndpoint:Missing'
    }

    It 'reports WSMan endpoints of a Windows machine image beside the SSH ones' {
        $image = Join-Path $TestDrive 'image'
        New-Item -ItemType Directory -Path $image | Out-Null
        $env:PSREMOTINGDSC_WSMAN_IMAGE = $image
        try {
            $run = Invoke-Cli 'report', '--sshd-config', $script:config
        }
        finally {
            Remove-Item Env:PSREMOTINGDSC_WSMAN_IMAGE
        }

        $run.ExitCode | Should -Be 20
        $text = $run.Stdout -join "`n"
        $text | Should -Match 'wsman\s+PowerShell\.7\s+missing\s+NonCompliant\s+7\s+.*WinRM plugin ''PowerShell\.7'' is not registered'
        @(Get-ChildItem -Recurse $image).Count | Should -Be 0
    }

    It 'rejects <problem> with exit code <code> and leaves the file alone' -ForEach @(
        @{ problem = 'malformed JSON'; json = '{'; code = 2 }
        @{ problem = 'an unknown property'; json = '{"version":"7","colour":"red"}'; code = 3 }
        @{ problem = 'a name with a newline'; json = '{"version":"7","name":"a\nb"}'; code = 5 }
    ) {
        $run = Invoke-Cli 'set', '--input', $json
        $run.ExitCode | Should -Be $code
        ($run.Stderr[-1] | ConvertFrom-Json).error | Should -Not -BeNullOrEmpty
        Get-Content -Raw $script:config | Should -BeExactly $script:original
    }
}

Describe 'dsc configuration documents' {
    BeforeAll {
        $env:DSC_RESOURCE_PATH = Split-Path $script:cli
        $script:dsc = Get-Command dsc -CommandType Application -ErrorAction SilentlyContinue
    }

    It 'dsc config test and set converge examples/ssh-endpoint.dsc.yaml' {
        if (-not $script:dsc) {
            Set-ItResult -Skipped -Because "Microsoft's dsc is not on PATH (it cannot be installed from this project's package sources); install dsc 3.2 to run it"
            return
        }

        $config = Join-Path $TestDrive 'sshd_config'
        Set-Content $config "Subsystem sftp /usr/lib/openssh/sftp-server`n"
        $parameters = @{ parameters = @{ sshdConfigPath = $config } } | ConvertTo-Json -Compress
        $document = Join-Path $PSScriptRoot '../../examples/ssh-endpoint.dsc.yaml'

        $test = dsc config -p $parameters test -f $document | ConvertFrom-Json
        $test.results[0].result.inDesiredState | Should -BeFalse
        dsc config -p $parameters set -f $document | Out-Null
        $LASTEXITCODE | Should -Be 0
        $again = dsc config -p $parameters test -f $document | ConvertFrom-Json
        $again.results[0].result.inDesiredState | Should -BeTrue
    }
}
