using System.Management.Automation;
using Xunit;

namespace PSRemotingDsc.PowerShell.Tests.Manifest;

public sealed class ModuleManifestTests : IDisposable
{
    private readonly ModuleHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void The_module_exports_exactly_the_cmdlets_and_the_DSC_resource_its_manifest_lists()
    {
        var manifest = (System.Collections.Hashtable)_host.Invoke("Import-PowerShellDataFile -Path $args[0]", ModuleHost.ManifestPath)[0].BaseObject;
        string[] declared = [.. ((object[])manifest["CmdletsToExport"]!).Cast<string>().Order(StringComparer.Ordinal)];
        string[] exported = [.. _host.Invoke("(Get-Module PSRemotingDsc).ExportedCmdlets.Keys").Select(name => name.ToString()).Order(StringComparer.Ordinal)];

        Assert.Equal(["Get-PSInstallation", "Get-PSRemotingEndpoint", "New-PSRemotingMachineConfigurationPackage", "Remove-PSRemotingEndpoint", "Set-PSRemotingEndpoint", "Test-PSRemotingEndpoint"], exported);
        Assert.Equal(declared, exported);
        Assert.Equal(["PSRemotingEndpoint"], ((object[])manifest["DscResourcesToExport"]!).Cast<string>());
        Assert.Equal(ModuleHost.ModuleVersion, manifest["ModuleVersion"]);
    }

    [Fact]
    public void The_module_folder_holds_the_engine_but_never_a_copy_of_PowerShell()
    {
        string[] files = [.. Directory.EnumerateFiles(ModuleHost.ModuleDirectory, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

        Assert.Contains("PSRemotingDsc.Engine.dll", files);
        Assert.Contains("PSRemotingDsc.PowerShell.dll", files);
        Assert.DoesNotContain("System.Management.Automation.dll", files);
    }

    [Fact]
    public void The_class_resource_is_declared_in_the_module_as_DSC_finds_it()
    {
        // PSDesiredStateConfiguration and Machine Configuration find class resources by parsing the .psm1 for
        // classes with [DscResource()]; a C# class would not be found.
        var classes = _host.Invoke("""
            $tokens = $errors = $null
            $ast = [System.Management.Automation.Language.Parser]::ParseFile($args[0], [ref]$tokens, [ref]$errors)
            if ($errors) { throw "$($args[0]) does not parse: $errors" }
            $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.TypeDefinitionAst] -and
                ($node.Attributes.TypeName.Name -contains 'DscResource') }, $true).Name
            """, Path.Join(ModuleHost.ModuleDirectory, "PSRemotingDsc.psm1"));

        Assert.Equal(["PSRemotingEndpoint"], classes.Select(name => name.ToString()));
    }
}
