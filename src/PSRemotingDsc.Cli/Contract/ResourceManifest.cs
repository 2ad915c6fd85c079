using System.Globalization;
using System.Text.Json.Nodes;
using PSRemotingDsc.Errors;

namespace PSRemotingDsc.Cli.Contract;

/// <summary>
/// The DSC v3 command-resource manifest, generated from code (<c>psremotingdsc manifest</c>); the copy in
/// <c>dsc/</c> is compared with it by a test. Targets dsc 3.2: set and delete declare <c>whatIfArg</c>.
/// </summary>
internal static class ResourceManifest
{
    public const string ResourceType = "PSRemotingDsc/Endpoint";
    public const string Executable = "psremotingdsc";
    public const string FileName = "psremotingdsc.dsc.resource.json";
    public const string InputArgument = "--input";
    public const string WhatIfArgument = "--what-if";

    public static JsonObject Build() => new()
    {
        ["$schema"] = "https://aka.ms/dsc/schemas/v3/bundled/resource/manifest.json",
        ["type"] = ResourceType,
        ["version"] = Version,
        ["description"] = "Keeps a PowerShell remoting endpoint present for a PowerShell version, bound to that installation, and reports drift.",
        ["tags"] = new JsonArray("PowerShell", "remoting", "ssh", "wsman", "Linux", "Windows", "macOS"),
        ["get"] = Operation(["get"], mandatoryInput: true, whatIf: false),
        ["set"] = Operation(["set"], mandatoryInput: true, whatIf: true, ("implementsPretest", false), ("handlesExist", true), ("return", "stateAndDiff")),
        ["test"] = Operation(["test"], mandatoryInput: true, whatIf: false, ("return", "stateAndDiff")),
        ["delete"] = Operation(["delete"], mandatoryInput: true, whatIf: true),
        ["export"] = Operation(["export"], mandatoryInput: false, whatIf: false),
        ["exitCodes"] = ExitCodes(),
        ["schema"] = new JsonObject
        {
            ["command"] = new JsonObject
            {
                ["executable"] = Executable,
                ["args"] = new JsonArray("schema"),
            },
        },
    };

    /// <summary>The resource's version as the manifest states it.</summary>
    internal static string Version => typeof(ResourceManifest).Assembly.GetName().Version is { } version
        ? $"{version.Major}.{version.Minor}.{version.Build}"
        : "0.0.0";

    /// <summary>One operation: <c>executable</c> and <c>args</c> (the leading words, the input, the what-if switch), then its settings.</summary>
    internal static JsonObject Operation(string[] words, bool mandatoryInput, bool whatIf, params (string Name, JsonNode Value)[] settings)
    {
        var args = new JsonArray([.. words.Select(word => (JsonNode?)word)]);
        args.Add((JsonNode)new JsonObject { ["jsonInputArg"] = InputArgument, ["mandatory"] = mandatoryInput });
        if (whatIf)
        {
            args.Add((JsonNode)new JsonObject { ["whatIfArg"] = WhatIfArgument });
        }

        var operation = new JsonObject { ["executable"] = Executable, ["args"] = args };
        foreach ((string name, JsonNode value) in settings)
        {
            operation[name] = value;
        }

        return operation;
    }

    internal static JsonObject ExitCodes()
    {
        var codes = new JsonObject();
        foreach (KeyValuePair<ExitCode, string> pair in ExitCodeDescriptions.All)
        {
            codes[((int)pair.Key).ToString(CultureInfo.InvariantCulture)] = pair.Value;
        }

        return codes;
    }
}
