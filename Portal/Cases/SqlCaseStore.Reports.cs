using System.Data.Common;
using System.Globalization;
using BlindSpot.Dispatch.Reports;
using BlindSpot.Portal.Reports;

namespace BlindSpot.Portal.Cases;

/// <summary>Reports, their intakes and the API keys that admit them: tables of the same database as the cases, in the same SQL for both dialects.</summary>
public abstract partial class SqlCaseStore : IReportStore, IApiKeyStore
{
    private const string ReportColumns = "report_id, intake_id, line, quarter, reporter_kind, reported_on, observed, name, address, match, sigungu_code, eupmyeondong_code, case_id";
    private const string IntakeColumns = "intake_id, at, user_name, channel, file_name, quarter, matched, unmatched, rejections";

    public async Task StartIntakeAsync(ReportIntakeRecord intake, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(intake);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var insert = Command(connection, null, $"INSERT INTO {Table("report_intakes")} (intake_id, at, user_name, channel, file_name, quarter, read, matched, unmatched, rejected, rejections) VALUES (@id, @at, @user, @channel, @file, @quarter, 0, 0, 0, 0, '')");
        Add(insert, "id", intake.IntakeId);
        Add(insert, "at", intake.At.ToUniversalTime());
        Add(insert, "user", intake.UserName);
        Add(insert, "channel", intake.Channel);
        Add(insert, "file", intake.FileName);
        Add(insert, "quarter", intake.Quarter);
        await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async Task FinishIntakeAsync(ReportIntakeRecord intake, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(intake);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var update = Command(connection, null, $"UPDATE {Table("report_intakes")} SET read = @read, matched = @matched, unmatched = @unmatched, rejected = @rejected, rejections = @rejections WHERE intake_id = @id");
        Add(update, "id", intake.IntakeId);
        Add(update, "read", intake.Read);
        Add(update, "matched", intake.Matched);
        Add(update, "unmatched", intake.Unmatched);
        Add(update, "rejected", intake.Rejected);
        // One refused row a line: line, field, rule (the rule never holds the row's text).
        Add(update, "rejections", string.Join('\n', intake.Rejections.Select(r => Invariant($"{r.Line}\t{r.Field}\t{r.Message.Replace('\n', ' ').Replace('\t', ' ')}"))));
        await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async Task<long> AddReportAsync(StoredReport report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var insert = Command(connection, null, $"""
            INSERT INTO {Table("reports")} (intake_id, line, quarter, reporter_kind, reported_on, observed, name, address, match, sigungu_code, eupmyeondong_code, case_id)
            VALUES (@intake, @line, @quarter, @kind, @on, @observed, @name, @address, @match, @sigungu, @emd, @case) RETURNING report_id
            """);
        Add(insert, "intake", report.IntakeId);
        Add(insert, "line", report.Line);
        Add(insert, "quarter", report.Quarter);
        Add(insert, "kind", report.ReporterKind);
        Add(insert, "on", report.ReportedOn);
        Add(insert, "observed", report.Observed);
        Add(insert, "name", report.Name);
        Add(insert, "address", report.Address);
        Add(insert, "match", report.Match);
        Add(insert, "sigungu", report.SigunguCode);
        Add(insert, "emd", report.EupmyeondongCode);
        Add(insert, "case", report.CaseId);
        return Convert.ToInt64(await insert.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public async Task SetReportCaseAsync(long reportId, string caseId, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var update = Command(connection, null, $"UPDATE {Table("reports")} SET case_id = @case WHERE report_id = @id");
        Add(update, "case", caseId);
        Add(update, "id", reportId);
        await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredReport>> ListReportsAsync(string? quarter, bool unmatchedOnly, int limit, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        var where = string.Join(" AND ", new[] { quarter is null ? null : "quarter = @quarter", unmatchedOnly ? "match <> 'matched'" : null }.Where(w => w is not null));
        await using var select = Command(connection, null, Invariant($"SELECT {ReportColumns} FROM {Table("reports")}{(where.Length > 0 ? " WHERE " + where : "")} ORDER BY report_id DESC LIMIT {Math.Clamp(limit, 1, 10_000)}"));
        if (quarter is not null)
        {
            Add(select, "quarter", quarter);
        }

        return await ReadReportsAsync(select, ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredReport>> ReportsOfCaseAsync(string caseId, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var select = Command(connection, null, $"SELECT {ReportColumns} FROM {Table("reports")} WHERE case_id = @case ORDER BY report_id");
        Add(select, "case", caseId);
        return await ReadReportsAsync(select, ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReportIntakeRecord>> IntakesAsync(int limit, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var select = Command(connection, null, Invariant($"SELECT {IntakeColumns} FROM {Table("report_intakes")} ORDER BY at DESC, intake_id DESC LIMIT {Math.Clamp(limit, 1, 1_000)}"));
        var intakes = new List<ReportIntakeRecord>();
        await using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var file = reader.GetString(4);
            intakes.Add(new ReportIntakeRecord
            {
                IntakeId = reader.GetString(0), At = reader.GetFieldValue<DateTimeOffset>(1), UserName = reader.GetString(2), Channel = reader.GetString(3),
                FileName = file, Quarter = reader.GetString(5), Matched = reader.GetInt32(6), Unmatched = reader.GetInt32(7),
                Rejections = [.. reader.GetString(8).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t', 3))
                    .Select(p => new ReportRejection(file, long.Parse(p[0], CultureInfo.InvariantCulture), p[1], p[2]))],
            });
        }

        return intakes;
    }

    public async Task<bool> AddApiKeyAsync(string name, string keyHash, string createdBy, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var insert = Command(connection, null, $"INSERT INTO {Table("api_keys")} (name, key_hash, created_at, created_by) VALUES (@name, @hash, @at, @by) ON CONFLICT DO NOTHING");
        Add(insert, "name", name);
        Add(insert, "hash", keyHash);
        Add(insert, "at", at.ToUniversalTime());
        Add(insert, "by", createdBy);
        return await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
    }

    public async Task<ApiKey?> FindApiKeyAsync(string keyHash, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var select = Command(connection, null, $"SELECT name, created_at, created_by, revoked_at FROM {Table("api_keys")} WHERE key_hash = @hash");
        Add(select, "hash", keyHash);
        return (await ReadKeysAsync(select, ct).ConfigureAwait(false)).FirstOrDefault();
    }

    public async Task<bool> RevokeApiKeyAsync(string name, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var update = Command(connection, null, $"UPDATE {Table("api_keys")} SET revoked_at = @at WHERE name = @name AND revoked_at IS NULL");
        Add(update, "name", name);
        Add(update, "at", at.ToUniversalTime());
        return await update.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var select = Command(connection, null, $"SELECT name, created_at, created_by, revoked_at FROM {Table("api_keys")} ORDER BY name{CodePointOrder}");
        return await ReadKeysAsync(select, ct).ConfigureAwait(false);
    }

    private static async Task<List<ApiKey>> ReadKeysAsync(DbCommand select, CancellationToken ct)
    {
        var keys = new List<ApiKey>();
        await using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            keys.Add(new ApiKey(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return keys;
    }

    private static async Task<List<StoredReport>> ReadReportsAsync(DbCommand select, CancellationToken ct)
    {
        var reports = new List<StoredReport>();
        await using var reader = await select.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            reports.Add(new StoredReport
            {
                ReportId = reader.GetInt64(0), IntakeId = reader.GetString(1), Line = reader.GetInt64(2), Quarter = reader.GetString(3),
                ReporterKind = reader.GetString(4), ReportedOn = reader.GetFieldValue<DateOnly>(5), Observed = reader.GetString(6),
                Name = reader.GetString(7), Address = reader.GetString(8), Match = reader.GetString(9),
                SigunguCode = reader.IsDBNull(10) ? null : reader.GetString(10), EupmyeondongCode = reader.IsDBNull(11) ? null : reader.GetString(11),
                CaseId = reader.IsDBNull(12) ? null : reader.GetString(12),
            });
        }

        return reports;
    }
}
