namespace BlindSpot.Ingestion.Feeds;

/// <summary>Running counts of one delivery, with the most frequent reject reasons for the failure message.</summary>
internal sealed class RecordCounts
{
    private readonly Dictionary<(string Field, string Reason), long> reasons = [];

    public long Read { get; set; }

    public long Accepted { get; set; }

    public long Rejected { get; private set; }

    public long Duplicates { get; set; }

    /// <summary>Non-blank physical lines after the header, known once the file is read.</summary>
    public long Lines { get; set; }

    public void Reject(string field, string reason)
    {
        Rejected++;
        var key = (field, reason);
        reasons[key] = reasons.GetValueOrDefault(key) + 1;
    }

    /// <summary>"field reason (N rows)" for the commonest reason, or "".</summary>
    public string TopReason() => reasons.Count == 0
        ? ""
        : reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key.Field, StringComparer.Ordinal).Select(r => $"'{r.Key.Field} {r.Key.Reason}' ({r.Value} rows)").First();

    /// <summary>Throws when read ≠ accepted + rejected + duplicates: a row was lost or counted twice, a bug that must stop the stage.</summary>
    public void CheckReconciled(string fileName)
    {
        if (Read != Accepted + Rejected + Duplicates)
        {
            throw new IngestException($"{fileName}: reconciliation failed: read {Read} ≠ accepted {Accepted} + rejected {Rejected} + duplicates {Duplicates}. This is a bug in ingestion; nothing was published for this feed.");
        }
    }
}
