using System.Text;
using System.Text.Json;
using PSRemotingDsc.Cli.Contract;
using PSRemotingDsc.Drift;
using PSRemotingDsc.Errors;
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
        IReadOnlyList<PowerShellInstallation> installations = environment.Installations.FindInstallations();
        string configPath = arguments.SshdConfig ?? environment.DefaultSshdConfigPath;
        var resource = new EndpointResource(environment);
        var sections = new List<ReportSection>
        {
            Section(resource, installations, $"SSH endpoints in {configPath}", new EndpointProperties { Transport = Transport.Ssh, SshdConfigPath = configPath }),
        };
        if (environment.WSMan is { } wsman)
        {
            sections.Add(Section(resource, installations, $"WSMan endpoints (WinRM plugins, {wsman.Store.Kind})", new EndpointProperties { Transport = Transport.Wsman }));
        }

        stdout.Write(arguments.Format == "json"
            ? RenderJson(configPath, installations, sections)
            : RenderTable(installations, sections));
        return 0;
    }

    /// <summary>Tests the default endpoint of every installed major version, then lists every other PowerShell endpoint of the transport.</summary>
    private static ReportSection Section(EndpointResource resource, IReadOnlyList<PowerShellInstallation> installations, string title, EndpointProperties scope)
    {
        var rows = new List<EndpointState>();
        try
        {
            foreach (string spec in DefaultSpecs(installations))
            {
                rows.Add(resource.Test(scope with { Version = spec }).State);
            }

            var tested = rows.Select(row => row.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            rows.AddRange(resource.Export(scope)
                .Where(state => !tested.Contains(state.Name))
                .Select(state => state with { InDesiredState = state.Reasons.Count == 0 }));
            return new ReportSection(title, scope.Transport!.Value, rows, null);
        }
        catch (PSRemotingDscException ex)
        {
            return new ReportSection(title, scope.Transport!.Value, rows, $"{ex.ErrorId}: {ex.Message}");
        }
    }

    private static IEnumerable<string> DefaultSpecs(IEnumerable<PowerShellInstallation> installations) => installations
        .Select(installation => installation.Version.IsPreRelease ? $"{installation.Version.Major}-preview" : $"{installation.Version.Major}")
        .Distinct(StringComparer.Ordinal);

    private static string RenderTable(IReadOnlyList<PowerShellInstallation> installations, List<ReportSection> sections)
    {
        var text = new StringBuilder();
        text.AppendLine("PowerShell installations");
        text.Append(Table.Render(
            ["Version", "PSHome", "Found by"],
            installations.Select(installation => new[] { installation.Version.ToString(), installation.PSHome, installation.Origin }).ToList(),
            "(none found)"));
        foreach (ReportSection section in sections)
        {
            text.AppendLine();
            text.AppendLine(section.Title);
            if (section.Problem is not null)
            {
                text.AppendLine(section.Problem);
                continue;
            }

            text.Append(Table.Render(
                ["Endpoint", "Version", "Resolves to", "State", "Reasons"],
                section.Rows.Select(row => new[]
                {
                    row.Name,
                    row.Version ?? "-",
                    row.ResolvedVersion ?? "-",
                    row.InDesiredState == true ? "in desired state" : "DRIFT",
                    row.Reasons.Count == 0 ? string.Empty : string.Join(" | ", row.Reasons.Select(reason => reason.Phrase)),
                }).ToList(),
                "(no PowerShell installation and no PowerShell endpoint)"));
            int drifted = section.Rows.Count(row => row.InDesiredState != true);
            text.AppendLine(drifted == 0
                ? $"{section.Rows.Count} endpoint(s), all in the desired state."
                : $"{section.Rows.Count} endpoint(s), {drifted} drifted. Repair with 'psremotingdsc set' or 'dsc config set'.");
        }

        return text.ToString();
    }

    private static string RenderJson(string configPath, IReadOnlyList<PowerShellInstallation> installations, List<ReportSection> sections)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOutput.Indented))
        {
            writer.WriteStartObject();
            writer.WriteString("machine", Environment.MachineName);
            writer.WriteString("generatedAt", DateTimeOffset.UtcNow);
            writer.WriteString("sshdConfigPath", configPath);
            writer.WriteStartArray("problems");
            foreach (ReportSection section in sections.Where(section => section.Problem is not null))
            {
                writer.WriteStartObject();
                writer.WriteString("transport", TransportName(section.Transport));
                writer.WriteString("message", section.Problem);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("installations");
            foreach (PowerShellInstallation installation in installations)
            {
                writer.WriteStartObject();
                writer.WriteString("version", installation.Version.ToString());
                writer.WriteString("pshome", installation.PSHome);
                writer.WriteString("origin", installation.Origin);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("endpoints");
            foreach (ReportSection section in sections)
            {
                foreach (EndpointState row in section.Rows)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", row.Name);
                    writer.WriteString("transport", TransportName(row.Transport));
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

    private static string TransportName(Transport transport) => transport == Transport.Ssh ? "ssh" : "wsman";

    private sealed record ReportSection(string Title, Transport Transport, List<EndpointState> Rows, string? Problem);
}
