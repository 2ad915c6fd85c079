using PSRemotingDsc.Diagnostics;
using PSRemotingDsc.Resource;

namespace PSRemotingDsc.PowerShell.Hosting;

/// <summary>
/// The engine for one cmdlet call or one DSC method call: this machine's environment, read afresh each time so that an
/// installation added since the last call (or an environment variable a test sets) is seen.
/// </summary>
internal static class EngineFactory
{
    public static EndpointResource CreateResource(ITraceSink trace) => new(ResourceEnvironment.CreateDefault(trace));
}
