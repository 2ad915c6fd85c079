namespace PSRemotingDsc.Inventory;

/// <summary>
/// The one state an inventory row is in. When a row has several reasons the first that applies wins, in this order:
/// <see cref="Missing"/>, <see cref="Orphaned"/>, <see cref="Stale"/>, <see cref="Drifted"/>.
/// </summary>
public enum EndpointCondition
{
    /// <summary>A PowerShell endpoint with no reason: as desired.</summary>
    Ok,

    /// <summary>A desired endpoint (the default of an installed major version, or a desired instance) that is not registered.</summary>
    Missing,

    /// <summary>Registered, with reasons that are neither <see cref="Missing"/>, <see cref="Orphaned"/> nor <see cref="Stale"/>.</summary>
    Drifted,

    /// <summary>The installation the endpoint starts is gone (reason <see cref="Drift.ReasonId.InstallationGone"/>).</summary>
    Orphaned,

    /// <summary>WSMan: the plugin copy is older than its installation's (reason <see cref="Drift.ReasonId.StalePlugin"/>).</summary>
    Stale,

    /// <summary>A registered endpoint that is not PowerShell's (an sftp Subsystem, another product's plugin): listed, never drift.</summary>
    Foreign,
}
