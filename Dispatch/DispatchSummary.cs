using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlindSpot.Dispatch;

/// <summary><c>worklists/dispatch-summary-&lt;Q&gt;.json</c> (DataRoot.DispatchSummary): the dispatch date and due days, counts per variant, 시도 and 시군구, exclusions by reason, overlap with last quarter.</summary>
public sealed record DispatchSummary
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public required string Quarter { get; init; }

    /// <summary>
    /// The day the lists reach the municipalities (배부일, <see cref="DispatchOptions.DispatchDate"/>); every entry is due
    /// <see cref="OutcomeDueDays"/> days after it. Read back by <see cref="DispatchCalendar"/>.
    /// </summary>
    public required DateOnly DispatchDate { get; init; }

    /// <summary>Days from <see cref="DispatchDate"/> to the outcome's due date (<see cref="DispatchOptions.OutcomeDueDays"/>).</summary>
    public required int OutcomeDueDays { get; init; }

    public required long RosterSize { get; init; }

    public required IReadOnlyDictionary<string, VariantSummary> Variants { get; init; }

    /// <summary>시도 code → variant → entries.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> PerSido { get; init; }

    /// <summary>시군구 code → entries (all variants).</summary>
    public required IReadOnlyDictionary<string, int> PerSigungu { get; init; }

    /// <summary>People on this quarter's lists who were also dispatched the quarter before.</summary>
    public required int OverlapWithPreviousQuarter { get; init; }

    /// <summary>Selected people the identity vault had no entry for (their rows carry no name).</summary>
    public required int MissingIdentity { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public int Total => Variants.Values.Sum(v => v.Selected);

    public byte[] ToUtf8Json() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public sealed record VariantSummary(int Quota, int Selected, string ModelVersion, IReadOnlyDictionary<string, int> Excluded)
    {
        /// <summary>The variant's rule cohorts by code (catalog order): their quota, ranked people meeting the conditions, and how many they listed.</summary>
        public IReadOnlyDictionary<string, CohortSummary> Cohorts { get; init; } = new Dictionary<string, CohortSummary>();
    }

    public sealed record CohortSummary(int Quota, int Members, int Selected);
}
