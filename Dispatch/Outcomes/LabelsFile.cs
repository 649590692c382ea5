using BlindSpot.Core.Keys;
using Parquet;
using Parquet.Schema;

namespace BlindSpot.Dispatch.Outcomes;

/// <summary>
/// Writes <c>labels/&lt;Q&gt;.parquet</c>, the pseudonymised labels training reads: the latest outcome per person and variant,
/// keyed by person_key (never the resident number), sorted by key and variant so the same history gives the same bytes.
/// </summary>
internal static class LabelsFile
{
    private static readonly DataField[] Fields =
    [
        new DataField<long>(Core.Contracts.LabelColumns.PersonKey, false), new DataField<string>(Core.Contracts.LabelColumns.Variant, false), new DataField<string>(Core.Contracts.LabelColumns.Outcome, false),
        new DataField<DateOnly>(Core.Contracts.LabelColumns.OutcomeDate, false), new DataField<string>(Core.Contracts.LabelColumns.SelectedBy, false), new DataField<string>(Core.Contracts.LabelColumns.SigunguCode, false),
    ];

    public static async Task WriteAsync(string path, IEnumerable<OutcomeHistoryRow> history, Pseudonymizer pseudonymizer, CancellationToken ct)
    {
        var latest = new Dictionary<(string, Core.Catalog.Variant), OutcomeHistoryRow>();
        foreach (var row in history)
        {
            latest[row.Key] = row;
        }

        var rows = latest.Values
            .Select(r => (Key: pseudonymizer.Person(r.Entry.ResidentNumber).Value, Row: r))
            .OrderBy(r => r.Key).ThenBy(r => r.Row.Entry.Variant)
            .ToList();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(Fields), stream, cancellationToken: ct).ConfigureAwait(false);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(Fields[0], (ReadOnlyMemory<long>)rows.Select(r => r.Key).ToArray(), cancellationToken: ct).ConfigureAwait(false);
            await group.WriteAsync(Fields[1], rows.Select(r => Core.Catalog.VariantNames.ToCode(r.Row.Entry.Variant)).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(Fields[2], rows.Select(r => r.Row.Outcome).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(Fields[3], (ReadOnlyMemory<DateOnly>)rows.Select(r => r.Row.OutcomeDate).ToArray(), cancellationToken: ct).ConfigureAwait(false);
            await group.WriteAsync(Fields[4], rows.Select(r => r.Row.Entry.SelectedBy).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(Fields[5], rows.Select(r => r.Row.Entry.SigunguCode).ToArray()).ConfigureAwait(false);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
