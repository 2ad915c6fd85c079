# Uses the PSRemotingDsc module as a person would: imported from the build's out/ folder into the pinned pwsh, its
# cmdlets and its class-based DSC resource run against real temp sshd_config files (validated by the real sshd -t),
# and an endpoint it creates opened with a real New-PSSession through a real sshd on 127.0.0.1.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSshd.ps1')

    $repository = Join-Path $PSScriptRoot '../..'
    $props = [xml](Get-Content -Raw (Join-Path $repository 'Directory.Build.props'))
    $script:moduleVersion = @($props.Project.PropertyGroup.Version | Where-Object { $_ })[0]
    $script:moduleDirectory = [System.IO.Path]::GetFullPath((Join-Path $repository "out/PSRemotingDsc/$script:moduleVersion"))
    $script:manifestPath = Join-Path $script:moduleDirectory 'PSRemotingDsc.psd1'
    if (-not (Test-Path -LiteralPath $script:manifestPath)) {
        throw "The module is not laid out at '$script:manifestPath'; build PSRemotingDsc.sln first."
    }
    $script:manifest = Import-PowerShellDataFile -LiteralPath $script:manifestPath
    $script:module = Import-Module -Name $script:manifestPath -Force -PassThru -ErrorAction Stop

    # A PowerShell installation of a version no real machine has, discovered through the extra-roots variable the
    # engine reads, so that the cmdlet and class tests below do not depend on what is installed here.
    $script:fixtureVersion = '7.3.99'
    $script:savedRoots = $env:PSREMOTINGDSC_PSHOME_ROOTS
    $installations = Join-Path $TestDrive 'installations'
    $script:fixtureHome = New-FixtureInstallation -Root $installations -Version $script:fixtureVersion
    $env:PSREMOTINGDSC_PSHOME_ROOTS = $installations

    # sshd_config validation (sshd -t) needs the privilege separation directory even when no sshd ever ran here.
    if (-not (Get-TestSshdSkipReason)) {
        New-Item -ItemType Directory -Path '/run/sshd' -Force | Out-Null
    }

    function Get-FileSnapshot {
        param([string] $Path)
        $item = Get-Item -LiteralPath $Path
        [pscustomobject]@{
            Hash          = (Get-FileHash -LiteralPath $Path -Algorithm SHA256).Hash
            LastWriteTime = $item.LastWriteTimeUtc
            Text          = [System.IO.File]::ReadAllText($Path)
        }
    }
}

AfterAll {
    $env:PSREMOTINGDSC_PSHOME_ROOTS = $script:savedRoots
    Remove-Module PSRemotingDsc -Force -ErrorAction SilentlyContinue
}

Describe 'Import-Module PSRemotingDsc from out/' {
    It 'loads the manifest of the version Directory.Build.props names from the build output' {
        @(Get-Module PSRemotingDsc).Count | Should -Be 1
        $script:module.Version | Should -Be ([version]$script:moduleVersion)
        $script:module.ModuleBase | Should -Be $script:moduleDirectory
        $script:manifest.ModuleVersion | Should -Be $script:moduleVersion
        (Get-Command Set-PSRemotingEndpoint).Module.ModuleBase | Should -Be $script:moduleDirectory
    }

    It 'exports exactly the cmdlets of CmdletsToExport' {
        $exported = @($script:module.ExportedCmdlets.Keys | Sort-Object)
        $declared = @($script:manifest.CmdletsToExport | Sort-Object)
        $declared.Count | Should -BeGreaterThan 0
        $exported | Should -Be $declared
        @(Get-Command -Module PSRemotingDsc | Sort-Object Name | ForEach-Object Name) | Should -Be $declared
    }

    It 'exports no functions, aliases or variables, as the manifest declares' {
        @($script:manifest.FunctionsToExport).Count | Should -Be 0
        @($script:manifest.AliasesToExport).Count | Should -Be 0
        @($script:manifest.VariablesToExport).Count | Should -Be 0
        $script:module.ExportedFunctions.Count | Should -Be 0
        $script:module.ExportedAliases.Count | Should -Be 0
        $script:module.ExportedVariables.Count | Should -Be 0
    }

    It 'declares the DSC resources of DscResourcesToExport, each a [DscResource()] class in the module' {
        $declared = @($script:manifest.DscResourcesToExport | Sort-Object)
        $declared | Should -Be @('PSRemotingEndpoint')
        @($script:module.ExportedDscResources | Sort-Object) | Should -Be $declared
        foreach ($name in $declared) {
            $type = & $script:module { param($n) ($n -as [type]) } $name
            $type | Should -Not -BeNullOrEmpty -Because "the class $name must be defined in the module's scope"
            $type.GetCustomAttributes([System.Management.Automation.DscResourceAttribute], $false).Count | Should -Be 1
        }
    }

    It 'PSRemotingEndpoint has the keys Version and Transport and a NotConfigurable Reasons of Code and Phrase' {
        $instance = & $script:module { [PSRemotingEndpoint]::new() }
        $instance.GetType().Name | Should -Be 'PSRemotingEndpoint'
        $instance.Ensure | Should -Be 'Present'

        $properties = $instance.GetType().GetProperties()
        $dscProperty = { param($p) $p.GetCustomAttributes([System.Management.Automation.DscPropertyAttribute], $false) | Select-Object -First 1 }
        $keys = @($properties | Where-Object { (& $dscProperty $_).Key } | ForEach-Object Name | Sort-Object)
        $keys | Should -Be @('Transport', 'Version')
        $reasons = $properties | Where-Object Name -EQ 'Reasons'
        (& $dscProperty $reasons).NotConfigurable | Should -BeTrue
        $reasons.PropertyType.IsArray | Should -BeTrue
        @($reasons.PropertyType.GetElementType().GetProperties().Name | Sort-Object) | Should -Be @('Code', 'Phrase')
        { $instance.Transport = 'Telnet' } | Should -Throw
    }
}

Describe 'The cmdlets against a real sshd_config' {
    BeforeAll {
        $script:config = (New-TestSshdConfig -Directory (Join-Path $TestDrive 'cmdlets')).ConfigPath
        $script:original = Get-FileSnapshot $script:config
        $script:endpoint = @{
            Version        = $script:fixtureVersion
            Transport      = 'SSH'
            Name           = 'pester-module'
            SshdConfigPath = $script:config
        }
        $script:line = "Subsystem pester-module $(Join-Path $script:fixtureHome 'pwsh') -sshs -NoLogo -NoProfile"
    }

    It 'Get-PSInstallation finds the fixture installation under PSREMOTINGDSC_PSHOME_ROOTS' {
        $found = @(Get-PSInstallation -Version $script:fixtureVersion)
        $found.Count | Should -Be 1
        $found[0].PSHome | Should -Be $script:fixtureHome
        $found[0].Version.ToString() | Should -Be $script:fixtureVersion
    }

    It 'Test-PSRemotingEndpoint is false before the endpoint exists, and -Detailed says why' {
        Test-PSRemotingEndpoint @script:endpoint | Should -BeExactly $false
        $state = Test-PSRemotingEndpoint @script:endpoint -Detailed
        $state.InDesiredState | Should -BeFalse
        $state.Reasons.Code | Should -Contain 'PSRemotingEndpoint:PSRemotingEndpoint:Missing'
        (Get-FileSnapshot $script:config).Hash | Should -Be $script:original.Hash
    }

    It 'Set-PSRemotingEndpoint -WhatIf changes no byte and does not touch the file' {
        $before = Get-FileSnapshot $script:config
        $files = @(Get-ChildItem -LiteralPath (Split-Path $script:config) -Force | ForEach-Object Name)
        Start-Sleep -Milliseconds 20
        Set-PSRemotingEndpoint @script:endpoint -WhatIf
        $after = Get-FileSnapshot $script:config
        $after.Hash | Should -Be $before.Hash
        $after.LastWriteTime | Should -Be $before.LastWriteTime
        @(Get-ChildItem -LiteralPath (Split-Path $script:config) -Force | ForEach-Object Name) | Should -Be $files
        Test-PSRemotingEndpoint @script:endpoint | Should -BeFalse
    }

    It 'Set-PSRemotingEndpoint adds the Subsystem line, keeps every other byte, and Test is then true' {
        $state = Set-PSRemotingEndpoint @script:endpoint -PassThru -ErrorAction Stop
        $state.Exist | Should -BeTrue
        $state.PSHome | Should -Be $script:fixtureHome
        $text = [System.IO.File]::ReadAllText($script:config)
        $text | Should -BeExactly ($script:original.Text + $script:line + "`n")
        Test-PSRemotingEndpoint @script:endpoint | Should -BeExactly $true
    }

    It 'a second Set-PSRemotingEndpoint leaves the file byte-identical with its modification time' {
        $before = Get-FileSnapshot $script:config
        Start-Sleep -Milliseconds 50
        $state = Set-PSRemotingEndpoint @script:endpoint -PassThru -ErrorAction Stop
        $state.Exist | Should -BeTrue
        $after = Get-FileSnapshot $script:config
        $after.Hash | Should -Be $before.Hash
        $after.LastWriteTime | Should -Be $before.LastWriteTime
    }

    It 'Get-PSRemotingEndpoint lists the endpoint as in the desired state' {
        $listed = @(Get-PSRemotingEndpoint -SshdConfigPath $script:config -Transport Ssh -Name 'pester-*')
        $listed.Count | Should -Be 1
        $listed[0].Name | Should -Be 'pester-module'
        $listed[0].Exist | Should -BeTrue
        $listed[0].InDesiredState | Should -BeTrue
        $listed[0].PSHome | Should -Be $script:fixtureHome
        $listed[0].Version | Should -Be $script:fixtureVersion
    }

    It 'Test-PSRemotingEndpoint takes the output of Get-PSRemotingEndpoint from the pipeline' {
        $listed = Get-PSRemotingEndpoint -SshdConfigPath $script:config -Name 'pester-module'
        $listed | Should -Not -BeNullOrEmpty
        $result = $listed | Test-PSRemotingEndpoint -ErrorAction SilentlyContinue -ErrorVariable failures
        @($failures | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" }) | Should -BeNullOrEmpty
        $result | Should -BeExactly $true
    }

    It 'refuses <problem> with the engine error <id>, and changes nothing' -ForEach @(
        @{ problem = "the version 'seven'"; id = 'VersionSpecInvalid'; change = @{ Version = 'seven' } }
        @{ problem = 'an argument with shell syntax'; id = 'UnsafeValue'; change = @{ Arguments = @('; rm -rf /') } }
        @{ problem = 'a version that is not installed'; id = 'PowerShellVersionNotInstalled'; change = @{ Version = '6.0.99' } }
    ) {
        $before = Get-FileSnapshot $script:config
        $parameters = $script:endpoint.Clone()
        foreach ($key in $change.Keys) { $parameters[$key] = $change[$key] }

        $output = Set-PSRemotingEndpoint @parameters -ErrorAction SilentlyContinue -ErrorVariable failures
        $output | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0] | Should -BeOfType [System.Management.Automation.ErrorRecord]
        $failures[0].FullyQualifiedErrorId | Should -BeLike "$id,*"
        $failures[0].Exception.Message | Should -Not -BeNullOrEmpty

        { Set-PSRemotingEndpoint @parameters -ErrorAction Stop } | Should -Throw -ErrorId "$id,*"

        $after = Get-FileSnapshot $script:config
        $after.Hash | Should -Be $before.Hash
        $after.LastWriteTime | Should -Be $before.LastWriteTime
    }

    It 'Remove-PSRemotingEndpoint, fed by Get-PSRemotingEndpoint, takes exactly the line away and Test is false again' {
        Get-PSRemotingEndpoint -SshdConfigPath $script:config -Name 'pester-module' | Remove-PSRemotingEndpoint -ErrorAction Stop
        [System.IO.File]::ReadAllText($script:config) | Should -BeExactly $script:original.Text
        Test-PSRemotingEndpoint @script:endpoint | Should -BeExactly $false
    }
}

Describe 'The class resource PSRemotingEndpoint, driven as Invoke-DscResource drives it' {
    BeforeAll {
        $script:classConfig = (New-TestSshdConfig -Directory (Join-Path $TestDrive 'class')).ConfigPath
        $script:classOriginal = [System.IO.File]::ReadAllText($script:classConfig)
        $script:desired = @{
            Version        = $script:fixtureVersion
            Transport      = 'SSH'
            Name           = 'pester-class'
            SshdConfigPath = $script:classConfig
        }

        # What PSDesiredStateConfiguration 2.0's Invoke-DscResource does for a class-based resource: a new runspace
        # that imports the module with 'using module' and creates the class, each property assigned from the
        # -Property hashtable, then the method called. Every call starts from a new instance, as there.
        function Invoke-ClassResource {
            param(
                [ValidateSet('Get', 'Test', 'Set')] [string] $Method,
                [hashtable] $Property
            )
            $powershell = [PowerShell]::Create([System.Management.Automation.Runspaces.InitialSessionState]::CreateDefault2())
            try {
                $null = $powershell.AddScript("using module `"$script:manifestPath`"`n[PSRemotingEndpoint]::new()")
                $instance = $powershell.Invoke() | Select-Object -First 1
                if ($powershell.HadErrors -or -not $instance) {
                    throw "Could not create [PSRemotingEndpoint]: $($powershell.Streams.Error -join '; ')"
                }
                foreach ($key in $Property.Keys) {
                    $instance.$key = $Property[$key]
                }
                $instance.$Method()
            }
            finally {
                $powershell.Dispose()
            }
        }
    }

    It 'Test() is false before the endpoint exists' {
        Invoke-ClassResource Test $script:desired | Should -BeExactly $false
        [System.IO.File]::ReadAllText($script:classConfig) | Should -BeExactly $script:classOriginal
    }

    It 'Get() before the endpoint exists gives Ensure Absent and Reasons with a Code and a Phrase' {
        $current = Invoke-ClassResource Get $script:desired
        $current.GetType().Name | Should -Be 'PSRemotingEndpoint'
        $current.Ensure | Should -Be 'Absent'
        $current.Name | Should -Be 'pester-class'
        $current.ResolvedVersion | Should -Be $script:fixtureVersion
        $current.Reasons.Count | Should -BeGreaterThan 0
        $current.Reasons[0].GetType().Name | Should -Be 'PSRemotingEndpointReason'
        $current.Reasons[0].Code | Should -Be 'PSRemotingEndpoint:PSRemotingEndpoint:Missing'
        $current.Reasons[0].Phrase | Should -Match 'pester-class'
        [System.IO.File]::ReadAllText($script:classConfig) | Should -BeExactly $script:classOriginal
    }

    It 'Set() converges the file and Test() is then true' {
        Invoke-ClassResource Set $script:desired
        [System.IO.File]::ReadAllText($script:classConfig) |
            Should -BeExactly ($script:classOriginal + "Subsystem pester-class $(Join-Path $script:fixtureHome 'pwsh') -sshs -NoLogo -NoProfile`n")
        Invoke-ClassResource Test $script:desired | Should -BeExactly $true
    }

    It 'Get() after Set() has no Reasons and Ensure Present' {
        $current = Invoke-ClassResource Get $script:desired
        $current.Ensure | Should -Be 'Present'
        $current.PSHome | Should -Be $script:fixtureHome
        $current.ResolvedPSHome | Should -Be $script:fixtureHome
        $current.SshdConfigPath | Should -Be $script:classConfig
        @($current.Reasons).Count | Should -Be 0
    }

    It 'Set() of a bad value throws the engine error and changes nothing' {
        $before = [System.IO.File]::ReadAllText($script:classConfig)
        $bad = $script:desired.Clone()
        $bad.Arguments = @('; rm -rf /')
        $thrown = $null
        try { Invoke-ClassResource Set $bad } catch { $thrown = $_ }
        $thrown | Should -Not -BeNullOrEmpty
        $engineError = $thrown.Exception
        while ($engineError -and $engineError.GetType().Name -ne 'PSRemotingDscException') { $engineError = $engineError.InnerException }
        $engineError | Should -Not -BeNullOrEmpty -Because 'the engine refusal must reach the caller'
        $engineError.ErrorId | Should -Be 'UnsafeValue'
        [System.IO.File]::ReadAllText($script:classConfig) | Should -BeExactly $before
    }

    It 'Ensure Absent: Test() is false while present, Set() removes exactly the line, then Test() is true' {
        $absent = $script:desired.Clone()
        $absent.Ensure = 'Absent'
        Invoke-ClassResource Test $absent | Should -BeExactly $false
        Invoke-ClassResource Set $absent
        [System.IO.File]::ReadAllText($script:classConfig) | Should -BeExactly $script:classOriginal
        Invoke-ClassResource Test $absent | Should -BeExactly $true
        Invoke-ClassResource Test $script:desired | Should -BeExactly $false
    }
}

Describe 'End to end: an endpoint made by Set-PSRemotingEndpoint, through a real sshd and New-PSSession' {
    BeforeAll {
        $script:skipReason = Get-TestSshdSkipReason
        if ($script:skipReason) { return }

        $directory = Join-Path $TestDrive 'e2e'
        New-Item -ItemType Directory -Path $directory | Out-Null
        $script:clientKey = New-TestSshKey (Join-Path $directory 'id_ed25519')
        $authorizedKeys = Join-Path $directory 'authorized_keys'
        Copy-Item -LiteralPath "$script:clientKey.pub" -Destination $authorizedKeys
        $script:server = New-TestSshdConfig -Directory (Join-Path $directory 'sshd') -ExtraLines "AuthorizedKeysFile $authorizedKeys"
        $script:sshd = Start-TestSshd $script:server
        $script:pinned = @{
            Version        = $PSVersionTable.PSVersion.ToString()
            Transport      = 'SSH'
            Name           = 'pester-module-e2e'
            PSHome         = $PSHOME
            SshdConfigPath = $script:server.ConfigPath
        }

        function Open-TestSession {
            New-PSSession -HostName 127.0.0.1 -Port $script:server.Port -UserName root -KeyFilePath $script:clientKey `
                -Subsystem $script:pinned.Name -SSHTransport -ErrorAction Stop `
                -Options @{ StrictHostKeyChecking = 'no'; UserKnownHostsFile = '/dev/null'; LogLevel = 'ERROR'; BatchMode = 'yes' }
        }
    }

    AfterAll {
        if ($script:sshd) { Stop-TestSshd $script:sshd }
    }

    It 'binds the endpoint to the running pwsh, reloads sshd, and a remote session runs that PowerShell' {
        if ($script:skipReason) {
            Set-ItResult -Skipped -Because $script:skipReason
            return
        }

        $state = Set-PSRemotingEndpoint @script:pinned -PassThru -ErrorAction Stop -WarningVariable warnings -WarningAction SilentlyContinue
        $state.Exist | Should -BeTrue
        $state.PSHome | Should -Be $PSHOME
        $state.ReloadOutcome | Should -Match 'reloaded'
        ($warnings -join "`n") | Should -Match 'NuGet package cache' -Because 'the pinned pwsh is a dotnet local tool, which set warns about'
        Test-PSRemotingEndpoint @script:pinned | Should -BeExactly $true

        $session = Open-TestSession
        try {
            $remote = Invoke-Command -Session $session -ScriptBlock { [pscustomobject]@{ Version = $PSVersionTable.PSVersion.ToString(); Home = $PSHOME } }
        }
        finally {
            Remove-PSSession $session
        }
        $remote.Version | Should -Be $PSVersionTable.PSVersion.ToString()
        $remote.Home | Should -Be $PSHOME
        $script:sshd.HasExited | Should -BeFalse -Because 'sshd must survive the reload'
    }

    It 'Remove-PSRemotingEndpoint reloads sshd so that the subsystem no longer answers' {
        if ($script:skipReason) {
            Set-ItResult -Skipped -Because $script:skipReason
            return
        }

        $state = Remove-PSRemotingEndpoint -Version $script:pinned.Version -Transport SSH -Name $script:pinned.Name -SshdConfigPath $script:server.ConfigPath -PassThru -ErrorAction Stop
        $state.Exist | Should -BeFalse
        $state.ReloadOutcome | Should -Match 'reloaded'
        Test-PSRemotingEndpoint @script:pinned | Should -BeExactly $false
        { Open-TestSession } | Should -Throw
        $script:sshd.HasExited | Should -BeFalse
    }
}

Describe 'The Machine Configuration package script (examples/machine-configuration/New-Package.ps1)' {
    BeforeAll {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $script:packageFolder = Join-Path $TestDrive 'machine-configuration'
        $script:package = & (Join-Path $PSScriptRoot '../../examples/machine-configuration/New-Package.ps1') -OutputPath $script:packageFolder -Type Audit
        $script:zip = [System.IO.Compression.ZipFile]::OpenRead($script:package.Path)
        $script:entries = @($script:zip.Entries.FullName)
        function Read-Entry([string] $Name) {
            $reader = [System.IO.StreamReader]::new($script:zip.GetEntry($Name).Open())
            try { $reader.ReadToEnd() } finally { $reader.Dispose() }
        }
    }

    AfterAll {
        $script:zip.Dispose()
    }

    It 'writes <Name>.zip with the MOF and the metaconfig at the root and the module under Modules/PSRemotingDsc' {
        $script:package.Path | Should -Be (Join-Path $script:packageFolder 'PSRemotingSsh.zip')
        @($script:entries | Where-Object { $_ -notlike 'Modules/*' } | Sort-Object) | Should -Be @('PSRemotingSsh.metaconfig.json', 'PSRemotingSsh.mof')
        $moduleFiles = Get-ChildItem -LiteralPath $script:moduleDirectory -File -Recurse |
            ForEach-Object { 'Modules/PSRemotingDsc/' + [System.IO.Path]::GetRelativePath($script:moduleDirectory, $_.FullName).Replace('\', '/') } | Sort-Object
        @($script:entries | Where-Object { $_ -like 'Modules/*' -and $_ -notlike '*/' } | Sort-Object) | Should -Be @($moduleFiles)
        $script:package.ContentHash | Should -Be (Get-FileHash -LiteralPath $script:package.Path -Algorithm SHA256).Hash
    }

    It 'has a MOF of the configuration PSRemotingSsh that names the module version, and the Audit metaconfig' {
        $mof = Read-Entry 'PSRemotingSsh.mof'
        $mof | Should -Match 'instance of PSRemotingEndpoint as \$PSRemotingEndpoint1ref'
        $mof | Should -Match ([regex]::Escape("ModuleVersion = `"$script:moduleVersion`";"))
        $mof | Should -Match 'ConfigurationName = "PSRemotingSsh";'
        $mof | Should -Match 'instance of OMI_ConfigurationDocument'
        (Read-Entry 'PSRemotingSsh.metaconfig.json' | ConvertFrom-Json).Type | Should -Be 'Audit'
    }
}
