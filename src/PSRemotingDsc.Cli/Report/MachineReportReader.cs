using System.Text.Json;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Inventory;

namespace PSRemotingDsc.Cli.Report;

/// <summary>
/// Reads one machine report (<c>report --format json</c>) for <c>report merge</c>: checks its schemaVersion and the fields
/// the fleet report counts, and names the file and the JSON path of the first thing wrong.
/// </summary>
internal static class MachineReportReader
{
    public static MachineSummary Read(byte[] utf8, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException ex)
        {
            throw new PSRemotingDscException(ErrorIds.ReportNotJson, $"{source}: not a JSON report (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message} Nothing was written.");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(source, "$", $"is {root.ValueKind}, not a report object");
            }

            string version = String(root, "schemaVersion", source, "$");
            if (!version.StartsWith(ReportJson.SchemaVersion.Split('.')[0] + ".", StringComparison.Ordinal))
            {
                throw new PSRemotingDscException(ErrorIds.ReportSchemaVersionUnsupported,
                    $"{source}: $.schemaVersion is '{version}'; this psremotingdsc reads reports of schema version {ReportJson.SchemaVersion.Split('.')[0]}.x. Make the report with the same psremotingdsc version. Nothing was written.");
            }

            string kind = String(root, "kind", source, "$");
            if (kind != "machine")
            {
                throw Invalid(source, "$.kind", $"is '{kind}', not 'machine' (merge reads machine reports, not fleet reports)");
            }

            string machine = String(root, "machine", source, "$");
            string generatedAt = String(root, "generatedAt", source, "$");
            if (!root.TryGetProperty("endpoints", out JsonElement endpoints) || endpoints.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(source, "$.endpoints", "is missing or not an array");
            }

            var rows = new List<(EndpointCondition, string?, IReadOnlyList<string>)>(endpoints.GetArrayLength());
            int index = 0;
            foreach (JsonElement endpoint in endpoints.EnumerateArray())
            {
                string path = $"$.endpoints[{index++}]";
                if (endpoint.ValueKind != JsonValueKind.Object)
                {
                    throw Invalid(source, path, "is not an object");
                }

                string state = String(endpoint, "state", source, path);
                EndpointCondition condition = InventoryClassifier.FromWireName(state)
                    ?? throw Invalid(source, path + ".state", $"is '{state}', not one of ok, missing, drifted, orphaned, stale, foreign");
                string? resolved = endpoint.TryGetProperty("resolvedVersion", out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                if (!endpoint.TryGetProperty("reasons", out JsonElement reasons) || reasons.ValueKind != JsonValueKind.Array)
                {
                    throw Invalid(source, path + ".reasons", "is missing or not an array");
                }

                var codes = new List<string>(reasons.GetArrayLength());
                int reasonIndex = 0;
                foreach (JsonElement reason in reasons.EnumerateArray())
                {
                    string reasonPath = $"{path}.reasons[{reasonIndex++}]";
                    if (reason.ValueKind != JsonValueKind.Object)
                    {
                        throw Invalid(source, reasonPath, "is not an object");
                    }

                    codes.Add(String(reason, "code", source, reasonPath));
                }

                rows.Add((condition, resolved, codes));
            }

            return new MachineSummary(machine, generatedAt, source, rows);
        }
    }

    private static string String(JsonElement parent, string name, string source, string path) =>
        parent.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Invalid(source, $"{path}.{name}", "is missing or not a string");

    private static PSRemotingDscException Invalid(string source, string path, string problem) =>
        new(ErrorIds.ReportInvalid, $"{source}: {path} {problem}. Merge reads the JSON of 'psremotingdsc report --format json'. Nothing was written.");
}
