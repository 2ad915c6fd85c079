using System.CommandLine;
using System.CommandLine.Parsing;

namespace PSRemotingDsc.Cli;

/// <summary>
/// Turns System.CommandLine's first parse error into the one sentence psremotingdsc reports as
/// <c>CommandLineInvalid</c> (exit 12), with a suggestion when an unknown word is a typo of a known one.
/// </summary>
internal static class CommandLineErrors
{
    private const int MaxTypoDistance = 2;

    public static string Describe(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        Command command = parsed.CommandResult.Command;
        if (parsed.UnmatchedTokens.Count > 0)
        {
            string token = parsed.UnmatchedTokens[0];
            if (command is RootCommand && !token.StartsWith('-'))
            {
                string[] commands = [.. command.Subcommands.Select(c => c.Name)];
                return $"Unknown command '{token}'.{Suggestion(token, commands)} Commands: {string.Join(", ", commands)}. Run 'psremotingdsc --help'.";
            }

            string kind = token.StartsWith('-') ? "Option" : "Argument";
            string[] options = [.. command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name))];
            string help = command is RootCommand ? "psremotingdsc --help" : $"psremotingdsc {command.Name} --help";
            return $"{kind} '{token}' is not valid for '{(command is RootCommand ? "psremotingdsc" : command.Name)}'.{Suggestion(token, options)} Run '{help}'.";
        }

        ParseError error = parsed.Errors[0];
        return error.SymbolResult is OptionResult { Tokens.Count: 0 } option && option.Option.Arity.MinimumNumberOfValues > 0
            ? $"Option '{option.IdentifierToken?.Value ?? option.Option.Name}' needs a value."
            : error.Message;
    }

    /// <summary>" Did you mean 'x'?" for the nearest known word within <see cref="MaxTypoDistance"/> edits, else empty.</summary>
    private static string Suggestion(string token, IEnumerable<string> known)
    {
        string? best = known
            .Select(word => (Word: word, Distance: Distance(token, word)))
            .Where(candidate => candidate.Distance <= MaxTypoDistance && candidate.Distance < candidate.Word.Length)
            .OrderBy(candidate => candidate.Distance)
            .ThenBy(candidate => candidate.Word, StringComparer.Ordinal)
            .Select(candidate => candidate.Word)
            .FirstOrDefault();
        return best is null ? string.Empty : $" Did you mean '{best}'?";
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
