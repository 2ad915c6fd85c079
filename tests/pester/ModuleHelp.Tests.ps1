# The help of the built module PSRemotingDsc, as Get-Help shows it: every exported cmdlet is documented from its MAML
# file (not the page PowerShell makes up from the syntax), every parameter it has is described and no other, each
# parameter set has its syntax, and the examples parse, call only commands that exist and, where read-only, run.
BeforeDiscovery {
    $source = Join-Path $PSScriptRoot '../../src/PSRemotingDsc.PowerShell/Module/PSRemotingDsc.psd1'
    $version = (Import-PowerShellDataFile -Path $source).ModuleVersion
    $script:manifest = Join-Path $PSScriptRoot "../../out/PSRemotingDsc/$version/PSRemotingDsc.psd1"
    if (-not (Test-Path $script:manifest)) {
        throw "The module is not built at '$script:manifest'; run 'dotnet build PSRemotingDsc.sln -c Release' first."
    }

    Import-Module $script:manifest -Force
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters
    $script:cmdlets = @(Get-Command -Module PSRemotingDsc -CommandType Cmdlet | Sort-Object Name | ForEach-Object {
            @{
                Name       = $_.Name
                Parameters = @($_.Parameters.Keys | Where-Object { $_ -notin $common } | Sort-Object | ForEach-Object { @{ Parameter = $_ } })
            }
        })
    # The examples that only read: they must not only parse but run without an error.
    $script:readOnly = @('Get-PSInstallation', 'Test-PSRemotingEndpoint' | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    $source = Join-Path $PSScriptRoot '../../src/PSRemotingDsc.PowerShell/Module/PSRemotingDsc.psd1'
    $version = (Import-PowerShellDataFile -Path $source).ModuleVersion
    Import-Module (Join-Path $PSScriptRoot "../../out/PSRemotingDsc/$version/PSRemotingDsc.psd1") -Force
    $script:common = [System.Management.Automation.PSCmdlet]::CommonParameters

    function Get-ExampleCode {
        param([string] $Name)
        @((Get-Help -Name $Name -Full).examples.example | Where-Object { $_ } | ForEach-Object { ([string]($_.code -join "`n")).Trim() })
    }
}

AfterAll {
    Remove-Module PSRemotingDsc -Force -ErrorAction SilentlyContinue
}

Describe 'Help for <Name>' -ForEach $cmdlets {
    BeforeAll {
        $help = Get-Help -Name $Name -Full
        $command = Get-Command -Name $Name
        $helpParameters = @($help.parameters.parameter | Where-Object { $_ })
    }

    It 'has a synopsis of its own, not the syntax PowerShell makes up without help' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^\s*$([regex]::Escape($Name))(\s|$)"
    }

    It 'has a description' {
        ($help.description.Text -join '').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'describes -<Parameter>' -ForEach $Parameters {
        $documented = $helpParameters | Where-Object name -EQ $Parameter
        $documented | Should -Not -BeNullOrEmpty -Because "$Name has the parameter -$Parameter"
        ($documented.description.Text -join '').Trim() | Should -Not -BeNullOrEmpty -Because "-$Parameter of $Name needs a description"
    }

    It 'lists no parameter the cmdlet lacks' {
        $actual = @($command.Parameters.Keys)
        @($helpParameters.name | Where-Object { $_ -notin $actual }) | Should -BeNullOrEmpty
        foreach ($item in $help.syntax.syntaxItem) {
            @($item.parameter.name | Where-Object { $_ -and $_ -notin $actual }) | Should -BeNullOrEmpty
        }
    }

    It 'states Required, Position and pipeline input of each parameter as the cmdlet declares them' {
        foreach ($parameter in $command.Parameters.Values | Where-Object { $_.Name -notin $common }) {
            $documented = $helpParameters | Where-Object name -EQ $parameter.Name
            $sets = @($parameter.ParameterSets.Values)
            $required = [bool]($sets | Where-Object IsMandatory)
            $position = @($sets | Where-Object Position -GE 0 | ForEach-Object Position | Select-Object -First 1)
            $byName = [bool]($sets | Where-Object ValueFromPipelineByPropertyName)
            $byValue = [bool]($sets | Where-Object ValueFromPipeline)
            $documented.required | Should -Be $required.ToString().ToLowerInvariant() -Because "-$($parameter.Name) is Mandatory=$required"
            $documented.position | Should -Be ($position.Count -gt 0 ? [string]$position[0] : 'named') -Because "of the Position of -$($parameter.Name)"
            $documented.pipelineInput -match 'ByPropertyName' | Should -Be $byName -Because "of ValueFromPipelineByPropertyName on -$($parameter.Name)"
            $documented.pipelineInput -match 'ByValue' | Should -Be $byValue -Because "of ValueFromPipeline on -$($parameter.Name)"
        }
    }

    It 'shows one syntax per parameter set, with that set''s parameters' {
        $items = @($help.syntax.syntaxItem)
        $items.Count | Should -Be $command.ParameterSets.Count
        $expected = @($command.ParameterSets | ForEach-Object { (@($_.Parameters.Name | Where-Object { $_ -notin $common } | Sort-Object) -join ',') } | Sort-Object)
        $shown = @($items | ForEach-Object { (@($_.parameter.name | Sort-Object) -join ',') } | Sort-Object)
        $shown | Should -Be $expected
    }

    It 'links to about_PSRemotingDsc' {
        $help.relatedLinks.navigationLink.linkText | Should -Contain 'about_PSRemotingDsc'
    }

    It 'has at least one example' {
        @(Get-ExampleCode -Name $Name).Count | Should -BeGreaterThan 0
    }

    It 'has examples that parse and call only commands that exist' {
        foreach ($code in Get-ExampleCode -Name $Name) {
            $code | Should -Not -BeNullOrEmpty -Because 'an example needs code'
            $tokens = $null
            $errors = $null
            $ast = [System.Management.Automation.Language.Parser]::ParseInput($code, [ref] $tokens, [ref] $errors)
            $errors | Should -BeNullOrEmpty -Because "the example`n$code`nmust parse"
            $names = $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true) | ForEach-Object { $_.GetCommandName() }
            foreach ($commandName in $names) {
                $commandName | Should -Not -BeNullOrEmpty -Because "the example`n$code`nmust name its commands"
                Get-Command -Name $commandName -ErrorAction SilentlyContinue | Should -Not -BeNullOrEmpty -Because "the example`n$code`ncalls $commandName"
            }
        }
    }
}

Describe 'The read-only examples of <Name>' -ForEach $readOnly {
    It 'run without an error' {
        # The examples write their sshd_config with New-TemporaryFile; keep those files in the test drive.
        $saved = @{ TMPDIR = $env:TMPDIR; TMP = $env:TMP; TEMP = $env:TEMP }
        $env:TMPDIR = $env:TMP = $env:TEMP = "$TestDrive"
        try {
            $examples = @(Get-ExampleCode -Name $Name)
            $examples.Count | Should -BeGreaterThan 0
            foreach ($code in $examples) {
                $output = & ([scriptblock]::Create($code)) 2>&1 4>$null
                $problems = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
                $problems | Should -BeNullOrEmpty -Because "the example`n$code`nmust run without an error"
            }
        }
        finally {
            $env:TMPDIR = $saved.TMPDIR
            $env:TMP = $saved.TMP
            $env:TEMP = $saved.TEMP
        }
    }
}

Describe 'about_PSRemotingDsc' {
    It 'is found by Get-Help and names every cmdlet, the transports, the resource and its reason codes' {
        $text = Get-Help -Name about_PSRemotingDsc | Out-String
        $text | Should -Match 'TOPIC\s+about_PSRemotingDsc'
        foreach ($name in (Get-Command -Module PSRemotingDsc -CommandType Cmdlet).Name) {
            $text | Should -Match ([regex]::Escape($name))
        }

        $text | Should -Match 'SSH'
        $text | Should -Match 'WSMan'
        $text | Should -Match 'PSRemotingEndpoint:PSRemotingEndpoint:<ReasonId>'
        $text | Should -Match 'Machine Configuration'
    }
}
