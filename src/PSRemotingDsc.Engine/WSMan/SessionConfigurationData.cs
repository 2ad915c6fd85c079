using System.Globalization;
using System.Text;
using PSRemotingDsc.Errors;

namespace PSRemotingDsc.WSMan;

/// <summary>
/// Reads a session configuration file (.pssc) as data: the subset of the PowerShell language that
/// New-PSSessionConfigurationFile writes (PowerShell src/System.Management.Automation/engine/remoting/commands/
/// NewPSSessionConfigurationFile.cs 680–1020 and SessionConfigurationUtils 1863–2101 at 929903692e). The file is one
/// hashtable literal <c>@{ Key = value ... }</c>; keys are bare words or quoted strings; values are single-quoted strings
/// (<c>''</c> escapes a quote), double-quoted strings without expansion, <c>$true</c>, <c>$false</c>, <c>$null</c>,
/// integers, arrays (<c>@( ... )</c> or comma lists), nested hashtables and script block literals <c>{ ... }</c> (kept as
/// text, never run: FunctionDefinitions and VariableDefinitions hold them); <c>#</c> and <c>&lt;# #&gt;</c> comments;
/// <c>;</c> and newlines separate entries. Anything else (a variable, a command, a subexpression <c>$(...)</c>, a string
/// that would expand) is refused: the file is data, and reading it must not run anything.
/// </summary>
public static class SessionConfigurationData
{
    /// <summary>
    /// The hashtable of <paramref name="text"/>: keys compared case-insensitively (as a PowerShell hashtable's); values are
    /// <see cref="string"/>, <see cref="bool"/>, <see cref="long"/>, null, <see cref="ScriptBlockLiteral"/>,
    /// <c>IReadOnlyList&lt;object?&gt;</c> for arrays and <c>IReadOnlyDictionary&lt;string, object?&gt;</c> for hashtables.
    /// </summary>
    /// <param name="text">The content of the file.</param>
    /// <param name="source">The file's path, named in errors.</param>
    /// <exception cref="PSRemotingDscException"><c>SessionConfigurationFileNotData</c>, naming the file, line and column.</exception>
    public static IReadOnlyDictionary<string, object?> Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        var reader = new Reader(text, source);
        reader.SkipSpace(newlines: true);
        if (!reader.At("@{"))
        {
            throw reader.Error("expected the file to be one hashtable '@{ ... }'");
        }

        IReadOnlyDictionary<string, object?> table = reader.ReadHashtable();
        reader.SkipSpace(newlines: true);
        if (!reader.AtEnd)
        {
            throw reader.Error("unexpected text after the hashtable");
        }

        return table;
    }

    /// <summary>A script block literal <c>{ ... }</c>, kept as its text between the braces; never run.</summary>
    /// <param name="Text">The text between the braces.</param>
    public sealed record ScriptBlockLiteral(string Text);

    private sealed class Reader(string text, string source)
    {
        // A hostile file nested some hundred thousand levels deep would overflow the stack, which no catch survives;
        // New-PSSessionConfigurationFile writes three levels (RoleDefinitions = @{ 'x' = @{ RoleCapabilities = ... } }).
        private const int MaxNesting = 64;

        private int _position;

        private int _nesting;

        public bool AtEnd => _position >= text.Length;

        private char Current => _position < text.Length ? text[_position] : '\0';

        public bool At(string token) => string.CompareOrdinal(text, _position, token, 0, token.Length) == 0;

        public PSRemotingDscException Error(string problem)
        {
            int line = 1;
            int column = 1;
            for (int i = 0; i < _position && i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }

            return new PSRemotingDscException(ErrorIds.SessionConfigurationFileNotData,
                $"{source}:{line}:{column}: {problem}. A session configuration file is data (a hashtable of constants, as New-PSSessionConfigurationFile writes it): variables, commands and expressions are not read. Nothing was changed.");
        }

        /// <summary>Skips blanks and comments, and line breaks when <paramref name="newlines"/>; returns whether a line break was skipped.</summary>
        public bool SkipSpace(bool newlines)
        {
            bool sawNewline = false;
            while (!AtEnd)
            {
                char c = Current;
                if (c is ' ' or '\t' or '\f' or '\v' or '\u00A0' or '\uFEFF')
                {
                    _position++;
                }
                else if (c is '\r' or '\n')
                {
                    if (!newlines)
                    {
                        return sawNewline;
                    }

                    sawNewline = true;
                    _position++;
                }
                else if (At("<#"))
                {
                    int end = text.IndexOf("#>", _position + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        throw Error("a block comment '<#' is not closed with '#>'");
                    }

                    _position = end + 2;
                }
                else if (c == '#')
                {
                    while (!AtEnd && Current is not ('\r' or '\n'))
                    {
                        _position++;
                    }
                }
                else
                {
                    break;
                }
            }

            return sawNewline;
        }

        /// <summary>At <c>@{</c>: the hashtable up to its closing brace.</summary>
        public Dictionary<string, object?> ReadHashtable()
        {
            _position += 2;
            var table = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            while (true)
            {
                SkipSeparators();
                if (AtEnd)
                {
                    throw Error("a hashtable '@{' is not closed with '}'");
                }

                if (Current == '}')
                {
                    _position++;
                    return table;
                }

                int keyAt = _position;
                string key = ReadKey();
                SkipSpace(newlines: false);
                if (Current != '=')
                {
                    throw Error($"expected '=' after the key '{key}'");
                }

                _position++;
                SkipSpace(newlines: true);
                object? value = ReadExpression();
                if (!table.TryAdd(key, value))
                {
                    _position = keyAt;
                    throw Error($"the key '{key}' appears twice in one hashtable");
                }

                bool separated = SkipSpace(newlines: true);
                if (Current == ';')
                {
                    continue;
                }

                if (AtEnd)
                {
                    throw Error("a hashtable '@{' is not closed with '}'");
                }

                if (!separated && Current != '}')
                {
                    throw Error("expected ';', a line break or '}' after a hashtable entry");
                }
            }
        }

        private void SkipSeparators()
        {
            do
            {
                SkipSpace(newlines: true);
            }
            while (!AtEnd && Current == ';' && ++_position > 0);
        }

        private string ReadKey()
        {
            if (Current is '\'' or '"')
            {
                return ReadString();
            }

            int start = _position;
            while (!AtEnd && (char.IsLetterOrDigit(Current) || Current is '_' or '-' or '.'))
            {
                _position++;
            }

            if (_position == start)
            {
                throw Error($"'{Current}' cannot start a hashtable key; write a name or a quoted string");
            }

            return text[start.._position];
        }

        /// <summary>A value, or a comma list of values (an array); line breaks may follow a comma.</summary>
        private object? ReadExpression()
        {
            object? first = ReadValue();
            SkipSpace(newlines: false);
            if (Current != ',')
            {
                return first;
            }

            var items = new List<object?> { first };
            while (Current == ',')
            {
                _position++;
                SkipSpace(newlines: true);
                items.Add(ReadValue());
                SkipSpace(newlines: false);
            }

            return items;
        }

        private object? ReadValue()
        {
            if (AtEnd)
            {
                throw Error("expected a value");
            }

            if (_nesting == MaxNesting)
            {
                throw Error($"hashtables and arrays are nested more than {MaxNesting} levels deep");
            }

            _nesting++;
            try
            {
                return ReadValueAt(Current);
            }
            finally
            {
                _nesting--;
            }
        }

        private object? ReadValueAt(char c)
        {
            if (c is '\'' or '"')
            {
                return ReadString();
            }

            if (At("@{"))
            {
                return ReadHashtable();
            }

            if (At("@("))
            {
                return ReadArray();
            }

            if (c == '{')
            {
                return ReadScriptBlock();
            }

            if (c == '$')
            {
                return ReadConstantVariable();
            }

            if (char.IsAsciiDigit(c) || (c is '-' or '+' && _position + 1 < text.Length && char.IsAsciiDigit(text[_position + 1])))
            {
                return ReadNumber();
            }

            if (c == '(')
            {
                throw Error("a parenthesized expression is not data");
            }

            if (char.IsLetter(c) || c is '_' or '-' or '.' or '&')
            {
                throw Error($"'{Word()}' is a command, not data; quote a string value");
            }

            throw Error($"'{c}' cannot start a value");
        }

        private string Word()
        {
            int end = _position;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not (';' or ',' or '}' or ')'))
            {
                end++;
            }

            return text[_position..end];
        }

        /// <summary>At <c>@(</c>: the statements up to <c>)</c>; an array among them contributes its elements, as PowerShell's array subexpression does.</summary>
        private List<object?> ReadArray()
        {
            _position += 2;
            var items = new List<object?>();
            while (true)
            {
                SkipSeparators();
                if (AtEnd)
                {
                    throw Error("an array '@(' is not closed with ')'");
                }

                if (Current == ')')
                {
                    _position++;
                    return items;
                }

                object? value = ReadExpression();
                if (value is List<object?> list)
                {
                    items.AddRange(list);
                }
                else
                {
                    items.Add(value);
                }

                bool separated = SkipSpace(newlines: true);
                if (!separated && Current is not (';' or ')'))
                {
                    throw Error("expected ';', a line break or ')' after an array element");
                }
            }
        }

        private bool? ReadConstantVariable()
        {
            int start = _position;
            _position++;
            while (!AtEnd && (char.IsLetterOrDigit(Current) || Current == '_'))
            {
                _position++;
            }

            string name = text[(start + 1).._position];
            if (name.Length == 0)
            {
                _position = start;
                throw Error(At("$(") ? "a subexpression '$(...)' is not data" : "'$' without a constant ($true, $false, $null) is not data");
            }

            if (Current == ':')
            {
                _position = start;
                throw Error($"the variable '{Word()}' is not data");
            }

            switch (name.ToUpperInvariant())
            {
                case "TRUE":
                    return true;
                case "FALSE":
                    return false;
                case "NULL":
                    return null;
                default:
                    _position = start;
                    throw Error($"the variable '${name}' is not data; only $true, $false and $null are");
            }
        }

        private long ReadNumber()
        {
            int start = _position;
            bool negative = Current == '-';
            if (Current is '-' or '+')
            {
                _position++;
            }

            bool hex = At("0x") || At("0X");
            if (hex)
            {
                _position += 2;
            }

            int digits = _position;
            while (!AtEnd && (hex ? char.IsAsciiHexDigit(Current) : char.IsAsciiDigit(Current)))
            {
                _position++;
            }

            string number = text[digits.._position];
            if (!AtEnd && (char.IsLetterOrDigit(Current) || Current is '.' or '_'))
            {
                _position = start;
                throw Error($"'{Word()}' is not an integer psremotingdsc reads (decimal or 0x hexadecimal, no suffix or fraction)");
            }

            if (number.Length == 0 || !long.TryParse(number, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out long value))
            {
                _position = start;
                throw Error($"'{Word()}' is not an integer in range");
            }

            return negative ? -value : value;
        }

        private string ReadString() => Current == '\'' ? ReadSingleQuoted() : ReadDoubleQuoted();

        private string ReadSingleQuoted()
        {
            int start = _position;
            _position++;
            var builder = new StringBuilder();
            while (!AtEnd)
            {
                char c = Current;
                _position++;
                if (c == '\'')
                {
                    if (Current == '\'')
                    {
                        builder.Append('\'');
                        _position++;
                        continue;
                    }

                    return builder.ToString();
                }

                builder.Append(c);
            }

            _position = start;
            throw Error("a string is not closed with \"'\"");
        }

        private string ReadDoubleQuoted()
        {
            int start = _position;
            _position++;
            var builder = new StringBuilder();
            while (!AtEnd)
            {
                char c = Current;
                if (c == '"')
                {
                    _position++;
                    if (Current == '"')
                    {
                        builder.Append('"');
                        _position++;
                        continue;
                    }

                    return builder.ToString();
                }

                if (c == '$' && _position + 1 < text.Length && (char.IsLetterOrDigit(text[_position + 1]) || text[_position + 1] is '_' or '(' or '{' or '?' or '^' or ':' or '$'))
                {
                    throw Error("a double-quoted string that expands a variable or subexpression is not data; use single quotes or escape '$' with '`'");
                }

                if (c == '`')
                {
                    _position++;
                    if (AtEnd)
                    {
                        break;
                    }

                    char escaped = Current;
                    builder.Append(escaped switch
                    {
                        'n' => '\n',
                        'r' => '\r',
                        't' => '\t',
                        '0' => '\0',
                        'a' => '\a',
                        'b' => '\b',
                        'f' => '\f',
                        'v' => '\v',
                        'e' => '\u001B',
                        'u' => throw Error("the escape '`u{...}' is not read; write the character itself"),
                        _ => escaped,
                    });
                    _position++;
                    continue;
                }

                builder.Append(c);
                _position++;
            }

            _position = start;
            throw Error("a string is not closed with '\"'");
        }

        /// <summary>At <c>{</c>: the text up to the matching <c>}</c>, skipping quoted strings and comments inside.</summary>
        private ScriptBlockLiteral ReadScriptBlock()
        {
            int start = _position;
            _position++;
            int depth = 1;
            while (!AtEnd)
            {
                char c = Current;
                if (c is '\'' or '"')
                {
                    SkipQuoted(c);
                    continue;
                }

                if (At("<#"))
                {
                    int end = text.IndexOf("#>", _position + 2, StringComparison.Ordinal);
                    _position = end < 0 ? text.Length : end + 2;
                    continue;
                }

                if (c == '#')
                {
                    while (!AtEnd && Current is not ('\r' or '\n'))
                    {
                        _position++;
                    }

                    continue;
                }

                if (c == '`')
                {
                    _position += 2;
                    continue;
                }

                _position++;
                if (c == '{')
                {
                    depth++;
                }
                else if (c == '}' && --depth == 0)
                {
                    return new ScriptBlockLiteral(text[(start + 1)..(_position - 1)]);
                }
            }

            _position = start;
            throw Error("a script block '{' is not closed with '}'");
        }

        private void SkipQuoted(char quote)
        {
            _position++;
            while (!AtEnd)
            {
                char c = Current;
                _position++;
                if (c == '`' && quote == '"')
                {
                    _position++;
                }
                else if (c == quote)
                {
                    if (Current == quote)
                    {
                        _position++;
                        continue;
                    }

                    return;
                }
            }
        }
    }
}
