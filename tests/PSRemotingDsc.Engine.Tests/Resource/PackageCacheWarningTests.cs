using PSRemotingDsc.Diagnostics;
using PSRemotingDsc.Endpoints;
using PSRemotingDsc.Resource;
using PSRemotingDsc.TestSupport;
using PSRemotingDsc.Versions;

namespace PSRemotingDsc.Tests.Resource;

/// <summary>An endpoint bound to a PowerShell in the NuGet package cache breaks when the cache is cleared: set says so, get and test stay quiet.</summary>
public sealed class PackageCacheWarningTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Set_WarnsAboutAnInstallationInThePackageCache_GetAndTestDoNot()
    {
        string psHome = FixtureInstallation.Create(_dir.Combine("nuget"), "7.6.9");
        PowerShellInstallation cached = PowerShellHomeReader.TryRead(psHome, PowerShellInstallation.LocalDotnetToolOrigin)!;
        string config = _dir.WriteFile("sshd_config", "Port 22\n");
        var trace = new RecordingTrace();
        var resource = new EndpointResource(new ResourceEnvironment
        {
            Installations = new OneInstallation(cached),
            Trace = trace,
            FindSshd = () => null,
            IsWindows = false,
        });
        var properties = new EndpointProperties { Version = "7", SshdConfigPath = config, Restart = PSRemotingDsc.Platform.RestartPolicy.Never };

        resource.Get(properties);
        resource.Test(properties);
        Assert.DoesNotContain(trace.Warnings, warning => warning.Contains("package cache", StringComparison.Ordinal));

        resource.Set(properties, whatIf: false);
        Assert.Contains(trace.Warnings, warning => warning.Contains("package cache", StringComparison.Ordinal));
    }

    private sealed class OneInstallation(PowerShellInstallation installation) : IInstallationSource
    {
        public IReadOnlyList<PowerShellInstallation> FindInstallations() => [installation];
    }

    private sealed class RecordingTrace : ITraceSink
    {
        public List<string> Warnings { get; } = [];

        public bool IsEnabled(TraceLevel level) => true;

        public void Write(TraceLevel level, string message)
        {
            if (level == TraceLevel.Warn)
            {
                Warnings.Add(message);
            }
        }
    }
}
