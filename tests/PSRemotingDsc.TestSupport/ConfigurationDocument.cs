using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace PSRemotingDsc.TestSupport;

/// <summary>
/// A DSC v3 configuration document read from YAML into JSON the way dsc reads it (JSON-first, then YAML),
/// with <c>[parameters('name')]</c> expressions resolved from given values or the parameters' defaults.
/// </summary>
public sealed partial class ConfigurationDocument
{
    private ConfigurationDocument(JsonObject root)
    {
        Root = root;
    }

    public JsonObject Root { get; }

    public static ConfigurationDocument Load(string path)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        return new ConfigurationDocument(ToJson(yaml.Documents[0].RootNode)!.AsObject());
    }

    /// <summary>The resource instances, properties resolved with <paramref name="parameters"/> over the defaults.</summary>
    public IReadOnlyList<(string Name, string Type, JsonObject Properties)> Resources(IReadOnlyDictionary<string, string>? parameters = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string name, JsonNode? definition) in Root["parameters"]?.AsObject() ?? [])
        {
            if (definition?["defaultValue"] is JsonValue defaultValue)
            {
                values[name] = defaultValue.ToString();
            }
        }

        foreach ((string name, string value) in parameters ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        return Root["resources"]!.AsArray()
            .Select(resource => (
                resource!["name"]!.GetValue<string>(),
                resource["type"]!.GetValue<string>(),
                Resolve(resource["properties"]!.DeepClone(), values)!.AsObject()))
            .ToList();
    }

    private static JsonNode? Resolve(JsonNode? node, IReadOnlyDictionary<string, string> parameters)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (string key in obj.Select(pair => pair.Key).ToList())
                {
                    obj[key] = Resolve(obj[key]?.DeepClone(), parameters);
                }

                return obj;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Resolve(item?.DeepClone(), parameters))]);
            case JsonValue value when value.TryGetValue(out string? text) && ParameterExpression().Match(text) is { Success: true } match:
                return parameters.TryGetValue(match.Groups[1].Value, out string? resolved)
                    ? JsonValue.Create(resolved)
                    : throw new InvalidOperationException($"Parameter '{match.Groups[1].Value}' has no value.");
            default:
                return node;
        }
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair =>
            KeyValuePair.Create(((YamlScalarNode)pair.Key).Value!, ToJson(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException($"Unsupported YAML node {node.NodeType}."),
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        string value = scalar.Value ?? string.Empty;
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        return value switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            "null" or "~" or "" => null,
            _ when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long number) => JsonValue.Create(number),
            _ => JsonValue.Create(value),
        };
    }

    [GeneratedRegex(@"^\[parameters\('([A-Za-z0-9_]+)'\)\]$")]
    private static partial Regex ParameterExpression();
}
