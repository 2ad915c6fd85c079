using System.Text.Json.Nodes;

namespace PSRemotingDsc.Cli.Contract;

/// <summary>
/// The manifest of <c>PSRemotingDsc/EndpointSet</c>, generated from code (<c>psremotingdsc endpointset manifest</c>) and
/// checked in as a second <c>*.dsc.resource.json</c> beside the endpoint's (a test compares them). A second file rather
/// than one <c>*.dsc.manifests.json</c> holding both: every dsc 3.x discovers <c>.dsc.resource.json</c> files, while
/// only 3.2 reads manifest lists, and a list beside the existing endpoint manifest would make dsc 3.2 load
/// <c>PSRemotingDsc/Endpoint</c> twice (its discovery keeps every copy it finds).
/// </summary>
internal static class EndpointSetManifest
{
    public const string ResourceType = "PSRemotingDsc/EndpointSet";
    public const string FileName = "psremotingdsc.endpointset.dsc.resource.json";
    public const string Command = "endpointset";

    public static JsonObject Build() => new()
    {
        ["$schema"] = "https://aka.ms/dsc/schemas/v3/bundled/resource/manifest.json",
        ["type"] = ResourceType,
        ["version"] = ResourceManifest.Version,
        ["description"] = "Keeps the remoting endpoints of a list of PowerShell versions present on one transport and, with _purge, removes the other PowerShell 6+ endpoints.",
        ["tags"] = new JsonArray("PowerShell", "remoting", "ssh", "wsman", "Linux", "Windows", "macOS"),
        ["get"] = ResourceManifest.Operation([Command, "get"], mandatoryInput: true, whatIf: false),
        ["set"] = ResourceManifest.Operation([Command, "set"], mandatoryInput: true, whatIf: true, ("implementsPretest", false), ("return", "stateAndDiff")),
        ["test"] = ResourceManifest.Operation([Command, "test"], mandatoryInput: true, whatIf: false, ("return", "stateAndDiff")),
        ["export"] = ResourceManifest.Operation([Command, "export"], mandatoryInput: false, whatIf: false),
        ["exitCodes"] = ResourceManifest.ExitCodes(),
        ["schema"] = new JsonObject
        {
            ["command"] = new JsonObject
            {
                ["executable"] = ResourceManifest.Executable,
                ["args"] = new JsonArray(Command, "schema"),
            },
        },
    };
}
