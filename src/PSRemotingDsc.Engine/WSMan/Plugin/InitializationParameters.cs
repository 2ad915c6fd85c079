using System.Collections;
using System.Xml.Linq;

namespace PSRemotingDsc.WSMan.Plugin;

/// <summary>
/// The ordered <c>InitializationParameters</c> of a plugin. Names are looked up case-insensitively, as
/// PowerShell's <c>InitialSessionStateProvider</c> does (<c>optionName.ToLowerInvariant()</c>); the order and
/// the spelling of each name are kept as written.
/// </summary>
public sealed class InitializationParameters : IReadOnlyList<InitializationParameter>
{
    /// <summary>The parameter PowerShell always writes, with <c>Major.Minor</c> of the registering PowerShell.</summary>
    public const string PSVersionName = "PSVersion";

    /// <summary>The parameter PowerShell writes without a line break after it (CustomShellCommands.cs, <c>SESSIONCONFIGTOKEN</c>).</summary>
    public const string SessionConfigurationDataName = "sessionconfigurationdata";

    private readonly List<InitializationParameter> items = [];

    /// <summary>The number of <c>Param</c> elements, duplicates included.</summary>
    public int Count => items.Count;

    /// <summary>Elements inside <c>InitializationParameters</c> other than <c>Param</c>, kept for the round trip.</summary>
    public IList<XElement> AdditionalElements { get; } = [];

    /// <summary>The <c>PSVersion</c> value (<c>7.4</c>); null when absent. Setting null removes it.</summary>
    public string? PSVersion
    {
        get => this[PSVersionName];
        set
        {
            if (value is null)
            {
                Remove(PSVersionName);
            }
            else
            {
                Set(PSVersionName, value);
            }
        }
    }

    /// <summary>The parameter at <paramref name="index"/>, in document order.</summary>
    /// <param name="index">The zero-based position.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or not less than <see cref="Count"/>.</exception>
    public InitializationParameter this[int index] => items[index];

    /// <summary>The value of the first parameter with that name (case-insensitive); null when absent.</summary>
    public string? this[string name] => Find(name)?.Value;

    /// <summary>The first parameter with that name (case-insensitive); null when absent.</summary>
    public InitializationParameter? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return items.Find(item => string.Equals(item.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The position of the first parameter with that name (case-insensitive); -1 when absent.</summary>
    public int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return items.FindIndex(item => string.Equals(item.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Inserts a parameter at <paramref name="index"/>, even when one with that name exists.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative or greater than <see cref="Count"/>.</exception>
    public void Insert(int index, string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        items.Insert(index, new InitializationParameter(name, value));
    }

    /// <summary>Appends a parameter, even when one with that name exists (WinRM documents may hold duplicates).</summary>
    public void Add(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        items.Add(new InitializationParameter(name, value));
    }

    /// <summary>Replaces the value of the first parameter with that name, keeping its place and spelling; appends it otherwise.</summary>
    public void Set(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        int index = IndexOf(name);
        if (index < 0)
        {
            items.Add(new InitializationParameter(name, value));
        }
        else
        {
            items[index] = items[index] with { Value = value };
        }
    }

    /// <summary>Removes every parameter with that name (case-insensitive); true if one was removed.</summary>
    public bool Remove(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return items.RemoveAll(item => string.Equals(item.Name, name, StringComparison.OrdinalIgnoreCase)) > 0;
    }

    /// <summary>Enumerates the parameters in document order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<InitializationParameter> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
