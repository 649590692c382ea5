using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Discovery;
using BlindSpot.Dispatch.Identity;
using BlindSpot.Dispatch.Reports;

namespace BlindSpot.Dispatch.Register;

/// <summary>
/// Puts cases the municipality works without a worklist entry — carried over under continued management (지속관리) or made
/// from a report from the public (신고) — on the quarter's register of its own cases (<c>outcomes/&lt;Q&gt;/own-discoveries.csv</c>,
/// beside the own discoveries, <see cref="OwnDiscoveryRegister"/>), so the result an officer records for them passes the
/// importer's register check and becomes a label whose <c>selected_by</c> says how the person was chosen. Reads the
/// quarter's roster (is the person a resident of the case's 시군구 this quarter?) and identity vault (resident and
/// household numbers, which stay here; registered address and phone, which an officer needs to visit). Resident
/// numbers never leave this class.
/// </summary>
public static class MunicipalRegister
{
    /// <summary>selected_by of a case carried over from the quarter before under continued management.</summary>
    public const string Carried = "carried";

    /// <summary>selected_by of a case made from a report from the public (복지위기 알림).</summary>
    public const string Report = "report";

    /// <summary>
    /// Records <paramref name="cases"/> (a case id already on record is left as it is) and returns, by case id, the
    /// registered address and phone of each one recorded. A person not on the quarter's roster in the case's 시군구 (moved
    /// away, died) or not in the vault is neither recorded nor given contacts: an officer sees only their own 시군구's residents.
    /// One pass over the roster and one over the vault, whatever the number of cases.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, (string Address, string Phone)>> AddAsync(
        DataRoot root, Quarter quarter, IReadOnlyList<MunicipalCase> cases, Pseudonymizer pseudonymizer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        var contacts = new Dictionary<string, (string Address, string Phone)>(StringComparer.Ordinal);
        if (cases.Count == 0)
        {
            return contacts;
        }

        var places = await ReportMatcher.PlacesAsync(root, quarter, cases.Select(c => c.PersonKey).ToHashSet(), ct).ConfigureAwait(false);
        var residents = cases.Where(c => places.TryGetValue(c.PersonKey, out var place) && place.Sigungu == c.SigunguCode).ToList();
        var identities = IdentityVault.Read(root.IdentityVault(quarter), residents.Select(c => c.PersonKey).ToHashSet(), pseudonymizer);
        var rows = new List<(string, Core.Catalog.Variant, string, string, string, string)>();
        foreach (var c in residents)
        {
            if (identities.TryGetValue(c.PersonKey, out var id))
            {
                rows.Add((c.CaseId, c.Variant, id.ResidentNumber, id.HouseholdNumber, c.SigunguCode, c.SelectedBy));
                contacts[c.CaseId] = (id.Address, id.Phone);
            }
        }

        await OwnDiscoveryRegister.AppendAsync(root, quarter, rows, ct).ConfigureAwait(false);
        return contacts;
    }

    /// <summary>Whether <paramref name="caseId"/> is on the quarter's register of the municipality's own cases (own, carried, report).</summary>
    public static bool Holds(DataRoot root, Quarter quarter, string caseId)
    {
        ArgumentNullException.ThrowIfNull(root);
        return DispatchRegister.Read(root.OwnDiscoveries(quarter)).Exists(e => e.WorklistId == caseId);
    }
}
