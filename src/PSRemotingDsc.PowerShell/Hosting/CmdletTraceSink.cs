using System.Management.Automation;
using PSRemotingDsc.Diagnostics;

namespace PSRemotingDsc.PowerShell.Hosting;

/// <summary>
/// The engine's trace as PowerShell streams: warnings as warnings, what the engine found or changed as verbose
/// (<c>-Verbose</c>), decisions as debug (<c>-Debug</c>). Errors reach the caller as exceptions, so an error trace is a warning here.
/// </summary>
internal sealed class CmdletTraceSink(Cmdlet cmdlet) : ITraceSink
{
    public bool IsEnabled(TraceLevel level) => true;

    public void Write(TraceLevel level, string message)
    {
        switch (level)
        {
            case TraceLevel.Error:
            case TraceLevel.Warn:
                cmdlet.WriteWarning(message);
                break;
            case TraceLevel.Info:
                cmdlet.WriteVerbose(message);
                break;
            default:
                cmdlet.WriteDebug(message);
                break;
        }
    }
}
