using System.Diagnostics;
using System.Globalization;
using System.Text;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Partitioning;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Features.Schema;
using DuckDB.NET.Data;

namespace BlindSpot.Bench;

/// <summary>
/// DuckDB's best formulation of the features join, as a yardstick for the features stage: one UNION ALL of the feeds,
/// one GROUP BY (unit, feed), a pivot by conditional aggregation to exactly the catalog's feature columns, one join to
/// the roster, and a Parquet write partitioned by 시도. Same feed rules as Features/; household and change features are
/// left out, so DuckDB does less than our stage.
/// </summary>
internal static class DuckDbFeatures
{
    public static int Run(string data, string quarterText, string output)
    {
        var catalog = FeedCatalog.LoadDefault();
        var root = new DataRoot(data);
        var quarter = Quarter.Parse(quarterText);
        var clock = Stopwatch.StartNew();
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, $"SET threads = {Environment.ProcessorCount}; SET preserve_insertion_order = false;");
        var sql = BuildSql(catalog, root, quarter, output);
        Execute(connection, sql);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"duckdb features {quarter}: {clock.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    internal static string BuildSql(FeedCatalog catalog, DataRoot root, Quarter quarter, string output)
    {
        var present = catalog.Feeds.Where(f => TableFiles.Lake(root, quarter, f.Code).Count > 0).ToList();
        var sql = new StringBuilder();
        foreach (var unit in new[] { FeedUnit.Person, FeedUnit.Household })
        {
            var feeds = present.Where(f => f.Unit == unit).ToList();
            var name = unit == FeedUnit.Person ? "p" : "h";
            sql.AppendLine(CultureInfo.InvariantCulture, $"CREATE TEMP TABLE {name}_agg AS SELECT k, feed, count(*) AS cnt, max(months) AS max_months, arg_max(months, d) AS latest_months, ln(1 + max(amount)) AS log_amount, ln(1 + sum(amount)) AS sum_log_amount, date_diff('day', max(d), DATE '{quarter.AsOf:yyyy-MM-dd}') / 30.436875 AS months_since, max(days) AS max_days, max(c) AS max_count, avg(measure) AS mean_measure, min(measure) AS min_measure FROM (");
            sql.AppendLine(string.Join("\nUNION ALL\n", feeds.Select(f => Select(f, Path.Combine(root.LakeFeedFolder(quarter, f.Code), "*", "*.parquet")))));
            sql.AppendLine(") GROUP BY k, feed;");
            var columns = feeds.SelectMany(f => f.Features.Select(r => Pivot(f, r))).ToList();
            sql.AppendLine(CultureInfo.InvariantCulture, $"CREATE TEMP TABLE {name}_wide AS SELECT k, {string.Join(", ", columns)} FROM {name}_agg GROUP BY k;");
        }

        var outputs = present.SelectMany(f => f.Features.Select(r => $"coalesce({(f.Unit == FeedUnit.Person ? "p" : "h")}.{FeatureNames.Of(f.Code, r)}, {(r == FeatureRule.MonthsSinceLatest ? "-1" : "0")})::FLOAT AS {FeatureNames.Of(f.Code, r)}"));
        sql.AppendLine(CultureInfo.InvariantCulture, $"""
            COPY (
              SELECT r.person_key, r.household_key, substr(r.sigungu_code, 1, 2) AS sido_code, r.sigungu_code, r.eupmyeondong_code, r.status,
                     r.age >= 18 AS eligible_household, r.age <= 17 AS eligible_child,
                     r.age::FLOAT AS p_age, (r.sex = 'M')::FLOAT AS p_male, {string.Join(", ", outputs)}
              FROM read_parquet('{Path.Combine(root.RosterFolder(quarter), "*", "*.parquet")}', hive_partitioning = true) r
              LEFT JOIN p_wide p ON p.k = r.person_key
              LEFT JOIN h_wide h ON h.k = r.household_key
            ) TO '{output}' (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (sido_code), OVERWRITE_OR_IGNORE true);
            """);
        return sql.ToString();
    }

    private static string Select(FeedDefinition feed, string path)
    {
        string Column(ColumnRole role, string alias) => feed.ColumnWithRole(role) is { } c ? $"{c.Name}::DOUBLE AS {alias}" : $"NULL::DOUBLE AS {alias}";
        var key = feed.Unit == FeedUnit.Person ? "person_key" : "household_key";
        return $"SELECT {key} AS k, '{feed.Code}' AS feed, {feed.ColumnWithRole(ColumnRole.EventDate)!.Name} AS d, {Column(ColumnRole.Months, "months")}, {Column(ColumnRole.Amount, "amount")}, {Column(ColumnRole.Days, "days")}, {Column(ColumnRole.Count, "c")}, {Column(ColumnRole.Measure, "measure")} FROM read_parquet('{path}')";
    }

    private static string Pivot(FeedDefinition feed, FeatureRule rule)
    {
        var source = rule switch
        {
            FeatureRule.Presence => "1",
            FeatureRule.Count => "cnt",
            FeatureRule.MaxMonths => "max_months",
            FeatureRule.LatestMonths => "latest_months",
            FeatureRule.LogAmount => "log_amount",
            FeatureRule.SumLogAmount => "sum_log_amount",
            FeatureRule.MonthsSinceLatest => "months_since",
            FeatureRule.MaxDays => "max_days",
            FeatureRule.MaxCount => "max_count",
            FeatureRule.MeanMeasure => "mean_measure",
            FeatureRule.MinMeasure => "min_measure",
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };
        return $"max(CASE WHEN feed = '{feed.Code}' THEN {source} END) AS {FeatureNames.Of(feed.Code, rule)}";
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
