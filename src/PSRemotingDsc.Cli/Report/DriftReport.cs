using System.Globalization;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Inventory;
using PSRemotingDsc.Resource;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Cli.Report;

/// <summary>
/// <c>psremotingdsc report</c>: the machine inventory, read-only. Every registered endpoint and every desired one (the
/// default endpoint of every installed major version, or the instances of <c>--desired</c>), each in one state
/// (ok, missing, drifted, orphaned, stale, foreign) as the engine's <see cref="MachineReportBuilder"/> classifies it.
/// The exit code is <see cref="ReportExitCode.NonCompliant"/> when anything is NonCompliant.
/// </summary>
internal static class DriftReport
{
    public static int Run(CommandArguments arguments, TextWriter stdout, ResourceEnvironment environment, bool colour)
    {
        IReadOnlyList<EndpointProperties>? desired = arguments.Desired is { } path ? DesiredDocument.Read(path) : null;
        MachineReport report = MachineReportBuilder.Build(new EndpointResource(environment), arguments.SshdConfig, desired);
        string machine = Environment.MachineName;
        DateTimeOffset now = DateTimeOffset.UtcNow;
        stdout.Write(arguments.Format == "json"
            ? ReportJson.Machine(report, machine, now, arguments.Desired)
            : ReportRenderers.Render(View(report, machine, now, arguments.Desired, arguments.Format == "table" ? " | " : "\n"), arguments.Format, colour));
        return report.ComplianceStatus == ComplianceStatus.NonCompliant ? ReportExitCode.NonCompliant : ReportExitCode.Compliant;
    }

    /// <summary>
    /// <c>report merge</c>: reads the machine reports one at a time (each file is parsed, counted and dropped before the
    /// next is read) and writes the fleet report only when every one was read, so a bad file writes nothing.
    /// </summary>
    public static int Merge(CommandArguments arguments, TextWriter stdout, Func<string?> readStdin, bool colour)
    {
        if (arguments.Files.Count == 0)
        {
            throw CommandArguments.Invalid("report merge needs at least one machine report (a file, or - for stdin).");
        }

        var fleet = new FleetReport();
        bool stdinRead = false;
        foreach (string file in arguments.Files)
        {
            byte[] bytes;
            if (file == "-")
            {
                if (stdinRead)
                {
                    throw CommandArguments.Invalid("report merge reads stdin ('-') at most once.");
                }

                stdinRead = true;
                bytes = System.Text.Encoding.UTF8.GetBytes(readStdin() ?? string.Empty);
            }
            else
            {
                try
                {
                    bytes = File.ReadAllBytes(file);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
                {
                    throw new PSRemotingDscException(ErrorIds.ReportFileUnreadable, $"{file}: cannot be read: {ex.Message} Nothing was written.");
                }
            }

            fleet.Add(MachineReportReader.Read(bytes, file));
        }

        DateTimeOffset now = DateTimeOffset.UtcNow;
        stdout.Write(arguments.Format == "json" ? ReportJson.Fleet(fleet, now) : ReportRenderers.Render(FleetView(fleet, now), arguments.Format, colour));
        return fleet.ComplianceStatus == ComplianceStatus.NonCompliant ? ReportExitCode.NonCompliant : ReportExitCode.Compliant;
    }

    private static string Title(Transport transport) => transport == Transport.Ssh ? "SSH" : "WSMan";

    private static string States(Func<EndpointCondition, int> count) =>
        string.Join(", ", Enum.GetValues<EndpointCondition>().Select(condition => $"{InventoryClassifier.WireName(condition)} {ReportRenderers.Count(count(condition))}"));

    public static ReportView View(MachineReport report, string machine, DateTimeOffset generatedAt, string? desiredPath, string separator)
    {
        int nonCompliant = report.Rows.Count(row => row.ComplianceStatus == ComplianceStatus.NonCompliant);
        var summary = new List<(string, string)>
        {
            ("Machine", machine),
            ("Generated at", generatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            ("Compliance", report.ComplianceStatus.ToString()),
            ("Endpoints", $"{report.Rows.Count} ({nonCompliant} NonCompliant)"),
            ("States", States(report.Count)),
            ("sshd_config", report.SshdConfigPath),
            ("Desired", desiredPath ?? "the default endpoint of every installed major version"),
        };
        summary.AddRange(report.Problems.Select(problem => ($"Problem ({Title(problem.Transport)})", problem.Message)));
        var installations = new ViewTable(
            "PowerShell installations", "installations", ["Version", "PSHome", "Found by"],
            [.. report.Installations.Select(installation => new[] { installation.Version.ToString(), installation.PSHome, installation.Origin })],
            "(none found)");
        var endpoints = new ViewTable(
            "Endpoints", "endpoints", ["Transport", "Endpoint", "State", "Compliance", "Version", "Resolves to", "PSHome", "Reasons", "Set would"],
            [.. report.Rows.Select(row => new[]
            {
                EndpointContract.Transport.WireValue(row.Transport),
                row.Name,
                InventoryClassifier.WireName(row.Condition),
                row.ComplianceStatus.ToString(),
                row.Version ?? "-",
                row.ResolvedVersion ?? "-",
                row.Condition == EndpointCondition.Foreign ? $"{row.Command} ({row.Location})" : row.PSHome ?? "-",
                string.Join(separator, row.Reasons.Select(reason => reason.Phrase)),
                string.Join(separator, row.Changes),
            })],
            "(no PowerShell installation and no endpoint)",
            StateColumn: 2);
        string footer = nonCompliant == 0
            ? $"{report.Rows.Count} endpoint(s), all Compliant."
            : $"{report.Rows.Count} endpoint(s), {nonCompliant} NonCompliant. Repair with 'psremotingdsc set' or 'dsc config set'.";
        return new ReportView($"PSRemotingDsc report of {machine}: {report.ComplianceStatus}", summary, [installations, endpoints], footer);
    }

    public static ReportView FleetView(FleetReport fleet, DateTimeOffset generatedAt)
    {
        int machines = fleet.CompliantMachines + fleet.NonCompliantMachines;
        var summary = new List<(string, string)>
        {
            ("Generated at", generatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            ("Compliance", fleet.ComplianceStatus.ToString()),
            ("Machines", $"{machines} ({fleet.NonCompliantMachines} NonCompliant)"),
            ("Endpoints", ReportRenderers.Count(fleet.Endpoints)),
            ("States", States(fleet.Count)),
        };
        EndpointCondition[] conditions = Enum.GetValues<EndpointCondition>();
        var machineTable = new ViewTable(
            "Machines (worst first)", "machines",
            ["Machine", "Compliance", "NonCompliant", "Endpoints", .. conditions.Select(InventoryClassifier.WireName), "Generated at", "Report"],
            [.. fleet.Machines.Select(machine => (string[])
            [
                machine.Machine,
                (machine.NonCompliant == 0 ? ComplianceStatus.Compliant : ComplianceStatus.NonCompliant).ToString(),
                ReportRenderers.Count(machine.NonCompliant),
                ReportRenderers.Count(machine.Endpoints),
                .. conditions.Select(condition => ReportRenderers.Count(machine.Conditions[(int)condition])),
                machine.GeneratedAt,
                machine.Source,
            ])],
            "(no machines)");
        var versions = new ViewTable("Endpoints per PowerShell version", "versions", ["Version", "Endpoints"],
            [.. fleet.Versions.Select(version => new[] { version.Version, ReportRenderers.Count(version.Count) })], "(no PowerShell endpoints)");
        var reasons = new ViewTable("Reasons", "reasons", ["Code", "Count"],
            [.. fleet.Reasons.Select(reason => new[] { reason.Code, ReportRenderers.Count(reason.Count) })], "(no reasons: every endpoint is Compliant)");
        return new ReportView($"PSRemotingDsc fleet report: {fleet.ComplianceStatus}", summary, [machineTable, versions, reasons], null);
    }
}
