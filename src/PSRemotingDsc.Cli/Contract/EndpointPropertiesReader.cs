using System.Text.Json;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Errors;

namespace PSRemotingDsc.Cli.Contract;

/// <summary>
/// Reads an instance from JSON into <see cref="EndpointProperties"/>, driven by <see cref="EndpointContract"/>:
/// malformed JSON, unknown and duplicated properties and wrong types each fail with their own error ID before
/// anything is touched. Values are checked by the engine, the same way for every shell.
/// </summary>
public static class EndpointPropertiesReader
{
    /// <summary>The largest input read (1 MiB); an instance is a few hundred bytes.</summary>
    public const int MaxInputLength = 1024 * 1024;

    /// <summary>Reads one JSON object.</summary>
    /// <exception cref="PSRemotingDscException">The input is missing, too large, not JSON, or not an instance.</exception>
    public static EndpointProperties Read(string? json)
    {
        using JsonDocument document = Parse(json, "{\"version\":\"7\"}");
        return Read(document.RootElement);
    }

    /// <summary>Parses one input: missing, too large and malformed input each fail with their own error ID.</summary>
    /// <param name="json">The input.</param>
    /// <param name="example">An example instance for the message when the input is missing.</param>
    /// <exception cref="PSRemotingDscException">The input is missing, too large or not JSON.</exception>
    internal static JsonDocument Parse(string? json, string example)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new PSRemotingDscException(ErrorIds.InputMissing,
                $"No input: pass one JSON object with --input or on stdin, e.g. {example}.");
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

        return document;
    }

    /// <summary>Reads one parsed JSON object.</summary>
    /// <exception cref="PSRemotingDscException">The element is not an instance.</exception>
    public static EndpointProperties Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new PSRemotingDscException(ErrorIds.InputNotObject,
                $"The input must be a JSON object, not {Describe(root.ValueKind)}.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var properties = new EndpointProperties();
        foreach (JsonProperty member in root.EnumerateObject())
        {
            string name = PropertyName(member);
            if (!seen.Add(name))
            {
                throw new PSRemotingDscException(ErrorIds.PropertyDuplicated, $"Property '{member.Name}' appears more than once.");
            }

            PropertyDeclaration property = EndpointContract.Find(name) ?? throw UnknownProperty(name);

            // Output-only properties are accepted so that `get` output can be fed back into `test`, then ignored.
            if (!property.IsSettable || member.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            properties = property.WithValue(properties, ReadValue(property, member.Value));
        }

        return properties;
    }

    /// <summary>The error for an input longer than <see cref="MaxInputLength"/>.</summary>
    public static PSRemotingDscException TooLarge() =>
        new(ErrorIds.InputTooLarge, $"The input is larger than {MaxInputLength / 1024} KiB; an instance is one small JSON object. Nothing was read or changed.");

    private static object ReadValue(PropertyDeclaration property, JsonElement value) => property.Kind switch
    {
        PropertyKind.Text => ReadString(property.Name, value),
        PropertyKind.Boolean => value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongType(property.Name, "a boolean", value.ValueKind),
        },
        PropertyKind.Number => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number)
            ? number
            : throw WrongType(property.Name, "an integer", value.ValueKind),
        PropertyKind.Enumeration => ReadEnumeration(property, value),
        PropertyKind.StringList => ReadStrings(property.Name, value),
        _ => throw new InvalidOperationException($"Property '{property.Name}' of kind {property.Kind} is not settable."),
    };

    private static object ReadEnumeration(PropertyDeclaration property, JsonElement value)
    {
        string wire = ReadString(property.Name, value);
        return property.ParseWireValue(wire) ?? throw new PSRemotingDscException(property.InvalidValueError!,
            $"Property '{property.Name}' is '{wire}'; use {Alternatives(property.Values.Select(pair => $"'{pair.Key}'").ToList())}.");
    }

    private static string Alternatives(List<string> values) =>
        values.Count == 1 ? values[0] : $"{string.Join(", ", values.Take(values.Count - 1))} or {values[^1]}";

    internal static string[] ReadStrings(string name, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw WrongType(name, "an array of strings", value.ValueKind);
        }

        var items = new List<string>();
        foreach (JsonElement item in value.EnumerateArray())
        {
            items.Add(ReadString($"{name}[{items.Count}]", item));
        }

        return [.. items];
    }

    internal static string ReadString(string name, JsonElement value)
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
    internal static string PropertyName(JsonProperty property)
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

    internal static PSRemotingDscException WrongType(string name, string expected, JsonValueKind actual) =>
        new(ErrorIds.PropertyTypeInvalid, $"Property '{name}' must be {expected}, not {Describe(actual)}.");

    private static PSRemotingDscException UnknownProperty(string name) =>
        new(ErrorIds.PropertyUnknown, $"Property '{name}' is not a property of PSRemotingDsc/Endpoint. Known properties: {string.Join(", ", EndpointContract.Settable.Select(property => property.Name))}.");

    internal static string Describe(JsonValueKind kind) => kind switch
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
