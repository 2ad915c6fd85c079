using System.Globalization;
using System.Text.RegularExpressions;
using PSRemotingDsc.Errors;

namespace PSRemotingDsc.Cli.Tests;

/// <summary>The README is the user's contract: its commands and tables must say what the code does.</summary>
public partial class ReadmeTests
{
    private static readonly string s_readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

    [Fact]
    public void ExitCodeTable_ListsEveryExitCodeOnce()
    {
        var documented = ExitCodeRow().Matches(s_readme).Select(match => int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(Enum.GetValues<ExitCode>().Select(code => (int)code).Order(), documented.Order());
    }

    [Fact]
    public void CiScript_RunsTheReadmeTestCommand()
    {
        string ci = File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".ci", "run"));

        Assert.Contains("./build.sh test     #", s_readme, StringComparison.Ordinal);
        Assert.Contains("\n./build.sh test\n", ci, StringComparison.Ordinal);
    }

    [Fact]
    public void ReasonList_NamesEveryReasonId()
    {
        Assert.All(Enum.GetNames<PSRemotingDsc.Drift.ReasonId>(), id => Assert.Contains($"`{id}`", s_readme, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^\| (\d+) \| ", RegexOptions.Multiline)]
    private static partial Regex ExitCodeRow();
}
