using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Json.Schema;

namespace PSRemotingDsc.TestSupport;

/// <summary>Validates JSON against Microsoft's published DSC v3 schemas and the resource's own instance schema.</summary>
public static class SchemaValidator
{
    // Each published bundle carries the same $defs ($id-keyed), so each is built once, in a registry of its own.
    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> s_cache = new();

    /// <summary>The stdout schema of a resource operation (get, set, test, export, delete, schema, whatIf).</summary>
    public static JsonSchema Stdout(string operation) => Published("stdout/" + operation);

    public static JsonSchema Manifest => Published("manifest");

    public static JsonSchema Published(string name) =>
        s_cache.GetOrAdd(name, key => new Lazy<JsonSchema>(() => JsonSchema.FromText(
            File.ReadAllText(Path.Combine(RepositoryPaths.DscSchemas, key + ".json")),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() }))).Value;

    public static JsonSchema FromText(string schemaText) => JsonSchema.FromText(schemaText, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    /// <summary>Returns the validation errors, empty when valid.</summary>
    public static IReadOnlyList<string> Validate(JsonSchema schema, JsonNode? instance)
    {
        ArgumentNullException.ThrowIfNull(schema);
        using var document = System.Text.Json.JsonDocument.Parse(instance?.ToJsonString() ?? "null");
        EvaluationResults results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        var errors = new List<string>();
        Collect(results, errors);
        return errors.Count > 0 ? errors : ["invalid (no error detail)"];
    }

    private static void Collect(EvaluationResults results, List<string> errors)
    {
        if (results.Errors is { } own)
        {
            errors.AddRange(own.Select(error => $"{results.InstanceLocation} ({results.EvaluationPath}): {error.Key}: {error.Value}"));
        }

        foreach (EvaluationResults detail in results.Details ?? [])
        {
            Collect(detail, errors);
        }
    }
}
