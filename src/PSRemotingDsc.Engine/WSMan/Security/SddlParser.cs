using System.Globalization;
using PSRemotingDsc.Errors;

namespace PSRemotingDsc.WSMan.Security;

/// <summary>
/// Parses the SDDL subset WinRM plugins use: <c>O:sid</c>, <c>G:sid</c>, <c>D:flags(ace)…</c>,
/// <c>S:flags(ace)…</c> in any order, each at most once; ACEs <c>type;flags;rights;;;sid[;(condition)]</c> with
/// the types of <see cref="AceType"/>. Tags, aliases and hex digits are case-insensitive; whitespace is
/// allowed only around sections and between ACEs. Object ACEs (with GUIDs) and resource-attribute ACEs are
/// rejected: WinRM does not use them.
/// </summary>
public static class SddlParser
{
    private const int FragmentLength = 40;

    /// <summary>Parses <paramref name="sddl"/>.</summary>
    /// <exception cref="PSRemotingDscException">
    /// <c>SddlInvalid</c> naming the character position (1-based) and the fragment, or <c>SidAliasUnknown</c>;
    /// both with <see cref="ExitCode.SddlInvalid"/>.
    /// </exception>
    public static SecurityDescriptor Parse(string sddl)
    {
        ArgumentNullException.ThrowIfNull(sddl);
        Sid? owner = null;
        Sid? group = null;
        AccessControlList? dacl = null;
        AccessControlList? sacl = null;
        var seen = new HashSet<char>();
        var pos = SkipWhitespace(sddl, 0);
        if (pos == sddl.Length)
        {
            throw Fail(0, sddl, "the SDDL string is empty; expected sections such as O:NSG:BAD:P(A;;GA;;;BA)");
        }

        while (pos < sddl.Length)
        {
            if (!IsSectionStart(sddl, pos))
            {
                throw Fail(pos, Excerpt(sddl, pos), "expected a section O:, G:, D: or S:");
            }

            var tag = char.ToUpperInvariant(sddl[pos]);
            if (!seen.Add(tag))
            {
                throw Fail(pos, Excerpt(sddl, pos), $"the {tag}: section appears twice");
            }

            pos += 2;
            switch (tag)
            {
                case 'O':
                    owner = ParseSectionSid(sddl, ref pos, "owner");
                    break;
                case 'G':
                    group = ParseSectionSid(sddl, ref pos, "group");
                    break;
                case 'D':
                    dacl = ParseAcl(sddl, ref pos, "DACL");
                    break;
                default:
                    sacl = ParseAcl(sddl, ref pos, "SACL");
                    break;
            }

            pos = SkipWhitespace(sddl, pos);
        }

        return new SecurityDescriptor(owner, group, dacl, sacl);
    }

    private static Sid ParseSectionSid(string sddl, ref int pos, string what)
    {
        var start = pos;
        while (pos < sddl.Length && (char.IsAsciiLetterOrDigit(sddl[pos]) || sddl[pos] == '-') && !IsSectionStart(sddl, pos))
        {
            pos++;
        }

        if (pos == start)
        {
            throw Fail(start, Excerpt(sddl, start), $"the {what} SID is missing after '{char.ToUpperInvariant(sddl[start - 2])}:'");
        }

        return ParseSid(sddl, start, sddl[start..pos]);
    }

    private static AccessControlList ParseAcl(string sddl, ref int pos, string what)
    {
        var flags = AclFlags.None;
        while (pos < sddl.Length && sddl[pos] != '(' && !char.IsWhiteSpace(sddl[pos]) && !IsSectionStart(sddl, pos))
        {
            var matched = false;
            foreach (var (token, flag) in SddlTokens.AclFlagTokens)
            {
                if (string.Compare(sddl, pos, token, 0, token.Length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    flags |= flag;
                    pos += token.Length;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                throw Fail(pos, Excerpt(sddl, pos), $"unknown {what} flag; expected P, AI, AR or NO_ACCESS_CONTROL, then ACEs in parentheses");
            }
        }

        var entries = new List<AccessControlEntry>();
        pos = SkipWhitespace(sddl, pos);
        while (pos < sddl.Length && sddl[pos] == '(')
        {
            if ((flags & AclFlags.NoAccessControl) != 0)
            {
                throw Fail(pos, Excerpt(sddl, pos), $"a {what} marked NO_ACCESS_CONTROL cannot have ACEs");
            }

            entries.Add(ParseAce(sddl, ref pos));
            pos = SkipWhitespace(sddl, pos);
        }

        if (pos < sddl.Length && !IsSectionStart(sddl, pos))
        {
            throw Fail(pos, Excerpt(sddl, pos), $"unexpected text in the {what}; each ACE must be in parentheses, e.g. (A;;GA;;;BA)");
        }

        return new AccessControlList(flags, entries);
    }

    private static AccessControlEntry ParseAce(string sddl, ref int pos)
    {
        var open = pos;
        var close = FindClosingParenthesis(sddl, open);
        if (close < 0)
        {
            throw Fail(open, Excerpt(sddl, open), "the ACE is not closed with ')'");
        }

        var ace = sddl[open..(close + 1)];
        pos = close + 1;

        // Fields 1-5 end at ';'; the SID ends at ';' or ')'; what follows is the condition.
        var fields = new (int Start, string Text)[6];
        var fieldStart = open + 1;
        for (var i = 0; i < 6; i++)
        {
            var end = sddl.IndexOf(';', fieldStart, close - fieldStart);
            if (end < 0)
            {
                if (i < 5)
                {
                    throw Fail(open, ace, $"the ACE has {i + 1} field(s); expected type;flags;rights;object_guid;inherit_object_guid;sid");
                }

                end = close;
            }

            fields[i] = (fieldStart, sddl[fieldStart..end]);
            fieldStart = end + 1;
        }

        string? condition = null;
        var conditionStart = fields[5].Start + fields[5].Text.Length + 1;
        if (conditionStart <= close)
        {
            condition = sddl[conditionStart..close];
        }

        var type = SddlTokens.ParseAceType(fields[0].Text)
            ?? throw Fail(fields[0].Start, ace, $"ACE type '{fields[0].Text}' is not supported; expected A, D, AU, AL, XA or XD");
        var aceFlags = ParseAceFlags(sddl, fields[1], ace);
        var mask = ParseRights(sddl, fields[2], ace);
        for (var i = 3; i <= 4; i++)
        {
            if (fields[i].Text.Length != 0)
            {
                throw Fail(fields[i].Start, ace, "object GUIDs are only valid in object ACEs (OA, OD, …), which WinRM does not use; leave the field empty");
            }
        }

        if (fields[5].Text.Length == 0)
        {
            throw Fail(fields[5].Start, ace, "the ACE has no SID");
        }

        var sid = ParseSid(sddl, fields[5].Start, fields[5].Text, ace);
        if (condition is not null)
        {
            if (type is not (AceType.AccessAllowedCallback or AceType.AccessDeniedCallback))
            {
                throw Fail(conditionStart, ace, "only conditional ACEs (XA, XD) can have a condition after the SID");
            }

            if (condition.Length < 2 || condition[0] != '(' || condition[^1] != ')')
            {
                throw Fail(conditionStart, ace, "the condition must be in parentheses, e.g. (Member_of {SID(BA)})");
            }
        }

        return new AccessControlEntry(type, aceFlags, mask, sid, condition);
    }

    private static AceFlags ParseAceFlags(string sddl, (int Start, string Text) field, string ace)
    {
        var flags = AceFlags.None;
        var text = field.Text;
        for (var i = 0; i < text.Length; i += 2)
        {
            var token = text.Substring(i, Math.Min(2, text.Length - i));
            var match = SddlTokens.AceFlagTokens.Where(entry => string.Equals(entry.Token, token, StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count == 0)
            {
                throw Fail(field.Start + i, ace, $"unknown ACE flag '{token}'; expected OI, CI, NP, IO, ID, SA or FA");
            }

            flags |= match[0].Flag;
        }

        return flags;
    }

    private static uint ParseRights(string sddl, (int Start, string Text) field, string ace)
    {
        var text = field.Text;
        if (text.Length == 0)
        {
            return 0;
        }

        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            var digits = text.AsSpan(2);
            if (digits.Length is 0 or > 8 || !uint.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
            {
                throw Fail(field.Start, ace, $"'{text}' is not a 32-bit hex access mask");
            }

            return hex;
        }

        if (char.IsAsciiDigit(text[0]))
        {
            if (!text.All(char.IsAsciiDigit) || !uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                throw Fail(field.Start, ace, $"'{text}' is not a 32-bit decimal access mask");
            }

            return number;
        }

        var mask = 0u;
        for (var i = 0; i < text.Length; i += 2)
        {
            var token = text.Substring(i, Math.Min(2, text.Length - i));
            var bits = AccessMask.FromAlias(token)
                ?? throw Fail(field.Start + i, ace, $"unknown access right '{token}'; use GA, GR, GW, GX, a standard right such as RC, SD, WD, WO, FA or KA, or a mask such as 0x10000000");
            mask |= bits;
        }

        return mask;
    }

    private static Sid ParseSid(string sddl, int start, string text, string? fragment = null)
    {
        if (Sid.TryParse(text, out var sid, out var problem))
        {
            return sid;
        }

        throw Fail(start, fragment ?? text, problem.Message, problem.Error);
    }

    private static int FindClosingParenthesis(string sddl, int open)
    {
        var depth = 0;
        var inString = false;
        for (var i = open; i < sddl.Length; i++)
        {
            var c = sddl[i];
            if (c == '"')
            {
                inString = !inString;
            }
            else if (!inString && c == '(')
            {
                depth++;
            }
            else if (!inString && c == ')' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsSectionStart(string sddl, int pos) =>
        pos + 1 < sddl.Length && sddl[pos + 1] == ':' && "OGDSogds".Contains(sddl[pos], StringComparison.Ordinal);

    private static int SkipWhitespace(string sddl, int pos)
    {
        while (pos < sddl.Length && char.IsWhiteSpace(sddl[pos]))
        {
            pos++;
        }

        return pos;
    }

    private static string Excerpt(string sddl, int pos) =>
        sddl.Length - pos <= FragmentLength ? sddl[pos..] : string.Concat(sddl.AsSpan(pos, FragmentLength), "…");

    private static PSRemotingDscException Fail(int position, string fragment, string what, ErrorDefinition? error = null)
    {
        return new PSRemotingDscException(
            error ?? ErrorIds.SddlInvalid,
            string.Create(CultureInfo.InvariantCulture, $"Invalid SDDL at character {position + 1} in \"{fragment}\": {what}"));
    }
}
