using System.Globalization;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Errors;

namespace PSRemotingDsc.WSMan.Plugin;

/// <summary>
/// The ranges WinRM accepts for plugin quotas, and their validation.
/// <para>
/// Sources. Lower bounds: PowerShell's <c>New-PSTransportOption</c> <c>[ValidateRange]</c> attributes
/// (PowerShell/PowerShell src/System.Management.Automation/engine/remoting/commands/NewPSSessionConfigurationOptionCommand.cs:
/// IdleTimeoutSec and MaxIdleTimeoutSec 60–2147483 s, i.e. 60000 ms; MaxMemoryPerSessionMB ≥ 5; the counts ≥ 1),
/// which PowerShell applies before handing values to WinRM. Upper bounds: the values are 32-bit
/// (<c>int</c> in PowerShell, the MS-WSMV 2.2.4.23 QuotasType limits are <c>DWORD</c>-sized), and PowerShell itself
/// writes <c>int.MaxValue</c> (2147483647) as its default for every quota, which WinRM accepts.
/// </para>
/// <para>
/// Exception kept on purpose: MS-WSMV 2.2.4.23 and <c>New-PSTransportOption</c> cap MaxConcurrentUsers at 100, and
/// WinRM on Windows Server 2012/R2 without WMF rejects more (PowerShell then retries with 100, CustomShellCommands.cs
/// ~115–121). Current WinRM accepts PowerShell's default 2147483647, so the range here is 1–2147483647.
/// </para>
/// <para>
/// Cross rule: IdleTimeoutms must not exceed MaxIdleTimeoutms; <c>Set-PSSessionConfiguration</c> orders its two
/// <c>Set-Item</c> calls so WinRM never sees that state (CustomShellCommands.cs, <c>Set-SessionPluginIdleTimeoutQuotas</c>).
/// </para>
/// </summary>
public static class PluginQuotaLimits
{
    /// <summary>
    /// The accepted range of each quota, by the names of <see cref="PluginQuotas.Names"/>: the ranges the quota properties
    /// declare in <see cref="EndpointContract.Quotas"/>, which the sources above give.
    /// </summary>
    public static IReadOnlyDictionary<string, QuotaRange> Ranges { get; } = EndpointContract.Quotas.ToDictionary(
        property => property.WinRMQuota!, property => new QuotaRange(property.Minimum!.Value, property.Maximum!.Value), StringComparer.Ordinal);

    /// <summary>Throws for the first quota outside its range, or when IdleTimeoutms exceeds MaxIdleTimeoutms.</summary>
    /// <param name="quotas">The quotas to check; unset quotas are not checked.</param>
    /// <param name="pluginName">The endpoint the quotas are for, named in the message.</param>
    /// <exception cref="PSRemotingDscException">QuotaOutOfRange (<see cref="ExitCode.QuotaOutOfRange"/>).</exception>
    public static void Validate(PluginQuotas quotas, string pluginName)
    {
        ArgumentNullException.ThrowIfNull(quotas);
        foreach (var (name, value) in quotas.GetSetQuotas())
        {
            var range = Ranges[name];
            if (!range.Contains(value))
            {
                throw new PSRemotingDscException(
                    ErrorIds.QuotaOutOfRange,
                    string.Create(CultureInfo.InvariantCulture, $"Quota '{name}' of endpoint '{pluginName}' is {value}, outside the range WinRM accepts ({range}). Use a value from {range}."));
            }
        }

        if (quotas.IdleTimeoutms is long idle && quotas.MaxIdleTimeoutms is long maxIdle && idle > maxIdle)
        {
            throw new PSRemotingDscException(
                ErrorIds.QuotaOutOfRange,
                string.Create(CultureInfo.InvariantCulture, $"Quota '{PluginQuotas.IdleTimeoutmsName}' of endpoint '{pluginName}' is {idle}, more than '{PluginQuotas.MaxIdleTimeoutmsName}' ({maxIdle}); WinRM rejects that. Lower IdleTimeoutms or raise MaxIdleTimeoutms."));
        }
    }
}
