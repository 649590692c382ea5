using System.Text.Json;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Dispatch;

/// <summary>
/// A quarter's dispatch date (배부일) and the days its outcomes are due after it, as the dispatch stage recorded them in
/// the dispatch summary; for the portal, which shows them and counts the due dates of cases it makes later from them.
/// Immutable.
/// </summary>
public sealed record DispatchCalendar(DateOnly DispatchDate, int OutcomeDueDays)
{
    /// <summary>When an entry dispatched on <see cref="DispatchDate"/> is due.</summary>
    public DateOnly Due => DispatchDate.AddDays(OutcomeDueDays);

    /// <summary>The default rule when nothing is recorded: the quarter's last day and <see cref="DispatchOptions"/>'s default days.</summary>
    public static DispatchCalendar Default(Quarter quarter) => new(quarter.LastDay, new DispatchOptions().OutcomeDueDays);

    /// <summary>
    /// The calendar recorded for <paramref name="quarter"/> under <paramref name="root"/>, or null when the quarter has not
    /// been dispatched there (or was dispatched before the date was recorded).
    /// </summary>
    public static DispatchCalendar? Read(DataRoot root, Quarter quarter)
    {
        ArgumentNullException.ThrowIfNull(root);
        var path = root.DispatchSummary(quarter);
        if (!File.Exists(path))
        {
            return null;
        }

        using var summary = JsonDocument.Parse(File.ReadAllBytes(path));
        var json = summary.RootElement;
        return json.TryGetProperty(Key(nameof(DispatchSummary.DispatchDate)), out var date) && json.TryGetProperty(Key(nameof(DispatchSummary.OutcomeDueDays)), out var days)
            ? new DispatchCalendar(DateOnly.ParseExact(date.GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), days.GetInt32())
            : null;
    }

    // The summary is written with the web defaults (camelCase names).
    private static string Key(string property) => JsonNamingPolicy.CamelCase.ConvertName(property);

    /// <summary><see cref="Read"/>, else <see cref="Default"/>.</summary>
    public static DispatchCalendar Of(DataRoot root, Quarter quarter) => Read(root, quarter) ?? Default(quarter);
}
