namespace PSRemotingDsc.Cli;

/// <summary>
/// The command lines dsc sends (the manifest's args), read without building the System.CommandLine tree: dsc
/// starts one process per instance and operation, and building and running the tree cost a few tenths of a
/// millisecond of every start (docs/performance.md). Only the exact shapes below are read here; every other command
/// line (help, version, directives, <c>--input=x</c>, a repeated or unknown option, any error) returns null and goes
/// to <see cref="CommandTree"/>, which reads these shapes the same way (ContractCommandLineTests compares the two).
/// </summary>
internal static class ContractCommandLine
{
    /// <summary>
    /// <c>schema</c>, <c>manifest</c>, or get|test|set|delete|export with at most one <c>--input|-i &lt;json&gt;</c>
    /// and, for set and delete, at most one <c>--what-if|-w</c>, in any order; the same after <c>endpointset</c> (without
    /// delete); else null.
    /// </summary>
    public static CommandArguments? TryRead(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Length > 0 && args[0] == SetCommand ? TryRead(args, 1, SetCommand + " ", allowDelete: false) : TryRead(args, 0, string.Empty, allowDelete: true);
    }

    /// <summary>The endpoint set's commands: <c>endpointset</c> followed by a resource command (no delete).</summary>
    private const string SetCommand = "endpointset";

    /// <summary>The shapes above, starting at <paramref name="start"/>; the command is named with <paramref name="prefix"/>.</summary>
    private static CommandArguments? TryRead(string[] args, int start, string prefix, bool allowDelete)
    {
        if (args.Length <= start)
        {
            return null;
        }

        string command = args[start];
        bool whatIfAllowed;
        switch (command)
        {
            case "schema" or "manifest":
                return args.Length == start + 1 ? new CommandArguments(prefix + command, null, false, null, "table") : null;
            case "get" or "test" or "export":
                whatIfAllowed = false;
                break;
            case "set":
            case "delete" when allowDelete:
                whatIfAllowed = true;
                break;
            default:
                return null;
        }

        string? input = null;
        bool whatIf = false;
        for (int i = start + 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--input" or "-i" when input is null && i + 1 < args.Length && IsPlainValue(args[i + 1]):
                    input = args[++i];
                    break;
                case "--what-if" or "-w" when whatIfAllowed && !whatIf:
                    whatIf = true;
                    break;
                default:
                    return null;
            }
        }

        return new CommandArguments(prefix + command, input, whatIf, null, "table");
    }

    /// <summary>
    /// A value System.CommandLine can only read as the option's value: not empty, not an option, directive or
    /// response-file spelling, and not a command name. Instance JSON starts with '{'.
    /// </summary>
    private static bool IsPlainValue(string value) =>
        value.Length > 0
        && value[0] is not ('-' or '[' or '@')
        && value is not ("get" or "test" or "set" or "delete" or "export" or "schema" or "manifest" or "report" or "help" or SetCommand);
}
