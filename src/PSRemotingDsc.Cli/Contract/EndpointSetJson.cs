using System.Text;
using System.Text.Json;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Resource;
using TransportKind = PSRemotingDsc.Endpoints.Transport;

namespace PSRemotingDsc.Cli.Contract;

/// <summary>
/// The JSON of a <c>PSRemotingDsc/EndpointSet</c> instance: read into <see cref="EndpointSetProperties"/> (unknown,
/// duplicated and mistyped properties fail before anything is touched; read-only properties are accepted and ignored so
/// that get output can be fed back into test) and written from <see cref="EndpointSetState"/> in schema order.
/// </summary>
internal static class EndpointSetJson
{
    public const string Versions = "versions";
    public const string Transport = "transport";
    public const string SshdConfigPath = "sshdConfigPath";
    public const string Purge = "_purge";
    public const string Endpoints = "endpoints";
    public const string MissingVersions = "missingVersions";
    public const string UndesiredEndpoints = "undesiredEndpoints";
    public const string Reasons = "reasons";
    public const string InDesiredState = "_inDesiredState";
    public const string RestartRequired = "_restartRequired";
    public const string Metadata = "_metadata";
    public const string ExportName = "_name";

    /// <summary>The properties a user sets, in schema order.</summary>
    public static readonly string[] Settable = [Versions, Transport, SshdConfigPath, Purge];

    /// <summary>The properties psremotingdsc reports and ignores on input.</summary>
    public static readonly string[] ReadOnly = [Endpoints, MissingVersions, UndesiredEndpoints, Reasons, InDesiredState, RestartRequired, Metadata, ExportName];

    /// <summary>Reads one instance.</summary>
    /// <exception cref="PSRemotingDscException">The input is missing, too large, not JSON, or not an instance.</exception>
    public static EndpointSetProperties Read(string? json)
    {
        using JsonDocument document = EndpointPropertiesReader.Parse(json, "{\"versions\":[\"7\"]}");
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new PSRemotingDscException(ErrorIds.InputNotObject, $"The input must be a JSON object, not {EndpointPropertiesReader.Describe(root.ValueKind)}.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var properties = new EndpointSetProperties();
        foreach (JsonProperty member in root.EnumerateObject())
        {
            string name = EndpointPropertiesReader.PropertyName(member);
            if (!seen.Add(name))
            {
                throw new PSRemotingDscException(ErrorIds.PropertyDuplicated, $"Property '{member.Name}' appears more than once.");
            }

            if (!Settable.Contains(name, StringComparer.Ordinal) && !ReadOnly.Contains(name, StringComparer.Ordinal))
            {
                throw new PSRemotingDscException(ErrorIds.PropertyUnknown,
                    $"Property '{name}' is not a property of PSRemotingDsc/EndpointSet. Known properties: {string.Join(", ", Settable)}.");
            }

            if (ReadOnly.Contains(name, StringComparer.Ordinal) || member.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            properties = name switch
            {
                Versions => properties with { Versions = EndpointPropertiesReader.ReadStrings(name, member.Value) },
                Transport => properties with { Transport = ReadTransport(member.Value) },
                SshdConfigPath => properties with { SshdConfigPath = EndpointPropertiesReader.ReadString(name, member.Value) },
                _ => properties with
                {
                    Purge = member.Value.ValueKind switch
                    {
                        JsonValueKind.True => true,
                        JsonValueKind.False => false,
                        _ => throw EndpointPropertiesReader.WrongType(name, "a boolean", member.Value.ValueKind),
                    },
                },
            };
        }

        return properties;
    }

    /// <summary>One compact line; under what-if <paramref name="whatIf"/> lists the planned changes in <c>_metadata.whatIf</c>.</summary>
    public static string Serialize(EndpointSetState state, IEnumerable<string>? whatIf = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOutput.Compact))
        {
            Write(writer, state, whatIf);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, EndpointSetState state, IEnumerable<string>? whatIf)
    {
        writer.WriteStartObject();
        WriteStrings(writer, Versions, state.Versions);
        writer.WriteString(Transport, EndpointContract.Transport.WireValue(state.Transport));
        if (state.SshdConfigPath is not null)
        {
            writer.WriteString(SshdConfigPath, state.SshdConfigPath);
        }

        writer.WriteBoolean(Purge, state.Purge);
        writer.WriteStartArray(Endpoints);
        foreach (EndpointState endpoint in state.Endpoints)
        {
            StateJson.WriteObject(writer, endpoint);
        }

        writer.WriteEndArray();
        WriteStrings(writer, MissingVersions, state.MissingVersions);
        WriteStrings(writer, UndesiredEndpoints, state.UndesiredEndpoints);
        StateJson.WriteReasons(writer, state.Reasons);
        if (state.InDesiredState is { } inDesiredState)
        {
            writer.WriteBoolean(InDesiredState, inDesiredState);
        }

        writer.WriteStartArray(RestartRequired);
        foreach (string service in state.RestartRequired)
        {
            writer.WriteStartObject();
            writer.WriteString("service", service);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (state.ReloadOutcome is not null || whatIf is not null)
        {
            writer.WriteStartObject(Metadata);
            if (state.ReloadOutcome is not null)
            {
                writer.WriteString("reload", state.ReloadOutcome);
            }

            if (whatIf is not null)
            {
                WriteStrings(writer, "whatIf", whatIf);
            }

            writer.WriteEndObject();
        }

        if (state.ExportName is not null)
        {
            writer.WriteString(ExportName, state.ExportName);
        }

        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> items)
    {
        writer.WriteStartArray(name);
        foreach (string item in items)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }

    private static TransportKind ReadTransport(JsonElement value)
    {
        string wire = EndpointPropertiesReader.ReadString(Transport, value);
        return EndpointContract.Transport.ParseWireValue(wire) is TransportKind transport
            ? transport
            : throw new PSRemotingDscException(ErrorIds.TransportInvalid, $"Property '{Transport}' is '{wire}'; use 'ssh' or 'wsman'.");
    }
}
