using System.Text;
using System.Text.Json;
using PSRemotingDsc.Cli.Contract;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Inventory;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Cli.Report;

/// <summary>The JSON of a machine report and of a fleet report (<c>schemas/report.schema.json</c>), written with Utf8JsonWriter.</summary>
internal static class ReportJson
{
    /// <summary>The version of the report's shape. Readers refuse another major version; a new optional field is a minor one.</summary>
    public const string SchemaVersion = "1.0";

    /// <summary>The schema's <c>$id</c>.</summary>
    public const string SchemaId = "https://github.com/PSRemotingDsc/PSRemotingDsc/schemas/report.schema.json";

    public static string Machine(MachineReport report, string machine, DateTimeOffset generatedAt, string? desiredPath)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOutput.Indented))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", SchemaId);
            writer.WriteString("schemaVersion", SchemaVersion);
            writer.WriteString("kind", "machine");
            writer.WriteString("machine", machine);
            writer.WriteString("generatedAt", generatedAt);
            writer.WriteString("sshdConfigPath", report.SshdConfigPath);
            writer.WriteString("desired", desiredPath);
            writer.WriteString("complianceStatus", report.ComplianceStatus.ToString());
            writer.WriteStartObject("summary");
            writer.WriteNumber("endpoints", report.Rows.Count);
            writer.WriteNumber("compliant", report.Rows.Count(row => row.ComplianceStatus == ComplianceStatus.Compliant));
            writer.WriteNumber("nonCompliant", report.Rows.Count(row => row.ComplianceStatus == ComplianceStatus.NonCompliant));
            WriteStates(writer, condition => report.Count(condition));
            writer.WriteEndObject();
            writer.WriteStartArray("problems");
            foreach ((Transport transport, string message) in report.Problems)
            {
                writer.WriteStartObject();
                writer.WriteString("transport", EndpointContract.Transport.WireValue(transport));
                writer.WriteString("message", message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("installations");
            foreach (PowerShellInstallation installation in report.Installations)
            {
                writer.WriteStartObject();
                writer.WriteString("version", installation.Version.ToString());
                writer.WriteString("pshome", installation.PSHome);
                writer.WriteString("origin", installation.Origin);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("endpoints");
            foreach (InventoryRow row in report.Rows)
            {
                writer.WriteStartObject();
                writer.WriteString("name", row.Name);
                writer.WriteString("transport", EndpointContract.Transport.WireValue(row.Transport));
                writer.WriteString("state", InventoryClassifier.WireName(row.Condition));
                writer.WriteString("complianceStatus", row.ComplianceStatus.ToString());
                writer.WriteBoolean("desired", row.Desired);
                writer.WriteString("version", row.Version);
                writer.WriteString("resolvedVersion", row.ResolvedVersion);
                writer.WriteString("pshome", row.PSHome);
                WriteStrings(writer, "matchingInstallations", row.MatchingInstallations);
                StateJson.WriteReasons(writer, row.Reasons);
                WriteStrings(writer, "changes", row.Changes);
                if (row.Command is not null)
                {
                    writer.WriteString("command", row.Command);
                }

                if (row.Location is not null)
                {
                    writer.WriteString("location", row.Location);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    public static string Fleet(FleetReport fleet, DateTimeOffset generatedAt)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOutput.Indented))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", SchemaId);
            writer.WriteString("schemaVersion", SchemaVersion);
            writer.WriteString("kind", "fleet");
            writer.WriteString("generatedAt", generatedAt);
            writer.WriteString("complianceStatus", fleet.ComplianceStatus.ToString());
            writer.WriteStartObject("summary");
            writer.WriteNumber("machines", fleet.CompliantMachines + fleet.NonCompliantMachines);
            writer.WriteNumber("compliantMachines", fleet.CompliantMachines);
            writer.WriteNumber("nonCompliantMachines", fleet.NonCompliantMachines);
            writer.WriteNumber("endpoints", fleet.Endpoints);
            WriteStates(writer, fleet.Count);
            writer.WriteStartObject("versions");
            foreach ((string version, int count) in fleet.Versions)
            {
                writer.WriteNumber(version, count);
            }

            writer.WriteEndObject();
            writer.WriteStartObject("reasons");
            foreach ((string code, int count) in fleet.Reasons)
            {
                writer.WriteNumber(code, count);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartArray("machines");
            foreach (var machine in fleet.Machines)
            {
                writer.WriteStartObject();
                writer.WriteString("machine", machine.Machine);
                writer.WriteString("generatedAt", machine.GeneratedAt);
                writer.WriteString("source", machine.Source);
                writer.WriteString("complianceStatus", (machine.NonCompliant == 0 ? ComplianceStatus.Compliant : ComplianceStatus.NonCompliant).ToString());
                writer.WriteNumber("endpoints", machine.Endpoints);
                writer.WriteNumber("nonCompliant", machine.NonCompliant);
                WriteStates(writer, condition => machine.Conditions[(int)condition]);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }

    private static void WriteStates(Utf8JsonWriter writer, Func<EndpointCondition, int> count)
    {
        writer.WriteStartObject("states");
        foreach (EndpointCondition condition in Enum.GetValues<EndpointCondition>())
        {
            writer.WriteNumber(InventoryClassifier.WireName(condition), count(condition));
        }

        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
