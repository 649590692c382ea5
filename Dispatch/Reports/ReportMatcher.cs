using System.Text;
using BlindSpot.Core.Contracts;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Identity;

namespace BlindSpot.Dispatch.Reports;

/// <summary>
/// Finds the people reports name on the quarter's roster. A resident number is pseudonymised with the ingestion key and
/// looked up on the roster; a name and an address are looked up in the identity vault (names compared without spaces,
/// addresses with runs of spaces made one), and only a single person there counts: two are
/// <see cref="ReportMatchKind.Ambiguous"/>, none <see cref="ReportMatchKind.NoMatch"/>. One pass over the vault and one
/// over the roster, whatever the number of reports. Resident numbers stay inside this class.
/// </summary>
public static class ReportMatcher
{
    private static readonly string[] RosterReads = [RosterColumns.PersonKey, RosterColumns.SigunguCode, RosterColumns.EupmyeondongCode];

    public static async Task<IReadOnlyList<ReportMatch>> MatchAsync(DataRoot root, Quarter quarter, IReadOnlyList<CrisisReport> reports, Pseudonymizer pseudonymizer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        if (reports.Count == 0)
        {
            return [];
        }

        var names = new Dictionary<string, (string Name, string Address, string Phone)>(StringComparer.Ordinal);   // resident number → the vault's row
        var byResident = reports.Where(r => r.ResidentNumber is not null).Select(r => r.ResidentNumber!).ToHashSet(StringComparer.Ordinal);
        var byNameAddress = reports.Where(r => r.ResidentNumber is null).Select(Key).Distinct(StringComparer.Ordinal)
            .ToDictionary(k => k, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        ScanVault(root.IdentityVault(quarter), byResident, byNameAddress, names);

        var residentOf = reports.Select(r => r.ResidentNumber ?? (byNameAddress[Key(r)] is { Count: 1 } one ? one.First() : null)).ToList();
        var keyOf = residentOf.Select(n => n is null ? (long?)null : pseudonymizer.Person(n).Value).ToList();
        var places = await PlacesAsync(root, quarter, keyOf.Where(k => k is not null).Select(k => k!.Value).ToHashSet(), ct).ConfigureAwait(false);

        var matches = new List<ReportMatch>(reports.Count);
        for (var i = 0; i < reports.Count; i++)
        {
            var report = reports[i];
            if (keyOf[i] is not { } key)
            {
                matches.Add(new ReportMatch(report, byNameAddress[Key(report)].Count > 1 ? ReportMatchKind.Ambiguous : ReportMatchKind.NoMatch));
            }
            else if (!places.TryGetValue(key, out var place))
            {
                matches.Add(new ReportMatch(report, report.ResidentNumber is not null && !names.ContainsKey(report.ResidentNumber) ? ReportMatchKind.NoMatch : ReportMatchKind.NotOnRoster));
            }
            else
            {
                var vault = names.GetValueOrDefault(residentOf[i]!);
                matches.Add(new ReportMatch(report, ReportMatchKind.Matched, key, place.Sigungu, place.Eupmyeondong, vault.Name is { Length: > 0 } known ? known : report.Name)
                {
                    Contacts = (vault.Address ?? "", vault.Phone ?? ""),
                });
            }
        }

        return matches;
    }

    /// <summary>The name and address as compared: the name without spaces, the address with every run of spaces one space.</summary>
    internal static string Key(CrisisReport report) => Key(report.Name, report.Address);

    private static string Key(string name, string address) =>
        string.Concat(name.Where(c => !char.IsWhiteSpace(c))) + "\u001f" + string.Join(' ', address.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static void ScanVault(string path, HashSet<string> byResident, Dictionary<string, HashSet<string>> byNameAddress, Dictionary<string, (string Name, string Address, string Phone)> names)
    {
        var wantedNames = byNameAddress.Keys.Select(k => k[..k.IndexOf('\u001f', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
        var residents = byResident.GetAlternateLookup<ReadOnlySpan<char>>();
        var vault = IdentityVault.Open(path);
        using var file = vault.File;
        using var stream = vault.Stream;
        using var csv = vault.Csv;
        var index = vault.Index;
        Span<char> number = stackalloc char[32];
        while (csv.Read())
        {
            var raw = csv.GetSpan(index[0]);
            var length = Encoding.ASCII.GetChars(raw[..Math.Min(raw.Length, number.Length)], number);
            var wantedByNumber = residents.Contains(number[..length]);
            // Most rows are nobody's: decode the name only when some report names a person, the address only when the name fits.
            if (!wantedByNumber && wantedNames.Count == 0)
            {
                continue;
            }

            var name = IdentityVault.Text(csv, index[2]);
            var compact = string.Concat(name.Where(c => !char.IsWhiteSpace(c)));
            var address = wantedByNumber || wantedNames.Contains(compact) ? IdentityVault.Text(csv, index[3]) : "";
            var byName = wantedNames.Contains(compact) && byNameAddress.TryGetValue(Key(name, address), out var found) ? found : null;
            byName?.Add(number[..length].ToString());
            if (byName is not null || wantedByNumber)
            {
                names[number[..length].ToString()] = (name, address, IdentityVault.Text(csv, index[4]));
            }
        }
    }

    /// <summary>The 시군구 and 읍면동 of each of <paramref name="wanted"/> on the quarter's roster (one pass; people not on it are absent).</summary>
    internal static async Task<Dictionary<long, (string Sigungu, string Eupmyeondong)>> PlacesAsync(DataRoot root, Quarter quarter, HashSet<long> wanted, CancellationToken ct)
    {
        var places = new Dictionary<long, (string, string)>();
        if (wanted.Count == 0)
        {
            return places;
        }

        await using var roster = await RosterFileReader.OpenAsync(root, quarter, RosterReads, ct).ConfigureAwait(false);
        var keys = new long[roster.LargestRowGroup];
        var sigungu = new ReadOnlyMemory<char>[roster.LargestRowGroup];
        var eupmyeondong = new ReadOnlyMemory<char>[roster.LargestRowGroup];
        for (var g = 0; g < roster.RowGroupCount && places.Count < wanted.Count; g++)
        {
            using var group = roster.OpenRowGroup(g);
            await group.ReadAsync(RosterColumns.PersonKey, keys.AsMemory(), ct).ConfigureAwait(false);
            var hits = Enumerable.Range(0, group.Rows).Where(i => wanted.Contains(keys[i])).ToList();
            if (hits.Count == 0)
            {
                continue;
            }

            await group.ReadAsync(RosterColumns.SigunguCode, sigungu.AsMemory(), ct).ConfigureAwait(false);
            await group.ReadAsync(RosterColumns.EupmyeondongCode, eupmyeondong.AsMemory(), ct).ConfigureAwait(false);
            foreach (var i in hits)
            {
                places[keys[i]] = (sigungu[i].ToString(), eupmyeondong[i].ToString());
            }
        }

        return places;
    }
}
