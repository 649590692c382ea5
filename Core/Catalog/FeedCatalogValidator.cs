using System.Text.RegularExpressions;

namespace BlindSpot.Core.Catalog;

/// <summary>
/// The rules a catalog must keep, checked at start-up so a broken entry stops the run before any data moves.
/// Each failure names the entry and the rule.
/// </summary>
internal sealed partial class FeedCatalogValidator(string origin)
{
    private static readonly Dictionary<FeatureRule, ColumnRole?> RuleNeeds = new()
    {
        [FeatureRule.Presence] = null,
        [FeatureRule.Count] = null,
        [FeatureRule.MonthsSinceLatest] = ColumnRole.EventDate,
        [FeatureRule.MaxMonths] = ColumnRole.Months,
        [FeatureRule.LatestMonths] = ColumnRole.Months,
        [FeatureRule.LogAmount] = ColumnRole.Amount,
        [FeatureRule.SumLogAmount] = ColumnRole.Amount,
        [FeatureRule.MaxDays] = ColumnRole.Days,
        [FeatureRule.MaxCount] = ColumnRole.Count,
        [FeatureRule.MeanMeasure] = ColumnRole.Measure,
        [FeatureRule.MinMeasure] = ColumnRole.Measure,
    };

    public void Validate(CatalogDocument document)
    {
        Require(!string.IsNullOrWhiteSpace(document.Version), "has no 'version'.");
        Require(document.Sources is { Count: > 0 }, "lists no 'sources'.");
        Require(document.Feeds is { Count: > 0 }, "lists no 'feeds'.");
        Require(document.Roster is not null, "has no 'roster' entry (the resident-registration extract).");
        Require(document.Variants is not null && VariantNames.All.All(document.Variants.ContainsKey), "must describe every variant under 'variants': household, child, lonely_death.");

        var sources = ValidateSources(document.Sources!);
        ValidateFeed(document.Roster!, sources, "roster", isRoster: true);
        var codes = new HashSet<string>(StringComparer.Ordinal) { document.Roster!.Code };
        foreach (var feed in document.Feeds!)
        {
            Require(codes.Add(feed.Code), $"feed code '{feed.Code}' appears twice.");
            ValidateFeed(feed, sources, $"feed '{feed.Code}'", isRoster: false);
        }

        ValidateCohorts(document.Cohorts ?? [], document.Feeds!);

        var used = document.Feeds!.Select(f => f.Source).Append(document.Roster!.Source).ToHashSet(StringComparer.Ordinal);
        foreach (var source in document.Sources!)
        {
            Require(used.Contains(source.Code), $"source '{source.Code}' delivers no feed: remove it or add its feeds.");
        }
    }

    private HashSet<string> ValidateSources(List<SourceDefinition> sources)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            Require(!string.IsNullOrWhiteSpace(source.Code) && SourceCode().IsMatch(source.Code), $"source '{source.Code}' needs an upper-case code of letters and digits.");
            Require(codes.Add(source.Code), $"source code '{source.Code}' appears twice.");
            var d = source.Delivery;
            Require(d.Encoding is not null && d.HeaderLanguage is not null, $"source '{source.Code}' must give its delivery 'encoding' and 'headerLanguage'.");
            Require(d.Delimiter is "," or "|" or "\t", $"source '{source.Code}' has delimiter '{d.Delimiter}': use ',', '|' or a tab.");
            Require(d.DateFormat is not null && DeliveryFormat.DateFormats.Contains(d.DateFormat), $"source '{source.Code}' has date format '{d.DateFormat}': use one of {string.Join(", ", DeliveryFormat.DateFormats)}.");
        }

        return codes;
    }

    private void ValidateFeed(FeedDefinition feed, HashSet<string> sources, string entry, bool isRoster)
    {
        Require(!string.IsNullOrWhiteSpace(feed.Code) && FeedCode().IsMatch(feed.Code), $"{entry} needs a lower snake-case code.");
        Require(sources.Contains(feed.Source), $"{entry} names unknown source '{feed.Source}'.");
        Require(!string.IsNullOrWhiteSpace(feed.NameKo) && !string.IsNullOrWhiteSpace(feed.NameEn), $"{entry} needs a Korean and an English name.");
        ValidateDeliveryOverride(feed, entry);
        ValidateColumns(feed, entry);
        if (isRoster)
        {
            return;
        }

        Require(feed.Variants.Count > 0, $"{entry} is used by no variant: list at least one of household, child, lonely_death.");
        Require(feed.Variants.Distinct().Count() == feed.Variants.Count, $"{entry} lists a variant twice.");
        Require(feed.MaxRejectRate is > 0 and <= 0.5, $"{entry} has maxRejectRate {feed.MaxRejectRate}: it must be above 0 and at most 0.5.");
        Require(feed.WindowMonths is >= 3 and <= 60, $"{entry} has windowMonths {feed.WindowMonths}: it must be 3–60.");
        Require(feed.Columns.Count(c => c.Role == ColumnRole.EventDate) == 1, $"{entry} needs exactly one column with role eventDate.");
        Require(feed.Features.Contains(FeatureRule.Presence), $"{entry} must derive the 'presence' feature.");
        foreach (var rule in feed.Features)
        {
            Require(RuleNeeds.TryGetValue(rule, out var needs) && (needs is null || feed.ColumnWithRole(needs.Value) is not null), $"{entry} derives '{rule}', which needs a column with role {RuleNeeds.GetValueOrDefault(rule)}.");
        }

        ValidateReason(feed, entry);
        ValidateSimulation(feed, entry);
    }

    private void ValidateDeliveryOverride(FeedDefinition feed, string entry)
    {
        if (feed.Delivery is not { } d)
        {
            return;
        }

        Require(d.Delimiter is null or "," or "|" or "\t", $"{entry} overrides the delimiter with '{d.Delimiter}': use ',', '|' or a tab.");
        Require(d.DateFormat is null || DeliveryFormat.DateFormats.Contains(d.DateFormat), $"{entry} overrides the date format with '{d.DateFormat}'.");
    }

    private void ValidateColumns(FeedDefinition feed, string entry)
    {
        Require(feed.Columns.Count >= 2, $"{entry} needs a key column and at least one more.");
        var expectedKey = feed.Unit == FeedUnit.Person ? ColumnType.ResidentNumber : ColumnType.HouseholdNumber;
        Require(feed.Columns[0].Type == expectedKey && (feed.Columns[0].Role ?? ColumnRole.Key) == ColumnRole.Key, $"{entry} is a {feed.Unit.ToString().ToLowerInvariant()} feed: its first column must be the key, of type {expectedKey}.");
        var names = new HashSet<string>(StringComparer.Ordinal);
        var headers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in feed.Columns)
        {
            var where = $"{entry} column '{column.Name}'";
            Require(!string.IsNullOrWhiteSpace(column.Name) && FeedCode().IsMatch(column.Name), $"{where} needs a lower snake-case name.");
            Require(names.Add(column.Name), $"{where} appears twice.");
            Require(!string.IsNullOrWhiteSpace(column.HeaderKo) && !string.IsNullOrWhiteSpace(column.HeaderEn), $"{where} needs headerKo and headerEn.");
            Require(headers.Add(column.HeaderKo) && headers.Add(column.HeaderEn), $"{where} repeats a header of another column.");
            if (column.Type is ColumnType.Int or ColumnType.Long or ColumnType.Double)
            {
                Require(column.Min is not null && column.Max is not null && column.Min <= column.Max, $"{where} is numeric: it needs min ≤ max.");
            }

            if (column.Type == ColumnType.Code)
            {
                Require(column.Values is { Count: > 0 }, $"{where} is a code column: list its 'values'.");
            }

            if (column.Pattern is not null)
            {
                Require(IsValidPattern(column.Pattern), $"{where} has an invalid pattern '{column.Pattern}'.");
            }
        }
    }

    private void ValidateReason(FeedDefinition feed, string entry)
    {
        Require(!string.IsNullOrWhiteSpace(feed.Reason), $"{entry} needs a Korean 'reason' template for worklists.");
        foreach (Match placeholder in Placeholder().Matches(feed.Reason))
        {
            var name = placeholder.Groups["name"].Value;
            Require(feed.Columns.Any(c => c.Name == name && c.Role != ColumnRole.Key), $"{entry} reason names '{{{name}}}', which is not a non-key column of the feed.");
        }
    }

    private void ValidateSimulation(FeedDefinition feed, string entry)
    {
        Require(feed.Simulation is not null, $"{entry} needs a 'simulation' profile.");
        var sim = feed.Simulation!;
        Require(sim.BaseRate is >= 0 and < 1, $"{entry} simulation baseRate must be in [0, 1).");
        Require(sim.RepeatRate is >= 0 and < 1, $"{entry} simulation repeatRate must be in [0, 1).");
        Require(sim.ChronicRate is >= 0 and <= 1, $"{entry} simulation chronicRate must be in [0, 1].");
        Require(sim.Lift.Values.All(v => v is >= 0 and <= 1), $"{entry} simulation lifts must be in [0, 1].");
        Require(sim.Eligible.MinAge >= 0 && sim.Eligible.MinAge <= sim.Eligible.MaxAge, $"{entry} simulation eligible ages must satisfy 0 ≤ minAge ≤ maxAge.");
        Require(feed.ColumnWithRole(ColumnRole.Amount) is null || sim.AmountMedian > 0, $"{entry} has an amount column: give simulation amountMedian.");
    }

    private static bool IsValidPattern(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private void ValidateCohorts(List<RuleCohort> cohorts, List<FeedDefinition> feeds)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cohort in cohorts)
        {
            var name = $"cohort '{cohort.Code}'";
            Require(!string.IsNullOrWhiteSpace(cohort.Code) && FeedCode().IsMatch(cohort.Code), $"{name} needs a lower-case code of letters, digits and underscores.");
            Require(codes.Add(cohort.Code), $"cohort code '{cohort.Code}' appears twice.");
            Require(Enum.IsDefined(cohort.Variant), $"{name} names no variant: use household, child or lonely_death.");
            Require(!string.IsNullOrWhiteSpace(cohort.ReasonKo), $"{name} needs a 'reasonKo', the rule in words for the worklist.");
            Require(cohort.Count >= 0, $"{name} has count {cohort.Count}: it must not be negative.");
            Require(cohort.Conditions is { Count: > 0 }, $"{name} lists no 'conditions'.");
            foreach (var condition in cohort.Conditions)
            {
                var feed = feeds.FirstOrDefault(f => f.Code == condition.Feed);
                Require(feed is not null, $"{name}: condition names feed '{condition.Feed}', which the catalog does not have.");
                if (condition.Column is null)
                {
                    Require(condition.AtLeast is null && condition.AtMost is null, $"{name}: condition on '{condition.Feed}' has bounds but no 'column'.");
                    continue;
                }

                var column = feed!.Columns.FirstOrDefault(c => c.Name == condition.Column);
                Require(column is { Type: ColumnType.Int or ColumnType.Long or ColumnType.Double }, $"{name}: '{condition.Feed}.{condition.Column}' is not a numeric column of the feed.");
                Require(condition.AtLeast is not null || condition.AtMost is not null, $"{name}: condition on '{condition}' needs 'atLeast' or 'atMost'.");
            }
        }
    }

    private void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new CatalogException(origin, problem);
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex FeedCode();

    [GeneratedRegex("^[A-Z][A-Z0-9]*$")]
    private static partial Regex SourceCode();

    [GeneratedRegex(@"\{(?<name>[a-z0-9_]+)(:[A-Za-z0-9]+)?\}")]
    private static partial Regex Placeholder();
}
