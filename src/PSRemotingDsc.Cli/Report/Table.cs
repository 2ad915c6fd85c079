using System.Text;

namespace PSRemotingDsc.Cli.Report;

/// <summary>A plain-text table with aligned columns, like PowerShell's Format-Table.</summary>
internal static class Table
{
    /// <param name="headers">Column headers.</param>
    /// <param name="rows">Cells per row.</param>
    /// <param name="emptyText">Written instead of a table without rows.</param>
    /// <param name="decorate">Given (column, cell, padded cell), returns what to write (colour); null writes the padded cell.</param>
    public static string Render(IReadOnlyList<string> headers, IReadOnlyList<string[]> rows, string emptyText, Func<int, string, string, string>? decorate = null)
    {
        if (rows.Count == 0)
        {
            return emptyText + Environment.NewLine;
        }

        int[] widths = headers.Select((header, column) => Math.Max(header.Length, rows.Max(row => row[column].Length))).ToArray();
        var text = new StringBuilder();
        AppendRow(text, headers, widths, null);
        AppendRow(text, widths.Select(width => new string('-', width)).ToArray(), widths, null);
        foreach (string[] row in rows)
        {
            AppendRow(text, row, widths, decorate);
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, IReadOnlyList<string> cells, int[] widths, Func<int, string, string, string>? decorate)
    {
        for (int column = 0; column < cells.Count; column++)
        {
            bool last = column == cells.Count - 1;
            string padded = last ? cells[column] : cells[column].PadRight(widths[column] + 2);
            text.Append(decorate is null ? padded : decorate(column, cells[column], padded));
        }

        text.AppendLine();
    }
}
