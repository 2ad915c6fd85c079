using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.PowerShell.Commands;

/// <summary>Completes <c>-Version</c> with the specs the installed PowerShells satisfy: <c>7</c>, <c>7.4</c>, <c>7.4.6</c>, <c>7-preview</c>.</summary>
public sealed class InstalledVersionCompleter : IArgumentCompleter
{
    /// <summary>The specs of the installed versions that start with <paramref name="wordToComplete"/>, most general first.</summary>
    /// <param name="commandName">The command being completed.</param>
    /// <param name="parameterName">The parameter being completed.</param>
    /// <param name="wordToComplete">What the user typed so far.</param>
    /// <param name="commandAst">The command's syntax tree.</param>
    /// <param name="fakeBoundParameters">The parameters bound so far.</param>
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        IReadOnlyList<PowerShellInstallation> installations;
        try
        {
            installations = new InstallationDiscovery().FindInstallations();
        }
        catch (IOException)
        {
            yield break;
        }
        catch (UnauthorizedAccessException)
        {
            yield break;
        }

        foreach ((string spec, string tooltip) in SpecsOf(installations))
        {
            if (spec.StartsWith(wordToComplete ?? string.Empty, StringComparison.OrdinalIgnoreCase))
            {
                yield return new CompletionResult(spec, spec, CompletionResultType.ParameterValue, tooltip);
            }
        }
    }

    internal static IEnumerable<(string Spec, string Tooltip)> SpecsOf(IReadOnlyList<PowerShellInstallation> installations)
    {
        var ordered = installations.OrderByDescending(installation => installation.Version).ToList();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        IEnumerable<(string, PowerShellInstallation)> candidates =
            ordered.Select(installation => (VersionSpec.ForMajorOf(installation.Version).ToString(), installation))
            .Concat(ordered.Select(installation => (MinorSpec(installation.Version), installation)))
            .Concat(ordered.Select(installation => (installation.Version.ToString(), installation)));
        foreach ((string spec, PowerShellInstallation installation) in candidates)
        {
            if (seen.Add(spec))
            {
                yield return (spec, $"PowerShell {installation.Version} at {installation.PSHome}");
            }
        }
    }

    private static string MinorSpec(PowerShellVersion version) =>
        version.IsPreRelease ? $"{version.Major}.{version.Minor}-preview" : $"{version.Major}.{version.Minor}";
}
