using System.Globalization;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Discovery;
using BlindSpot.Portal.Cases;

namespace BlindSpot.Portal.Discovery;

/// <summary>
/// Adds people found by own discovery as cases (<see cref="CaseOrigin.OwnDiscovery"/>): the officer's reason first, then
/// the Korean reason of each feed holding a record of them (the worklist's sentences, from the lake), graded and ranked
/// by the variant where the model grades them best; then puts them on the own-discovery register (all of one addition
/// together, so a large 시군구's index is read once), so the result
/// recorded on the case reaches the labels through the upload path like any dispatched case's.
/// </summary>
internal sealed class OwnDiscoveryBook(ICaseStore store, DataRoot root, FeedCatalog catalog, TimeProvider time)
{
    /// <summary>The reason an officer gives is kept to this many characters.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>
    /// Adds <paramref name="people"/>, one transaction each, their reasons rendered together (each lake file read once);
    /// the new cases, and the people refused because they already have a case this quarter.
    /// </summary>
    /// <param name="eupmyeondong">The 읍면동 the cases go to (a 읍면동 officer's own), or null for the 시군구.</param>
    public async Task<(IReadOnlyList<CaseRecord> Added, IReadOnlyList<DiscoveryPerson> Already)> AddAsync(
        Quarter quarter, LoadedDiscovery loaded, IReadOnlyList<DiscoveryPerson> people, string reason, string? eupmyeondong, string userName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(people);
        var index = loaded.Index;
        var reasons = await DiscoveryReasons.RenderAsync(catalog, root, quarter, index, people, ct).ConfigureAwait(false);
        // Due as many days after the day of the addition as a dispatched case after its dispatch date.
        var due = CaseDue.AddedOn(root, quarter, KoreanTime.Today(time));
        var added = new List<CaseRecord>();
        var already = new List<DiscoveryPerson>();
        var onRegister = new List<(string, long, Variant)>();
        foreach (var person in people)
        {
            var (variant, grade, rank) = Best(index, person);
            var draft = new CaseRecord
            {
                CaseId = "",
                Quarter = quarter.ToString(),
                SigunguCode = index.Sigungu,
                EupmyeondongCode = eupmyeondong,
                Origin = CaseOrigin.OwnDiscovery,
                PersonKey = person.PersonKey,
                VariantName = DiscoveryGrades.VariantName(variant),
                RiskBand = DiscoveryGrades.KoreanName(grade),
                SigunguRank = rank,
                Name = person.Name,
                Due = due,
                Reasons = ["자체 발굴: " + reason, .. reasons[person.PersonKey]],
                Members = [.. index.People.Where(m => m.HouseholdKey == person.HouseholdKey && m.PersonKey != person.PersonKey).Select(m => $"{m.Name} ({m.MaskedResidentNumber})")],
            };
            if (await store.AddOwnAsync(draft, reason, userName, time.GetUtcNow(), ct).ConfigureAwait(false) is { } c)
            {
                added.Add(c);
                onRegister.Add((c.CaseId, person.PersonKey, variant));
            }
            else
            {
                already.Add(person);
            }
        }

        // Under the import lock, so outcomes of these cases can be imported as soon as the officer records them.
        await OwnDiscoveryRegister.AddAsync(root, quarter, index.Sigungu, onRegister, ct).ConfigureAwait(false);
        return (added, already);
    }

    /// <summary>The variant grading the person best (ties: household, child, lonely death), its grade and the person's 시군구 rank there.</summary>
    public static (Variant Variant, DiscoveryGrade Grade, int Rank) Best(DiscoveryIndex index, DiscoveryPerson person)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(person);
        var best = Enumerable.Range(0, index.Variants.Count)
            .Where(v => person.Grades[v] != DiscoveryGrade.None)
            .OrderBy(v => person.Grades[v]).ThenBy(v => index.Variants[v])
            .Select(v => (int?)v).FirstOrDefault();
        return best is { } b
            ? (index.Variants[b], person.Grades[b], person.SigunguRanks[b])
            : (Variant.Household, DiscoveryGrade.None, 0);
    }

    /// <summary>The reason text as kept: trimmed, at most <see cref="MaxReasonLength"/> characters; empty when none was given.</summary>
    public static string CleanReason(string? text)
    {
        var trimmed = (text ?? "").Trim();
        return trimmed.Length > MaxReasonLength ? trimmed[..MaxReasonLength] : trimmed;
    }

    public static string Format(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
