using PSRemotingDsc.Drift;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Platform;

namespace PSRemotingDsc.Ssh;

/// <summary>
/// Turns drift into edits. The line sshd uses is rewritten in place (so its position and the file it lives
/// in are kept), later duplicates are removed, and a missing line goes into the main file before the first
/// Match block. Extra arguments the user did not declare are kept, unless they hold shell syntax: then the plan is refused.
/// </summary>
public static class SshPlanner
{
    /// <summary>The edits that remove <paramref name="reasons"/>, applied to the documents of <paramref name="configuration"/> in memory; empty when there are none.</summary>
    /// <param name="desired">The endpoint asked for, with the executable its line starts.</param>
    /// <param name="configuration">The configuration as read; its documents are edited.</param>
    /// <param name="observed">What the configuration registers under the name.</param>
    /// <param name="reasons">The drift to remove.</param>
    /// <exception cref="PSRemotingDscException">KeptArgumentsUnsafe: the line to rewrite carries shell syntax and no arguments were declared.</exception>
    public static SshPlan Plan(SshEndpointDesired desired, SshdConfiguration configuration, SshEndpointObservation observed, IReadOnlyList<Reason> reasons)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(reasons);
        if (reasons.Count == 0)
        {
            return new SshPlan([], []);
        }

        if (desired.Exist && desired.Arguments is null && reasons.FirstOrDefault(reason => reason.Is(ReasonId.ShellSyntaxInArguments)) is { } shellSyntax)
        {
            throw new PSRemotingDscException(ErrorIds.KeptArgumentsUnsafe,
                $"{shellSyntax.Phrase} Its extra arguments are not carried into a rewritten line: set 'arguments' to the list you want (letters, digits and {ShellSafeWord.Punctuation}). Nothing was changed.");
        }

        var modified = new List<SshdConfigDocument>();
        var changes = new List<PlannedChange>();
        if (!desired.Exist)
        {
            foreach (SshdConfigDocument document in DocumentsDefining(configuration, observed))
            {
                if (document.RemoveSubsystem(desired.Name))
                {
                    modified.Add(document);
                    changes.Add(new PlannedChange(document.Path, $"remove Subsystem '{desired.Name}'"));
                }
            }

            return new SshPlan(modified, changes);
        }

        IReadOnlyList<string> arguments = desired.Arguments ?? observed.Effective?.Command.ExtraArguments ?? [];
        string command = SubsystemCommandLine.ForPowerShell(desired.Executable!, arguments).Render();
        SshdConfigDocument target = observed.Effective is { } effective
            ? configuration.Documents.First(document => PathIdentity.SameFullPath(document.Path, effective.Definition.File))
            : configuration.Main;
        if (target.SetSubsystem(desired.Name, command))
        {
            modified.Add(target);
            string verb = observed.Exists ? "rewrite" : "add";
            changes.Add(new PlannedChange(target.Path, $"{verb} 'Subsystem {desired.Name} {command}'"));
        }

        foreach (SshdConfigDocument other in DocumentsDefining(configuration, observed).Where(document => !ReferenceEquals(document, target)))
        {
            if (other.RemoveSubsystem(desired.Name))
            {
                modified.Add(other);
                changes.Add(new PlannedChange(other.Path, $"remove duplicate Subsystem '{desired.Name}'"));
            }
        }

        return new SshPlan(modified, changes);
    }

    private static IEnumerable<SshdConfigDocument> DocumentsDefining(SshdConfiguration configuration, SshEndpointObservation observed) =>
        configuration.Documents.Where(document => observed.Definitions.Any(definition => PathIdentity.SameFullPath(document.Path, definition.Definition.File)));
}
