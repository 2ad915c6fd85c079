using System.Globalization;

namespace PSRemotingDsc.Platform;

/// <summary>
/// Whether a word of a Subsystem command passes unchanged through every reader between sshd_config and pwsh's
/// argv: sshd's tokenizer (<c>argv_split</c>, OpenSSH misc.c; from 9.5 also <c>argv_assemble</c>, which re-escapes
/// but leaves <c>$</c> and backticks live), the connecting user's login shell (<c>$SHELL -c</c>, session.c
/// <c>do_child</c>: sh, bash, zsh, fish, csh or pwsh), and on Windows <c>cmd.exe /c</c> (Win32-OpenSSH
/// w32-doexec.c) with the C runtime's argument splitting. No quoting means the same to all of them, so only
/// characters none of them treats specially are allowed.
/// </summary>
public static class ShellSafeWord
{
    /// <summary>The ASCII punctuation a word may contain.</summary>
    public const string Punctuation = "_./:=+,@-";

    /// <summary>Null when <paramref name="word"/> is safe; otherwise what is wrong, naming the character.</summary>
    public static string? Problem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length == 0)
        {
            return "is empty, which sshd cannot pass as an argument";
        }

        for (int i = 0; i < word.Length; i++)
        {
            if (!IsWordCharacter(word, i))
            {
                return $"contains {Name(word[i])}, which a login shell or sshd would interpret (only letters, digits and {Punctuation} pass through literally)";
            }
        }

        if (word[0] is '=' or '@')
        {
            return $"starts with {Name(word[0])}, which {(word[0] == '=' ? "zsh expands to a command path" : "PowerShell reads as splatting")} when it is the login shell";
        }

        if (word[0] == '-' && word.Contains('.', StringComparison.Ordinal))
        {
            return "starts with '-' and contains '.', which PowerShell, when it is the login shell, splits into two arguments; pass the switch and its value as separate arguments";
        }

        return null;
    }

    /// <summary>"'$' (U+0024)".</summary>
    public static string Name(char c) => $"'{c}' (U+{(int)c:X4})";

    private static bool IsWordCharacter(string word, int index)
    {
        char c = word[index];
        if (char.IsAsciiLetterOrDigit(c) || Punctuation.Contains(c, StringComparison.Ordinal))
        {
            return true;
        }

        if (c < 0x80)
        {
            return false;
        }

        // Letters and digits of other scripts are literal everywhere; a surrogate pair is one character.
        UnicodeCategory category = char.IsHighSurrogate(c) && index + 1 < word.Length && char.IsLowSurrogate(word[index + 1])
            ? CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, word[index + 1]))
            : char.IsLowSurrogate(c) && index > 0 && char.IsHighSurrogate(word[index - 1])
                ? CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(word[index - 1], c))
                : CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }
}
