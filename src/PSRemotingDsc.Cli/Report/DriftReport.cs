using System.Text;
using System.Text.Json;
using PSRemotingDsc.Cli.Contract;
using PSRemotingDsc.Drift;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Resource;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Cli.Report;

/// <summary>
/// <c>psremotingdsc report</c>: read-only drift of this machine. For every installed PowerShell it tests the
/// default SSH endpoint of its major version (<c>7</c> or <c>7-preview</c>), and lists every other
/// PowerShell endpoint already registered. Changes nothing.
/// </summary>
internal static class DriftReport
{
    public static int Run(CommandArguments arguments, TextWriter stdout, ResourceEnvironment environment)
    {
        MachineInventory inventory = new EndpointResource(environment).Inventory(arguments.SshdConfig);
        stdout.Write(arguments.Format == "json" ? RenderJson(inventory) : RenderTable(inventory));
        return 0;
    }

    private static string Title(InventorySection section) => section.Transport == Transport.Ssh
        ? $"SSH endpoints in {section.Location}"
        : $"WSMan endpoints (WinRM plugins, {section.Location})";

    private static string RenderTable(MachineInventory inventory)
    {
        var text = new StringBuilder();
        text.AppendLine("PowerShell installations");
        text.Append(Table.Render(
            ["Version", "PSHome", "Found by"],
            inventory.Installations.Select(installation => new[] { installation.Version.ToString(), installation.PSHome, installation.Origin }).ToList(),
            "(none found)"));
        foreach (InventorySection section in inventory.Sections)
        {
            text.AppendLine();
            text.AppendLine(Title(section));
            if (section.Problem is not null)
            {
                text.AppendLine(section.Problem);
                continue;
            }

            text.Append(Table.Render(
                ["Endpoint", "Version", "Resolves to", "State", "Reasons"],
                section.Endpoints.Select(row => new[]
                {
                    row.Name!,
                    row.Version ?? "-",
                    row.ResolvedVersion ?? "-",
                    row.InDesiredState == true ? "in desired state" : "DRIFT",
                    row.Reasons.Count == 0 ? string.Empty : string.Join(" | ", row.Reasons.Select(reason => reason.Phrase)),
                }).ToList(),
                "(no PowerShell installation and no PowerShell endpoint)"));
            int drifted = section.Endpoints.Count(row => row.InDesiredState != true);
            text.AppendLine(drifted == 0
                ? $"{section.Endpoints.Count} endpoint(s), all in the desired state."
                : $"{section.Endpoints.Count} endpoint(s), {drifted} drifted. Repair with 'psremotingdsc set' or 'dsc config set'.");
        }

        return text.ToString();
    }

    private static string RenderJson(MachineInventory inventory)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOutput.Indented))
        {
            writer.WriteStartObject();
            writer.WriteString("machine", Environment.MachineName);
            writer.WriteString("generatedAt", DateTimeOffset.UtcNow);
            writer.WriteString("sshdConfigPath", inventory.SshdConfigPath);
            writer.WriteStartArray("problems");
            foreach (InventorySection section in inventory.Sections.Where(section => section.Problem is not null))
            {
                writer.WriteStartObject();
                writer.WriteString("transport", EndpointContract.Transport.WireValue(section.Transport));
                writer.WriteString("message", section.Problem);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("installations");
            foreach (PowerShellInstallation installation in inventory.Installations)
            {
                writer.WriteStartObject();
                writer.WriteString("version", installation.Version.ToString());
                writer.WriteString("pshome", installation.PSHome);
                writer.WriteString("origin", installation.Origin);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("endpoints");
            foreach (InventorySection section in inventory.Sections)
            {
                foreach (EndpointState row in section.Endpoints)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", row.Name);
                    writer.WriteString("transport", EndpointContract.Transport.WireValue(row.Transport!.Value));
                    writer.WriteString("version", row.Version);
                    writer.WriteString("resolvedVersion", row.ResolvedVersion);
                    writer.WriteBoolean("inDesiredState", row.InDesiredState == true);
                    StateJson.WriteReasons(writer, row.Reasons);
                    writer.WriteEndObject();
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }
}
