using PSRemotingDsc.Errors;
using PSRemotingDsc.WSMan;

namespace PSRemotingDsc.Tests.WSMan;

/// <summary>
/// The .pssc reader: the data New-PSSessionConfigurationFile writes (NewPSSessionConfigurationFile.cs 680–1020 and
/// SessionConfigurationUtils 1863–2101 at 929903692e) is read; anything that would run (a variable, a command, a
/// subexpression, an expanding string) is refused.
/// </summary>
public sealed class SessionConfigurationDataTests
{
    private const string File = @"C:\users\ops\Helpdesk.pssc";

    private static IReadOnlyDictionary<string, object?> Parse(string text) => SessionConfigurationData.Parse(text, File);

    [Fact]
    public void NewPSSessionConfigurationFileOutput_IsRead()
    {
        var table = Parse(SessionConfigurationFixtures.Jea);

        Assert.Equal("2.0.0.0", table["SchemaVersion"]);
        Assert.Equal("O'Brien", table["author"]);
        Assert.Equal("RestrictedRemoteServer", table["SessionType"]);
        Assert.Equal(true, table["RunAsVirtualAccount"]);
        Assert.False(table.ContainsKey("Description"));
        Assert.False(table.ContainsKey("RequiredGroups"));
        var roles = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(table["RoleDefinitions"]);
        Assert.Equal([@"CONTOSO\Helpdesk", @"CONTOSO\SqlAdmins"], roles.Keys);
        var sql = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(roles[@"CONTOSO\SqlAdmins"]);
        Assert.Equal(["SqlAdministration", "Maintenance"], Assert.IsAssignableFrom<IReadOnlyList<object?>>(sql["RoleCapabilities"]));
        var function = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(table["FunctionDefinitions"]);
        var body = Assert.IsType<SessionConfigurationData.ScriptBlockLiteral>(function["ScriptBlock"]);
        Assert.Equal(""" param($Name) "Health of $Name"; @{ ok = $true } """, body.Text);
    }

    [Theory]
    [InlineData("@{ A = 'x' ; B = \"y\" }", "x", "y")]
    [InlineData("@{\r\n  'A' = 'x'\r\n  \"B\" = 'y'\r\n}", "x", "y")]
    [InlineData("<# header #>\n@{ A = 'x' # trailing\n B = <# inline #> 'y' }\n# end", "x", "y")]
    [InlineData("@{ A = 'x';;; B = 'y'; }", "x", "y")]
    [InlineData("@{ A = \"x\"\"\"; B = \"`$y`t\" }", "x\"", "$y\t")]
    public void Separators_Comments_AndQuoting(string text, string a, string b)
    {
        var table = Parse(text);

        Assert.Equal(a, table["A"]);
        Assert.Equal(b, table["B"]);
    }

    [Fact]
    public void Values_Constants_Integers_Arrays_AndNestedTables()
    {
        var table = Parse("""
            @{
                T = $TRUE; F = $false; N = $null
                I = 42; H = 0x10; M = -3
                Comma = 'a',
                    'b', 'c'
                Sub = @('a'
                    'b', 'c'; @('d'))
                Empty = @()
                Nested = @{ Or = 'G1', 'G2' }, 'Administrators'
            }
            """);

        Assert.Equal(true, table["T"]);
        Assert.Equal(false, table["F"]);
        Assert.Null(table["N"]);
        Assert.Equal(42L, table["I"]);
        Assert.Equal(16L, table["H"]);
        Assert.Equal(-3L, table["M"]);
        Assert.Equal(["a", "b", "c"], Assert.IsAssignableFrom<IReadOnlyList<object?>>(table["Comma"]));
        Assert.Equal(["a", "b", "c", "d"], Assert.IsAssignableFrom<IReadOnlyList<object?>>(table["Sub"]));
        Assert.Empty(Assert.IsAssignableFrom<IReadOnlyList<object?>>(table["Empty"]));
        var nested = Assert.IsAssignableFrom<IReadOnlyList<object?>>(table["Nested"]);
        Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(nested[0]);
        Assert.Equal("Administrators", nested[1]);
    }

    [Theory]
    [InlineData("@{ A = $env:USERNAME }", "1:8", "$env:USERNAME")]
    [InlineData("@{ A = $x }", "1:8", "$x")]
    [InlineData("@{ A = $(Get-Date) }", "1:8", "$(...)")]
    [InlineData("@{ A = \"user $x\" }", "1:14", "expands")]
    [InlineData("@{ A = \"$(whoami)\" }", "1:9", "expands")]
    [InlineData("@{ A = Get-Date }", "1:8", "'Get-Date' is a command")]
    [InlineData("@{ A = ('x') }", "1:8", "parenthesized")]
    [InlineData("@{ A = 'x' + 'y' }", "1:12", "';', a line break or '}'")]
    [InlineData("@{\n A = 1kb }", "2:6", "not an integer")]
    [InlineData("Invoke-Expression 'calc'\n@{ A = 1 }", "1:1", "one hashtable")]
    [InlineData("@{ A = 1 }\nRemove-Item C:\\", "2:1", "after the hashtable")]
    [InlineData("@{ A = 1; a = 2 }", "1:11", "appears twice")]
    [InlineData("@{ A = 'x' ", "1:12", "not closed")]
    [InlineData("@{ A = 'x }", "1:8", "not closed")]
    [InlineData("<# open\n@{ A = 1 }", "1:1", "not closed")]
    public void AnythingButData_IsRefused_NamingFileLineAndColumn(string text, string at, string problem)
    {
        var error = Assert.Throws<PSRemotingDscException>(() => Parse(text));

        Assert.Equal(ErrorIds.SessionConfigurationFileNotData, error.Error);
        Assert.StartsWith($"{File}:{at}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A file nested deeper than any real one is refused with a message, not a stack overflow that ends the process.</summary>
    [Theory]
    [InlineData("@{ A = ", " }", 200_000)]
    [InlineData("@{ A = @(", ") }", 200_000)]
    public void DeepNesting_IsRefused_NotAStackOverflow(string open, string close, int depth)
    {
        string text = "@{ A = " + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)) + " }";

        var error = Assert.Throws<PSRemotingDscException>(() => Parse(text));

        Assert.Equal(ErrorIds.SessionConfigurationFileNotData, error.Error);
        Assert.Contains("nested more than 64 levels", error.Message, StringComparison.Ordinal);
        Assert.Single(Parse("@{ A = @{ B = @{ C = @(1, @(2)) } } }"));
    }
}
