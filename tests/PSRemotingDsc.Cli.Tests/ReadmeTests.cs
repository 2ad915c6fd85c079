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

    /// <summary>Every property is declared once (EndpointContract); the README's table is rendered from it.</summary>
    [Fact]
    public void PropertyTable_IsTheOneRenderedFromTheContract()
    {
        string path = Path.Combine(RepositoryPaths.Root, "README.md");
        int begin = s_readme.IndexOf(PropertyTable.Begin, StringComparison.Ordinal);
        int end = s_readme.IndexOf(PropertyTable.End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"README.md has no '{PropertyTable.Begin}' ... '{PropertyTable.End}' section.");
        string documented = s_readme[(begin + PropertyTable.Begin.Length)..end].Trim('\n');
        string expected = PropertyTable.Render().TrimEnd('\n');
        if (documented != expected && Environment.GetEnvironmentVariable("PSREMOTINGDSC_UPDATE_README") == "1")
        {
            File.WriteAllText(path, s_readme[..(begin + PropertyTable.Begin.Length)] + "\n" + expected + "\n" + s_readme[end..]);
            return;
        }

        Assert.True(documented == expected, $"README.md's property table differs from EndpointContract. Replace it with (or run with PSREMOTINGDSC_UPDATE_README=1):\n{expected}");
    }

    [GeneratedRegex(@"^\| (\d+) \| ", RegexOptions.Multiline)]
    private static partial Regex ExitCodeRow();
}
