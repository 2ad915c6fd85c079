using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PSRemotingDsc.Cli.Contract;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Errors;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PSRemotingDsc.Cli.Report;

/// <summary>
/// The <c>PSRemotingDsc/Endpoint</c> instances of a DSC configuration document (<c>report --desired</c>), JSON or YAML.
/// YAML is read with YamlDotNet's event parser only (no serializer, no reflection: the CLI stays NativeAOT) into the same
/// JSON nodes a JSON document gives. Resources inside a group's <c>properties.resources</c> are included;
/// <c>[parameters('name')]</c> takes the parameter's <c>defaultValue</c>; any other expression is refused.
/// </summary>
internal static class DesiredDocument
{
    public const string ResourceType = "PSRemotingDsc/Endpoint";

    public static IReadOnlyList<EndpointProperties> Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new PSRemotingDscException(ErrorIds.ReportFileUnreadable, $"--desired '{path}' cannot be read: {ex.Message}");
        }

        JsonNode? root = Parse(text, path);
        if (root is not JsonObject document || document["resources"] is not JsonArray resources)
        {
            throw Invalid(path, "is not a DSC configuration document: it has no 'resources' list");
        }

        var parameters = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        if (document["parameters"] is JsonObject declared)
        {
            foreach ((string name, JsonNode? parameter) in declared)
            {
                parameters[name] = parameter is JsonObject withDefault && withDefault.TryGetPropertyValue("defaultValue", out JsonNode? value) ? value : null;
            }
        }

        var instances = new List<EndpointProperties>();
        Collect(resources, parameters, path, instances);
        return instances;
    }

    private static void Collect(JsonArray resources, Dictionary<string, JsonNode?> parameters, string path, List<EndpointProperties> instances)
    {
        foreach (JsonNode? node in resources)
        {
            if (node is not JsonObject resource)
            {
                throw Invalid(path, "has a resource that is not an object");
            }

            string? type = resource["type"] is JsonValue typeValue && typeValue.TryGetValue(out string? typeName) ? typeName : null;
            string name = resource["name"] is JsonValue nameValue && nameValue.TryGetValue(out string? n) ? n : "(unnamed)";
            if (string.Equals(type, ResourceType, StringComparison.OrdinalIgnoreCase))
            {
                JsonNode properties = Resolve(resource["properties"] ?? new JsonObject(), parameters, path, name);
                EndpointProperties read;
                try
                {
                    read = EndpointPropertiesReader.Read(properties.ToJsonString(JsonOutput.CompactNodes));
                }
                catch (PSRemotingDscException ex)
                {
                    throw new PSRemotingDscException(ex.Error, $"{path}: resource '{name}': {ex.Message}", ex);
                }

                instances.Add(read);
            }
            else if (resource["properties"] is JsonObject groupProperties && groupProperties["resources"] is JsonArray nested)
            {
                Collect(nested, parameters, path, instances);
            }
        }
    }

    private static JsonNode Resolve(JsonNode node, Dictionary<string, JsonNode?> parameters, string path, string resource)
    {
        switch (node)
        {
            case JsonObject obj:
                var resolvedObject = new JsonObject();
                foreach ((string key, JsonNode? value) in obj)
                {
                    resolvedObject[key] = value is null ? null : Resolve(value, parameters, path, resource);
                }

                return resolvedObject;
            case JsonArray array:
                var resolvedArray = new JsonArray();
                foreach (JsonNode? item in array)
                {
                    resolvedArray.Add(item is null ? null : Resolve(item, parameters, path, resource));
                }

                return resolvedArray;
            case JsonValue value when value.TryGetValue(out string? text) && text.StartsWith('[') && text.EndsWith(']'):
                if (text.StartsWith("[[", StringComparison.Ordinal))
                {
                    return JsonValue.Create(text[1..]);
                }

                const string Prefix = "[parameters('";
                const string Suffix = "')]";
                if (text.StartsWith(Prefix, StringComparison.Ordinal) && text.EndsWith(Suffix, StringComparison.Ordinal))
                {
                    string name = text[Prefix.Length..^Suffix.Length];
                    if (parameters.TryGetValue(name, out JsonNode? defaultValue) && defaultValue is not null)
                    {
                        return defaultValue.DeepClone();
                    }

                    throw Invalid(path, $"resource '{resource}': parameter '{name}' has no defaultValue (report reads the document's defaults)");
                }

                throw Invalid(path, $"resource '{resource}': the expression {text} cannot be resolved by report (only [parameters('name')] is)");
            default:
                return node.DeepClone();
        }
    }

    private static JsonNode? Parse(string text, string path)
    {
        string trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith('{'))
        {
            try
            {
                return JsonNode.Parse(trimmed);
            }
            catch (JsonException ex)
            {
                throw new PSRemotingDscException(ErrorIds.ReportNotJson, $"--desired '{path}' is not valid JSON: {ex.Message}");
            }
        }

        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            return ReadNode(parser, path);
        }
        catch (YamlException ex)
        {
            throw Invalid(path, $"is not valid YAML ({ex.Start.Line}:{ex.Start.Column}): {ex.Message}");
        }
    }

    private static JsonNode? ReadNode(IParser parser, string path)
    {
        if (parser.TryConsume<Scalar>(out Scalar? scalar))
        {
            return ScalarNode(scalar);
        }

        if (parser.TryConsume<MappingStart>(out _))
        {
            var obj = new JsonObject();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                Scalar key = parser.Consume<Scalar>();
                obj[key.Value] = ReadNode(parser, path);
            }

            return obj;
        }

        if (parser.TryConsume<SequenceStart>(out _))
        {
            var array = new JsonArray();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                array.Add(ReadNode(parser, path));
            }

            return array;
        }

        throw Invalid(path, $"uses a YAML feature report does not read ({parser.Current?.GetType().Name} at {parser.Current?.Start.Line}:{parser.Current?.Start.Column}; anchors and aliases are not read)");
    }

    /// <summary>A YAML 1.2 core-schema scalar: quoted is a string; plain true/false, null/~/empty and integers are typed.</summary>
    private static JsonValue? ScalarNode(Scalar scalar)
    {
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(scalar.Value);
        }

        string value = scalar.Value;
        return value switch
        {
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            "" or "~" or "null" or "Null" or "NULL" => null,
            _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number) => JsonValue.Create(number),
            _ => JsonValue.Create(value),
        };
    }

    private static PSRemotingDscException Invalid(string path, string problem) =>
        new(ErrorIds.DesiredDocumentInvalid, $"--desired '{path}' {problem}.");
}
