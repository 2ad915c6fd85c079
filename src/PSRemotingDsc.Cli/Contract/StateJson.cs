using System.Buffers;
using System.Text;
using System.Text.Json;
using PSRemotingDsc.Drift;
using PSRemotingDsc.Resource;

namespace PSRemotingDsc.Cli.Contract;

/// <summary>Writes instances as one compact JSON line, properties in schema order.</summary>
internal static class StateJson
{
    public static string Serialize(EndpointState state)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOutput.Compact))
        {
            Write(writer, state);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// JSON Lines: one compact line per state, as <see cref="Serialize"/> writes it, through one writer and one
    /// buffer (a writer of its own costs each state kilobytes, which an export of thousands of endpoints notices).
    /// </summary>
    public static void WriteLines(TextWriter output, IEnumerable<EndpointState> states)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(states);
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer, JsonOutput.Compact);
        foreach (EndpointState state in states)
        {
            Write(writer, state);
            writer.Flush();
            output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
            buffer.ResetWrittenCount();
            writer.Reset();
        }
    }

    public static string SerializeNames(IEnumerable<string> names)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOutput.Compact))
        {
            writer.WriteStartArray();
            foreach (string name in names)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, EndpointState state)
    {
        writer.WriteStartObject();
        WriteOptional(writer, PropertyNames.Version, state.Version);
        writer.WriteString(PropertyNames.Transport, state.Transport == Transport.Ssh ? "ssh" : "wsman");
        writer.WriteString(PropertyNames.Name, state.Name);
        WriteOptional(writer, PropertyNames.PSHome, state.PSHome);
        writer.WriteBoolean(PropertyNames.Exist, state.Exist);
        WriteOptional(writer, PropertyNames.SshdConfigPath, state.SshdConfigPath);
        if (state.Arguments is not null)
        {
            writer.WriteStartArray(PropertyNames.Arguments);
            foreach (string argument in state.Arguments)
            {
                writer.WriteStringValue(argument);
            }

            writer.WriteEndArray();
        }

        if (state.AccessMode is { } accessMode)
        {
            writer.WriteString(PropertyNames.AccessMode, accessMode.ToString());
        }

        WriteOptional(writer, PropertyNames.SecurityDescriptorSddl, state.SecurityDescriptorSddl);
        WriteOptional(writer, PropertyNames.SessionConfigurationFile, state.SessionConfigurationFile);
        if (state.RunAsVirtualAccount is bool runAsVirtualAccount)
        {
            writer.WriteBoolean(PropertyNames.RunAsVirtualAccount, runAsVirtualAccount);
        }

        foreach ((string property, string attribute) in PropertyNames.Quotas)
        {
            if (state.Quotas is not null && state.Quotas.TryGetValue(attribute, out long value))
            {
                writer.WriteNumber(property, value);
            }
        }

        WriteOptional(writer, PropertyNames.PluginPath, state.PluginPath);
        WriteNullable(writer, PropertyNames.ResolvedVersion, state.ResolvedVersion);
        WriteNullable(writer, PropertyNames.ResolvedPSHome, state.ResolvedPSHome);
        WriteReasons(writer, state.Reasons);
        if (state.InDesiredState is bool inDesiredState)
        {
            writer.WriteBoolean(PropertyNames.InDesiredState, inDesiredState);
        }

        if (state.RestartRequired.Count > 0)
        {
            writer.WriteStartArray(PropertyNames.RestartRequired);
            foreach (string service in state.RestartRequired)
            {
                writer.WriteStartObject();
                writer.WriteString("service", service);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (state.ReloadOutcome is not null)
        {
            writer.WriteStartObject(PropertyNames.Metadata);
            writer.WriteString("reload", state.ReloadOutcome);
            writer.WriteEndObject();
        }

        WriteOptional(writer, PropertyNames.ExportName, state.ExportName);
        writer.WriteEndObject();
    }

    /// <summary>The <c>reasons</c> array in the Azure Machine Configuration shape: <c>[{code, phrase}]</c>.</summary>
    public static void WriteReasons(Utf8JsonWriter writer, IEnumerable<Reason> reasons)
    {
        writer.WriteStartArray(PropertyNames.Reasons);
        foreach (Reason reason in reasons)
        {
            writer.WriteStartObject();
            writer.WriteString("code", reason.Code);
            writer.WriteString("phrase", reason.Phrase);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
