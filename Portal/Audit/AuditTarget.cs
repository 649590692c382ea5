using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Quarters;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BlindSpot.Portal.Audit;

/// <summary>
/// The target of an audit entry as the route template with only its ids filled in (<c>/officer/11110/2026Q3/worklist.csv</c>):
/// a route value is written only when it has the shape of its parameter (a 5-digit code, a quarter, a 32-hex id, a listed
/// variant …), otherwise the parameter's name stays in braces. Request text that is no id (a name, a reason typed into a
/// crafted URL) therefore never reaches the log.
/// </summary>
internal static partial class AuditTarget
{
    private const string Dashboard = "/hangfire";

    /// <summary>The normalised target of the request's endpoint (or, without one, of its path).</summary>
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.GetEndpoint(), context.Request.RouteValues, context.Request.PathBase.Add(context.Request.Path));
    }

    /// <summary>The normalised target of <paramref name="endpoint"/> with <paramref name="values"/>, or of <paramref name="path"/> when there is no route.</summary>
    public static string Of(Endpoint? endpoint, RouteValueDictionary? values, PathString path)
    {
        if (endpoint is RouteEndpoint { RoutePattern.RawText: { } template })
        {
            var text = Parameter().Replace(template, m =>
            {
                var name = m.Groups["name"].Value;
                var value = values?.TryGetValue(name, out var raw) == true ? Convert.ToString(raw, CultureInfo.InvariantCulture) : null;
                return IsId(name, value) ? value! : "{" + name + "}";
            });
            return text.StartsWith('/') ? text : "/" + text;
        }

        // The dashboard has no endpoints: keep its path's lower-case words (jobs, enqueued, delete …) and nothing else.
        if (path.StartsWithSegments(Dashboard, StringComparison.Ordinal, out var rest))
        {
            var target = new StringBuilder(Dashboard);
            foreach (var segment in (rest.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries).Take(6))
            {
                target.Append('/').Append(Word().IsMatch(segment) ? segment : "{id}");
            }

            return target.ToString();
        }

        return "{unrouted}";
    }

    /// <summary>True when <paramref name="value"/> has the shape of the route parameter <paramref name="name"/>.</summary>
    public static bool IsId(string name, string? value) => value is not null && name switch
    {
        "sigungu" => value.Length == 5 && value.All(char.IsAsciiDigit),
        "quarter" => value.Length == 6 && Quarter.TryParse(value, CultureInfo.InvariantCulture, out _),
        "format" => value is "xlsx" or "csv",
        "id" => value.Length == 32 && value.All(char.IsAsciiHexDigitLower),
        "variant" => VariantNames.All.Any(v => v.ToCode() == value),
        "version" => Version().IsMatch(value),
        "file" => File().IsMatch(value),
        "caseid" => Cases.CaseIds.IsWellFormed(value),
        _ => false,
    };

    [GeneratedRegex(@"\{(?<name>[a-z]+)(:[^}]*)?\}")]
    private static partial Regex Parameter();

    [GeneratedRegex("^[a-z]{1,20}$")]
    private static partial Regex Word();

    [GeneratedRegex("^v[0-9]{8}-[0-9a-f]{8}$")]
    private static partial Regex Version();

    [GeneratedRegex(@"^[a-z0-9_-]{1,40}\.(html|png|svg|json)$")]
    private static partial Regex File();
}
