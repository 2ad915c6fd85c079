using System.IO.Compression;
using System.Management.Automation;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using PSRemotingDsc.PowerShell.DscResources;
using PSRemotingDsc.PowerShell.MachineConfiguration;
using PSRemotingDsc.PowerShell.Tests.MachineConfiguration;
using PSRemotingDsc.TestSupport;
using Xunit;

namespace PSRemotingDsc.PowerShell.Tests.Cmdlets;

/// <summary>New-PSRemotingMachineConfigurationPackage, hosted in process, writing real zips of the built module.</summary>
public sealed partial class NewPackageCmdletTests : IDisposable
{
    private const string ExampleEndpoint = "@{ InstanceName = 'PowerShell7'; Version = '7'; Transport = 'ssh'; Ensure = 'present' }";
    private readonly ModuleHost _host = new();
    private readonly TempDirectory _output = new();

    public void Dispose()
    {
        _host.Dispose();
        _output.Dispose();
    }

    [Fact]
    public void The_package_has_the_documented_layout_the_module_and_the_example_MOF()
    {
        var result = (MachineConfigurationPackageResult)_host.Invoke($"New-PSRemotingMachineConfigurationPackage -Name PSRemotingSsh -Endpoint {ExampleEndpoint} -Path $args[0]", _output.Path).Single().BaseObject;

        Assert.Equal(Path.Join(_output.Path, "PSRemotingSsh.zip"), result.Path);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(result.Path))), result.ContentHash);
        using ZipArchive zip = ZipFile.OpenRead(result.Path);
        string[] names = [.. zip.Entries.Select(entry => entry.FullName)];
        Assert.Contains("PSRemotingSsh.mof", names);
        Assert.Contains("PSRemotingSsh.metaconfig.json", names);
        string[] moduleFiles = [.. Directory.EnumerateFiles(ModuleHost.ModuleDirectory, "*", SearchOption.AllDirectories)
            .Select(file => "Modules/PSRemotingDsc/" + Path.GetRelativePath(ModuleHost.ModuleDirectory, file).Replace('\\', '/')).Order(StringComparer.Ordinal)];
        Assert.Equal(moduleFiles, names.Where(name => name.StartsWith("Modules/", StringComparison.Ordinal) && !name.EndsWith('/')).Order(StringComparer.Ordinal));
        Assert.Equal(["PSRemotingSsh.metaconfig.json", "PSRemotingSsh.mof"], names.Where(name => !name.StartsWith("Modules/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        using var reader = new StreamReader(zip.GetEntry("PSRemotingSsh.mof")!.Open());
        string mof = reader.ReadToEnd();
        Assert.Contains($"ModuleVersion = \"{ModuleHost.ModuleVersion}\";", mof, StringComparison.Ordinal);
        Assert.Equal(WithoutBuildMetadata(File.ReadAllText(MachineConfigurationExample.MofPath)), WithoutBuildMetadata(mof));
        using var metaconfig = new StreamReader(zip.GetEntry("PSRemotingSsh.metaconfig.json")!.Open());
        Assert.Contains("\"Type\": \"AuditAndSet\"", metaconfig.ReadToEnd(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@{ Version = '7'; Transport = 'SSH'; Colour = 'blue' }", "'Colour', which PSRemotingEndpoint does not have")]
    [InlineData("@{ Version = '7' }", "does not set Transport, a key property")]
    [InlineData("@{ Version = 'seven'; Transport = 'SSH' }", "'seven'")]
    [InlineData("@{ Version = '7'; Transport = 'SSH'; Ensure = 'Maybe' }", "Ensure is 'Maybe'; use one of: Present, Absent")]
    [InlineData("@{ Version = '7'; Transport = 'WSMan'; Quotas = @{ MaxShellsPerUser = 5 } }", "Quotas is a hashtable")]
    public void A_wrong_instance_stops_the_cmdlet_before_anything_is_written(string endpoint, string message)
    {
        ModuleRun run = _host.Run($"New-PSRemotingMachineConfigurationPackage -Name Bad -Endpoint {endpoint} -Path $args[0]", _output.Path);

        ErrorRecord error = Assert.Single(run.Errors);
        Assert.Equal("PackageInputInvalid,PSRemotingDsc.PowerShell.Commands.NewPSRemotingMachineConfigurationPackageCommand", error.FullyQualifiedErrorId);
        Assert.Contains(message, error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_output.Path));
    }

    [Fact]
    public void WhatIf_writes_nothing_and_an_existing_package_is_kept_without_Force()
    {
        Assert.Empty(_host.Invoke($"New-PSRemotingMachineConfigurationPackage -Name PSRemotingSsh -Endpoint {ExampleEndpoint} -Path $args[0] -WhatIf", _output.Path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_output.Path));

        _host.Invoke($"New-PSRemotingMachineConfigurationPackage -Name PSRemotingSsh -Endpoint {ExampleEndpoint} -Path $args[0]", _output.Path);
        byte[] first = File.ReadAllBytes(Path.Join(_output.Path, "PSRemotingSsh.zip"));
        ModuleRun again = _host.Run($"New-PSRemotingMachineConfigurationPackage -Name PSRemotingSsh -Endpoint {ExampleEndpoint} -Path $args[0] -Type Audit", _output.Path);
        Assert.Equal("PackageWriteFailed", Assert.Single(again.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(first, File.ReadAllBytes(Path.Join(_output.Path, "PSRemotingSsh.zip")));

        _host.Invoke($"New-PSRemotingMachineConfigurationPackage -Name PSRemotingSsh -Endpoint {ExampleEndpoint} -Path $args[0] -Type Audit -Force", _output.Path);
        using ZipArchive zip = ZipFile.OpenRead(Path.Join(_output.Path, "PSRemotingSsh.zip"));
        using var metaconfig = new StreamReader(zip.GetEntry("PSRemotingSsh.metaconfig.json")!.Open());
        Assert.Contains("\"Type\": \"Audit\"", metaconfig.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_packaged_properties_are_the_configurable_properties_of_the_class_in_its_order()
    {
        var declared = _host.Invoke("""
            $tokens = $errors = $null
            $ast = [System.Management.Automation.Language.Parser]::ParseFile($args[0], [ref]$tokens, [ref]$errors)
            $class = $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.TypeDefinitionAst] -and $node.Name -eq 'PSRemotingEndpoint' }, $true)
            foreach ($member in $class.Members) {
                $dsc = $member.Attributes | Where-Object { $_.TypeName.Name -eq 'DscProperty' }
                if ($dsc -and -not ($dsc.NamedArguments.ArgumentName -contains 'NotConfigurable')) {
                    $set = $member.Attributes | Where-Object { $_.TypeName.Name -eq 'ValidateSet' }
                    '{0}={1}' -f $member.Name, ($set.PositionalArguments.Value -join ',')
                }
            }
            """, Path.Join(ModuleHost.ModuleDirectory, "PSRemotingDsc.psm1")).Select(line => line.ToString());

        Assert.Equal(PSRemotingEndpointClass.Configurable.Select(property => $"{property.Name}={string.Join(',', property.Values ?? [])}"), declared);
    }

    private static string WithoutBuildMetadata(string mof) => BuildMetadata().Replace(mof, "$1<build>");

    [GeneratedRegex(@"(@GeneratedBy=|@GenerationDate=|@GenerationHost=|Author=|GenerationDate=|GenerationHost=)[^\r\n]*")]
    private static partial Regex BuildMetadata();
}
