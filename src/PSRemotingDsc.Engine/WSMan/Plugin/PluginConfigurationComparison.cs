using System.Globalization;
using System.Text;

namespace PSRemotingDsc.WSMan.Plugin;

/// <summary>
/// Compares a desired plugin configuration with the one WinRM holds, semantically:
/// <list type="bullet">
/// <item>only what the desired document sets is compared (an attribute, parameter or quota it leaves out is ignored),
/// so what WinRM adds on its own (Architecture, UseSharedProcess, RunAs*, AutoRestart, xml:lang) is no drift;</item>
/// <item>values compare case-insensitively (<c>True</c> = <c>true</c>), numbers numerically (<c>0</c> = <c>00</c>);</item>
/// <item><c>Security/@ExactMatch</c> is never compared: WinRM rewrites it to <c>False</c> whenever PowerShell
/// re-creates the element (research §2.6);</item>
/// <item>Filename compares as a Windows path, ignoring case and slash style, with <c>%windir%</c> expanded when
/// <see cref="PluginComparisonOptions.WindowsDirectory"/> is given;</item>
/// <item>RunAsPassword is never compared (WinRM stores it encrypted; it is write-only);</item>
/// <item>a missing <c>RunAsVirtualAccount</c> compares as <c>false</c>, the value WinRM gives it; a difference still
/// reports the actual value as not set.</item>
/// </list>
/// </summary>
public static class PluginConfigurationComparison
{
    private const string Root = "PlugInConfiguration";

    /// <summary>The differences, in document order; empty when the actual configuration is in the desired state.</summary>
    public static IReadOnlyList<PluginDifference> Compare(PluginConfiguration desired, PluginConfiguration actual, PluginComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(actual);
        options ??= new PluginComparisonOptions();
        var differences = new List<PluginDifference>();

        CompareAttribute(differences, "Name", desired.Name, actual.Name);
        if (desired.Filename is not null && !FilenamesEqual(desired.Filename, actual.Filename, options.WindowsDirectory))
        {
            differences.Add(new(PluginDifferenceKind.Attribute, "Filename", $"{Root}/@Filename", desired.Filename, actual.Filename));
        }

        CompareAttribute(differences, "SDKVersion", desired.SDKVersion, actual.SDKVersion);
        CompareAttribute(differences, "XmlRenderingType", desired.XmlRenderingType, actual.XmlRenderingType);
        CompareAttribute(differences, "Enabled", desired.Enabled, actual.Enabled);
        CompareAttribute(differences, "Architecture", desired.Architecture, actual.Architecture);
        CompareAttribute(differences, "UseSharedProcess", desired.UseSharedProcess, actual.UseSharedProcess);
        // A missing RunAsVirtualAccount is false: PowerShell writes it only when true (CustomShellCommands.cs 1136–1142)
        // and WinRM stores the missing attribute as RunAsVirtualAccount="false" (PowerShell#27701).
        CompareAttribute(differences, "RunAsVirtualAccount", desired.RunAsVirtualAccount, actual.RunAsVirtualAccount, whenMissing: bool.FalseString);
        CompareAttribute(differences, "RunAsVirtualAccountGroups", desired.RunAsVirtualAccountGroups, actual.RunAsVirtualAccountGroups);
        CompareAttribute(differences, "OutputBufferingMode", desired.OutputBufferingMode, actual.OutputBufferingMode);
        CompareAttribute(differences, "ProcessIdleTimeoutSec", desired.ProcessIdleTimeoutSec, actual.ProcessIdleTimeoutSec);
        CompareAttribute(differences, "AutoRestart", desired.AutoRestart, actual.AutoRestart);
        CompareAttribute(differences, "RunAsUser", desired.RunAsUser, actual.RunAsUser);
        CompareAttribute(differences, "xml:lang", desired.Lang, actual.Lang);
        foreach (var attribute in desired.AdditionalAttributes)
        {
            var match = actual.AdditionalAttributes.FirstOrDefault(a => a.Name == attribute.Name);
            CompareAttribute(differences, attribute.Name.LocalName, attribute.Value, match?.Value);
        }

        foreach (var parameter in desired.InitializationParameters)
        {
            string? value = actual.InitializationParameters[parameter.Name];
            if (!ValuesEqual(parameter.Value, value))
            {
                differences.Add(new(
                    PluginDifferenceKind.InitializationParameter,
                    parameter.Name,
                    $"InitializationParameters/Param[@Name='{parameter.Name}']",
                    parameter.Value,
                    value));
            }
        }

        foreach (var resource in desired.Resources)
        {
            CompareResource(differences, resource, actual.FindResource(resource.ResourceUri), options);
        }

        if (desired.Quotas is { } quotas)
        {
            foreach (var (name, value) in quotas.GetSetQuotas())
            {
                long? actualValue = actual.Quotas?[name];
                if (actualValue != value)
                {
                    differences.Add(new(
                        PluginDifferenceKind.Quota,
                        name,
                        $"Quotas/@{name}",
                        value.ToString(CultureInfo.InvariantCulture),
                        actualValue?.ToString(CultureInfo.InvariantCulture)));
                }
            }
        }

        return differences;
    }

    /// <summary>
    /// True when two plugin paths name the same file: case and slash style ignored, repeated separators collapsed,
    /// <c>%windir%</c> and <c>%SystemRoot%</c> expanded with <paramref name="windowsDirectory"/> when given.
    /// </summary>
    public static bool FilenamesEqual(string? left, string? right, string? windowsDirectory)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        return string.Equals(NormalizePath(left, windowsDirectory), NormalizePath(right, windowsDirectory), StringComparison.OrdinalIgnoreCase);
    }

    private static void CompareResource(List<PluginDifference> differences, PluginResource desired, PluginResource? actual, PluginComparisonOptions options)
    {
        string path = $"Resources/Resource[@ResourceUri='{desired.ResourceUri}']";
        if (actual is null)
        {
            differences.Add(new(PluginDifferenceKind.Resource, desired.ResourceUri, path, desired.ResourceUri, null));
            return;
        }

        if (desired.SupportsOptions is not null && !ValuesEqual(desired.SupportsOptions, actual.SupportsOptions))
        {
            differences.Add(new(PluginDifferenceKind.Resource, "SupportsOptions", path + "/@SupportsOptions", desired.SupportsOptions, actual.SupportsOptions));
        }

        if (desired.ExactMatch is not null && !ValuesEqual(desired.ExactMatch, actual.ExactMatch))
        {
            differences.Add(new(PluginDifferenceKind.Resource, "ExactMatch", path + "/@ExactMatch", desired.ExactMatch, actual.ExactMatch));
        }

        foreach (var security in desired.Security)
        {
            var match = security.Uri is null
                ? actual.Security.FirstOrDefault()
                : actual.Security.FirstOrDefault(s => string.Equals(s.Uri, security.Uri, StringComparison.OrdinalIgnoreCase));
            string securityPath = $"{path}/Security[@Uri='{security.Uri}']";
            if (match is null)
            {
                differences.Add(new(PluginDifferenceKind.Security, "Security", securityPath, security.Sddl ?? security.Uri, null));
                continue;
            }

            if (security.Sddl is not null && !SddlEqual(security.Sddl, match.Sddl, options))
            {
                differences.Add(new(PluginDifferenceKind.Security, "Sddl", securityPath + "/@Sddl", security.Sddl, match.Sddl));
            }
        }

        foreach (var capability in desired.Capabilities)
        {
            if (!actual.Capabilities.Any(c => string.Equals(c.Type, capability.Type, StringComparison.OrdinalIgnoreCase)))
            {
                differences.Add(new(PluginDifferenceKind.Capability, capability.Type, $"{path}/Capability[@Type='{capability.Type}']", capability.Type, null));
            }
        }
    }

    private static void CompareAttribute(List<PluginDifference> differences, string name, string? desired, string? actual, string? whenMissing = null)
    {
        if (desired is not null && !ValuesEqual(desired, actual ?? whenMissing))
        {
            differences.Add(new(PluginDifferenceKind.Attribute, name, $"{Root}/@{name}", desired, actual));
        }
    }

    private static bool SddlEqual(string desired, string? actual, PluginComparisonOptions options)
    {
        if (actual is null)
        {
            return false;
        }

        return options.SddlEquals is { } equals
            ? equals(desired, actual)
            : string.Equals(desired.Trim(), actual.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    private static bool ValuesEqual(string desired, string? actual)
    {
        if (actual is null)
        {
            return false;
        }

        string left = desired.Trim();
        string right = actual.Trim();
        if (long.TryParse(left, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long leftNumber)
            && long.TryParse(right, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long rightNumber))
        {
            return leftNumber == rightNumber;
        }

        return string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
    }

    private static string NormalizePath(string path, string? windowsDirectory)
    {
        string text = path.Trim().Replace('/', '\\');
        if (!string.IsNullOrEmpty(windowsDirectory))
        {
            string windows = windowsDirectory.Trim().Replace('/', '\\').TrimEnd('\\');
            text = text.Replace("%windir%", windows, StringComparison.OrdinalIgnoreCase)
                .Replace("%SystemRoot%", windows, StringComparison.OrdinalIgnoreCase);
        }

        var normalized = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            // Collapse repeated separators, but keep the leading "\\" of a UNC path.
            if (c != '\\' || normalized.Length <= 1 || normalized[^1] != '\\')
            {
                normalized.Append(c);
            }
        }

        return normalized.ToString();
    }
}
