using BlindSpot.Core.Files;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Outcomes;
using Parquet;

namespace BlindSpot.Dispatch.Register;

/// <summary>
/// Reads <c>labels/&lt;Q&gt;.parquet</c> for the people found not eligible or already receiving support, per variant, so
/// they are not sent again too soon: a second visit would find the same (docs/SIMULATION.md, "Outcomes").
/// </summary>
internal static class LabelHistory
{
    /// <summary>Everyone found not eligible or already receiving, per variant, in the <paramref name="lookback"/> quarters before <paramref name="quarter"/>.</summary>
    public static async Task<HashSet<(long Person, Variant Variant)>> NotEligibleAsync(DataRoot root, Quarter quarter, int lookback, CancellationToken ct)
    {
        var notEligible = new HashSet<(long, Variant)>();
        for (var k = 1; k <= lookback; k++)
        {
            await AddNotEligibleAsync(root.Labels(quarter.AddQuarters(-k)), notEligible, ct).ConfigureAwait(false);
        }

        return notEligible;
    }

    private static async Task AddNotEligibleAsync(string path, HashSet<(long Person, Variant Variant)> target, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return;
        }

        await ParquetFiles.ReadAsync(path, "the labels history", () => AddFromFileAsync(path, target, ct)).ConfigureAwait(false);
    }

    private static async Task AddFromFileAsync(string path, HashSet<(long Person, Variant Variant)> target, CancellationToken ct)
    {
        await using var reader = await ParquetReader.CreateAsync(path, cancellationToken: ct).ConfigureAwait(false);
        var fields = reader.Schema.DataFields;
        var keyField = fields.First(f => f.Name == Core.Contracts.LabelColumns.PersonKey);
        var variantField = fields.First(f => f.Name == "variant");
        var outcomeField = fields.First(f => f.Name == "outcome");
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var rows = checked((int)group.RowCount);
            var keys = new long[rows];
            var variants = new string?[rows];
            var outcomes = new string?[rows];
            await group.ReadAsync(keyField, keys.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            await group.ReadAsync(variantField, variants.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            await group.ReadAsync(outcomeField, outcomes.AsMemory(), cancellationToken: ct).ConfigureAwait(false);
            for (var i = 0; i < rows; i++)
            {
                if (outcomes[i] is OutcomeCode.NotEligible or OutcomeCode.AlreadyReceiving && variants[i] is { } v)
                {
                    target.Add((keys[i], VariantNames.Parse(v)));
                }
            }
        }
    }
}
