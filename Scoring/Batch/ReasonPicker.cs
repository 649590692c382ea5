using BlindSpot.Scoring.Models;

namespace BlindSpot.Scoring.Batch;

/// <summary>
/// Picks up to three reasons per candidate from path contributions (<see cref="TreeEnsemble.Contributions"/>, raw score
/// space): only features the person actually has (non-zero, and not the "no record" −1 of months-since features) that
/// pushed the score up. Feed features come first because Dispatch renders them with the catalog's Korean templates;
/// person, household and change features fill the remaining places.
/// </summary>
internal sealed class ReasonPicker(TreeEnsemble ensemble, IReadOnlyList<string> names, IReadOnlySet<string> feedFeatures)
{
    public const int Count = 3;

    private const string MonthsSinceSuffix = "_months_since_latest";

    public IReadOnlyList<Reason> Pick(ReadOnlySpan<float> row) => Pick(row, new double[names.Count]);

    /// <summary>As <see cref="Pick(ReadOnlySpan{float})"/>, with a caller's buffer of one double per feature (overwritten).</summary>
    public IReadOnlyList<Reason> Pick(ReadOnlySpan<float> row, Span<double> contributions)
    {
        contributions = contributions[..names.Count];
        contributions.Clear();
        ensemble.Contributions(row, contributions);
        var present = new List<Reason>();
        for (var f = 0; f < names.Count; f++)
        {
            if (contributions[f] > 0 && IsPresent(names[f], row[f]))
            {
                present.Add(new Reason(names[f], row[f], contributions[f]));
            }
        }

        return [.. present
            .OrderBy(r => feedFeatures.Contains(r.Feature) ? 0 : 1)
            .ThenByDescending(r => r.Contribution)
            .ThenBy(r => r.Feature, StringComparer.Ordinal)
            .Take(Count)];
    }

    /// <summary>True when the value says the person has the thing: non-zero, and for months-since features not the "never" −1.</summary>
    public static bool IsPresent(string feature, float value) =>
        value != 0 && !float.IsNaN(value) && !(feature.EndsWith(MonthsSinceSuffix, StringComparison.Ordinal) && value < 0);
}
