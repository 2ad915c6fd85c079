using System.Text.Json.Nodes;
using PSRemotingDsc.TestSupport;

namespace PSRemotingDsc.Cli.Tests.Contract;

public class ManifestTests
{
    private static readonly JsonObject s_checkedIn = JsonNode.Parse(File.ReadAllText(RepositoryPaths.ManifestPath))!.AsObject();

    [Fact]
    public void CheckedInManifest_EqualsTheGeneratedOne()
    {
        string generated = RunManifestCommand();

        Assert.True(
            generated.ReplaceLineEndings("\n") == File.ReadAllText(RepositoryPaths.ManifestPath).ReplaceLineEndings("\n"),
            "dsc/psremotingdsc.dsc.resource.json differs from 'psremotingdsc manifest'; regenerate it: dotnet run --project src/PSRemotingDsc.Cli -- manifest > dsc/psremotingdsc.dsc.resource.json");
    }

    [Fact]
    public void Manifest_IsValidAgainstThePublishedSchema_WithWhatIfArgumentsSetAside()
    {
        JsonObject manifest = s_checkedIn.DeepClone().AsObject();
        foreach (string operation in new[] { "set", "delete" })
        {
            JsonArray args = manifest[operation]!["args"]!.AsArray();
            foreach (JsonNode? whatIf in args.Where(arg => arg is JsonObject o && o.ContainsKey("whatIfArg")).ToList())
            {
                args.Remove(whatIf);
            }
        }

        Assert.Empty(SchemaValidator.Validate(SchemaValidator.Manifest, manifest));
    }

    [Fact]
    public void Manifest_WithWhatIfArguments_IsRejectedByThePublishedSchema_WhichIsWhyTheyAreSetAside()
    {
        Assert.NotEmpty(SchemaValidator.Validate(SchemaValidator.Manifest, s_checkedIn));
    }

    [Theory]
    [InlineData("set")]
    [InlineData("delete")]
    public void WhatIfArgument_HasTheDsc32Shape(string operation)
    {
        JsonObject whatIf = Assert.Single(s_checkedIn[operation]!["args"]!.AsArray().OfType<JsonObject>(), o => o.ContainsKey("whatIfArg"));
        Assert.Single(whatIf);
        Assert.Equal("--what-if", whatIf["whatIfArg"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("get")]
    [InlineData("set")]
    [InlineData("test")]
    [InlineData("delete")]
    public void InstanceOperations_PassInputAsAMandatoryJsonInputArg(string operation)
    {
        JsonObject input = Assert.Single(s_checkedIn[operation]!["args"]!.AsArray().OfType<JsonObject>(), o => o.ContainsKey("jsonInputArg"));

        Assert.Equal("--input", input["jsonInputArg"]!.GetValue<string>());
        Assert.True(input["mandatory"]!.GetValue<bool>());
        Assert.Equal(operation, s_checkedIn[operation]!["args"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Export_TakesAnOptionalFilter()
    {
        JsonObject input = Assert.Single(s_checkedIn["export"]!["args"]!.AsArray().OfType<JsonObject>());

        Assert.False(input["mandatory"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("set")]
    [InlineData("test")]
    public void SetAndTest_ReturnStateAndDiff(string operation)
    {
        Assert.Equal("stateAndDiff", s_checkedIn[operation]!["return"]!.GetValue<string>());
    }

    [Fact]
    public void ExitCodes_AreDistinctAndDescribed()
    {
        JsonObject codes = s_checkedIn["exitCodes"]!.AsObject();

        Assert.True(codes.Count >= 12);
        Assert.All(codes, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value!.GetValue<string>())));
        Assert.Equal(codes.Count, codes.Select(pair => pair.Value!.GetValue<string>()).Distinct().Count());
    }

    private static string RunManifestCommand()
    {
        var start = new System.Diagnostics.ProcessStartInfo(CliUnderTest.ExecutablePath, "manifest")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(30_000));
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
