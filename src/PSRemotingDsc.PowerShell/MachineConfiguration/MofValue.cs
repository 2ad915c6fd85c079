using System.Globalization;

namespace PSRemotingDsc.PowerShell.MachineConfiguration;

/// <summary>What a <see cref="MofValue"/> holds, and therefore how <see cref="MofWriter"/> renders it.</summary>
public enum MofValueKind
{
    /// <summary>A MOF string: quoted and escaped as PSDesiredStateConfiguration escapes it.</summary>
    Text,

    /// <summary>A MOF string array: one quoted string per line inside braces.</summary>
    TextArray,

    /// <summary>A MOF boolean: <c>True</c> or <c>False</c>.</summary>
    Boolean,

    /// <summary>A MOF integer (sint64 and narrower): decimal digits.</summary>
    Number,
}

/// <summary>
/// The value of one property of a MOF instance: a string, a string array, a boolean or a whole number, the four kinds
/// the <c>PSRemotingEndpoint</c> class declares. Immutable.
/// </summary>
public sealed class MofValue : IEquatable<MofValue>
{
    private readonly string? text;
    private readonly string[]? texts;
    private readonly bool flag;
    private readonly long number;

    private MofValue(MofValueKind kind, string? text, string[]? texts, bool flag, long number)
    {
        Kind = kind;
        this.text = text;
        this.texts = texts;
        this.flag = flag;
        this.number = number;
    }

    /// <summary>Which kind of value this is.</summary>
    public MofValueKind Kind { get; }

    /// <summary>The string, for <see cref="MofValueKind.Text"/>.</summary>
    /// <exception cref="InvalidOperationException">The value is of another kind.</exception>
    public string Text => Kind == MofValueKind.Text ? text! : throw WrongKind(MofValueKind.Text);

    /// <summary>The strings, for <see cref="MofValueKind.TextArray"/>.</summary>
    /// <exception cref="InvalidOperationException">The value is of another kind.</exception>
    public IReadOnlyList<string> TextArray => Kind == MofValueKind.TextArray ? texts! : throw WrongKind(MofValueKind.TextArray);

    /// <summary>The boolean, for <see cref="MofValueKind.Boolean"/>.</summary>
    /// <exception cref="InvalidOperationException">The value is of another kind.</exception>
    public bool Boolean => Kind == MofValueKind.Boolean ? flag : throw WrongKind(MofValueKind.Boolean);

    /// <summary>The whole number, for <see cref="MofValueKind.Number"/>.</summary>
    /// <exception cref="InvalidOperationException">The value is of another kind.</exception>
    public long Number => Kind == MofValueKind.Number ? number : throw WrongKind(MofValueKind.Number);

    /// <summary>A string value.</summary>
    /// <param name="value">The string; it is escaped when written, never here.</param>
    public static MofValue FromText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new MofValue(MofValueKind.Text, value, null, false, 0);
    }

    /// <summary>A string array value. An empty array is not written at all, as PSDesiredStateConfiguration does.</summary>
    /// <param name="values">The strings, in order; none may be <see langword="null"/>.</param>
    public static MofValue FromTextArray(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        string[] copy = [.. values];
        if (Array.IndexOf(copy, null) >= 0)
        {
            throw new ArgumentException("A MOF string array cannot hold a null element.", nameof(values));
        }

        return new MofValue(MofValueKind.TextArray, null, copy, false, 0);
    }

    /// <summary>A boolean value.</summary>
    /// <param name="value">The boolean.</param>
    public static MofValue FromBoolean(bool value) => new(MofValueKind.Boolean, null, null, value, 0);

    /// <summary>A whole-number value.</summary>
    /// <param name="value">The number.</param>
    public static MofValue FromNumber(long value) => new(MofValueKind.Number, null, null, false, value);

    /// <inheritdoc/>
    public bool Equals(MofValue? other) =>
        other is not null
        && other.Kind == Kind
        && Kind switch
        {
            MofValueKind.Text => string.Equals(text, other.text, StringComparison.Ordinal),
            MofValueKind.TextArray => texts!.AsSpan().SequenceEqual(other.texts!),
            MofValueKind.Boolean => flag == other.flag,
            _ => number == other.number,
        };

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as MofValue);

    /// <inheritdoc/>
    public override int GetHashCode() => Kind switch
    {
        MofValueKind.Text => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(text!)),
        MofValueKind.TextArray => HashCode.Combine(Kind, texts!.Length),
        MofValueKind.Boolean => HashCode.Combine(Kind, flag),
        _ => HashCode.Combine(Kind, number),
    };

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        MofValueKind.Text => text!,
        MofValueKind.TextArray => string.Join(", ", texts!),
        MofValueKind.Boolean => flag ? "True" : "False",
        _ => number.ToString(CultureInfo.InvariantCulture),
    };

    private InvalidOperationException WrongKind(MofValueKind wanted) =>
        new($"The MOF value is a {Kind}, not a {wanted}.");
}
