using System.Data.Common;
using BlindSpot.Portal.Storage;

namespace BlindSpot.Portal.Cases;

/// <summary>Cases in the portal's PostgreSQL schema (<c>cases</c>, <c>case_events</c>; migration <c>004_cases.sql</c>).</summary>
public sealed class PostgresCaseStore(PortalDatabase database) : SqlCaseStore
{
    protected override string Like => "ILIKE";

    protected override string CodePointOrder => " COLLATE \"C\"";

    protected override async Task<DbConnection> OpenAsync(CancellationToken ct) => await database.OpenConnectionAsync(ct).ConfigureAwait(false);

    protected override string Table(string name) => $"{database.Schema}.{name}";
}
