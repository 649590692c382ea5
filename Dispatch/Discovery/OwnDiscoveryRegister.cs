using BlindSpot.Core.Catalog;
using BlindSpot.Core.Csv;
using BlindSpot.Core.Files;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Outcomes;
using BlindSpot.Dispatch.Register;

namespace BlindSpot.Dispatch.Discovery;

/// <summary>
/// The register of own-discovery cases, <c>outcomes/&lt;Q&gt;/own-discoveries.csv</c> (restricted, the dispatch register's
/// columns, selected_by <see cref="SelectedBy"/>, the case id as worklist id). A 시군구 vouches for a person it found
/// itself by adding them as a case; the person is then on record like a dispatched one, so the outcome recorded for
/// them passes the importer's register check and becomes a label like any other. The resident number is taken from
/// the quarter's discovery index here, inside Dispatch; the portal only ever names the person by pseudonym and case id.
/// </summary>
public static class OwnDiscoveryRegister
{
    /// <summary>The selected_by of an own-discovery entry (labels: selected by the municipality, neither model nor audit).</summary>
    public const string SelectedBy = "own";

    /// <summary>
    /// Records <paramref name="personKey"/> of <paramref name="sigungu"/>'s discovery index under <paramref name="caseId"/>
    /// for <paramref name="variant"/>; a case id already on record is left as it is. Throws when the person is not in the
    /// index (only people the index lists can be found by own discovery).
    /// </summary>
    public static Task AddAsync(DataRoot root, Quarter quarter, string sigungu, string caseId, long personKey, Variant variant, CancellationToken ct) =>
        AddAsync(root, quarter, sigungu, [(caseId, personKey, variant)], ct);

    /// <summary>Records several cases of one 시군구 at once: the index is read once (only their rows made), the register appended under one lock.</summary>
    public static async Task AddAsync(DataRoot root, Quarter quarter, string sigungu, IReadOnlyList<(string CaseId, long PersonKey, Variant Variant)> cases, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(cases);
        if (cases.Count == 0)
        {
            return;
        }

        var people = DiscoveryIndexFile.Find(root.DiscoveryIndex(quarter, sigungu), cases.Select(c => c.PersonKey).ToHashSet());
        if (cases.FirstOrDefault(c => !people.ContainsKey(c.PersonKey)) is { CaseId: not null } missing)
        {
            throw new InvalidOperationException($"Person {missing.PersonKey:x16} is not in the {quarter} discovery index of {sigungu}; only people it lists can be added as own discoveries.");
        }

        await AppendAsync(root, quarter, [.. cases.Select(c => (c.CaseId, c.Variant, people[c.PersonKey].FullResidentNumber ?? "", people[c.PersonKey].HouseholdNumber ?? "", sigungu, SelectedBy))], ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Appends register rows (case id, variant, resident number, household number, 시군구, selected_by) to the quarter's
    /// register of cases the municipality took on itself, under the quarter's commit lock; a case id already on record is
    /// left as it is, so a rerun adds nothing.
    /// </summary>
    internal static async Task AppendAsync(DataRoot root, Quarter quarter, IReadOnlyList<(string CaseId, Variant Variant, string ResidentNumber, string HouseholdNumber, string Sigungu, string SelectedBy)> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var path = root.OwnDiscoveries(quarter);
        // The quarter-wide commit lock: 시군구 append to the one register, and an import commits under the same lock.
        using var importLock = await ImportLock.AcquireAsync(Path.Combine(root.OutcomesFolder(quarter), "imports"), ImportLock.CommitFile, ct).ConfigureAwait(false);
        var onRecord = DispatchRegister.Read(path).Select(e => e.WorklistId).ToHashSet(StringComparer.Ordinal);
        var exists = File.Exists(path);
        using var csv = CsvFiles.Create(PrivateFiles.Create(path, mode: FileMode.Append), CsvFiles.Options with { NewLine = "\n" }, leaveOpen: false);
        if (!exists)
        {
            csv.WriteHeader(DispatchRegister.Columns);
        }

        foreach (var row in rows.Where(r => onRecord.Add(r.CaseId)))
        {
            csv.WriteField(quarter.ToString());
            csv.WriteField(row.Variant.ToCode());
            csv.WriteField(row.ResidentNumber);
            csv.WriteField(row.HouseholdNumber);
            csv.WriteField(row.Sigungu);
            csv.WriteField(row.SelectedBy);
            csv.WriteField("");
            csv.WriteField(row.CaseId);
            csv.EndRecord();
        }
    }
}
