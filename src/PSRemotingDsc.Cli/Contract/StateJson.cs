using System.Buffers;
using System.Text;
using System.Text.Json;
using PSRemotingDsc.Drift;
using PSRemotingDsc.Endpoints;

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

    /// <summary>Writes one state as a JSON object (inside an array, or as the whole value).</summary>
    public static void WriteObject(Utf8JsonWriter writer, EndpointState state) => Write(writer, state);

    private static void Write(Utf8JsonWriter writer, EndpointState state)
    {
        writer.WriteStartObject();
        foreach (PropertyDeclaration property in EndpointContract.All)
        {
            if (property.Access != PropertyAccess.WriteOnly)
            {
                WriteProperty(writer, property, property.ValueOf(state));
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteProperty(Utf8JsonWriter writer, PropertyDeclaration property, object? value)
    {
        switch (value)
        {
            case null when property.ReportsNull:
                writer.WriteNull(property.Name);
                break;
            case null:
                break;
            case string reload when property.Kind == PropertyKind.Metadata:
                writer.WriteStartObject(property.Name);
                writer.WriteString("reload", reload);
                writer.WriteEndObject();
                break;
            case string text:
                writer.WriteString(property.Name, text);
                break;
            case bool flag:
                writer.WriteBoolean(property.Name, flag);
                break;
            case long number:
                writer.WriteNumber(property.Name, number);
                break;
            case IReadOnlyList<Reason> reasons:
                WriteReasons(writer, reasons);
                break;
            case IReadOnlyList<string> items when property.Kind == PropertyKind.Services:
                writer.WriteStartArray(property.Name);
                foreach (string service in items)
                {
                    writer.WriteStartObject();
                    writer.WriteString("service", service);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                break;
            case IReadOnlyList<string> items:
                writer.WriteStartArray(property.Name);
                foreach (string item in items)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteString(property.Name, property.WireValue(value));
                break;
        }
    }

    /// <summary>The <c>reasons</c> array in the Azure Machine Configuration shape: <c>[{code, phrase}]</c>.</summary>
    public static void WriteReasons(Utf8JsonWriter writer, IEnumerable<Reason> reasons)
    {
        writer.WriteStartArray(EndpointContract.Reasons.Name);
        foreach (Reason reason in reasons)
        {
            writer.WriteStartObject();
            writer.WriteString("code", reason.Code);
            writer.WriteString("phrase", reason.Phrase);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
