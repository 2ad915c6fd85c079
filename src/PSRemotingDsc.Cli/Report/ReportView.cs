namespace PSRemotingDsc.Cli.Report;

/// <summary>A report as the three human formats (table, markdown, html) render it: a title, summary lines and tables.</summary>
internal sealed record ReportView(string Title, IReadOnlyList<(string Label, string Value)> Summary, IReadOnlyList<ViewTable> Tables, string? Footer);

/// <summary>One table of a <see cref="ReportView"/>.</summary>
/// <param name="Title">The heading above it.</param>
/// <param name="Id">A stable identifier (the HTML table's id).</param>
/// <param name="Headers">Column headers.</param>
/// <param name="Rows">Cells, one array per row, as many as <paramref name="Headers"/>.</param>
/// <param name="EmptyText">What is shown instead of an empty table.</param>
/// <param name="StateColumn">The column holding an endpoint state (coloured at a terminal), or -1.</param>
internal sealed record ViewTable(string Title, string Id, IReadOnlyList<string> Headers, IReadOnlyList<string[]> Rows, string EmptyText, int StateColumn = -1)
{
    /// <summary>The key of a column for <c>#sort=</c>: the header in lower case without spaces.</summary>
    public static string Key(string header) => new([.. header.ToLowerInvariant().Where(char.IsLetterOrDigit)]);
}
