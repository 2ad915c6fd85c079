using System.Text.Json.Nodes;
using PSRemotingDsc.Resource;
using PSRemotingDsc.WSMan.Plugin;

namespace PSRemotingDsc.Cli.Contract;

/// <summary>
/// The JSON Schema of a <c>PSRemotingDsc/Endpoint</c> instance, served by <c>psremotingdsc schema</c>.
/// It admits everything the resource prints (read-only and canonical properties) and nothing unknown.
/// </summary>
internal static class InstanceSchema
{
    /// <summary>
    /// The characters no name or argument may hold, as the body of a character class: the control characters
    /// (<c>\p{Cc}</c>) and the whitespace that .NET's <c>\s</c> and <see cref="char.IsWhiteSpace(char)"/> name (tab to
    /// carriage return and U+0085 are control characters already). Spelled with <c>\x</c> and <c>\u</c> escapes only, so
    /// ECMA-262 without the <c>u</c> flag, Python's <c>re</c> (check-jsonschema, Ansible), .NET and dsc read one set.
    /// </summary>
    private const string Unsafe = ControlCharacters + WhiteSpace;

    private const string ControlCharacters = @"\x00-\x1f\x7f-\x9f";

    private const string WhiteSpace = @"\x20\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000";

    public const string VersionPattern = @"^(\d+(\.\d+){0,2}|\d+(\.\d+)?-preview|\d+\.\d+\.\d+-[0-9A-Za-z][0-9A-Za-z.-]*)$";

    public static JsonObject Build()
    {
        JsonObject schema = Core();
        AddQuotas(schema["properties"]!.AsObject());
        return schema;
    }

    private static JsonObject Core() => new()
    {
        ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
        ["title"] = ResourceManifest.ResourceType,
        ["description"] = "The PowerShell remoting endpoint for a PowerShell version is present, bound to that installation, and configured as declared.",
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["properties"] = new JsonObject
        {
            [PropertyNames.Version] = String(
                "PowerShell version spec: 7, 7.4, 7.4.6, 7-preview or an exact pre-release like 7.6.0-preview.5. The highest installed match wins; previews match only -preview specs or an exact pre-release.",
                VersionPattern),
            [PropertyNames.Transport] = Enum("Remoting transport. Default: wsman on Windows, ssh elsewhere.", "wsman", "ssh"),
            [PropertyNames.Name] = String(
                "Endpoint name. SSH: the sshd Subsystem name (default powershell-<version>, clients use -Subsystem). WSMan: the WinRM plugin name (default as Enable-PSRemoting: PowerShell.7, PowerShell.7-preview, PowerShell.7.4.6; PowerShell.7.4 for a 7.4 spec; clients use -ConfigurationName).",
                $@"^[^""'`#=\\{Unsafe}]{{1,128}}$"),
            [PropertyNames.PSHome] = String("Pin the PowerShell installation directory ($PSHOME) instead of resolving 'version'.", null),
            [PropertyNames.Exist] = new JsonObject
            {
                ["type"] = "boolean",
                ["default"] = true,
                ["description"] = "Whether the endpoint should exist.",
            },
            [PropertyNames.SshdConfigPath] = String("Absolute path of sshd_config. Default: /etc/ssh/sshd_config, or %ProgramData%\\ssh\\sshd_config on Windows.", null),
            [PropertyNames.Arguments] = new JsonObject
            {
                ["type"] = "array",
                ["description"] = "Extra pwsh arguments after '-sshs -NoLogo -NoProfile', e.g. [\"-ConfigurationFile\", \"/etc/pwsh/jea.pssc\"]. Compared only when set.",
                ["items"] = new JsonObject { ["type"] = "string", ["pattern"] = $@"^[^""'`#{Unsafe}]+$" },
            },
            [PropertyNames.Restart] = new JsonObject
            {
                ["type"] = "string",
                ["enum"] = new JsonArray("never", "ifNeeded", "always"),
                ["default"] = "ifNeeded",
                ["writeOnly"] = true,
                ["description"] = "Reload sshd after a change: never (report it in _restartRequired), ifNeeded, or always.",
            },
            [PropertyNames.AccessMode] = Enum(
                "WSMan: Remote (network access), Local (the network-deny ACE S-1-5-2 is added, as Disable-PSRemoting does) or Disabled (Enabled=false).",
                "Local", "Remote", "Disabled"),
            [PropertyNames.SecurityDescriptorSddl] = String(
                "WSMan: the endpoint's security descriptor (SDDL). Compared by SID and ACE set, not as text. Default for new endpoints: PowerShell's remote default.", null),
            [PropertyNames.SessionConfigurationFile] = String(
                "WSMan: absolute path of a .pssc session configuration file (JEA), registered as the configfilepath parameter.", @"\.[pP][sS][sS][cC]$"),
            [PropertyNames.RunAsVirtualAccount] = new JsonObject { ["type"] = "boolean", ["description"] = "WSMan: run sessions as a virtual account." },
            [PropertyNames.VerifyConnection] = new JsonObject
            {
                ["type"] = "boolean",
                ["description"] = "WSMan: open a loopback session with the target pwsh after set, and in get/test, and report whether it answers with the expected version.",
            },
            [PropertyNames.Force] = new JsonObject
            {
                ["type"] = "boolean",
                ["writeOnly"] = true,
                ["description"] = "WSMan: allow replacing or removing the endpoint that may carry this session, and restarting WinRM from inside a WinRM session.",
            },
            [PropertyNames.PluginPath] = ReadOnly("string", "WSMan: the pwrshplugin.dll the registration loads."),
            [PropertyNames.ResolvedVersion] = ReadOnly(new JsonArray("string", "null"), "The installed PowerShell version 'version' resolves to."),
            [PropertyNames.ResolvedPSHome] = ReadOnly(new JsonArray("string", "null"), "The installation directory 'version' resolves to."),
            [PropertyNames.Reasons] = new JsonObject
            {
                ["type"] = "array",
                ["readOnly"] = true,
                ["description"] = "Why the endpoint is not in the desired state (Azure Machine Configuration Reasons).",
                ["items"] = new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["required"] = new JsonArray("code", "phrase"),
                    ["properties"] = new JsonObject
                    {
                        ["code"] = new JsonObject { ["type"] = "string" },
                        ["phrase"] = new JsonObject { ["type"] = "string" },
                    },
                },
            },
            [PropertyNames.InDesiredState] = ReadOnly(new JsonArray("boolean", "null"), "Returned by test: whether the instance is in the desired state."),
            [PropertyNames.RestartRequired] = new JsonObject
            {
                ["type"] = "array",
                ["readOnly"] = true,
                ["description"] = "Services that must be restarted for the change to take effect.",
                ["items"] = new JsonObject { ["type"] = "object" },
            },
            [PropertyNames.Metadata] = new JsonObject { ["type"] = "object", ["description"] = "Metadata exchanged with dsc." },
            [PropertyNames.ExportName] = ReadOnly("string", "Instance name in export output."),
        },
    };

    private static void AddQuotas(JsonObject properties)
    {
        foreach ((string property, string attribute) in PropertyNames.Quotas)
        {
            QuotaRange range = PluginQuotaLimits.Ranges[attribute];
            properties[property] = new JsonObject
            {
                ["type"] = "integer",
                ["minimum"] = range.Minimum,
                ["maximum"] = range.Maximum,
                ["description"] = $"WSMan quota {attribute}. Compared only when set.",
            };
        }
    }

    private static JsonObject String(string description, string? pattern)
    {
        var schema = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["description"] = description };
        if (pattern is not null)
        {
            schema["pattern"] = pattern;
        }

        return schema;
    }

    private static JsonObject Enum(string description, params string[] values) => new()
    {
        ["type"] = "string",
        ["enum"] = new JsonArray([.. values.Select(value => (JsonNode?)value)]),
        ["description"] = description,
    };

    private static JsonObject ReadOnly(JsonNode type, string description) => new()
    {
        ["type"] = type,
        ["readOnly"] = true,
        ["description"] = description,
    };
}
