namespace PSRemotingDsc.Endpoints;

/// <summary>The transports a property means something for.</summary>
[Flags]
public enum TransportScope
{
    /// <summary>SSH only.</summary>
    Ssh = 1,

    /// <summary>WSMan only.</summary>
    Wsman = 2,

    /// <summary>Both transports.</summary>
    Both = Ssh | Wsman,
}
