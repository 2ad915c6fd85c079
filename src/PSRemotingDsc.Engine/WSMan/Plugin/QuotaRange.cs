using System.Globalization;

namespace PSRemotingDsc.WSMan.Plugin;

/// <summary>The inclusive range of values WinRM accepts for one plugin quota.</summary>
/// <param name="Minimum">The smallest accepted value.</param>
/// <param name="Maximum">The largest accepted value.</param>
public readonly record struct QuotaRange(long Minimum, long Maximum)
{
    /// <summary>True when <paramref name="value"/> is from <see cref="Minimum"/> to <see cref="Maximum"/>, both included.</summary>
    /// <param name="value">A quota value.</param>
    /// <returns>True when WinRM accepts the value.</returns>
    public bool Contains(long value) => value >= Minimum && value <= Maximum;

    /// <summary>"60000 to 2147483647".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Minimum} to {Maximum}");
}
