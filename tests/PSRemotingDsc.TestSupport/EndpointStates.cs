using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Resource;

namespace PSRemotingDsc.TestSupport;

/// <summary>What feeding <c>get</c> output back into <c>test</c> does, in memory: every settable property of the state.</summary>
public static class EndpointStates
{
    public static EndpointProperties AsDesired(EndpointState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new EndpointProperties
        {
            Version = state.Version,
            Transport = state.Transport,
            Name = state.Name,
            PSHome = state.PSHome,
            Exist = state.Exist,
            SshdConfigPath = state.SshdConfigPath,
            Arguments = state.Arguments,
            AccessMode = state.AccessMode,
            SecurityDescriptorSddl = state.SecurityDescriptorSddl,
            SessionConfigurationFile = state.SessionConfigurationFile,
            RunAsVirtualAccount = state.RunAsVirtualAccount,
            Quotas = state.Quotas,
        };
    }
}
