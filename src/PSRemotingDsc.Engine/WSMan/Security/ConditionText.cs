using System.Text;
using System.Text.RegularExpressions;

namespace PSRemotingDsc.WSMan.Security;

/// <summary>
/// Comparison key of a conditional-ACE expression: whitespace outside string literals removed, upper-cased
/// outside string literals, and every <c>SID(x)</c> operand replaced by its canonical SID, so that
/// <c>(Member_of {SID(BA)})</c> and <c>( member_of {SID(S-1-5-32-544)} )</c> compare equal. The expression
/// itself is kept verbatim in <see cref="AccessControlEntry.Condition"/>.
/// </summary>
internal static partial class ConditionText
{
    internal static string Normalize(string? condition)
    {
        if (condition is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(condition.Length);
        var inString = false;
        foreach (var c in condition)
        {
            if (c == '"')
            {
                inString = !inString;
                builder.Append(c);
            }
            else if (inString)
            {
                builder.Append(c);
            }
            else if (!char.IsWhiteSpace(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return SidOperand().Replace(
            builder.ToString(),
            match => Sid.TryParse(match.Groups[1].Value, out var sid) ? $"SID({sid.Value})" : match.Value);
    }

    [GeneratedRegex(@"SID\(([^)""]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex SidOperand();
}
