using System.Globalization;
using System.Text;

namespace SoraStudio.Web.Features.Insight;

/// <summary>
/// A project's yield as CSV (RFC 4180, UTF-8): one row for the project, then one per shot, model and provider, with
/// the same figures as the Insight page and the API.
/// </summary>
public static class InsightCsv
{
    public const string Header = "scope,name,attempted,approved,approved_seconds,requested_usd,committed_usd,paid_usd,usd_per_approved_second,attempts_per_approved_second";

    /// <summary>The CSV as a download, for the page's link and the API alike.</summary>
    public static IResult File(ProjectInsight insight) =>
        Results.File(Encoding.UTF8.GetBytes(Write(insight)), "text/csv; charset=utf-8", $"project-{insight.ProjectId}-insight.csv");

    public static string Write(ProjectInsight insight)
    {
        ArgumentNullException.ThrowIfNull(insight);
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        Row(csv, "project", insight.ProjectName, insight.Project);
        foreach (var shot in insight.Shots)
            Row(csv, "shot", $"{shot.Number}. {shot.Title}", shot.Figures);
        foreach (var model in insight.ByModel)
            Row(csv, "model", model.Name, model.Figures);
        foreach (var provider in insight.ByProvider)
            Row(csv, "provider", provider.Name, provider.Figures);
        return csv.ToString();
    }

    private static void Row(StringBuilder csv, string scope, string name, YieldFigures f)
    {
        string[] cells =
        [
            scope, name, Number(f.Attempted), Number(f.Approved), Number(f.ApprovedSeconds), Money(f.Requested), Money(f.Committed), Money(f.Paid),
            f.DollarsPerApprovedSecond is { } d ? d.ToString("0.0000", CultureInfo.InvariantCulture) : "",
            f.AttemptsPerApprovedSecond is { } a ? a.ToString("0.###", CultureInfo.InvariantCulture) : "",
        ];
        csv.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Quoted when it must be; a leading = + - @ is prefixed with ' so a spreadsheet never runs a title as a formula.</summary>
    private static string Quote(string cell)
    {
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            cell = "'" + cell;
        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
