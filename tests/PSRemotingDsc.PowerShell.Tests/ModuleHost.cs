using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PSRemotingDsc.TestSupport;
using PS = System.Management.Automation.PowerShell;

namespace PSRemotingDsc.PowerShell.Tests;

/// <summary>
/// A runspace in this process (Microsoft.PowerShell.SDK 7.6.9) with the built module imported from
/// <c>out/PSRemotingDsc/&lt;version&gt;/</c>, as a user imports it.
/// </summary>
public sealed class ModuleHost : IDisposable
{
    private readonly Runspace _runspace;

    public ModuleHost()
    {
        _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        _runspace.Open();
        Invoke("Import-Module -Name $args[0] -ErrorAction Stop", ManifestPath);
    }

    /// <summary>The module version the build laid out, from the version every project of the repository shares.</summary>
    public static string ModuleVersion { get; } = typeof(ModuleHost).Assembly.GetName().Version!.ToString(3);

    public static string ModuleDirectory => Path.Join(RepositoryPaths.Root, "out", "PSRemotingDsc", ModuleVersion);

    public static string ManifestPath => Path.Join(ModuleDirectory, "PSRemotingDsc.psd1");

    /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/> as <c>$args</c>; the streams are kept for the test to read.</summary>
    public ModuleRun Run(string script, params object?[] arguments)
    {
        using PS shell = PS.Create();
        shell.Runspace = _runspace;
        shell.AddScript(script);
        foreach (object? argument in arguments)
        {
            shell.AddArgument(argument);
        }

        Collection<PSObject> output;
        try
        {
            output = shell.Invoke();
        }
        catch (RuntimeException exception)
        {
            return new ModuleRun([], [exception.ErrorRecord], [.. shell.Streams.Warning.Select(w => w.Message)], [.. shell.Streams.Verbose.Select(v => v.Message)], [.. shell.Streams.Information.Select(i => i.ToString())]);
        }

        return new ModuleRun([.. output], [.. shell.Streams.Error], [.. shell.Streams.Warning.Select(w => w.Message)], [.. shell.Streams.Verbose.Select(v => v.Message)], [.. shell.Streams.Information.Select(i => i.ToString())]);
    }

    /// <summary>Runs <paramref name="script"/> and fails the test on any error record.</summary>
    public IReadOnlyList<PSObject> Invoke(string script, params object?[] arguments)
    {
        ModuleRun run = Run(script, arguments);
        if (run.Errors.Count > 0)
        {
            throw new InvalidOperationException($"The script failed: {string.Join(Environment.NewLine, run.Errors.Select(error => $"{error.FullyQualifiedErrorId}: {error}"))}{Environment.NewLine}{script}");
        }

        return run.Output;
    }

    public void Dispose() => _runspace.Dispose();
}

/// <summary>What one script wrote to each stream.</summary>
public sealed record ModuleRun(IReadOnlyList<PSObject> Output, IReadOnlyList<ErrorRecord> Errors, IReadOnlyList<string> Warnings, IReadOnlyList<string> Verbose, IReadOnlyList<string> Information);
