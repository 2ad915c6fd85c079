using System.Text.Json.Nodes;

namespace PSRemotingDsc.Cli.Contract;

/// <summary>
/// The JSON Schema of a <c>PSRemotingDsc/EndpointSet</c> instance, served by <c>psremotingdsc endpointset schema</c>.
/// Like the endpoint's schema it admits everything the resource prints (dsc validates get, test, set and export output
/// against it) and nothing unknown; value rules (version specs, absolute paths) are the engine's.
/// </summary>
internal static class EndpointSetSchema
{
    public static JsonObject Build() => new()
    {
        ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
        ["title"] = EndpointSetManifest.ResourceType,
        ["description"] = "On one transport, the default remoting endpoint of each listed PowerShell version is present and, with _purge, no other PowerShell 6+ endpoint is.",
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["properties"] = new JsonObject
        {
            [EndpointSetJson.Versions] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                ["description"] = "Version specs, each as PSRemotingDsc/Endpoint's 'version' (7, 7.4, 7.4.6, 7-preview, 7.6.0-preview.5), whose default endpoint should be present and bound to the highest installed match. Required for get, test and set.",
            },
            [EndpointSetJson.Transport] = new JsonObject
            {
                ["type"] = "string",
                ["enum"] = new JsonArray("ssh", "wsman"),
                ["description"] = "Remoting transport. Default: wsman on Windows, ssh elsewhere.",
            },
            [EndpointSetJson.SshdConfigPath] = new JsonObject
            {
                ["type"] = "string",
                ["minLength"] = 1,
                ["description"] = "SSH: absolute path of sshd_config. Default: /etc/ssh/sshd_config, or %ProgramData%\\ssh\\sshd_config on Windows.",
            },
            [EndpointSetJson.Purge] = new JsonObject
            {
                ["type"] = "boolean",
                ["default"] = false,
                ["description"] = "Remove the PowerShell 6+ endpoints no listed version asks for. Never Microsoft.PowerShell*, Windows PowerShell, or a subsystem that does not start pwsh (sftp).",
            },
            [EndpointSetJson.Endpoints] = ReadOnly(new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "object" } },
                "Every PowerShell endpoint registered on the transport, each as PSRemotingDsc/Endpoint exports it."),
            [EndpointSetJson.MissingVersions] = ReadOnly(Strings(), "The listed versions whose default endpoint is missing or not in the desired state."),
            [EndpointSetJson.UndesiredEndpoints] = ReadOnly(Strings(), "The registered PowerShell 6+ endpoints that no listed version asks for (removed by set when _purge is true)."),
            [EndpointSetJson.Reasons] = ReadOnly(InstanceSchema.ReasonsSchema(), "Why the set is not in the desired state, as [{code, phrase}], e.g. code PSRemotingEndpointSet:PSRemotingEndpointSet:Missing."),
            [EndpointSetJson.InDesiredState] = ReadOnly(new JsonObject { ["type"] = new JsonArray("boolean", "null") }, "Returned by test: whether the instance is in the desired state."),
            [EndpointSetJson.RestartRequired] = ReadOnly(new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "object" } },
                "Services that must be restarted for the change to take effect."),
            [EndpointSetJson.Metadata] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "Metadata exchanged with dsc; set reports the reload in _metadata.reload and, under what-if, the planned changes in _metadata.whatIf.",
            },
            [EndpointSetJson.ExportName] = ReadOnly(new JsonObject { ["type"] = "string" }, "Instance name in export output (the transport)."),
        },
    };

    private static JsonObject Strings() => new() { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } };

    private static JsonObject ReadOnly(JsonObject schema, string description)
    {
        schema["readOnly"] = true;
        schema["description"] = description;
        return schema;
    }
}
