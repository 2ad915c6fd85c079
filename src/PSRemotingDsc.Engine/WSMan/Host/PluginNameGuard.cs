using System.Buffers;
using PSRemotingDsc.Errors;

namespace PSRemotingDsc.WSMan.Host;

/// <summary>
/// The last line of defence before a plugin name becomes a registry key, a directory name or a command-line
/// argument: letters, digits, '.', '-' and '_' only, at most <see cref="Plugin.EndpointNaming.MaxPluginNameLength"/> characters, not "." or "..". The naming rules of
/// the resource are stricter and live elsewhere; this guard only keeps syntax out of OS calls.
/// </summary>
internal static class PluginNameGuard
{
    private const int MaxLength = Plugin.EndpointNaming.MaxPluginNameLength;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_");

    internal static bool IsSafe(string? name) =>
        !string.IsNullOrEmpty(name)
        && name.Length <= MaxLength
        && name is not "." and not ".."
        && !name.AsSpan().ContainsAnyExcept(Allowed);

    /// <exception cref="PSRemotingDscException"><see cref="ExitCode.PluginNameInvalid"/> when <see cref="IsSafe"/> is false.</exception>
    internal static string Ensure(string? name, string what = "WSMan plugin name")
    {
        if (!IsSafe(name))
        {
            throw new PSRemotingDscException(
                ErrorIds.PluginNameInvalid,
                $"The {what} '{Printable(name)}' cannot be used: only letters, digits, '.', '-' and '_' are allowed (at most {MaxLength} characters). Nothing was changed.");
        }

        return name!;
    }

    private static string Printable(string? value) =>
        value is null ? "<null>" : string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
