using System.ComponentModel;
using System.Globalization;
using PSRemotingDsc.Errors;
using PSRemotingDsc.Platform;

namespace PSRemotingDsc.Ssh;

/// <summary>
/// Validates a configuration with the real sshd: <c>&lt;sshd&gt; -t -f &lt;configPath&gt;</c>, bounded
/// (10 seconds by default; the process is killed on timeout). sshd's exit code decides, its stderr explains.
/// </summary>
public sealed class SshdBinaryValidator : ISshdValidator
{
    /// <summary>How long <c>sshd -t</c> may run unless another bound is given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly string _sshdPath;
    private readonly TimeSpan _timeout;

    /// <summary>Creates a validator that runs <paramref name="sshdPath"/> with <see cref="DefaultTimeout"/>.</summary>
    /// <param name="sshdPath">The sshd executable, for example <c>/usr/sbin/sshd</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="sshdPath"/> is null or empty.</exception>
    public SshdBinaryValidator(string sshdPath)
        : this(sshdPath, DefaultTimeout)
    {
    }

    /// <summary>Creates a validator that runs <paramref name="sshdPath"/> and kills it after <paramref name="timeout"/>.</summary>
    /// <param name="sshdPath">The sshd executable, for example <c>/usr/sbin/sshd</c>.</param>
    /// <param name="timeout">How long one <c>sshd -t</c> may run; must be positive.</param>
    /// <exception cref="ArgumentException"><paramref name="sshdPath"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is zero or negative.</exception>
    public SshdBinaryValidator(string sshdPath, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(sshdPath);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _sshdPath = sshdPath;
        _timeout = timeout;
    }

    /// <summary>The sshd executable this validator runs.</summary>
    public string SshdPath => _sshdPath;

    /// <inheritdoc />
    /// <exception cref="PSRemotingDscException">sshd could not be started, or did not finish in time.</exception>
    public SshdValidationResult Validate(string configPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(configPath);
        BoundedProcess.Outcome outcome;
        try
        {
            outcome = BoundedProcess.Run(_sshdPath, ["-t", "-f", configPath], _timeout);
        }
        catch (Win32Exception ex)
        {
            throw new PSRemotingDscException(
                ErrorIds.SshdNotStartable,
                $"Could not run '{_sshdPath} -t -f {configPath}' to validate the configuration: {ex.Message}. Check that sshd is installed and executable.",
                ex);
        }

        if (outcome.TimedOut)
        {
            throw new PSRemotingDscException(
                ErrorIds.SshdValidationTimedOut,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"'{_sshdPath} -t -f {configPath}' did not finish within {_timeout.TotalSeconds:0.#} s and was stopped; nothing was changed. Run it by hand to see why it hangs."));
        }

        string diagnostics = string.Join(
            Environment.NewLine,
            new[] { outcome.StandardError.Trim(), outcome.StandardOutput.Trim() }.Where(text => text.Length > 0));
        return new SshdValidationResult(outcome.ExitCode == 0, diagnostics);
    }
}
