using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Resource;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Inventory;

/// <summary>
/// Builds the <see cref="MachineReport"/> from <see cref="EndpointResource.Inventory(string?, IReadOnlyList{EndpointProperties})"/>:
/// classifies every row, lists the foreign endpoints, binds each row to its installation deterministically and, for each
/// desired row that is not compliant, asks <see cref="EndpointResource.Set"/> under what-if what it would change. Read-only.
/// </summary>
public static class MachineReportBuilder
{
    /// <summary>The report of this machine.</summary>
    /// <param name="resource">The resource to read through.</param>
    /// <param name="sshdConfigPath">The sshd_config to read; null for the platform's default.</param>
    /// <param name="desired">The desired instances (a configuration document's); null for the default endpoint of every installed major version.</param>
    /// <exception cref="PSRemotingDscException">A desired instance names a transport this machine does not have.</exception>
    public static MachineReport Build(EndpointResource resource, string? sshdConfigPath, IReadOnlyList<EndpointProperties>? desired)
    {
        ArgumentNullException.ThrowIfNull(resource);
        MachineInventory inventory = resource.Inventory(sshdConfigPath, desired);
        List<PowerShellInstallation> installations = [.. inventory.Installations
            .OrderByDescending(installation => installation.Version)
            .ThenBy(installation => installation.PSHome, StringComparer.Ordinal)];
        Dictionary<(Transport, string), IReadOnlyList<string>> changes = desired is null ? [] : WhatIfChanges(resource, desired, inventory.SshdConfigPath);
        var rows = new List<InventoryRow>();
        var problems = new List<(Transport, string)>();
        foreach (InventorySection section in inventory.Sections)
        {
            if (section.Problem is not null)
            {
                problems.Add((section.Transport, section.Problem));
            }

            for (int i = 0; i < section.Endpoints.Count; i++)
            {
                EndpointState state = section.Endpoints[i];
                bool tested = i < section.TestedCount;
                EndpointCondition condition = InventoryClassifier.Classify(state);
                rows.Add(new InventoryRow(section.Transport, state.Name!, condition, state.Reasons)
                {
                    Version = state.Version,
                    ResolvedVersion = state.ResolvedVersion,
                    PSHome = state.Exist == true && state.PSHome is not null ? state.PSHome : state.ResolvedPSHome,
                    MatchingInstallations = Matching(installations, state.Version ?? state.ResolvedVersion),
                    Desired = tested,
                    Changes = tested && condition != EndpointCondition.Ok
                        ? changes.GetValueOrDefault((section.Transport, state.Name!.ToUpperInvariant())) ?? (desired is null ? WhatIf(resource, DefaultOf(section, state)) : [])
                        : [],
                });
            }

            rows.AddRange(section.Foreign.Select(foreign => new InventoryRow(foreign.Transport, foreign.Name, EndpointCondition.Foreign, [])
            {
                Command = foreign.Command,
                Location = foreign.Location,
            }));
        }

        return new MachineReport(installations, inventory.SshdConfigPath, problems, rows);
    }

    /// <summary>The installations <paramref name="version"/> (a spec or an exact version) matches, in report order.</summary>
    private static IReadOnlyList<string> Matching(IReadOnlyList<PowerShellInstallation> installations, string? version) =>
        version is not null && VersionSpec.TryParse(version, out VersionSpec? spec, out _)
            ? [.. installations.Where(installation => spec.Matches(installation.Version)).Select(installation => installation.PSHome)]
            : [];

    private static EndpointProperties DefaultOf(InventorySection section, EndpointState state) => new()
    {
        Transport = section.Transport,
        Version = state.Version,
        SshdConfigPath = section.Transport == Transport.Ssh ? state.SshdConfigPath : null,
    };

    private static Dictionary<(Transport, string), IReadOnlyList<string>> WhatIfChanges(EndpointResource resource, IReadOnlyList<EndpointProperties> desired, string sshdConfigPath)
    {
        var changes = new Dictionary<(Transport, string), IReadOnlyList<string>>();
        foreach (EndpointProperties properties in desired)
        {
            EndpointProperties scoped = properties.Transport != Transport.Wsman && properties.SshdConfigPath is null ? properties with { SshdConfigPath = sshdConfigPath } : properties;
            try
            {
                EndpointState state = resource.Test(scoped).State;
                if (state.Reasons.Count > 0)
                {
                    changes[(state.Transport!.Value, state.Name!.ToUpperInvariant())] = WhatIf(resource, scoped);
                }
            }
            catch (PSRemotingDscException)
            {
                // The inventory reports the same failure as the section's problem.
            }
        }

        return changes;
    }

    private static IReadOnlyList<string> WhatIf(EndpointResource resource, EndpointProperties properties)
    {
        try
        {
            return [.. resource.Set(properties, whatIf: true).Changes.Select(change => $"{change.File}: {change.Description}")];
        }
        catch (PSRemotingDscException ex)
        {
            return [$"set would fail: {ex.ErrorId}: {ex.Message}"];
        }
    }
}
