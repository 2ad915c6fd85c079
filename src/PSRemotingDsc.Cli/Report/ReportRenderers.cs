using System.Globalization;
using System.Net;
using System.Text;

namespace PSRemotingDsc.Cli.Report;

/// <summary>Renders a <see cref="ReportView"/> as a terminal table, Markdown, or one self-contained HTML file.</summary>
internal static class ReportRenderers
{
    public static string Render(ReportView view, string format, bool colour) => format switch
    {
        "markdown" => Markdown(view),
        "html" => Html(view),
        _ => Text(view, colour),
    };

    /// <summary>Plain text with aligned columns; the state column in colour when <paramref name="colour"/> (a terminal, NO_COLOR unset).</summary>
    public static string Text(ReportView view, bool colour)
    {
        var text = new StringBuilder();
        text.AppendLine(view.Title);
        foreach ((string label, string value) in view.Summary)
        {
            text.Append(label).Append(": ").AppendLine(value);
        }

        foreach (ViewTable table in view.Tables)
        {
            text.AppendLine();
            text.AppendLine(table.Title);
            Func<int, string, string, string>? decorate = colour && table.StateColumn >= 0
                ? (column, cell, padded) => column == table.StateColumn ? Colour(cell, padded) : padded
                : null;
            text.Append(Table.Render(table.Headers, table.Rows, table.EmptyText, decorate));
        }

        if (view.Footer is not null)
        {
            text.AppendLine();
            text.AppendLine(view.Footer);
        }

        return text.ToString();
    }

    private static string Colour(string state, string padded)
    {
        string? code = state switch
        {
            "ok" => "32",
            "foreign" => "2",
            "drifted" or "stale" => "33",
            "missing" or "orphaned" => "31",
            _ => null,
        };
        return code is null ? padded : $"\u001b[{code}m{state}\u001b[0m{padded[state.Length..]}";
    }

    /// <summary>GitHub-flavoured Markdown: the summary as a list, each table as a pipe table (pipes escaped, line breaks as &lt;br&gt;).</summary>
    public static string Markdown(ReportView view)
    {
        var text = new StringBuilder();
        text.Append("# ").AppendLine(MarkdownCell(view.Title)).AppendLine();
        foreach ((string label, string value) in view.Summary)
        {
            text.Append("- **").Append(MarkdownCell(label)).Append("**: ").AppendLine(MarkdownCell(value));
        }

        foreach (ViewTable table in view.Tables)
        {
            text.AppendLine().Append("## ").AppendLine(MarkdownCell(table.Title)).AppendLine();
            if (table.Rows.Count == 0)
            {
                text.AppendLine(MarkdownCell(table.EmptyText));
                continue;
            }

            text.Append("| ").AppendJoin(" | ", table.Headers.Select(MarkdownCell)).AppendLine(" |");
            text.Append('|').AppendJoin('|', table.Headers.Select(_ => "---")).AppendLine("|");
            foreach (string[] row in table.Rows)
            {
                text.Append("| ").AppendJoin(" | ", row.Select(MarkdownCell)).AppendLine(" |");
            }
        }

        if (view.Footer is not null)
        {
            text.AppendLine().AppendLine(MarkdownCell(view.Footer));
        }

        return text.ToString();
    }

    /// <summary>A value safe in a Markdown table cell: <c>&amp; &lt; &gt;</c> as entities, pipes escaped, line breaks as &lt;br&gt;.</summary>
    public static string MarkdownCell(string value) => value
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("\r\n", "<br>", StringComparison.Ordinal)
        .Replace("\n", "<br>", StringComparison.Ordinal)
        .Replace("\r", "<br>", StringComparison.Ordinal);

    private static string H(string value) => WebUtility.HtmlEncode(value);

    /// <summary>
    /// One self-contained HTML file (inline CSS and script, no external asset): the summary, then every table; a click on
    /// a header sorts its table by that column (again: reversed), and <c>#sort=column</c> or <c>#sort=column:desc</c>
    /// in the URL sorts every table with that column when the page loads.
    /// </summary>
    public static string Html(ReportView view)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<title>").Append(H(view.Title)).AppendLine("</title>");
        html.AppendLine("""
            <style>
            body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
            table{border-collapse:collapse;margin:0.5rem 0 1.5rem}
            th,td{border:1px solid #ccc;padding:0.25rem 0.5rem;text-align:left;vertical-align:top}
            th{background:#f0f0f0;cursor:pointer;user-select:none}
            th[aria-sort=ascending]::after{content:" \25B2"}
            th[aria-sort=descending]::after{content:" \25BC"}
            .state-ok{color:#11691a}.state-foreign{color:#666}.state-drifted,.state-stale{color:#8a5a00}.state-missing,.state-orphaned{color:#b00020;font-weight:bold}
            dl{display:grid;grid-template-columns:max-content auto;gap:0.2rem 1rem}dt{font-weight:bold}
            </style>
            </head><body>
            """);
        html.Append("<h1>").Append(H(view.Title)).AppendLine("</h1>");
        html.AppendLine("<dl id=\"summary\">");
        foreach ((string label, string value) in view.Summary)
        {
            html.Append("<dt>").Append(H(label)).Append("</dt><dd>").Append(H(value)).AppendLine("</dd>");
        }

        html.AppendLine("</dl>");
        foreach (ViewTable table in view.Tables)
        {
            html.Append("<h2>").Append(H(table.Title)).AppendLine("</h2>");
            if (table.Rows.Count == 0)
            {
                html.Append("<p>").Append(H(table.EmptyText)).AppendLine("</p>");
                continue;
            }

            html.Append("<table class=\"sortable\" id=\"").Append(H(table.Id)).AppendLine("\"><thead><tr>");
            foreach (string header in table.Headers)
            {
                html.Append("<th data-key=\"").Append(H(ViewTable.Key(header))).Append("\">").Append(H(header)).Append("</th>");
            }

            html.AppendLine("</tr></thead><tbody>");
            foreach (string[] row in table.Rows)
            {
                html.Append("<tr>");
                for (int column = 0; column < row.Length; column++)
                {
                    html.Append(column == table.StateColumn ? $"<td class=\"state-{H(row[column])}\">" : "<td>")
                        .Append(H(row[column]).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</td>");
                }

                html.AppendLine("</tr>");
            }

            html.AppendLine("</tbody></table>");
        }

        if (view.Footer is not null)
        {
            html.Append("<p>").Append(H(view.Footer)).AppendLine("</p>");
        }

        html.AppendLine("""
            <script>
            (function () {
              function cellValue(row, index) { return row.cells[index] ? row.cells[index].textContent : ""; }
              function compare(a, b) {
                var x = Number(a), y = Number(b);
                if (a !== "" && b !== "" && !isNaN(x) && !isNaN(y)) { return x - y; }
                return a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" });
              }
              function sortTable(table, index, descending) {
                var body = table.tBodies[0];
                var rows = Array.prototype.slice.call(body.rows).map(function (row, position) { return { row: row, position: position }; });
                rows.sort(function (a, b) {
                  var order = compare(cellValue(a.row, index), cellValue(b.row, index));
                  return (descending ? -order : order) || a.position - b.position;
                });
                rows.forEach(function (entry) { body.appendChild(entry.row); });
                Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
                  if (i === index) { th.setAttribute("aria-sort", descending ? "descending" : "ascending"); } else { th.removeAttribute("aria-sort"); }
                });
              }
              var tables = document.querySelectorAll("table.sortable");
              Array.prototype.forEach.call(tables, function (table) {
                Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
                  th.addEventListener("click", function () { sortTable(table, index, th.getAttribute("aria-sort") === "ascending"); });
                });
              });
              var match = /(?:^#|&)sort=([a-z0-9]+)(?::(asc|desc))?/.exec(window.location.hash);
              if (match) {
                Array.prototype.forEach.call(tables, function (table) {
                  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
                    if (th.getAttribute("data-key") === match[1]) { sortTable(table, index, match[2] === "desc"); }
                  });
                });
              }
            })();
            </script>
            </body></html>
            """);
        return html.ToString();
    }

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
