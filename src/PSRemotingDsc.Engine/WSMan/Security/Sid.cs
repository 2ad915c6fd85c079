using System.Globalization;
using System.Text;
using PSRemotingDsc.Errors;

namespace PSRemotingDsc.WSMan.Security;

/// <summary>
/// A security identifier as SDDL writes it, compared by value: an alias and its <c>S-1-…</c> form are the
/// same <see cref="Sid"/> (<c>BA</c> == <c>S-1-5-32-544</c> == <c>s-1-5-32-544</c>). <see cref="Value"/> is
/// the canonical <c>S-1-…</c> string (identifier authority in decimal below 2^32, else <c>0x</c> and 12 hex
/// digits, as Windows writes it). Aliases relative to the machine or domain (<c>LA</c>, <c>DA</c>, …) cannot
/// be resolved without the machine: for them <see cref="Value"/> is the upper-case alias and
/// <see cref="IsRelative"/> is true, so they equal only the same alias. Names are never looked up in the OS.
/// </summary>
public sealed record Sid
{
    private const int MaxSubAuthorities = 15;

    private Sid(string value, bool isRelative)
    {
        Value = value;
        IsRelative = isRelative;
    }

    /// <summary>Canonical form: <c>S-1-5-32-544</c>, or the upper-case alias of a relative SID.</summary>
    public string Value { get; }

    /// <summary>True for the aliases relative to the machine or domain (see <see cref="WellKnownSid.IsRelative"/>).</summary>
    public bool IsRelative { get; }

    /// <summary>The standard two-letter alias, or null when the SID has none.</summary>
    public string? Alias => IsRelative ? Value : SecurityIdentifiers.FindByValue(Value)?.Alias;

    /// <summary>The form SDDL writes: the alias where a standard alias exists, else <see cref="Value"/>.</summary>
    public string ToSddl() => Alias ?? Value;

    /// <summary>"S-1-5-32-580 (Remote Management Users)".</summary>
    public override string ToString() => SecurityIdentifiers.Describe(this);

    /// <summary>
    /// Parses a two-letter alias or an <c>S-1-…</c> string, case-insensitively.
    /// </summary>
    /// <exception cref="PSRemotingDscException"><c>SidAliasUnknown</c> or <c>SddlInvalid</c>.</exception>
    public static Sid Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var sid, out var problem)
            ? sid
            : throw new PSRemotingDscException(problem.Error, problem.Message);
    }

    /// <summary>Parses like <see cref="Parse"/>, returning false instead of throwing.</summary>
    public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Sid? sid)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out sid, out _);
    }

    internal static bool TryParse(
        string text,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Sid? sid,
        out (ErrorDefinition Error, string Message) problem)
    {
        sid = null;
        problem = default;
        if (text.StartsWith("S-", StringComparison.OrdinalIgnoreCase))
        {
            if (TryParseSidString(text, out var value))
            {
                sid = new Sid(value, isRelative: false);
                return true;
            }

            problem = (ErrorIds.SddlInvalid, $"'{text}' is not a valid SID: expected S-1-<authority>-<subauthority>… with decimal numbers and at most {MaxSubAuthorities} subauthorities.");
            return false;
        }

        if (text.Length == 2 && char.IsAsciiLetter(text[0]) && char.IsAsciiLetter(text[1]))
        {
            var entry = SecurityIdentifiers.FindByAlias(text);
            if (entry is null)
            {
                problem = (ErrorIds.SidAliasUnknown, $"'{text}' is not a documented SDDL SID alias. Write the SID in its S-1-… form instead (for example S-1-5-32-544 for BA).");
                return false;
            }

            sid = new Sid(entry.Value ?? entry.Alias, entry.IsRelative);
            return true;
        }

        problem = (ErrorIds.SddlInvalid, $"'{text}' is not a SID: expected a two-letter alias such as BA or an S-1-… string.");
        return false;
    }

    private static bool TryParseSidString(string text, out string value)
    {
        value = string.Empty;
        var parts = text.Split('-');
        if (parts.Length < 3 || parts.Length > 3 + MaxSubAuthorities || parts[1] != "1")
        {
            return false;
        }

        ulong authority;
        var authorityText = parts[2];
        if (authorityText.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            if (authorityText.Length is < 3 or > 14
                || !ulong.TryParse(authorityText.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out authority))
            {
                return false;
            }
        }
        else if (!IsDigits(authorityText) || !ulong.TryParse(authorityText, NumberStyles.None, CultureInfo.InvariantCulture, out authority)
            || authority >= 1UL << 48)
        {
            return false;
        }

        var builder = new StringBuilder("S-1-");
        builder.Append(authority < 1UL << 32
            ? authority.ToString(CultureInfo.InvariantCulture)
            : "0x" + authority.ToString("X12", CultureInfo.InvariantCulture));
        foreach (var part in parts.AsSpan(3))
        {
            if (!IsDigits(part) || !uint.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var subAuthority))
            {
                return false;
            }

            builder.Append('-').Append(subAuthority.ToString(CultureInfo.InvariantCulture));
        }

        value = builder.ToString();
        return true;
    }

    private static bool IsDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}
