using System.Text.Json.Nodes;
using PSRemotingDsc.Endpoints;

namespace PSRemotingDsc.Cli.Contract;

/// <summary>
/// The JSON Schema of a <c>PSRemotingDsc/Endpoint</c> instance, served by <c>psremotingdsc schema</c>, derived from
/// <see cref="EndpointContract"/>. It admits everything the resource prints (read-only and canonical properties, and any
/// state it observes: dsc validates get, test, set and export output against this schema) and nothing unknown. Value
/// rules (safe characters, absolute paths, quota ranges) are the engine's, with their own error IDs and exit codes.
/// </summary>
internal static class InstanceSchema
{
    public static JsonObject Build()
    {
        var properties = new JsonObject();
        foreach (PropertyDeclaration property in EndpointContract.All)
        {
            properties[property.Name] = Describe(property);
        }

        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = ResourceManifest.ResourceType,
            ["description"] = "The PowerShell remoting endpoint for a PowerShell version is present, bound to that installation, and configured as declared.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
    }

    private static JsonObject Describe(PropertyDeclaration property)
    {
        JsonObject schema = property.Kind switch
        {
            PropertyKind.Text => new JsonObject { ["type"] = property.ReportsNull ? new JsonArray("string", "null") : "string" },
            PropertyKind.Boolean => new JsonObject { ["type"] = property.IsSettable ? "boolean" : new JsonArray("boolean", "null") },
            PropertyKind.Number => new JsonObject { ["type"] = "integer" },
            PropertyKind.Enumeration => new JsonObject
            {
                ["type"] = "string",
                ["enum"] = new JsonArray([.. property.Values.Select(pair => (JsonNode?)pair.Key)]),
            },
            PropertyKind.StringList => new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject { ["type"] = "string" },
            },
            PropertyKind.Reasons => ReasonsSchema(),
            PropertyKind.Services => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "object" } },
            _ => new JsonObject { ["type"] = "object" },
        };

        if (property.NonEmpty)
        {
            schema["minLength"] = 1;
        }

        switch (property.Default)
        {
            case bool flag:
                schema["default"] = flag;
                break;
            case string text:
                schema["default"] = text;
                break;
        }

        // _metadata travels both ways between dsc and the resource: neither read-only nor write-only.
        if (property.Access == PropertyAccess.ReadOnly && property.Kind != PropertyKind.Metadata)
        {
            schema["readOnly"] = true;
        }
        else if (property.Access == PropertyAccess.WriteOnly)
        {
            schema["writeOnly"] = true;
        }

        schema["description"] = property.Description;
        return schema;
    }

    /// <summary>The schema of a <c>reasons</c> array: objects of exactly <c>code</c> and <c>phrase</c>, Machine Configuration's shape.</summary>
    internal static JsonObject ReasonsSchema() => new()
    {
        ["type"] = "array",
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
    };
}
