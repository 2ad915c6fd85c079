namespace PSRemotingDsc.Ssh;

/// <summary>What <see cref="SshdConfigWriter.Write(string, string)"/> did.</summary>
/// <param name="Path">The full path that was written (as given; a symbolic link is kept and its target replaced).</param>
/// <param name="BackupPath">Where the previous content was kept, or null when there was no previous file.</param>
/// <param name="Validated">True when a validator ran and accepted the new file.</param>
/// <param name="Warnings">Sentences for the operator, e.g. that the original was already invalid.</param>
public sealed record WriteResult(string Path, string? BackupPath, bool Validated, IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// True when the file already held exactly the new content, so nothing was validated, backed up or
    /// touched (its mtime is unchanged): a second identical set is a no-op.
    /// </summary>
    public bool Unchanged { get; init; }
}
