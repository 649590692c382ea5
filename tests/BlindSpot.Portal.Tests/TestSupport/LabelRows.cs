using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using Parquet;

namespace BlindSpot.Portal.Tests.TestSupport;

/// <summary>The rows of a quarter's <c>labels/&lt;Q&gt;.parquet</c> as (person key, outcome, selected_by).</summary>
internal static class LabelRows
{
    public static async Task<IReadOnlyList<(long PersonKey, string Outcome, string SelectedBy)>> ReadAsync(DataRoot root, Quarter quarter)
    {
        var rows = new List<(long, string, string)>();
        if (!File.Exists(root.Labels(quarter)))
        {
            return rows;
        }

        await using var reader = await ParquetReader.CreateAsync(root.Labels(quarter));
        var fields = reader.Schema.DataFields;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var keys = new long[group.RowCount];
            var outcomes = new string?[group.RowCount];
            var selected = new string?[group.RowCount];
            await group.ReadAsync(fields.First(f => f.Name == Core.Contracts.LabelColumns.PersonKey), keys.AsMemory());
            await group.ReadAsync(fields.First(f => f.Name == Core.Contracts.LabelColumns.Outcome), outcomes.AsMemory());
            await group.ReadAsync(fields.First(f => f.Name == Core.Contracts.LabelColumns.SelectedBy), selected.AsMemory());
            rows.AddRange(keys.Select((k, i) => (k, outcomes[i]!, selected[i]!)));
        }

        return rows;
    }
}
