using System.CommandLine;

namespace PSRemotingDsc.Cli.Tests;

/// <summary>
/// The command lines dsc sends are read without System.CommandLine (start-up, docs/performance.md); they must be read
/// exactly as the System.CommandLine tree reads them, and every other command line must be left to the tree.
/// </summary>
public class ContractCommandLineTests
{
    private const string Json = """{"version":"7","sshdConfigPath":"/etc/ssh/sshd_config"}""";
    private const string SetJson = """{"versions":["7","7-preview"],"_purge":true}""";

    public static TheoryData<string[]> ContractShapes => new()
    {
        new[] { "schema" }, new[] { "manifest" },
        new[] { "get" }, new[] { "get", "--input", Json }, new[] { "get", "-i", Json }, new[] { "get", "-i", "not json" },
        new[] { "test", "--input", Json }, new[] { "test", "-i", "{}" },
        new[] { "export" }, new[] { "export", "--input", Json },
        new[] { "set", "--input", Json }, new[] { "set", "--input", Json, "--what-if" }, new[] { "set", "-w", "-i", Json },
        new[] { "set", "--what-if" }, new[] { "delete", "--input", Json }, new[] { "delete", "--what-if", "--input", Json },
        new[] { "delete", "-i", Json, "-w" }, new[] { "test", "--input", "/h" }, new[] { "test", "--input", "{\"a\":\"b=c\"}" },
        new[] { "endpointset", "schema" }, new[] { "endpointset", "manifest" }, new[] { "endpointset", "get", "--input", SetJson },
        new[] { "endpointset", "test", "-i", SetJson }, new[] { "endpointset", "export" }, new[] { "endpointset", "export", "--input", SetJson },
        new[] { "endpointset", "set", "--input", SetJson }, new[] { "endpointset", "set", "--input", SetJson, "--what-if" },
        new[] { "endpointset", "set", "-w", "-i", SetJson },
    };

    public static TheoryData<string[]> OtherShapes => new()
    {
        Array.Empty<string>(), new[] { "help" }, new[] { "help", "get" }, new[] { "--help" }, new[] { "-h" }, new[] { "--version" },
        new[] { "get", "--help" }, new[] { "set", "-h", "--input", Json }, new[] { "report" }, new[] { "report", "--format", "json" },
        new[] { "schema", "x" }, new[] { "manifest", "--help" }, new[] { "Test", "--input", Json }, new[] { "gte", "--input", Json },
        new[] { "get", "--input" }, new[] { "get", "-i" }, new[] { "get", "--input", Json, "--input", Json },
        new[] { "test", "--input", Json, "--what-if" }, new[] { "set", "-w", "-w", "--input", Json },
        new[] { "set", "--what-if", "true", "--input", Json }, new[] { "delete", "--what-if", "false" },
        new[] { "get", "--input=" + Json }, new[] { "get", "--input:" + Json }, new[] { "get", "--input", "" },
        new[] { "get", "--input", "-" }, new[] { "get", "--input", "-?" }, new[] { "get", "--input", "[x]" },
        new[] { "get", "--input", "@file" }, new[] { "get", "--", "--input", Json }, new[] { "get", Json },
        new[] { "get", "--bogus" }, new[] { "[suggest:4]", "get " }, new[] { "[diagram]", "get" },
        new[] { "--input", Json, "get" },
        new[] { "endpointset" }, new[] { "endpointset", "--help" }, new[] { "endpointset", "delete", "--input", SetJson },
        new[] { "endpointset", "test", "--input", SetJson, "--what-if" }, new[] { "endpointset", "schema", "x" },
        new[] { "endpointset", "get", "--bogus" }, new[] { "endpointset", "endpointset", "get" }, new[] { "get", "--input", "endpointset" },
    };

    [Theory]
    [MemberData(nameof(ContractShapes))]
    public void ContractShape_IsReadAsSystemCommandLineReadsIt(string[] args)
    {
        CommandArguments? read = ContractCommandLine.TryRead(args);

        Assert.NotNull(read);
        Assert.Equal(ReadWithTree(args), read);
    }

    [Theory]
    [MemberData(nameof(OtherShapes))]
    public void OtherCommandLine_IsLeftToSystemCommandLine(string[] args)
    {
        Assert.Null(ContractCommandLine.TryRead(args));
    }

    [Fact]
    public void CommandName_IsNeverReadAsAnInputValue()
    {
        foreach (Command command in new CommandTree(_ => 0).Root.Subcommands)
        {
            Assert.Null(ContractCommandLine.TryRead(["test", "--input", command.Name]));
        }
    }

    private static CommandArguments ReadWithTree(string[] args)
    {
        CommandArguments? executed = null;
        var tree = new CommandTree(arguments =>
        {
            executed = arguments;
            return 0;
        });
        ParseResult parsed = tree.Root.Parse(args, CommandTree.Parsing);
        Assert.Empty(parsed.Errors);
        Assert.Equal(0, parsed.Invoke(new InvocationConfiguration { Output = TextWriter.Null, Error = TextWriter.Null, EnableDefaultExceptionHandler = false }));
        Assert.NotNull(executed);
        return executed;
    }
}
