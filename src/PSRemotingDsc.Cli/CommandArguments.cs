using PSRemotingDsc.Errors;

namespace PSRemotingDsc.Cli;

/// <summary>The parsed command line: one command and its options.</summary>
internal sealed record CommandArguments(string Command, string? Input, bool WhatIf, string? SshdConfig, string Format)
{
    private static readonly string[] s_commands = ["get", "set", "test", "delete", "export", "schema", "manifest", "report", "help"];

    public static CommandArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args[0] is "-h" or "--help" or "-?")
        {
            return new CommandArguments("help", null, false, null, "table");
        }

        string command = args[0];
        if (Array.IndexOf(s_commands, command) < 0)
        {
            throw Invalid($"Unknown command '{command}'. Commands: {string.Join(", ", s_commands)}.");
        }

        var parsed = new CommandArguments(command, null, false, null, "table");
        for (int i = 1; i < args.Count; i++)
        {
            string option = args[i];
            parsed = option switch
            {
                "--input" or "-i" => parsed with { Input = Value(args, ref i, option) },
                "--what-if" or "-w" when command is "set" or "delete" => parsed with { WhatIf = true },
                "--sshd-config" when command == "report" => parsed with { SshdConfig = Value(args, ref i, option) },
                "--format" when command == "report" => parsed with { Format = ParseFormat(Value(args, ref i, option)) },
                _ => throw Invalid($"Option '{option}' is not valid for '{command}'. Run 'psremotingdsc --help'."),
            };
        }

        return parsed;
    }

    private static string Value(IReadOnlyList<string> args, ref int index, string option)
    {
        if (index + 1 >= args.Count)
        {
            throw Invalid($"Option '{option}' needs a value.");
        }

        return args[++index];
    }

    private static string ParseFormat(string value) => value is "table" or "json"
        ? value
        : throw Invalid($"--format '{value}' is not supported; use 'table' or 'json'.");

    private static PSRemotingDscException Invalid(string message) => new(ErrorIds.CommandLineInvalid, message);
}
