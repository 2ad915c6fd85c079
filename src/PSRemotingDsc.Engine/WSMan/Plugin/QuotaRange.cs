using System.Globalization;

namespace PSRemotingDsc.WSMan.Plugin;

/// <summary>The inclusive range of values WinRM accepts for one plugin quota.</summary>
public readonly record struct QuotaRange(long Minimum, long Maximum)
{
    public bool Contains(long value) => value >= Minimum && value <= Maximum;

    /// <summary>"60000 to 2147483647".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Minimum} to {Maximum}");
}
