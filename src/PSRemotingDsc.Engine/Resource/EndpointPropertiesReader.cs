using System.Text.Json;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Platform;
using PSRemotingDsc.Ssh;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Resource;

/// <summary>
/// Reads an instance from JSON with precise errors: malformed JSON, unknown properties, wrong types and
/// unsafe values each fail with their own error id and exit code before anything is touched.
/// </summary>
public static class EndpointPropertiesReader
{
    private static readonly string[] s_settable =
    [
        PropertyNames.Version, PropertyNames.Transport, PropertyNames.Name, PropertyNames.PSHome, PropertyNames.Exist,
        PropertyNames.SshdConfigPath, PropertyNames.Arguments, PropertyNames.Restart, .. PropertyNames.WSManOnly,
    ];

    // Output-only properties: accepted so that `get` output can be fed back into `test`, then ignored.
    private static readonly string[] s_readOnly =
    [
        PropertyNames.ResolvedVersion, PropertyNames.ResolvedPSHome, PropertyNames.Reasons, PropertyNames.InDesiredState,
        PropertyNames.RestartRequired, PropertyNames.Metadata, PropertyNames.ExportName, PropertyNames.PluginPath,
    ];

    /// <summary>The largest input read (1 MiB); an instance is a few hundred bytes.</summary>
    public const int MaxInputLength = 1024 * 1024;

    public static EndpointProperties Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new PSRemotingDscException(ErrorIds.InputMissing,
                "No input: pass one JSON object with --input or on stdin, e.g. {\"version\":\"7\"}.");
        }

        if (json.Length > MaxInputLength)
        {
            throw TooLarge();
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new PSRemotingDscException(ErrorIds.InputNotJson,
                $"The input is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message.Split(" LineNumber", 2)[0]}", ex);
        }
        catch (ArgumentException ex)
        {
            // Parse(string) transcodes to UTF-8 first and throws this for an unpaired surrogate (possible in a Windows command line).
            throw new PSRemotingDscException(ErrorIds.InputNotJson,
                "The input is not valid JSON: it is not valid Unicode text (it holds half of a UTF-16 surrogate pair).", ex);
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    public static EndpointProperties Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new PSRemotingDscException(ErrorIds.InputNotObject,
                $"The input must be a JSON object, not {Describe(root.ValueKind)}.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var properties = new EndpointProperties();
        var quotas = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (JsonProperty property in root.EnumerateObject())
        {
            if (!seen.Add(PropertyName(property)))
            {
                throw InvalidProperty(ErrorIds.PropertyDuplicated, $"Property '{property.Name}' appears more than once.");
            }

            bool isReadOnly = Array.IndexOf(s_readOnly, property.Name) >= 0;
            bool isUnsetSettable = property.Value.ValueKind == JsonValueKind.Null && Array.IndexOf(s_settable, property.Name) >= 0;
            if (isReadOnly || isUnsetSettable)
            {
                continue;
            }

            properties = property.Name switch
            {
                PropertyNames.Version => properties with { Version = ReadVersion(property.Value) },
                PropertyNames.Transport => properties with { Transport = ReadTransport(property.Value) },
                PropertyNames.Name => properties with { Name = ReadName(property.Value) },
                PropertyNames.PSHome => properties with { PSHome = ReadPSHome(property.Value) },
                PropertyNames.Exist => properties with { Exist = ReadBoolean(PropertyNames.Exist, property.Value) },
                PropertyNames.SshdConfigPath => properties with { SshdConfigPath = ReadSshdConfigPath(property.Value) },
                PropertyNames.Arguments => properties with { Arguments = ReadArguments(property.Value) },
                PropertyNames.Restart => properties with { Restart = ReadRestart(property.Value) },
                PropertyNames.AccessMode => properties with { AccessMode = ReadAccessMode(property.Value) },
                PropertyNames.SecurityDescriptorSddl => properties with { SecurityDescriptorSddl = ReadSddl(property.Value) },
                PropertyNames.SessionConfigurationFile => properties with { SessionConfigurationFile = ReadSessionConfigurationFile(property.Value) },
                PropertyNames.RunAsVirtualAccount => properties with { RunAsVirtualAccount = ReadBoolean(property.Name, property.Value) },
                PropertyNames.VerifyConnection => properties with { VerifyConnection = ReadBoolean(property.Name, property.Value) },
                PropertyNames.Force => properties with { Force = ReadBoolean(property.Name, property.Value) },
                _ when QuotaAttribute(property.Name) is { } attribute => AddQuota(properties, quotas, attribute, property),
                _ => throw UnknownProperty(property.Name),
            };
        }

        if (quotas.Count > 0)
        {
            var pluginQuotas = new WSMan.Plugin.PluginQuotas();
            foreach ((string attribute, long value) in quotas)
            {
                pluginQuotas[attribute] = value;
            }

            WSMan.Plugin.PluginQuotaLimits.Validate(pluginQuotas, properties.Name ?? "the endpoint");
        }


        return properties;
    }

    private static string? QuotaAttribute(string propertyName) =>
        PropertyNames.Quotas.FirstOrDefault(pair => pair.Key == propertyName).Value;

    private static EndpointProperties AddQuota(EndpointProperties properties, Dictionary<string, long> quotas, string attribute, JsonProperty property)
    {
        if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetInt64(out long value))
        {
            throw WrongType(property.Name, "an integer", property.Value.ValueKind);
        }

        quotas[attribute] = value;
        return properties with { Quotas = quotas };
    }

    private static WSMan.Security.AccessMode ReadAccessMode(JsonElement value) => ReadString(PropertyNames.AccessMode, value) switch
    {
        "Local" => WSMan.Security.AccessMode.Local,
        "Remote" => WSMan.Security.AccessMode.Remote,
        "Disabled" => WSMan.Security.AccessMode.Disabled,
        var other => throw InvalidProperty(ErrorIds.AccessModeInvalid, $"Property 'accessMode' is '{other}'; use 'Local', 'Remote' or 'Disabled'."),
    };

    private static string ReadSddl(JsonElement value)
    {
        string sddl = ReadString(PropertyNames.SecurityDescriptorSddl, value);
        WSMan.Security.SddlParser.Parse(sddl);
        return sddl;
    }

    private static string ReadSessionConfigurationFile(JsonElement value)
    {
        string path = ReadString(PropertyNames.SessionConfigurationFile, value);
        ValueSafety.RequireSafePath(PropertyNames.SessionConfigurationFile, path);
        if (!Path.IsPathFullyQualified(path) || !path.EndsWith(".pssc", StringComparison.OrdinalIgnoreCase))
        {
            throw InvalidProperty(ErrorIds.SessionConfigurationFileInvalid, $"Property 'sessionConfigurationFile' is '{path}'; pass the absolute path of a .pssc file (New-PSSessionConfigurationFile).");
        }

        return path;
    }

    private static string ReadVersion(JsonElement value)
    {
        string text = ReadString(PropertyNames.Version, value);
        if (!VersionSpec.TryParse(text, out _, out string? error))
        {
            throw InvalidProperty(ErrorIds.VersionSpecInvalid, error ?? $"'{text}' is not a version spec.");
        }

        return text;
    }

    private static Transport ReadTransport(JsonElement value) => ReadString(PropertyNames.Transport, value) switch
    {
        "ssh" => Resource.Transport.Ssh,
        "wsman" => Resource.Transport.Wsman,
        var other => throw InvalidProperty(ErrorIds.TransportInvalid, $"Property 'transport' is '{other}'; use 'ssh' or 'wsman'."),
    };

    private static RestartPolicy ReadRestart(JsonElement value) => ReadString(PropertyNames.Restart, value) switch
    {
        "never" => RestartPolicy.Never,
        "ifNeeded" => RestartPolicy.IfNeeded,
        "always" => RestartPolicy.Always,
        var other => throw InvalidProperty(ErrorIds.RestartInvalid, $"Property 'restart' is '{other}'; use 'never', 'ifNeeded' or 'always'."),
    };

    private static string ReadName(JsonElement value)
    {
        string name = ReadString(PropertyNames.Name, value);
        ValueSafety.RequireSafeName(PropertyNames.Name, name);
        if (name.Length > 128)
        {
            throw InvalidProperty(ErrorIds.NameTooLong, $"Property 'name' has {name.Length} characters; at most 128 are allowed.");
        }

        return name;
    }

    private static string ReadPSHome(JsonElement value)
    {
        string path = ReadString(PropertyNames.PSHome, value);
        ValueSafety.RequireSafePath(PropertyNames.PSHome, path);
        if (!Path.IsPathFullyQualified(path))
        {
            throw InvalidProperty(ErrorIds.PSHomeNotAbsolute, $"Property 'pshome' is '{path}', a relative path; pass the absolute path of a PowerShell installation directory ($PSHOME).");
        }

        return path;
    }

    private static string ReadSshdConfigPath(JsonElement value)
    {
        string path = ReadString(PropertyNames.SshdConfigPath, value);
        ValueSafety.RequireSafePath(PropertyNames.SshdConfigPath, path);
        if (!Path.IsPathFullyQualified(path))
        {
            throw new PSRemotingDscException(ErrorIds.SshdConfigPathNotAbsolute,
                $"Property 'sshdConfigPath' is '{path}', a relative path; pass an absolute path such as /etc/ssh/sshd_config.");
        }

        return path;
    }

    private static string[] ReadArguments(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw WrongType(PropertyNames.Arguments, "an array of strings", value.ValueKind);
        }

        var arguments = new List<string>();
        int index = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            string name = $"{PropertyNames.Arguments}[{index++}]";
            string argument = ReadString(name, item);
            ValueSafety.RequireSafeCommandWord(name, argument);
            arguments.Add(argument);
        }

        return [.. arguments];
    }

    private static bool ReadBoolean(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw WrongType(name, "a boolean", value.ValueKind),
    };

    private static string ReadString(string name, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw WrongType(name, "a string", value.ValueKind);
        }

        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            // System.Text.Json refuses to decode an escape of half a surrogate pair ("\ud800"), which JSON allows.
            throw new PSRemotingDscException(ErrorIds.UnsafeValue,
                $"Property '{name}' contains a lone UTF-16 surrogate escape (such as \\ud800), which is not a character and cannot be written to a file. Remove it; nothing was changed.", ex);
        }
    }

    // Name throws InvalidOperationException for an escape of half a surrogate pair, like GetString.
    private static string PropertyName(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException ex)
        {
            throw new PSRemotingDscException(ErrorIds.PropertyNotUnicode,
                "A property name is not valid Unicode text: it escapes half of a UTF-16 surrogate pair (\\ud800-\\udfff without its partner).", ex);
        }
    }

    /// <summary>The error for an input longer than <see cref="MaxInputLength"/>.</summary>
    public static PSRemotingDscException TooLarge() =>
        new(ErrorIds.InputTooLarge, $"The input is larger than {MaxInputLength / 1024} KiB; an instance is one small JSON object. Nothing was read or changed.");

    private static PSRemotingDscException WrongType(string name, string expected, JsonValueKind actual) =>
        InvalidProperty(ErrorIds.PropertyTypeInvalid, $"Property '{name}' must be {expected}, not {Describe(actual)}.");

    private static PSRemotingDscException UnknownProperty(string name) =>
        InvalidProperty(ErrorIds.PropertyUnknown, $"Property '{name}' is not a property of PSRemotingDsc/Endpoint. Known properties: {string.Join(", ", s_settable)}.");

    private static PSRemotingDscException InvalidProperty(ErrorDefinition error, string message) =>
        new(error, message);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
