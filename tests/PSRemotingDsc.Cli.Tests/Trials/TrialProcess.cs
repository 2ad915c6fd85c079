using System.Diagnostics;

namespace PSRemotingDsc.Cli.Tests.Trials;

/// <summary>A running psremotingdsc started by <see cref="TrialCli"/>: its output collected in the background.</summary>
public sealed class TrialProcess : IDisposable
{
    private readonly Process _process;
    private readonly Stopwatch _clock;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;
    private Task _stdin = Task.CompletedTask;

    internal TrialProcess(IReadOnlyList<string> arguments, Process process)
    {
        _clock = Stopwatch.StartNew();
        Arguments = arguments;
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public IReadOnlyList<string> Arguments { get; }

    public int Id => _process.Id;

    /// <summary>Time since the process was started (Process.Start returns once the executable is exec'd).</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    public bool HasExited => _process.HasExited;

    /// <summary>Writes <paramref name="bytes"/> to stdin in the background, then closes it; a child that stops reading early is not an error.</summary>
    public void WriteStdinAndClose(byte[]? bytes)
    {
        if (bytes is null || bytes.Length == 0)
        {
            CloseStdin();
            return;
        }

        Stream stdin = _process.StandardInput.BaseStream;
        _stdin = Task.Run(() =>
        {
            try
            {
                stdin.Write(bytes);
                stdin.Flush();
            }
            catch (IOException)
            {
                // EPIPE: the child refused the rest of the input, which is what a size limit does.
            }
            finally
            {
                CloseStdin();
            }
        });
    }

    /// <summary>SIGKILL (Process.Kill on Unix), only this process, never its children: a crash as the OS does it.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: false);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own first.
        }
    }

    /// <summary>Waits for the exit; after <paramref name="timeout"/> kills the process tree and says it timed out.</summary>
    public TrialRun WaitForExit(TimeSpan timeout)
    {
        bool timedOut = !_process.WaitForExit(timeout);
        if (timedOut)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
        TimeSpan elapsed = _clock.Elapsed;
        _stdin.Wait(TimeSpan.FromSeconds(10));
        Task.WaitAll([_stdout, _stderr], TimeSpan.FromSeconds(10));
        return new TrialRun(Arguments, _process.ExitCode, _stdout.Result,
            _stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToList(),
            elapsed, timedOut);
    }

    public void Dispose() => _process.Dispose();

    private void CloseStdin()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Already gone with the child.
        }
    }
}
