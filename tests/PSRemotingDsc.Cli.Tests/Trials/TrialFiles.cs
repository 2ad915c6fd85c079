using System.Text.RegularExpressions;

namespace PSRemotingDsc.Cli.Tests.Trials;

/// <summary>What the trials look at in a config's directory: the writer's temp files and the type, owner and mode of each entry.</summary>
public static partial class TrialFiles
{
    /// <summary>Names matching the glob <c>.*psremotingdsc-*.tmp</c>: anything the writer's temp naming could have left.</summary>
    public static IReadOnlyList<string> TempLeftovers(string directory) =>
        Directory.EnumerateFileSystemEntries(directory)
            .Select(entry => Path.GetFileName(entry)!)
            .Where(name => LeftoverGlob().IsMatch(name))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Every entry of <paramref name="directory"/> by name: "type uid:gid:mode" as coreutils stat reports it without following
    /// symbolic links (one stat process for the whole folder), and for a regular file a hash of its content.
    /// </summary>
    public static SortedDictionary<string, string> Snapshot(string directory)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        string[] paths = Directory.GetFileSystemEntries(directory);
        if (paths.Length == 0)
        {
            return entries;
        }

        foreach (string line in Tool.RunOrThrow("stat", ["-c", "%n\t%F %u:%g:%a", "--", .. paths]).Split('\n'))
        {
            string[] parts = line.Split('\t', 2);
            string name = Path.GetFileName(parts[0]);
            entries[name] = parts[1].StartsWith("regular file ", StringComparison.Ordinal)
                ? parts[1] + " sha256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(parts[0])))
                : parts[1];
        }

        return entries;
    }

    /// <summary>coreutils' name for the file type, not following a final symbolic link: "regular file", "fifo", "character special file", …</summary>
    public static string Type(string path) => Tool.RunOrThrow("stat", "-c", "%F", path);

    /// <summary>"type uid:gid:octal-mode" of <paramref name="path"/>, not following a final symbolic link, e.g. "regular file 0:4242:640".</summary>
    public static string TypeOwnerAndMode(string path) => Tool.RunOrThrow("stat", "-c", "%F %u:%g:%a", path);

    [GeneratedRegex(@"^\..*psremotingdsc-.*\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex LeftoverGlob();
}
