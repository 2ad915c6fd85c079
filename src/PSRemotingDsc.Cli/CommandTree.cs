using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace PSRemotingDsc.Cli;

/// <summary>
/// The psremotingdsc commands and options as a System.CommandLine tree. It only declares and parses; every
/// command's action hands a <see cref="CommandArguments"/> to the executor <see cref="CommandLine"/> supplies.
/// The option spellings are the manifest's args contract with dsc (<c>--input</c>, <c>--what-if</c>): never rename.
/// Those command lines are read by <see cref="ContractCommandLine"/> before this tree is built; a change to a resource
/// command's options here must be made there too (ContractCommandLineTests compares the two).
/// </summary>
internal sealed class CommandTree
{
    /// <summary>No response files (<c>@file</c> is a value, not a file to expand) and no bundling: what dsc sends is what runs.</summary>
    public static readonly ParserConfiguration Parsing = new() { EnablePosixBundling = false, ResponseFileTokenReplacer = null };

    private const string Environment = """
        Environment:
          DSC_TRACE_LEVEL=error|warn|info|debug|trace   stderr as JSON lines at that level (dsc sets it); unset at a
                                                        terminal, errors and warnings are plain sentences
          PSREMOTINGDSC_PSHOME_ROOTS=<dirs>             extra PowerShell installations to discover
        """;

    private readonly Option<string?> _sshdConfig = new("--sshd-config") { Description = "The sshd_config to report on (default: the one sshd uses).", HelpName = "path" };
    private readonly Option<string?> _format = new("--format") { Description = "table (default), json, markdown or html.", HelpName = "table|json|markdown|html" };
    private readonly Option<string?> _desired = new("--desired") { Description = "A DSC configuration document (JSON or YAML) whose PSRemotingDsc/Endpoint instances are the desired endpoints; the report says what set would change.", HelpName = "file" };

    public CommandTree(Func<CommandArguments, int> execute)
    {
        ArgumentNullException.ThrowIfNull(execute);
        Root = new RootCommand("DSC v3 command resource PSRemotingDsc/Endpoint: keeps a PowerShell remoting endpoint present for a PowerShell version, and reports drift.");
        HelpOption help = Root.Options.OfType<HelpOption>().Single();
        var helpAction = new HelpWithEnvironment((HelpAction)help.Action!);
        help.Action = helpAction;
        Root.SetAction(helpAction.Invoke);

        Root.Subcommands.Add(Resource("get", "The current state of one instance.", whatIf: false, execute));
        Root.Subcommands.Add(Resource("test", "The current state of one instance and the properties that differ.", whatIf: false, execute));
        Root.Subcommands.Add(Resource("set", "Make one instance as declared; prints the resulting state and the properties that changed.", whatIf: true, execute));
        Root.Subcommands.Add(Resource("delete", "Remove one instance's endpoint.", whatIf: true, execute));
        Root.Subcommands.Add(Resource("export", "Every PowerShell endpoint, as JSON Lines; --input is an optional filter.", whatIf: false, execute));
        Root.Subcommands.Add(Simple("schema", "The instance JSON Schema.", execute));
        Root.Subcommands.Add(Simple("manifest", "The DSC resource manifest.", execute));

        var set = new Command("endpointset", "The resource PSRemotingDsc/EndpointSet: the endpoints of a list of versions on one transport, and with _purge no others.");
        set.Subcommands.Add(Resource("get", "The registered endpoints and what differs from the instance.", whatIf: false, execute, "endpointset "));
        set.Subcommands.Add(Resource("test", "The registered endpoints and whether the instance is in the desired state.", whatIf: false, execute, "endpointset "));
        set.Subcommands.Add(Resource("set", "Create or repair every listed version's endpoint (and with _purge remove the others) in one write.", whatIf: true, execute, "endpointset "));
        set.Subcommands.Add(Resource("export", "Every PowerShell endpoint of the transport as one instance; --input is an optional filter.", whatIf: false, execute, "endpointset "));
        set.Subcommands.Add(Simple("schema", "The EndpointSet instance JSON Schema.", execute, "endpointset "));
        set.Subcommands.Add(Simple("manifest", "The EndpointSet DSC resource manifest.", execute, "endpointset "));
        Root.Subcommands.Add(set);

        var report = new Command("report", "The machine's endpoint inventory, read-only: every endpoint ok, missing, drifted, orphaned, stale or foreign. Exit code 20 when anything is NonCompliant.") { _sshdConfig, _format, _desired };
        report.SetAction(result => execute(new CommandArguments("report", null, false, result.GetValue(_sshdConfig), CommandArguments.ParseFormat(result.GetValue(_format))) { Desired = result.GetValue(_desired) }));
        var files = new Argument<string[]>("reports") { Description = "Machine reports (report --format json); - reads one from stdin.", Arity = ArgumentArity.ZeroOrMore };
        var mergeFormat = new Option<string?>("--format") { Description = _format.Description, HelpName = _format.HelpName };
        var merge = new Command("merge", "Many machines' JSON reports as one fleet report: counts per state, version and reason; machines worst first. Exit code 20 when any machine is NonCompliant.") { files, mergeFormat };
        merge.SetAction(result => execute(new CommandArguments("report-merge", null, false, null, CommandArguments.ParseFormat(result.GetValue(mergeFormat))) { Files = result.GetValue(files) ?? [] }));
        report.Subcommands.Add(merge);
        Root.Subcommands.Add(report);

        var topic = new Argument<string?>("command") { Description = "The command to describe.", Arity = ArgumentArity.ZeroOrOne };
        var helpCommand = new Command("help", "Usage of psremotingdsc or of one command.") { topic };
        helpCommand.SetAction(result => Root.Parse(result.GetValue(topic) is { } name ? [name, "--help"] : ["--help"], Parsing).Invoke(result.InvocationConfiguration));
        Root.Subcommands.Add(helpCommand);
    }

    public RootCommand Root { get; }

    private static Command Resource(string name, string description, bool whatIf, Func<CommandArguments, int> execute, string prefix = "")
    {
        var input = new Option<string?>("--input", "-i") { Description = "The instance as JSON; read from stdin when absent.", HelpName = "json" };
        var command = new Command(name, description) { input };
        Option<bool>? whatIfOption = null;
        if (whatIf)
        {
            whatIfOption = new Option<bool>("--what-if", "-w") { Description = "Show what would change; change nothing." };
            command.Options.Add(whatIfOption);
        }

        command.SetAction(result => execute(new CommandArguments(prefix + name, result.GetValue(input), whatIfOption is not null && result.GetValue(whatIfOption), null, "table")));
        return command;
    }

    private static Command Simple(string name, string description, Func<CommandArguments, int> execute, string prefix = "")
    {
        var command = new Command(name, description);
        command.SetAction(_ => execute(new CommandArguments(prefix + name, null, false, null, "table")));
        return command;
    }

    /// <summary>The standard help, and on the root command the environment variables after it.</summary>
    private sealed class HelpWithEnvironment(HelpAction standard) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            int exitCode = standard.Invoke(parseResult);
            if (parseResult.CommandResult.Command is RootCommand)
            {
                parseResult.InvocationConfiguration.Output.WriteLine(Environment);
            }

            return exitCode;
        }
    }
}
