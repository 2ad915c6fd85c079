using PSRemotingDsc.Endpoints;

namespace PSRemotingDsc.WSMan.Security;

/// <summary>
/// Reads and writes <see cref="AccessMode"/> the way PowerShell's session-configuration cmdlets do
/// (CustomShellCommands.cs: Register-/Set-PSSessionConfiguration <c>-AccessMode</c>, Enable-/Disable-PSRemoting).
/// The "network deny" ACE is an explicit access-denied ACE (not conditional) for <c>S-1-5-2</c> (NU) whose
/// mask is exactly GENERIC_ALL (<c>268435456</c>), after duplicate ACEs are merged as Windows'
/// CommonSecurityDescriptor merges them; inherit-only ACEs do not count and OI/CI/NP flags are ignored. It is detected by SID, never by the localized name
/// <c>NT AUTHORITY\NETWORK</c>.
/// </summary>
public static class AccessModeRules
{
    private static readonly Sid NetworkSid = Sid.Parse(SecurityIdentifiers.Network);

    /// <summary>Disabled when <paramref name="enabled"/> is false; Local when the network-deny ACE is present; else Remote.</summary>
    public static AccessMode Derive(bool enabled, SecurityDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (!enabled)
        {
            return AccessMode.Disabled;
        }

        return HasNetworkDeny(descriptor) ? AccessMode.Local : AccessMode.Remote;
    }

    /// <summary>True when the DACL holds the network-deny ACE (see the type summary).</summary>
    public static bool HasNetworkDeny(SecurityDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return descriptor.Dacl?.Canonicalize().Entries.Any(IsNetworkDeny) ?? false;
    }

    /// <summary>
    /// The descriptor and Enabled flag after setting <paramref name="mode"/>, as PowerShell does it:
    /// <list type="bullet">
    /// <item>Local: Enabled; if the network-deny ACE is missing, <c>(D;;GA;;;NU)</c> is added in front of the
    /// DACL. A null DACL (full access) first becomes <c>(A;;GA;;;WD)</c>, as CommonSecurityDescriptor does.
    /// Unlike CommonAcl.AddAccess, an existing plain deny for NU with another mask is set to exactly GA, so that
    /// <see cref="Derive"/> reads Local afterwards.</item>
    /// <item>Remote: Enabled; the network-deny ACE is removed and, if the DACL is then empty, allow GA to BA, RM
    /// and IU is added (the Windows 8+ branch of Enable-PSRemoting / Set-PSSessionConfiguration).</item>
    /// <item>Disabled: the descriptor is unchanged and Enabled is false.</item>
    /// </list>
    /// The result is canonical (<see cref="SecurityDescriptor.Canonicalize"/>).
    /// </summary>
    public static AccessModeOutcome Apply(AccessMode mode, SecurityDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var canonical = descriptor.Canonicalize();
        return mode switch
        {
            AccessMode.Disabled => new AccessModeOutcome(canonical, Enabled: false),
            AccessMode.Local => new AccessModeOutcome(ApplyLocal(canonical), Enabled: true),
            AccessMode.Remote => new AccessModeOutcome(ApplyRemote(canonical), Enabled: true),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown access mode."),
        };
    }

    private static SecurityDescriptor ApplyLocal(SecurityDescriptor descriptor)
    {
        var dacl = descriptor.Dacl;
        if (dacl is not null && dacl.Entries.Any(IsNetworkDeny))
        {
            return descriptor;
        }

        var entries = dacl is null || dacl.IsNull
            ? [new AccessControlEntry(AceType.AccessAllowed, AceFlags.None, AccessMask.GenericAll, Sid.Parse(SecurityIdentifiers.Everyone))]
            : dacl.Entries.Where(entry => !IsPlainNetworkDeny(entry)).ToList();
        entries.Insert(0, new AccessControlEntry(AceType.AccessDenied, AceFlags.None, AccessMask.GenericAll, NetworkSid));
        var flags = (dacl?.Flags ?? AclFlags.None) & ~AclFlags.NoAccessControl;
        return descriptor.WithDacl(new AccessControlList(flags, entries).Canonicalize());
    }

    private static SecurityDescriptor ApplyRemote(SecurityDescriptor descriptor)
    {
        var dacl = descriptor.Dacl;
        if (dacl is null || !dacl.Entries.Any(IsNetworkDeny))
        {
            return descriptor;
        }

        var entries = dacl.Entries.Where(entry => !IsNetworkDeny(entry)).ToList();
        if (entries.Count == 0)
        {
            entries =
            [
                AllowGenericAll(SecurityIdentifiers.BuiltinAdministrators),
                AllowGenericAll(SecurityIdentifiers.RemoteManagementUsers),
                AllowGenericAll(SecurityIdentifiers.Interactive),
            ];
        }

        return descriptor.WithDacl(new AccessControlList(dacl.Flags, entries));
    }

    private static AccessControlEntry AllowGenericAll(string sid) =>
        new(AceType.AccessAllowed, AceFlags.None, AccessMask.GenericAll, Sid.Parse(sid));

    // PowerShell tests AceQualifier, SID and mask only. It reads the SDDL as a non-container
    // CommonSecurityDescriptor, which drops inherit-only ACEs and the OI/CI/NP flags, so those are ignored here too.
    private static bool IsNetworkDeny(AccessControlEntry entry) =>
        entry.Type == AceType.AccessDenied && entry.Sid == NetworkSid && (entry.Flags & AceFlags.InheritOnly) == 0
        && entry.Mask == AccessMask.GenericAll;

    private static bool IsPlainNetworkDeny(AccessControlEntry entry) =>
        entry.Type == AceType.AccessDenied && entry.Sid == NetworkSid && entry.Flags == AceFlags.None;
}
