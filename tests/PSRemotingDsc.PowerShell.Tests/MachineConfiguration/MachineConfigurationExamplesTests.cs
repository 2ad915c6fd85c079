using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PSRemotingDsc.PowerShell.MachineConfiguration;
using Xunit;

namespace PSRemotingDsc.PowerShell.Tests.MachineConfiguration;

/// <summary>
/// examples/machine-configuration/ hangs together: the script declares what the MOF holds, and the policy definitions
/// have the shape New-GuestConfigurationPolicy writes for that package.
/// </summary>
public sealed class MachineConfigurationExamplesTests
{
    private const string Name = MachineConfigurationExample.Name;

    private static readonly string AssignmentName = $"[concat('{Name}$pid', uniqueString(policy().assignmentId, policy().definitionReferenceId))]";

    [Fact]
    public void Script_DeclaresTheConfigurationAndTheBlockTheMofHolds()
    {
        string script = File.ReadAllText(Path.Join(MachineConfigurationExample.Directory, "PSRemotingEndpoint.ps1"));
        MofResource resource = Assert.Single(MachineConfigurationExample.Resources);

        Assert.Matches($@"(?m)^Configuration {Name}\s*$", script);
        Assert.Matches($@"(?m)^\s+Import-DscResource -ModuleName {MachineConfigurationExample.ModuleName} -ModuleVersion {Regex.Escape(MachineConfigurationExample.ModuleVersion)}\s*$", script);
        Match block = Regex.Match(script, @"(?ms)^\s+PSRemotingEndpoint (?<name>\w+)\s*\{(?<body>.*?)\}");
        Assert.True(block.Success, "No PSRemotingEndpoint block in the script.");
        Assert.Equal($"[PSRemotingEndpoint]{block.Groups["name"].Value}", resource.ResourceId);
        Dictionary<string, string> declared = Regex.Matches(block.Groups["body"].Value, @"(?m)^\s*(?<key>\w+)\s*=\s*'(?<value>[^']*)'\s*$")
            .ToDictionary(match => match.Groups["key"].Value, match => match.Groups["value"].Value);
        Dictionary<string, string> written = resource.Properties
            .Where(property => property.Name is not ("ResourceID" or "ModuleName" or "ModuleVersion"))
            .ToDictionary(property => property.Name, property => property.Value.Text);
        Assert.Equal(declared.OrderBy(pair => pair.Key, StringComparer.Ordinal), written.OrderBy(pair => pair.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void AuditPolicy_IsAnAuditIfNotExistsDefinition_ForThePackage()
    {
        JsonObject policy = Load("policy-audit.json");
        JsonObject guestConfiguration = GuestConfigurationMetadata(policy);
        JsonObject then = policy["properties"]!["policyRule"]!["then"]!.AsObject();

        Assert.Equal("auditIfNotExists", (string?)then["effect"]);
        Assert.Equal("Microsoft.GuestConfiguration/guestConfigurationAssignments", (string?)then["details"]!["type"]);
        Assert.Equal(AssignmentName, (string?)then["details"]!["name"]);
        Assert.Equal("Microsoft.GuestConfiguration/guestConfigurationAssignments/complianceStatus", (string?)then["details"]!["existenceCondition"]!["field"]);
        Assert.Equal("Compliant", (string?)then["details"]!["existenceCondition"]!["equals"]);
        Assert.Equal(["name", "version", "contentType", "contentUri", "contentHash"], guestConfiguration.Select(pair => pair.Key));
        Assert.Equal(["IncludeArcMachines"], policy["properties"]!["parameters"]!.AsObject().Select(pair => pair.Key));
    }

    [Fact]
    public void AuditAndSetPolicy_IsADeployIfNotExistsDefinition_WhoseAssignmentsCarryThePackage()
    {
        JsonObject policy = Load("policy-auditandset.json");
        JsonObject guestConfiguration = GuestConfigurationMetadata(policy);
        JsonObject details = policy["properties"]!["policyRule"]!["then"]!["details"]!.AsObject();

        Assert.Equal("deployIfNotExists", (string?)policy["properties"]!["policyRule"]!["then"]!["effect"]);
        Assert.Equal(AssignmentName, (string?)details["name"]);
        Assert.Equal(AssignmentName, (string?)details["deployment"]!["properties"]!["parameters"]!["assignmentName"]!["value"]);
        Assert.Contains("/providers/Microsoft.Authorization/roleDefinitions/088ab73d-1256-47ae-bea9-9de8e7131f31", details["roleDefinitionIds"]!.AsArray().Select(id => (string?)id));
        Assert.Equal("[parameters('EnableAutoRemediation')]", (string?)guestConfiguration["enableAutoRemediation"]);
        Assert.Equal("ApplyAndAutoCorrect", (string?)guestConfiguration["autoRemediationAssignmentType"]);
        Assert.Equal(["IncludeArcMachines", "EnableAutoRemediation"], policy["properties"]!["parameters"]!.AsObject().Select(pair => pair.Key));

        JsonArray resources = details["deployment"]!["properties"]!["template"]!["resources"]!.AsArray();
        Assert.Equal(
            ["Microsoft.Compute/virtualMachines/providers/guestConfigurationAssignments", "Microsoft.HybridCompute/machines/providers/guestConfigurationAssignments", "Microsoft.Compute/virtualMachineScaleSets/providers/guestConfigurationAssignments"],
            resources.Select(resource => (string?)resource!["type"]));
        foreach (JsonNode? resource in resources)
        {
            JsonObject assignment = resource!["properties"]!["guestConfiguration"]!.AsObject();
            Assert.Equal(["name", "version", "contentType", "contentUri", "contentHash", "assignmentType"], assignment.Select(pair => pair.Key));
            Assert.Equal("ApplyAndAutoCorrect", (string?)assignment["assignmentType"]);
            foreach (string key in new[] { "name", "version", "contentType", "contentUri", "contentHash" })
            {
                Assert.Equal((string?)guestConfiguration[key], (string?)assignment[key]);
            }
        }
    }

    [Fact]
    public void BothPolicies_NameThePackageByItsName_Version_AndOneHash_AndAreDistinctDefinitions()
    {
        JsonObject audit = Load("policy-audit.json");
        JsonObject set = Load("policy-auditandset.json");
        JsonObject auditPackage = GuestConfigurationMetadata(audit);
        JsonObject setPackage = GuestConfigurationMetadata(set);

        foreach (JsonObject package in new[] { auditPackage, setPackage })
        {
            Assert.Equal(Name, (string?)package["name"]);
            Assert.Equal(new MachineConfigurationPackageOptions().Version, (string?)package["version"]);
            Assert.Equal("Custom", (string?)package["contentType"]);
            Assert.Matches("^[0-9A-F]{64}$", (string?)package["contentHash"]);
            Assert.Equal($"https://contoso.blob.core.windows.net/machine-configuration/{Name}.zip", (string?)package["contentUri"]);
        }

        Assert.Equal((string?)auditPackage["contentHash"], (string?)setPackage["contentHash"]);
        Assert.True(Guid.TryParse((string?)audit["name"], out Guid auditId));
        Assert.True(Guid.TryParse((string?)set["name"], out Guid setId));
        Assert.NotEqual(auditId, setId);
    }

    [Theory]
    [InlineData("policy-audit.json")]
    [InlineData("policy-auditandset.json")]
    public void Policy_IsFormattedAsFormatPolicyDefinitionJsonFormatsIt(string file)
    {
        string text = File.ReadAllText(Path.Join(MachineConfigurationExample.Directory, file));

        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("\n}\n", text, StringComparison.Ordinal);
        Assert.StartsWith("{\n    \"properties\": {\n        \"displayName\": ", text, StringComparison.Ordinal);
        Assert.All(text.Split('\n'), line => Assert.Equal(0, (line.Length - line.TrimStart(' ').Length) % 4));
    }

    [Fact]
    public void Readme_ShowsTheRealCommands_AndSaysWhereOurFilesDiffer()
    {
        string readme = File.ReadAllText(Path.Join(MachineConfigurationExample.Directory, "README.md"));

        foreach (string command in new[] { "New-GuestConfigurationPackage -Name PSRemotingSsh", "New-GuestConfigurationPolicy -ContentUri", "New-AzPolicyDefinition -Name", "Start-GuestConfigurationPackageRemediation -Path", "Get-GuestConfigurationPackageComplianceStatus -Path" })
        {
            Assert.Contains(command, readme, StringComparison.Ordinal);
        }

        Assert.Contains("## Where our MOF and package differ from PSDesiredStateConfiguration/New-GuestConfigurationPackage", readme, StringComparison.Ordinal);
        Assert.Contains("source/Public/New-GuestConfigurationPackage.ps1", readme, StringComparison.Ordinal);
    }

    private static JsonObject Load(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Join(MachineConfigurationExample.Directory, file)))!.AsObject();

    private static JsonObject GuestConfigurationMetadata(JsonObject policy) =>
        policy["properties"]!["metadata"]!["guestConfiguration"]!.AsObject();
}
