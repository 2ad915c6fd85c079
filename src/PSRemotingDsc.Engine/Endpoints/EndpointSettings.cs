using PSRemotingDsc.Platform;

namespace PSRemotingDsc.Endpoints;

/// <summary>
/// The settable properties of a <c>PSRemotingDsc/Endpoint</c> instance, shared by what the user asks for
/// (<see cref="EndpointProperties"/>) and what psremotingdsc reports (<see cref="EndpointState"/>). A null member
/// was not set (desired) or does not apply (state). Each member is declared for the wire in <see cref="EndpointContract"/>.
/// </summary>
public abstract record EndpointSettings
{
    /// <summary>The PowerShell version spec (<c>7</c>, <c>7.4</c>, <c>7-preview</c>, <c>7.4.6</c>), as written.</summary>
    public string? Version { get; init; }

    /// <summary>The remoting transport; null in desired properties means the platform's default.</summary>
    public Transport? Transport { get; init; }

    /// <summary>The sshd <c>Subsystem</c> name or the WinRM plugin name.</summary>
    public string? Name { get; init; }

    /// <summary>The PowerShell installation directory (<c>$PSHOME</c>) the endpoint starts.</summary>
    public string? PSHome { get; init; }

    /// <summary>Whether the endpoint exists (state) or should exist (desired; null means true).</summary>
    public bool? Exist { get; init; }

    /// <summary>SSH: the sshd_config file the endpoint is registered in.</summary>
    public string? SshdConfigPath { get; init; }

    /// <summary>SSH: the pwsh arguments after <c>-sshs -NoLogo -NoProfile</c>.</summary>
    public IReadOnlyList<string>? Arguments { get; init; }

    /// <summary>When to reload sshd or restart WinRM after a change (write-only: never reported).</summary>
    public RestartPolicy? Restart { get; init; }

    /// <summary>WSMan: who may use the endpoint.</summary>
    public AccessMode? AccessMode { get; init; }

    /// <summary>WSMan: the endpoint's security descriptor in SDDL.</summary>
    public string? SecurityDescriptorSddl { get; init; }

    /// <summary>WSMan: the absolute path of the .pssc session configuration file (JEA).</summary>
    public string? SessionConfigurationFile { get; init; }

    /// <summary>WSMan: whether sessions run as a virtual account.</summary>
    public bool? RunAsVirtualAccount { get; init; }

    /// <summary>WSMan: whether every session runs in one shared host process.</summary>
    public bool? UseSharedProcess { get; init; }

    /// <summary>WSMan quotas by WinRM attribute name (<c>MaxShellsPerUser</c>); only the quotas set.</summary>
    public IReadOnlyDictionary<string, long>? Quotas { get; init; }

    /// <summary>WSMan: open a loopback session to prove the endpoint answers (write-only).</summary>
    public bool? VerifyConnection { get; init; }

    /// <summary>WSMan: allow changes that may cut the WinRM session this process runs in (write-only).</summary>
    public bool? Force { get; init; }
}
