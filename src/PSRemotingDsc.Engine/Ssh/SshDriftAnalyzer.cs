using PSRemotingDsc.Drift;
using PSRemotingDsc.Platform;

namespace PSRemotingDsc.Ssh;

/// <summary>
/// Compares a desired SSH endpoint with what sshd_config registers. Only what the user set is enforced:
/// extra arguments are compared only when <see cref="SshEndpointDesired.Arguments"/> was given.
/// </summary>
public sealed class SshDriftAnalyzer
{
    private readonly bool _isWindows;

    /// <param name="isWindows">Whether sshd runs on Windows, where a pwsh path with spaces cannot be a subsystem (Win32-OpenSSH).</param>
    public SshDriftAnalyzer(bool isWindows)
    {
        _isWindows = isWindows;
    }

    /// <summary>Every difference between <paramref name="desired"/> and <paramref name="observed"/>; empty when in the desired state.</summary>
    /// <param name="desired">The endpoint asked for.</param>
    /// <param name="observed">Every definition of its name in sshd_config.</param>
    public IReadOnlyList<Reason> Analyze(SshEndpointDesired desired, SshEndpointObservation observed)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(observed);
        if (!desired.Exist)
        {
            return observed.Exists
                ? [Reason.Create(ReasonId.Unexpected, $"Subsystem '{observed.Name}' is defined at {Locations(observed.Definitions)} but should not exist.", "_exist")]
                : [];
        }

        if (!observed.Exists)
        {
            var missing = new List<Reason>
            {
                Reason.Create(ReasonId.Missing, $"Subsystem '{observed.Name}' is not defined; clients cannot connect with -Subsystem {observed.Name}.", "_exist"),
            };
            if (observed.MatchBlockDefinitions.Count > 0)
            {
                SubsystemDefinition first = observed.MatchBlockDefinitions[0];
                missing.Add(Reason.Create(ReasonId.OnlyInMatchBlock,
                    $"Subsystem '{observed.Name}' is defined only inside a Match block ({first.File}:{first.LineNumber}), so it does not apply to every connection.", "_exist"));
            }

            return missing;
        }

        List<Reason> reasons = Check(desired, observed.Effective!);
        if (observed.Definitions.Count == 1)
        {
            return reasons;
        }

        var all = reasons;
        ObservedSubsystem? correctLater = observed.Definitions.Skip(1).FirstOrDefault(later => Check(desired, later).Count == 0);
        if (reasons.Count > 0 && correctLater is not null)
        {
            all.Add(Reason.Create(ReasonId.ShadowedByDuplicate,
                $"The correct Subsystem '{observed.Name}' line at {correctLater.Location} is ignored: sshd uses the first definition, at {observed.Effective!.Location}.", "name"));
        }
        else
        {
            all.Add(Reason.Create(ReasonId.DuplicateDefinition,
                $"Subsystem '{observed.Name}' is defined {observed.Definitions.Count} times ({Locations(observed.Definitions)}); OpenSSH 9.2 refuses to start with a duplicate and newer versions ignore all but the first.", "name"));
        }

        return all;
    }

    private List<Reason> Check(SshEndpointDesired desired, ObservedSubsystem observed)
    {
        var reasons = new List<Reason>();
        // Built only for a reason: export checks thousands of lines that have none.
        string Where() => $"Subsystem '{observed.Definition.Name}' at {observed.Location}";
        if (!observed.ExecutableExists)
        {
            reasons.Add(Reason.Create(ReasonId.InstallationGone,
                $"{Where()} starts '{observed.Command.Executable}', which does not exist (PowerShell was uninstalled or moved).", "pshome"));
        }
        else if (observed.Installation is null)
        {
            reasons.Add(Reason.Create(ReasonId.NotPowerShell,
                $"{Where()} starts '{observed.Command.Executable}', which is not a PowerShell installation.", "pshome"));
        }
        else if (desired.Installation is not null && !PathIdentity.SameDirectory(observed.Installation.PSHome, desired.Installation.PSHome))
        {
            reasons.Add(Reason.Create(ReasonId.BoundToOtherInstallation,
                $"{Where()} starts PowerShell {observed.Installation.Version} in '{observed.Installation.PSHome}', not PowerShell {desired.Installation.Version} in '{desired.Installation.PSHome}'.", "pshome"));
        }

        if (_isWindows && WindowsSubsystemPath.NeedsWorkaround(observed.Command.Executable))
        {
            reasons.Add(Reason.Create(ReasonId.PathHasSpaces,
                $"{Where()} starts '{observed.Command.Executable}', a path with spaces that OpenSSH for Windows cannot run; use the 8.3 short name or a link without spaces.", "pshome"));
        }

        if (!observed.Command.IsServerMode)
        {
            reasons.Add(Reason.Create(ReasonId.NotServerMode,
                $"{Where()} does not pass -sshs, so PowerShell does not run as a remoting server.", "arguments"));
        }

        if (observed.Command.ExtraArguments.FirstOrDefault(word => ShellSafeWord.Problem(word) is not null && !(_isWindows && IsWindowsPath(word))) is { } unsafeWord)
        {
            reasons.Add(Reason.Create(ReasonId.ShellSyntaxInArguments,
                $"{Where()} passes '{unsafeWord}', which {ShellSafeWord.Problem(unsafeWord)}; sshd runs the line with the connecting user's login shell, so it is not passed as written.", "arguments"));
        }

        if (desired.Arguments is not null && !observed.Command.ExtraArguments.SequenceEqual(desired.Arguments, StringComparer.Ordinal))
        {
            reasons.Add(Reason.Create(ReasonId.ArgumentsDiffer,
                $"{Where()} passes the extra arguments [{string.Join(' ', observed.Command.ExtraArguments)}], not [{string.Join(' ', desired.Arguments)}].", "arguments"));
        }

        return reasons;
    }

    // A Windows path's backslashes reach pwsh as path separators, doubled or not; cmd.exe gives them no meaning.
    private static bool IsWindowsPath(string word) => ShellSafeWord.Problem(word.Replace('\\', '/')) is null;

    private static string Locations(IEnumerable<ObservedSubsystem> definitions) => string.Join(", ", definitions.Select(d => d.Location));
}
