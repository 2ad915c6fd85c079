using System.Text;
using System.Text.RegularExpressions;

namespace PSRemotingDsc.PowerShell.MachineConfiguration;

/// <summary>The naming and string rules of MOF documents and machine configuration packages, in one place.</summary>
internal static partial class MofNames
{
    // Windows device names: <name>.zip or <name>.mof would open the device instead of a file there.
    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>
    /// Refuses a configuration name that PSDesiredStateConfiguration's <c>Configuration</c> keyword refuses
    /// (<c>'^[a-z][a-z0-9_]*$'</c>, case-insensitive: "letters, numbers and underscore ... should start with a letter"),
    /// or that names a Windows device. The same name is the package's file name, the MOF's name inside the package,
    /// <c>ConfigurationName</c> and the guest assignment's name, so one rule keeps all four valid.
    /// </summary>
    /// <param name="name">The name.</param>
    /// <param name="parameterName">The parameter the name came from, for the exception.</param>
    public static void RequireConfigurationName(string name, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(name, parameterName);
        if (!ConfigurationNamePattern().IsMatch(name))
        {
            throw new ArgumentException(
                $"The configuration name '{name}' is not valid: it may only contain letters (a-z, A-Z), digits (0-9) and underscores (_), and must start with a letter.",
                parameterName);
        }

        if (DeviceNames.Contains(name))
        {
            throw new ArgumentException($"The configuration name '{name}' is a Windows device name and cannot name a file.", parameterName);
        }
    }

    /// <summary>Refuses a class or property name that is not a MOF identifier.</summary>
    /// <param name="name">The name.</param>
    /// <param name="parameterName">The parameter the name came from, for the exception.</param>
    public static void RequireIdentifier(string name, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(name, parameterName);
        if (!IdentifierPattern().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a MOF identifier (letters, digits and underscores, not starting with a digit).", parameterName);
        }
    }

    /// <summary>Refuses a module name that cannot be a folder under <c>Modules/</c> of a package.</summary>
    /// <param name="name">The name.</param>
    /// <param name="parameterName">The parameter the name came from, for the exception.</param>
    public static void RequireModuleName(string name, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(name, parameterName);
        if (!ModuleNamePattern().IsMatch(name) || name.EndsWith('.'))
        {
            throw new ArgumentException($"'{name}' is not a module name this package writer accepts (letters, digits, '_', '.', '-').", parameterName);
        }
    }

    /// <summary>
    /// Refuses a value of the comment header (<c>@GeneratedBy=...</c>) that would end the comment or the line:
    /// PSDesiredStateConfiguration writes these raw.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="parameterName">The parameter the value came from, for the exception.</param>
    public static void RequireHeaderValue(string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (value.Contains("*/", StringComparison.Ordinal) || value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException($"The value '{value}' cannot be written into the MOF header: it holds a line break or '*/'.", parameterName);
        }

        RequireWritable(value, parameterName);
    }

    /// <summary>
    /// A MOF string literal as PSDesiredStateConfiguration 2.0.7 writes it (ConvertTo-MOFInstance, stringify):
    /// <c>'"' + ($Value -replace '\\', '\\' -replace "`r?`n", '\n' -replace '"', '\"') + '"'</c>. Only the backslash,
    /// the line break (LF or CRLF) and the double quote are escaped; a tab and any other character, ASCII or not, are
    /// written as they are. A character PSDesiredStateConfiguration would write raw although the MOF grammar does not
    /// allow it there (another control character, a lone CR) or that UTF-8 cannot encode (a lone surrogate) is refused.
    /// </summary>
    /// <param name="value">The string.</param>
    /// <returns>The literal, with its quotes.</returns>
    /// <exception cref="ArgumentException">The string holds a character that cannot be written.</exception>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        RequireWritable(value, nameof(value));
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        for (int index = 0; index < value.Length; index++)
        {
            char character = value[index];
            switch (character)
            {
                case '\\':
                    builder.Append(@"\\");
                    break;
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                case '\r':
                    // RequireWritable let it through, so an LF follows: CRLF is one \n.
                    builder.Append(@"\n");
                    index++;
                    break;
                default:
                    builder.Append(character);
                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static void RequireWritable(string value, string parameterName)
    {
        for (int index = 0; index < value.Length; index++)
        {
            char character = value[index];
            bool allowed = character switch
            {
                '\t' or '\n' => true,
                '\r' => index + 1 < value.Length && value[index + 1] == '\n',
                < ' ' or '\u007F' => false,
                _ when char.IsHighSurrogate(character) => index + 1 < value.Length && char.IsLowSurrogate(value[++index]),
                _ when char.IsLowSurrogate(character) => false,
                _ => true,
            };

            if (!allowed)
            {
                throw new ArgumentException(
                    $"The string holds U+{(int)value[index]:X4} at position {index}, which cannot be written into a MOF string: "
                    + "only tab, line feed and CR LF of the control characters are allowed, and no lone surrogate.",
                    parameterName);
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex ConfigurationNamePattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex ModuleNamePattern();
}
