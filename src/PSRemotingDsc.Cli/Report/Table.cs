using System.Text;

namespace PSRemotingDsc.Cli.Report;

/// <summary>A plain-text table with aligned columns, like PowerShell's Format-Table.</summary>
internal static class Table
{
    public static string Render(IReadOnlyList<string> headers, IReadOnlyList<string[]> rows, string emptyText)
    {
        if (rows.Count == 0)
        {
            return emptyText + Environment.NewLine;
        }

        int[] widths = headers.Select((header, column) => Math.Max(header.Length, rows.Max(row => row[column].Length))).ToArray();
        var text = new StringBuilder();
        AppendRow(text, headers, widths);
        AppendRow(text, widths.Select(width => new string('-', width)).ToArray(), widths);
        foreach (string[] row in rows)
        {
            AppendRow(text, row, widths);
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, IReadOnlyList<string> cells, int[] widths)
    {
        for (int column = 0; column < cells.Count; column++)
        {
            bool last = column == cells.Count - 1;
            text.Append(last ? cells[column] : cells[column].PadRight(widths[column] + 2));
        }

        text.AppendLine();
    }
}
