using System.Data;
using System.Data.Common;
using System.Text;

namespace BlindSpot.Portal.Cases;

/// <summary>
/// The case store in SQL that PostgreSQL and SQLite both speak (named parameters, <c>ON CONFLICT DO NOTHING</c>,
/// <c>LIMIT/OFFSET</c>): one implementation, so the two stores cannot drift; the subclasses give the connection, the
/// table names and the few words that differ. Writes of one case run in one transaction that first touches the case
/// row, so two officers changing one case are serialised and the timeline numbers never collide.
/// </summary>
public abstract partial class SqlCaseStore : ICaseStore
{
    private const string Columns = "case_id, quarter, sigungu_code, eupmyeondong_code, origin, person_key, variant, risk_band, sigungu_rank, name, due, status, continued, reasons, members, previous";
    private const string EventColumns = "case_id, seq, at, user_name, kind, status, channel, note, eupmyeondong_code";
    private static readonly string OpenStatuses = "'" + string.Join("','", CaseStatus.Assigned, CaseStatus.Contacted, CaseStatus.Counselling) + "'";

    /// <summary>An open connection, the schema in place.</summary>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>The qualified name of a table (<c>cases</c>, <c>case_events</c>).</summary>
    protected abstract string Table(string name);

    /// <summary>The case-insensitive LIKE of the dialect (ASCII letters of worklist ids; Hangul has no case).</summary>
    protected abstract string Like { get; }

    /// <summary>A collation giving code-point order, so both stores sort names and ids alike.</summary>
    protected abstract string CodePointOrder { get; }

    public async Task<int> AddAsync(IReadOnlyList<CaseRecord> cases, string userName, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cases);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using var insert = Command(connection, transaction, $"INSERT INTO {Table("cases")} ({Columns}) VALUES (@id, @quarter, @sigungu, @emd, @origin, @person, @variant, @band, @rank, @name, @due, @status, @continued, @reasons, @members, @previous) ON CONFLICT (case_id) DO NOTHING");
        await using var created = Command(connection, transaction, $"INSERT INTO {Table("case_events")} ({EventColumns}) VALUES (@id, 1, @at, @user, '{CaseEvent.Created}', @status, '', '', @emd)");
        var added = 0;
        foreach (var c in cases)
        {
            ct.ThrowIfCancellationRequested();
            Set(insert, c);
            if (await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 0)
            {
                continue;
            }

            added++;
            created.Parameters.Clear();
            Add(created, "id", c.CaseId);
            Add(created, "at", at.ToUniversalTime());
            Add(created, "user", userName);
            Add(created, "status", c.Status);
            Add(created, "emd", c.EupmyeondongCode);
            await created.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return added;
    }

    public async Task<int> CountAsync(string quarter, string sigungu, string origin, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = Command(connection, null, $"SELECT COUNT(*) FROM {Table("cases")} WHERE quarter = @quarter AND sigungu_code = @sigungu AND origin = @origin");
        Add(command, "quarter", quarter);
        Add(command, "sigungu", sigungu);
        Add(command, "origin", origin);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<CaseRecord?> FindAsync(string caseId, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = Command(connection, null, $"SELECT {Columns} FROM {Table("cases")} WHERE case_id = @id");
        Add(command, "id", caseId);
        return (await ReadCasesAsync(command, ct).ConfigureAwait(false)).FirstOrDefault();
    }

    public async Task<CaseListPage> ListAsync(CaseQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        var scope = new StringBuilder("quarter = @quarter AND sigungu_code = @sigungu");
        if (query.Eupmyeondong == "-")
        {
            scope.Append(" AND eupmyeondong_code IS NULL");
        }
        else if (query.Eupmyeondong.Length > 0)
        {
            scope.Append(" AND eupmyeondong_code = @emd");
        }

        var filter = Filters(query);
        await using var counts = Command(connection, null, $"SELECT status, COUNT(*) FROM {Table("cases")} WHERE {scope} GROUP BY status");
        Scope(counts, query);
        var byStatus = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var reader = await counts.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                byStatus[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        await using var count = Command(connection, null, $"SELECT COUNT(*) FROM {Table("cases")} WHERE {scope}{filter}");
        Scope(count, query);
        FilterParameters(count, query);
        var matching = Convert.ToInt32(await count.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        var pages = Math.Max(1, (matching + CaseQuery.PageSize - 1) / CaseQuery.PageSize);
        var page = Math.Clamp(query.Page, 1, pages);
        await using var rows = Command(connection, null, $"SELECT {Columns} FROM {Table("cases")} WHERE {scope}{filter} ORDER BY {Order(query)} LIMIT {CaseQuery.PageSize} OFFSET {(page - 1) * CaseQuery.PageSize}");
        Scope(rows, query);
        FilterParameters(rows, query);
        return new CaseListPage(matching, byStatus.Values.Sum(), page, pages, await ReadCasesAsync(rows, ct).ConfigureAwait(false), byStatus);
    }

    public async Task<IReadOnlyList<string>> QuartersAsync(string sigungu, string? eupmyeondong, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = Command(connection, null, $"SELECT DISTINCT quarter FROM {Table("cases")} WHERE sigungu_code = @sigungu{(eupmyeondong is null ? "" : " AND eupmyeondong_code = @emd")} ORDER BY quarter DESC");
        Add(command, "sigungu", sigungu);
        if (eupmyeondong is not null)
        {
            Add(command, "emd", eupmyeondong);
        }

        var quarters = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            quarters.Add(reader.GetString(0));
        }

        return quarters;
    }

    public async Task<IReadOnlyList<CaseEvent>> HistoryAsync(string caseId, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = Command(connection, null, $"SELECT {EventColumns} FROM {Table("case_events")} WHERE case_id = @id ORDER BY seq");
        Add(command, "id", caseId);
        var events = new List<CaseEvent>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            events.Add(new CaseEvent(reader.GetString(0), reader.GetInt32(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return events;
    }

    public async Task<IReadOnlyList<CaseRecord>> OfPersonAsync(long personKey, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = Command(connection, null, $"SELECT {Columns} FROM {Table("cases")} WHERE person_key = @person ORDER BY quarter DESC, case_id{CodePointOrder}");
        Add(command, "person", personKey);
        return await ReadCasesAsync(command, ct).ConfigureAwait(false);
    }

    public Task<bool> AssignAsync(string caseId, string? eupmyeondong, string userName, DateTimeOffset at, CancellationToken ct) =>
        ChangeAsync(caseId, "eupmyeondong_code = @emd", null, c => Add(c, "emd", eupmyeondong),
            (CaseEvent.Assignment, null, "", "", eupmyeondong), userName, at, ct);

    public Task<bool> ChangeStatusAsync(string caseId, string from, string to, string channel, string note, string userName, DateTimeOffset at, CancellationToken ct)
    {
        if (!CaseStatus.IsKnown(to))
        {
            throw new ArgumentException($"'{to}' is not a case status ({string.Join(", ", CaseStatus.All)}).", nameof(to));
        }

        var text = note.Length > CaseEvent.MaxNoteLength ? note[..CaseEvent.MaxNoteLength] : note;
        return ChangeAsync(caseId, "status = @to", from, c => Add(c, "to", to),
            (from == to ? CaseEvent.NoteOnly : CaseEvent.StatusChange, to, channel, text, null), userName, at, ct);
    }

    public Task<bool> SetContinuedCareAsync(string caseId, bool continued, string userName, DateTimeOffset at, CancellationToken ct) =>
        ChangeAsync(caseId, "continued = @continued", null, c => Add(c, "continued", continued),
            (CaseEvent.Continued, null, "", continued ? "지속관리 지정" : "지속관리 해제", null), userName, at, ct);

    public Task<bool> AttachReportAsync(string caseId, string note, string userName, DateTimeOffset at, CancellationToken ct) =>
        ChangeAsync(caseId, "status = status", null, _ => { },
            (CaseEvent.Report, null, "", note.Length > CaseEvent.MaxNoteLength ? note[..CaseEvent.MaxNoteLength] : note, null), userName, at, ct);

    /// <summary>Updates the case row (the lock), then appends the event with the next number; all or nothing.</summary>
    private async Task<bool> ChangeAsync(
        string caseId, string set, string? whenStatus, Action<DbCommand> parameters,
        (string Kind, string? Status, string Channel, string Note, string? Emd) change, string userName, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using var update = Command(connection, transaction, $"UPDATE {Table("cases")} SET {set} WHERE case_id = @id{(whenStatus is null ? "" : " AND status = @from")}");
        Add(update, "id", caseId);
        parameters(update);
        if (whenStatus is not null)
        {
            Add(update, "from", whenStatus);
        }

        if (await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 0)
        {
            return false;
        }

        await using var append = Command(connection, transaction, $"""
            INSERT INTO {Table("case_events")} ({EventColumns})
            SELECT @id, COALESCE(MAX(seq), 0) + 1, @at, @user, @kind, (SELECT status FROM {Table("cases")} WHERE case_id = @id), @channel, @note,
                   (SELECT eupmyeondong_code FROM {Table("cases")} WHERE case_id = @id)
            FROM {Table("case_events")} WHERE case_id = @id
            """);
        Add(append, "id", caseId);
        Add(append, "at", at.ToUniversalTime());
        Add(append, "user", userName);
        Add(append, "kind", change.Kind);
        Add(append, "channel", change.Channel);
        Add(append, "note", change.Note);
        await append.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return true;
    }
}
