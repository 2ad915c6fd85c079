using System.Collections;
using System.Globalization;
using System.Management.Automation;
using PSRemotingDsc.Endpoints;

namespace PSRemotingDsc.PowerShell.Commands;

/// <summary>
/// The settable properties of an endpoint, shared by Test- and Set-PSRemotingEndpoint. Only the parameters given are enforced;
/// none binds from the pipeline, so piping Get-PSRemotingEndpoint into Set-PSRemotingEndpoint names the endpoint without
/// declaring its observed values as desired.
/// </summary>
public abstract class EndpointSettingsCommand : EndpointCommand
{
    /// <summary>The installation directory (<c>$PSHOME</c>) the endpoint must start; the best installation of the version when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? PSHome { get; set; }

    /// <summary>SSH: the pwsh arguments after <c>-sshs -NoLogo -NoProfile</c>.</summary>
    [Parameter]
    [AllowEmptyCollection]
    public string[]? Arguments { get; set; }

    /// <summary>WSMan: who may use the endpoint.</summary>
    [Parameter]
    public AccessMode AccessMode { get; set; }

    /// <summary>WSMan: the endpoint's security descriptor in SDDL.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SecurityDescriptorSddl { get; set; }

    /// <summary>WSMan: the absolute path of a .pssc session configuration file (JEA).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SessionConfigurationFile { get; set; }

    /// <summary>WSMan: whether sessions run as a virtual account.</summary>
    [Parameter]
    public SwitchParameter RunAsVirtualAccount { get; set; }

    /// <summary>WSMan: whether every session runs in one shared host process.</summary>
    [Parameter]
    public SwitchParameter UseSharedProcess { get; set; }

    /// <summary>WSMan quotas by WinRM attribute name, e.g. <c>@{ MaxShellsPerUser = 25 }</c>; only the quotas given are enforced.</summary>
    [Parameter]
    [ValidateNotNull]
    public Hashtable? Quotas { get; set; }

    private protected override EndpointProperties BoundProperties() => base.BoundProperties() with
    {
        PSHome = PSHome is null ? null : GetUnresolvedProviderPathFromPSPath(PSHome),
        Arguments = Arguments,
        AccessMode = IsBound(nameof(AccessMode)) ? AccessMode : null,
        SecurityDescriptorSddl = SecurityDescriptorSddl,
        SessionConfigurationFile = SessionConfigurationFile is null ? null : GetUnresolvedProviderPathFromPSPath(SessionConfigurationFile),
        RunAsVirtualAccount = SwitchValue(nameof(RunAsVirtualAccount), RunAsVirtualAccount),
        UseSharedProcess = SwitchValue(nameof(UseSharedProcess), UseSharedProcess),
        Quotas = Quotas is null ? null : QuotasOf(Quotas),
    };

    /// <summary>The hashtable as the engine's quota map; a value that is not a whole number is refused before anything runs.</summary>
    private Dictionary<string, long> QuotasOf(Hashtable quotas)
    {
        var result = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in quotas)
        {
            string name = entry.Key?.ToString() ?? string.Empty;
            if (!LanguagePrimitives.TryConvertTo(entry.Value, CultureInfo.InvariantCulture, out long value))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException($"The quota '{name}' has the value '{entry.Value}', which is not a whole number. Give each quota as a number, e.g. @{{ MaxShellsPerUser = 25 }}."),
                    "QuotaNotANumber", ErrorCategory.InvalidArgument, quotas));
            }

            result[name] = value;
        }

        return result;
    }
}
