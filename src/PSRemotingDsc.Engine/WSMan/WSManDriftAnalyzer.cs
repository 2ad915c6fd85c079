using PSRemotingDsc.Drift;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Errors;
using PSRemotingDsc.WSMan.Host;
using PSRemotingDsc.WSMan.Plugin;
using PSRemotingDsc.WSMan.Security;

namespace PSRemotingDsc.WSMan;

/// <summary>
/// Deep drift of a WSMan endpoint: the registration (Filename, PSVersion, ResourceUri, Enabled/access mode, SDDL
/// compared by SID, declared quotas and settings), the plugin folder it loads (stale plugin copy, missing or
/// foreign RemotePowerShellConfig.txt, uninstalled PowerShell, unreadable config), the WSMan preconditions and,
/// when asked, a loopback session. Only what the user set is enforced beyond what "present for version X" means.
/// </summary>
public sealed class WSManDriftAnalyzer
{
    private readonly string _windowsDirectory;

    /// <param name="windowsDirectory">The <c>%windir%</c> plugin paths are compared under.</param>
    public WSManDriftAnalyzer(string windowsDirectory)
    {
        _windowsDirectory = windowsDirectory;
    }

    /// <summary>Every difference between <paramref name="desired"/> and <paramref name="observed"/>; empty when in the desired state.</summary>
    /// <param name="desired">The endpoint asked for.</param>
    /// <param name="observed">The registration, its plugin folder, the preconditions and the probe result.</param>
    public IReadOnlyList<Reason> Analyze(WSManEndpointDesired desired, WSManEndpointObservation observed)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(observed);
        var reasons = new List<Reason>();
        if (!desired.Exist)
        {
            if (observed.Exists)
            {
                reasons.Add(Reason.Create(ReasonId.Unexpected, $"WinRM plugin '{observed.Name}' is registered but should not exist.", EndpointContract.Exist.Name));
            }

            return reasons;
        }

        reasons.AddRange(observed.Preconditions.Select(Precondition));
        Reason? hosting = ServiceHosting(desired, observed);
        if (observed.Configuration is not { } actual)
        {
            reasons.Add(Reason.Create(ReasonId.Missing, $"WinRM plugin '{observed.Name}' is not registered; clients cannot connect with -ConfigurationName {observed.Name}.", EndpointContract.Exist.Name));
            if (hosting is not null)
            {
                reasons.Add(hosting);
            }

            return reasons;
        }

        var installation = desired.Installation!;
        string expectedFilename = EndpointNaming.PluginFilename(installation);
        if (!PluginConfigurationComparison.FilenamesEqual(expectedFilename, actual.Filename, _windowsDirectory))
        {
            reasons.Add(Reason.Create(ReasonId.FilenameUnexpected,
                $"Plugin '{observed.Name}' loads '{actual.Filename}', not '{expectedFilename}', the plugin copy of PowerShell {installation.Version}.", EndpointContract.PSHome.Name));
        }

        if (observed.Inspection is { } inspection)
        {
            reasons.AddRange(PluginFolder(observed.Name, inspection));
        }

        reasons.AddRange(Registration(desired, actual));
        if (hosting is not null)
        {
            reasons.Add(hosting);
        }

        if (SessionConfiguration(desired, observed, actual) is { } sessionConfiguration)
        {
            reasons.Add(sessionConfiguration);
        }

        reasons.AddRange(Security(desired, actual));
        if (observed.Connection is { } connection)
        {
            string expected = installation.Version.ToString();
            if (!connection.Connected)
            {
                reasons.Add(Reason.Create(ReasonId.ConnectionFailed, $"A loopback session to '{observed.Name}' failed: {connection.Error}", EndpointContract.VerifyConnection.Name));
            }
            else if (!string.Equals(connection.RemoteVersion, expected, StringComparison.OrdinalIgnoreCase))
            {
                reasons.Add(Reason.Create(ReasonId.ConnectionFailed,
                    $"A loopback session to '{observed.Name}' answered with PowerShell {connection.RemoteVersion}, not {expected}.", EndpointContract.VerifyConnection.Name));
            }
        }

        return reasons;
    }

    private static Reason Precondition(WSManPrecondition precondition) => Reason.Create(
        precondition.Id switch
        {
            WSManPreconditionId.WinRMServiceMissing => ReasonId.WinRMServiceMissing,
            WSManPreconditionId.WinRMServiceStopped => ReasonId.WinRMServiceStopped,
            WSManPreconditionId.WSManStackTooOld => ReasonId.WSManStackTooOld,
            WSManPreconditionId.NoListener => ReasonId.NoListener,
            _ => ReasonId.UniversalCRuntimeMissing,
        },
        precondition.Message,
        EndpointContract.Transport.Name);

    /// <summary>
    /// A virtual-account endpoint needs WinRM in its own service host, as LocalSystem, with SeTcbPrivilege: PowerShell
    /// moves it there whenever it registers or sets one (CustomShellCommands.cs 529–533, 3534–3538, 1299–1320); without it,
    /// sessions to the endpoint fail when they connect.
    /// </summary>
    private static Reason? ServiceHosting(WSManEndpointDesired desired, WSManEndpointObservation observed) =>
        desired.RunAsVirtualAccount == true && observed.ServiceHosting is { IsolatedForVirtualAccounts: false } hosting
            ? Reason.Create(ReasonId.WinRMNotIsolated,
                $"Plugin '{observed.Name}' runs as a virtual account, which needs WinRM in its own service host as {WinRMServiceHosting.LocalSystem} with {WinRMServiceHosting.TcbPrivilege} (as Register-PSSessionConfiguration -RunAsVirtualAccount sets it up); WinRM {hosting.Describe()}.",
                EndpointContract.RunAsVirtualAccount.Name)
            : null;

    private static IEnumerable<Reason> PluginFolder(string name, PluginInspection inspection)
    {
        var byReason = new Dictionary<ReasonId, List<string>>();
        foreach (PluginDrift drift in inspection.Drift)
        {
            ReasonId? id = drift.Kind switch
            {
                PluginDriftKind.SourcePluginMissing => ReasonId.NoPluginInInstallation,
                PluginDriftKind.PluginMissing => ReasonId.PluginMissing,
                PluginDriftKind.PluginHashDiffers or PluginDriftKind.PluginOlder => ReasonId.StalePlugin,
                PluginDriftKind.ConfigMissing or PluginDriftKind.PSHomeDirMissing or PluginDriftKind.CoreClrDirMissing => ReasonId.PluginConfigMissing,
                PluginDriftKind.PSHomeDirNotFound or PluginDriftKind.CoreClrDirNotFound => ReasonId.InstallationGone,
                PluginDriftKind.PSHomeDirOther or PluginDriftKind.CoreClrDirOther => ReasonId.BoundToOtherInstallation,

                // The plugin opens the file read/write, but only a missing read right is drift: Windows' default
                // ACL never grants users write in System32, so flagging it would make every endpoint drift forever.
                _ => inspection.Access?.Missing.Any(missing => missing.Right == "read") == true ? ReasonId.PluginConfigNotReadable : null,
            };
            if (id is ReasonId reasonId)
            {
                (byReason.TryGetValue(reasonId, out List<string>? messages) ? messages : byReason[reasonId] = []).Add(drift.Message);
            }
        }

        return byReason.Select(pair => Reason.Create(pair.Key, $"Plugin '{name}' in '{inspection.Directory.FullPath}': {string.Join(" ", pair.Value)}", EndpointContract.PSHome.Name));
    }

    private IEnumerable<Reason> Registration(WSManEndpointDesired desired, PluginConfiguration actual)
    {
        var options = new PluginComparisonOptions { WindowsDirectory = _windowsDirectory };
        // configfilepath is compared apart (SessionConfiguration): what is registered is a copy, never the declared path.
        foreach (PluginDifference difference in PluginConfigurationComparison.Compare(WSManPluginDocument.Enforced(desired with { SessionConfigurationFile = null }), actual, options))
        {
            string phrase = $"Plugin '{actual.Name}': {difference.Path} is '{difference.Actual ?? "(not set)"}', expected '{difference.Expected ?? "(not set)"}'.";
            yield return difference.Kind switch
            {
                PluginDifferenceKind.Quota => Reason.Create(ReasonId.QuotaDiffers, phrase, QuotaProperty(difference.Name)),
                PluginDifferenceKind.InitializationParameter when difference.Name.Equals(InitializationParameters.PSVersionName, StringComparison.OrdinalIgnoreCase)
                    => Reason.Create(ReasonId.PSVersionMismatch, phrase, EndpointContract.PSHome.Name),
                PluginDifferenceKind.InitializationParameter => Reason.Create(ReasonId.SessionConfigurationFileDiffers, phrase, EndpointContract.SessionConfigurationFile.Name),
                PluginDifferenceKind.Attribute when difference.Name == "RunAsVirtualAccount" => Reason.Create(ReasonId.RunAsVirtualAccountDiffers, phrase, EndpointContract.RunAsVirtualAccount.Name),
                PluginDifferenceKind.Attribute when difference.Name == "RunAsVirtualAccountGroups" => Reason.Create(ReasonId.RunAsVirtualAccountDiffers, phrase, EndpointContract.SessionConfigurationFile.Name),
                PluginDifferenceKind.Attribute when difference.Name == "RunAsUser" => Reason.Create(ReasonId.RunAsUserDiffers, phrase, EndpointContract.SessionConfigurationFile.Name),
                PluginDifferenceKind.Attribute when EndpointContract.PluginAttributeFor(difference.Name) is { } setting => Reason.Create(ReasonId.PluginSettingDiffers, phrase, setting.Name),
                _ => Reason.Create(ReasonId.ResourceUriMismatch,
                    $"Plugin '{actual.Name}' has no resource '{EndpointNaming.ResourceUri(actual.Name)}' ({difference.Path}).", EndpointContract.Name.Name),
            };
        }
    }

    /// <summary>
    /// A declared session configuration file must be registered as an intact copy in the bound installation's
    /// <c>$PSHOME\SessionConfig</c>, as Register-PSSessionConfiguration registers it (CustomShellCommands.cs 950–995): a
    /// missing copy, a copy whose SHA-256 differs, a file elsewhere, and the declared file registered in place (which
    /// Unregister-PSSessionConfiguration deletes, CustomShellCommands.cs 2522–2528, and Get-PSSessionConfiguration
    /// evaluates elevated, 2763–2768) are drift.
    /// </summary>
    private static Reason? SessionConfiguration(WSManEndpointDesired desired, WSManEndpointObservation observed, PluginConfiguration actual)
    {
        if (desired.SessionConfigurationFile is not { } source)
        {
            return null;
        }

        SessionConfigurationInspection inspection = observed.SessionConfiguration
            ?? SessionConfigurationFiles.Inspect(source, actual.InitializationParameters[WSManPluginDocument.ConfigFilePathParameter], desired.Installation!.PSHome);
        if (inspection.Matches)
        {
            return null;
        }

        return Reason.Create(
            inspection.State == SessionConfigurationState.NotRegistered ? ReasonId.SessionConfigurationFileDiffers : ReasonId.SessionConfigurationCopyDiffers,
            $"Plugin '{actual.Name}': {inspection.Detail}",
            EndpointContract.SessionConfigurationFile.Name);
    }

    private static IEnumerable<Reason> Security(WSManEndpointDesired desired, PluginConfiguration actual)
    {
        bool enabled = WSManPluginDocument.IsEnabled(actual);
        string? actualSddl = WSManPluginDocument.SddlOf(actual);
        SecurityDescriptor? actualDescriptor = TryParse(actualSddl);
        if (desired.AccessMode is AccessMode mode)
        {
            AccessMode actualMode = actualDescriptor is null ? (enabled ? AccessMode.Remote : AccessMode.Disabled) : AccessModeRules.Derive(enabled, actualDescriptor);
            if (actualMode != mode)
            {
                yield return Reason.Create(ReasonId.AccessModeDiffers, $"Plugin '{actual.Name}' allows access mode {actualMode}, not {mode}.", EndpointContract.AccessMode.Name);
            }
        }
        else if (!enabled)
        {
            yield return Reason.Create(ReasonId.EndpointDisabled, $"Plugin '{actual.Name}' is registered but disabled (Enabled=false).", EndpointContract.AccessMode.Name);
        }

        if (desired.SecurityDescriptorSddl is not null)
        {
            (string desiredSddl, _) = WSManPluginDocument.Security(desired, SddlParser.Parse(desired.SecurityDescriptorSddl));
            SecurityDescriptor expected = SddlParser.Parse(desiredSddl);
            if (actualDescriptor is null)
            {
                yield return Reason.Create(ReasonId.SecurityDiffers,
                    $"Plugin '{actual.Name}' has {(actualSddl is null ? "no security descriptor" : $"a security descriptor that does not parse: '{actualSddl}'")}.", EndpointContract.SecurityDescriptorSddl.Name);
            }
            else if (!SecurityDescriptorComparison.AreEquivalent(expected, actualDescriptor))
            {
                yield return Reason.Create(ReasonId.SecurityDiffers,
                    $"Plugin '{actual.Name}' security differs: {string.Join("; ", SecurityDescriptorComparison.Differences(expected, actualDescriptor))}.", EndpointContract.SecurityDescriptorSddl.Name);
            }
        }
    }

    private static SecurityDescriptor? TryParse(string? sddl)
    {
        if (sddl is null)
        {
            return null;
        }

        try
        {
            return SddlParser.Parse(sddl);
        }
        catch (PSRemotingDscException)
        {
            return null;
        }
    }

    private static string QuotaProperty(string attribute) =>
        EndpointContract.QuotaFor(attribute)?.Name ?? attribute;
}
