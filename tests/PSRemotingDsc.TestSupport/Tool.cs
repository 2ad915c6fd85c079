using System.Diagnostics;

namespace PSRemotingDsc.TestSupport;

/// <summary>Runs a real command-line tool with a bound, for checks that must not go through the code under test.</summary>
public static class Tool
{
    public static (int ExitCode, string Output) Run(string fileName, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(startInfo)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within 30 s.");
        }

        Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(5));
        return (process.ExitCode, (stdout.Result + stderr.Result).Trim());
    }

    public static string RunOrThrow(string fileName, params string[] arguments)
    {
        (int exitCode, string output) = Run(fileName, arguments);
        return exitCode == 0
            ? output
            : throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed with {exitCode}: {output}");
    }

    /// <summary>"uid:gid:octal-mode" of a file, as coreutils stat reports it.</summary>
    public static string OwnerAndMode(string path) => RunOrThrow("stat", "-c", "%u:%g:%a", path);

    /// <summary>The full path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => System.IO.Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
