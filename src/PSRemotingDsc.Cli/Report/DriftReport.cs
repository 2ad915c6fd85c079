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
        var rows = new List<EndpointState>();
        string? problem = null;
        try
        {
            foreach (string spec in DefaultSpecs(installations))
            {
                rows.Add(resource.Test(new EndpointProperties { Version = spec, Transport = Transport.Ssh, SshdConfigPath = configPath }).State);
            }

            var tested = rows.Select(row => row.Name).ToHashSet(StringComparer.Ordinal);
            rows.AddRange(resource.Export(new EndpointProperties { Transport = Transport.Ssh, SshdConfigPath = configPath })
                .Where(state => !tested.Contains(state.Name))
                .Select(state => state with { InDesiredState = state.Reasons.Count == 0 }));
        }
        catch (PSRemotingDscException ex) when (ex.ExitCode is ExitCode.ConfigPathInvalid or ExitCode.UnsupportedPlatform)
        {
            problem = ex.Message;
        }

        stdout.Write(arguments.Format == "json"
            ? RenderJson(configPath, installations, rows, problem)
            : RenderTable(configPath, installations, rows, problem));
        return 0;
    }

    private static IEnumerable<string> DefaultSpecs(IEnumerable<PowerShellInstallation> installations) => installations
        .Select(installation => installation.Version.IsPreRelease ? $"{installation.Version.Major}-preview" : $"{installation.Version.Major}")
        .Distinct(StringComparer.Ordinal);

    private static string RenderTable(string configPath, IReadOnlyList<PowerShellInstallation> installations, List<EndpointState> rows, string? problem)
    {
        var text = new StringBuilder();
        text.AppendLine("PowerShell installations");
        text.Append(Table.Render(
            ["Version", "PSHome", "Found by"],
            installations.Select(installation => new[] { installation.Version.ToString(), installation.PSHome, installation.Origin }).ToList(),
            "(none found)"));
        text.AppendLine();
        text.AppendLine($"SSH endpoints in {configPath}");
        if (problem is not null)
        {
            text.AppendLine(problem);
            return text.ToString();
        }

        text.Append(Table.Render(
            ["Endpoint", "Version", "Resolves to", "State", "Reasons"],
            rows.Select(row => new[]
            {
                row.Name,
                row.Version ?? "-",
                row.ResolvedVersion ?? "-",
                row.InDesiredState == true ? "in desired state" : "DRIFT",
                row.Reasons.Count == 0 ? string.Empty : string.Join(" | ", row.Reasons.Select(reason => reason.Phrase)),
            }).ToList(),
            "(no PowerShell installation and no PowerShell endpoint)"));
        int drifted = rows.Count(row => row.InDesiredState != true);
        text.AppendLine();
        text.AppendLine(drifted == 0 ? $"{rows.Count} endpoint(s), all in the desired state." : $"{rows.Count} endpoint(s), {drifted} drifted. Repair with 'psremotingdsc set' or 'dsc config set'.");
        return text.ToString();
    }

    private static string RenderJson(string configPath, IReadOnlyList<PowerShellInstallation> installations, List<EndpointState> rows, string? problem)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOutput.Indented))
        {
            writer.WriteStartObject();
            writer.WriteString("machine", Environment.MachineName);
            writer.WriteString("generatedAt", DateTimeOffset.UtcNow);
            writer.WriteString("sshdConfigPath", configPath);
            if (problem is not null)
            {
                writer.WriteString("problem", problem);
            }

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
            foreach (EndpointState row in rows)
            {
                writer.WriteStartObject();
                writer.WriteString("name", row.Name);
                writer.WriteString("transport", "ssh");
                writer.WriteString("version", row.Version);
                writer.WriteString("resolvedVersion", row.ResolvedVersion);
                writer.WriteBoolean("inDesiredState", row.InDesiredState == true);
                writer.WriteStartArray("reasons");
                foreach (Reason reason in row.Reasons)
                {
                    writer.WriteStartObject();
                    writer.WriteString("code", reason.Code);
                    writer.WriteString("phrase", reason.Phrase);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + Environment.NewLine;
    }
}
