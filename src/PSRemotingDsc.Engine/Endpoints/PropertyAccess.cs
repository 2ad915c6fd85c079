namespace PSRemotingDsc.Endpoints;

/// <summary>Who writes a property: the user, psremotingdsc, or both.</summary>
public enum PropertyAccess
{
    /// <summary>Set by the user and reported back in the state.</summary>
    ReadWrite,

    /// <summary>Set by the user and never reported (<c>restart</c>, <c>force</c>).</summary>
    WriteOnly,

    /// <summary>Reported by psremotingdsc; accepted in input (so get output can be fed to test) and ignored.</summary>
    ReadOnly,
}
