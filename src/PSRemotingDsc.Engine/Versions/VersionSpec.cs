using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using PSRemotingDsc.Errors;

namespace PSRemotingDsc.Versions;

/// <summary>
/// The <c>version</c> property: which installed PowerShell an endpoint is for.
/// <list type="bullet">
/// <item><c>7</c>, <c>7.4</c>: the highest stable release with that prefix.</item>
/// <item><c>7.4.6</c>: exactly that stable release.</item>
/// <item><c>7-preview</c>, <c>7.6-preview</c>, <c>7.6.0-preview</c>: the highest pre-release (preview, rc or dev build) with that prefix.</item>
/// <item><c>7.6.0-preview.5</c>, <c>7.5.0-rc.1</c>: exactly that pre-release.</item>
/// </list>
/// A pre-release installation is matched only by a <c>-preview</c> spec or by its exact version.
/// </summary>
public sealed class VersionSpec
{
    /// <summary>The accepted forms, for error messages.</summary>
    public const string AcceptedForms =
        "Use one of: '7' (highest stable 7.x.y), '7.4' (highest stable 7.4.y), '7.4.6' (exactly that stable release), "
        + "'7-preview' or '7.6-preview' (highest preview or release candidate), "
        + "'7.6.0-preview.5' or '7.5.0-rc.1' (exactly that pre-release).";

    private const string PreviewSuffix = "-preview";

    private readonly PowerShellVersion? exactVersion;

    private VersionSpec(int major, int? minor, int? patch, bool isPreview, PowerShellVersion? exactVersion)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        IsPreview = isPreview;
        this.exactVersion = exactVersion;
    }

    /// <summary>
    /// True when the spec selects pre-releases: a <c>-preview</c> spec (<c>7-preview</c>, <c>7.6-preview</c>), which matches
    /// only pre-release installations, or an exact pre-release (<c>7.6.0-preview.5</c>, where <see cref="IsExact"/> is also true).
    /// </summary>
    public bool IsPreview { get; }

    /// <summary>True when the spec names one version (<c>7.4.6</c>, <c>7.6.0-preview.5</c>).</summary>
    public bool IsExact => exactVersion is not null;

    /// <summary>The version an exact spec names; null otherwise.</summary>
    public PowerShellVersion? ExactVersion => exactVersion;

    /// <summary>The major version every match has (the <c>7</c> of <c>7.4</c>).</summary>
    public int Major { get; }

    /// <summary>The minor version every match has; null when the spec gives only a major version (<c>7</c>, <c>7-preview</c>).</summary>
    public int? Minor { get; }

    /// <summary>The patch version every match has; null when the spec gives no patch (<c>7.4</c>, <c>7.6-preview</c>).</summary>
    public int? Patch { get; }

    /// <summary>Parses the <c>version</c> property.</summary>
    /// <param name="text">A spec in one of the forms listed on <see cref="VersionSpec"/>.</param>
    /// <returns>The spec.</returns>
    /// <exception cref="PSRemotingDscException">VersionSpecInvalid, with the accepted forms.</exception>
    public static VersionSpec Parse(string text)
    {
        if (TryParse(text, out var spec, out string? error))
        {
            return spec;
        }

        throw new PSRemotingDscException(ErrorIds.VersionSpecInvalid, error);
    }

    /// <summary>
    /// The spec of <paramref name="version"/>'s major line, the one <c>Enable-PSRemoting</c> names its endpoint after:
    /// <c>7</c>, or <c>7-preview</c> for any pre-release (preview, rc, dev build).
    /// </summary>
    public static VersionSpec ForMajorOf(PowerShellVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new VersionSpec(version.Major, null, null, version.IsPreRelease, null);
    }

    /// <summary>Parses the <c>version</c> property without throwing.</summary>
    /// <param name="text">A spec in one of the forms listed on <see cref="VersionSpec"/>; null or empty fails.</param>
    /// <param name="spec">The spec when parsing succeeds; otherwise null.</param>
    /// <param name="error">When parsing fails, a sentence naming the text, what is wrong with it and <see cref="AcceptedForms"/>; otherwise null.</param>
    /// <returns>True when <paramref name="text"/> is a valid spec.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out VersionSpec? spec, [NotNullWhen(false)] out string? error)
    {
        spec = null;
        error = null;
        string? reason = Check(text, out spec);
        if (reason is null && spec is not null)
        {
            return true;
        }

        error = $"The version '{text}' is invalid: {reason}. {AcceptedForms}";
        return false;
    }

    /// <summary>
    /// True when <paramref name="version"/> is the version an exact spec names, or for a prefix spec, has the same
    /// major (and minor and patch, where given) and is a pre-release exactly when the spec is a <c>-preview</c> spec.
    /// </summary>
    /// <param name="version">An installed version.</param>
    /// <returns>True when the spec selects <paramref name="version"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="version"/> is null.</exception>
    public bool Matches(PowerShellVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (exactVersion is not null)
        {
            return exactVersion == version;
        }

        return version.IsPreRelease == IsPreview
            && version.Major == Major
            && (Minor is null || version.Minor == Minor)
            && (Patch is null || version.Patch == Patch);
    }

    /// <summary>
    /// The matching installation with the highest version, preferring any installation outside the NuGet package cache
    /// (<see cref="PowerShellInstallation.IsInPackageCache"/>) over one in it; on a tie, the first one given. Null if none matches.
    /// </summary>
    public PowerShellInstallation? SelectBest(IEnumerable<PowerShellInstallation> installations)
    {
        ArgumentNullException.ThrowIfNull(installations);
        PowerShellInstallation? best = null;
        foreach (var installation in installations)
        {
            if (Matches(installation.Version) && (best is null || Before(installation, best)))
            {
                best = installation;
            }
        }

        return best;
    }

    /// <summary>Whether <paramref name="candidate"/> is preferred: outside the package cache first, then the higher version.</summary>
    private static bool Before(PowerShellInstallation candidate, PowerShellInstallation best) =>
        candidate.IsInPackageCache != best.IsInPackageCache ? !candidate.IsInPackageCache : candidate.Version > best.Version;

    /// <summary>The canonical text; <see cref="Parse"/> of it gives an equivalent spec.</summary>
    public override string ToString()
    {
        if (exactVersion is not null)
        {
            return exactVersion.ToString();
        }

        string text = Major.ToString(CultureInfo.InvariantCulture);
        if (Minor is int minor)
        {
            text += "." + minor.ToString(CultureInfo.InvariantCulture);
        }

        if (Patch is int patch)
        {
            text += "." + patch.ToString(CultureInfo.InvariantCulture);
        }

        return IsPreview ? text + PreviewSuffix : text;
    }

    private static string? Check(string? text, out VersionSpec? spec)
    {
        spec = null;
        if (string.IsNullOrEmpty(text))
        {
            return "it is empty";
        }

        if (text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return "it contains whitespace or control characters";
        }

        bool isPreview = text.EndsWith(PreviewSuffix, StringComparison.Ordinal);
        string numbers = isPreview ? text[..^PreviewSuffix.Length] : text;
        if (!isPreview && text.Contains('-', StringComparison.Ordinal))
        {
            if (!PowerShellVersion.TryParse(text, out var exact))
            {
                return "it is neither a prefix like '7.4' nor a full pre-release version like '7.6.0-preview.5'";
            }

            spec = new VersionSpec(exact.Major, exact.Minor, exact.Patch, isPreview: exact.IsPreRelease, exact);
            return null;
        }

        string[] parts = numbers.Split('.');
        if (parts.Length > 3)
        {
            return "it has more than three numeric parts";
        }

        var values = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!PowerShellVersion.TryParseNumber(parts[i], out values[i]))
            {
                return $"'{parts[i]}' is not a number (digits only, no sign, no leading zeros)";
            }
        }

        int? minor = values.Length > 1 ? values[1] : null;
        int? patch = values.Length > 2 ? values[2] : null;
        PowerShellVersion? exactStable = !isPreview && patch is int p ? new PowerShellVersion(values[0], values[1], p) : null;
        spec = new VersionSpec(values[0], minor, patch, isPreview, exactStable);
        return null;
    }
}
