using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using PSRemotingDsc.Errors;

namespace PSRemotingDsc.Versions;

/// <summary>
/// A PowerShell version as PowerShell reports it: <c>7.4.6</c>, <c>7.6.0-preview.5</c>, <c>7.5.0-rc.1</c>,
/// or a dev build in <c>git describe</c> form, <c>7.3.0-preview.8-29-g52c6b12</c> (PowerShell's GitCommitId).
/// Ordering follows SemVer 2.0 precedence; a dev build sorts after the tag it was built on
/// (<c>7.3.0-preview.8 &lt; 7.3.0-preview.8-29-g52c6b12 &lt; 7.3.0-preview.9</c>).
/// </summary>
public sealed class PowerShellVersion : IComparable<PowerShellVersion>, IEquatable<PowerShellVersion>
{
    private const string AcceptedForms =
        "Use MAJOR.MINOR.PATCH with an optional pre-release label, e.g. '7.4.6', '7.6.0-preview.5', '7.5.0-rc.1' or a dev build '7.3.0-preview.8-29-g52c6b12'.";

    private readonly string[] preReleaseIdentifiers;

    /// <summary>Creates a version from its parts; labels are validated as <see cref="Parse"/> does.</summary>
    /// <exception cref="ArgumentException">A number is negative or a label is not valid.</exception>
    public PowerShellVersion(int major, int minor, int patch, string? preReleaseLabel = null, string? buildLabel = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(major);
        ArgumentOutOfRangeException.ThrowIfNegative(minor);
        ArgumentOutOfRangeException.ThrowIfNegative(patch);
        if (preReleaseLabel is not null && !IsValidPreReleaseLabel(preReleaseLabel))
        {
            throw new ArgumentException($"'{preReleaseLabel}' is not a valid pre-release label (dot-separated identifiers of [0-9A-Za-z-], numbers without leading zeros).", nameof(preReleaseLabel));
        }

        if (buildLabel is not null && !IsValidBuildLabel(buildLabel))
        {
            throw new ArgumentException($"'{buildLabel}' is not a valid dev build label ('<commits>-g<sha>', e.g. '29-g52c6b12').", nameof(buildLabel));
        }

        Major = major;
        Minor = minor;
        Patch = patch;
        PreReleaseLabel = preReleaseLabel;
        BuildLabel = buildLabel;
        preReleaseIdentifiers = preReleaseLabel?.Split('.') ?? [];
    }

    /// <summary>The major version, the <c>7</c> of <c>7.4.6</c>.</summary>
    public int Major { get; }

    /// <summary>The minor version, the <c>4</c> of <c>7.4.6</c>.</summary>
    public int Minor { get; }

    /// <summary>The patch version, the <c>6</c> of <c>7.4.6</c>.</summary>
    public int Patch { get; }

    /// <summary>The SemVer pre-release label (<c>preview.5</c>, <c>rc.1</c>); null for a stable release.</summary>
    public string? PreReleaseLabel { get; }

    /// <summary>The dev build part, <c>&lt;commits&gt;-g&lt;sha&gt;</c> (<c>29-g52c6b12</c>); null for a released build.</summary>
    public string? BuildLabel { get; }

    /// <summary>True for previews, release candidates and dev builds: anything that is not a stable release.</summary>
    public bool IsPreRelease => PreReleaseLabel is not null || BuildLabel is not null;

    /// <summary>True when both are null, or both have the same numbers and labels (compared ordinally).</summary>
    /// <param name="left">A version or null.</param>
    /// <param name="right">A version or null.</param>
    /// <returns>True when the versions are equal.</returns>
    public static bool operator ==(PowerShellVersion? left, PowerShellVersion? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>True when exactly one is null, or the numbers or labels differ.</summary>
    /// <param name="left">A version or null.</param>
    /// <param name="right">A version or null.</param>
    /// <returns>True when the versions differ.</returns>
    public static bool operator !=(PowerShellVersion? left, PowerShellVersion? right) => !(left == right);

    /// <summary>True when <paramref name="left"/> has lower precedence (see <see cref="CompareTo"/>); null sorts first.</summary>
    /// <param name="left">A version or null.</param>
    /// <param name="right">A version or null.</param>
    /// <returns>True when <paramref name="left"/> sorts before <paramref name="right"/>.</returns>
    public static bool operator <(PowerShellVersion? left, PowerShellVersion? right) => Compare(left, right) < 0;

    /// <summary>True when <paramref name="left"/> has higher precedence (see <see cref="CompareTo"/>); null sorts first.</summary>
    /// <param name="left">A version or null.</param>
    /// <param name="right">A version or null.</param>
    /// <returns>True when <paramref name="left"/> sorts after <paramref name="right"/>.</returns>
    public static bool operator >(PowerShellVersion? left, PowerShellVersion? right) => Compare(left, right) > 0;

    /// <summary>True when <paramref name="left"/> sorts before or equals <paramref name="right"/>; null sorts first.</summary>
    /// <param name="left">A version or null.</param>
    /// <param name="right">A version or null.</param>
    /// <returns>True unless <paramref name="left"/> sorts after <paramref name="right"/>.</returns>
    public static bool operator <=(PowerShellVersion? left, PowerShellVersion? right) => Compare(left, right) <= 0;

    /// <summary>True when <paramref name="left"/> sorts after or equals <paramref name="right"/>; null sorts first.</summary>
    /// <param name="left">A version or null.</param>
    /// <param name="right">A version or null.</param>
    /// <returns>True unless <paramref name="left"/> sorts before <paramref name="right"/>.</returns>
    public static bool operator >=(PowerShellVersion? left, PowerShellVersion? right) => Compare(left, right) >= 0;

    /// <summary>Parses a version; the text must be canonical (no whitespace, no leading zeros, no 'v').</summary>
    /// <exception cref="PSRemotingDscException">PowerShellVersionInvalid.</exception>
    public static PowerShellVersion Parse(string text)
    {
        if (TryParse(text, out var version))
        {
            return version;
        }

        throw new PSRemotingDscException(
            ErrorIds.PowerShellVersionInvalid,
            $"'{text}' is not a valid PowerShell version. {AcceptedForms}");
    }

    /// <summary>Parses a version without throwing; accepts exactly what <see cref="Parse"/> accepts.</summary>
    /// <param name="text">The text, such as <c>7.4.6</c> or <c>7.6.0-preview.5</c>; null or empty fails.</param>
    /// <param name="version">The version when parsing succeeds; otherwise null.</param>
    /// <returns>True when <paramref name="text"/> is a canonical PowerShell version.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out PowerShellVersion? version)
    {
        version = null;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        int dash = text.IndexOf('-', StringComparison.Ordinal);
        string core = dash < 0 ? text : text[..dash];
        string? suffix = dash < 0 ? null : text[(dash + 1)..];

        string[] numbers = core.Split('.');
        if (numbers.Length != 3
            || !TryParseNumber(numbers[0], out int major)
            || !TryParseNumber(numbers[1], out int minor)
            || !TryParseNumber(numbers[2], out int patch))
        {
            return false;
        }

        string? label = suffix;
        string? build = null;
        if (suffix is not null)
        {
            SplitDevBuild(suffix, out label, out build);
            if ((label is not null && !IsValidPreReleaseLabel(label)) || (build is not null && !IsValidBuildLabel(build)))
            {
                return false;
            }
        }

        version = new PowerShellVersion(major, minor, patch, label, build);
        return true;
    }

    /// <summary>Parses a non-negative decimal number without sign, whitespace or leading zeros.</summary>
    internal static bool TryParseNumber(string text, out int value)
    {
        value = 0;
        if (text.Length == 0 || (text.Length > 1 && text[0] == '0') || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Compares by SemVer 2.0 precedence: numbers first, then a stable release after its pre-releases, then the
    /// pre-release identifiers; a dev build sorts after the tag it was built on, ordered by its commit count.
    /// A null <paramref name="other"/> sorts first.
    /// </summary>
    /// <param name="other">The version to compare with, or null.</param>
    /// <returns>Less than 0 when this version sorts first, 0 when equal, greater than 0 when it sorts after.</returns>
    public int CompareTo(PowerShellVersion? other) => Compare(this, other);

    /// <summary>True when <paramref name="other"/> has the same numbers and the same labels, compared ordinally.</summary>
    /// <param name="other">The version to compare with, or null.</param>
    /// <returns>True when the versions are equal.</returns>
    public bool Equals(PowerShellVersion? other) =>
        other is not null
        && Major == other.Major
        && Minor == other.Minor
        && Patch == other.Patch
        && string.Equals(PreReleaseLabel, other.PreReleaseLabel, StringComparison.Ordinal)
        && string.Equals(BuildLabel, other.BuildLabel, StringComparison.Ordinal);

    /// <summary>True when <paramref name="obj"/> is an equal <see cref="PowerShellVersion"/>.</summary>
    /// <param name="obj">The object to compare with, or null.</param>
    /// <returns>True when <paramref name="obj"/> is an equal version.</returns>
    public override bool Equals(object? obj) => Equals(obj as PowerShellVersion);

    /// <summary>A hash of the numbers and labels, consistent with <see cref="Equals(PowerShellVersion)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() =>
        HashCode.Combine(Major, Minor, Patch, PreReleaseLabel is null ? 0 : StringComparer.Ordinal.GetHashCode(PreReleaseLabel), BuildLabel is null ? 0 : StringComparer.Ordinal.GetHashCode(BuildLabel));

    /// <summary>The canonical text; <see cref="Parse"/> of it gives an equal version.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");
        if (PreReleaseLabel is not null)
        {
            text.Append('-').Append(PreReleaseLabel);
        }

        if (BuildLabel is not null)
        {
            text.Append('-').Append(BuildLabel);
        }

        return text.ToString();
    }

    private static int Compare(PowerShellVersion? left, PowerShellVersion? right)
    {
        if (ReferenceEquals(left, right))
        {
            return 0;
        }

        if (left is null)
        {
            return -1;
        }

        if (right is null)
        {
            return 1;
        }

        int result = left.Major.CompareTo(right.Major);
        if (result == 0)
        {
            result = left.Minor.CompareTo(right.Minor);
        }

        if (result == 0)
        {
            result = left.Patch.CompareTo(right.Patch);
        }

        if (result == 0)
        {
            result = ComparePreRelease(left.preReleaseIdentifiers, right.preReleaseIdentifiers);
        }

        if (result == 0)
        {
            result = CompareBuild(left.BuildLabel, right.BuildLabel);
        }

        return result;
    }

    // SemVer 2.0 §11: no pre-release > any pre-release; identifiers compared left to right,
    // numeric ones numerically, numeric < alphanumeric, alphanumeric by ASCII; a shorter prefix is lower.
    private static int ComparePreRelease(string[] left, string[] right)
    {
        if (left.Length == 0 || right.Length == 0)
        {
            return left.Length == right.Length ? 0 : (left.Length == 0 ? 1 : -1);
        }

        for (int i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            int result = CompareIdentifier(left[i], right[i]);
            if (result != 0)
            {
                return result;
            }
        }

        return left.Length.CompareTo(right.Length);
    }

    private static int CompareIdentifier(string left, string right)
    {
        bool leftNumeric = left.All(char.IsAsciiDigit);
        bool rightNumeric = right.All(char.IsAsciiDigit);
        if (leftNumeric && rightNumeric)
        {
            // No leading zeros, so a longer number is a bigger number; this also works beyond long.
            int byLength = left.Length.CompareTo(right.Length);
            return byLength != 0 ? byLength : string.CompareOrdinal(left, right);
        }

        if (leftNumeric != rightNumeric)
        {
            return leftNumeric ? -1 : 1;
        }

        return Math.Sign(string.CompareOrdinal(left, right));
    }

    // A released build (no build label) sorts before a dev build made on top of it; dev builds by commit count.
    private static int CompareBuild(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return left is null ? (right is null ? 0 : -1) : 1;
        }

        int leftDash = left.IndexOf('-', StringComparison.Ordinal);
        int rightDash = right.IndexOf('-', StringComparison.Ordinal);
        int result = CompareIdentifier(left[..leftDash], right[..rightDash]);
        return result != 0 ? result : Math.Sign(string.CompareOrdinal(left, right));
    }

    // "preview.8-29-g52c6b12" -> ("preview.8", "29-g52c6b12"); "29-g52c6b12" -> (null, "29-g52c6b12").
    private static void SplitDevBuild(string suffix, out string? label, out string? build)
    {
        label = suffix;
        build = null;
        int shaDash = suffix.LastIndexOf("-g", StringComparison.Ordinal);
        if (shaDash <= 0)
        {
            return;
        }

        int countDash = suffix.LastIndexOf('-', shaDash - 1);
        string candidate = suffix[(countDash + 1)..];
        if (!IsValidBuildLabel(candidate))
        {
            return;
        }

        build = candidate;
        label = countDash < 0 ? null : suffix[..countDash];
    }

    private static bool IsValidBuildLabel(string text)
    {
        int dash = text.IndexOf("-g", StringComparison.Ordinal);
        if (dash <= 0)
        {
            return false;
        }

        string count = text[..dash];
        string sha = text[(dash + 2)..];
        return TryParseNumber(count, out _)
            && sha.Length is >= 4 and <= 40
            && sha.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
    }

    private static bool IsValidPreReleaseLabel(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (string identifier in text.Split('.'))
        {
            if (identifier.Length == 0 || !identifier.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }

            if (identifier.Length > 1 && identifier[0] == '0' && identifier.All(char.IsAsciiDigit))
            {
                return false;
            }
        }

        return true;
    }
}
