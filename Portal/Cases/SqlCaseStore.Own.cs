using System.Globalization;

namespace BlindSpot.Portal.Cases;

/// <summary>Own-discovery cases: numbered in the store, one per person and quarter.</summary>
public abstract partial class SqlCaseStore
{
    // Two officers adding at once may take the same next number; the loser tries the following one.
    private const int OwnAttempts = 8;

    public async Task<CaseRecord?> AddOwnAsync(CaseRecord draft, string reason, string userName, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (draft.PersonKey is null)
        {
            throw new ArgumentException("An own-discovery case needs the person's key.", nameof(draft));
        }

        for (var attempt = 0; attempt < OwnAttempts; attempt++)
        {
            await using var connection = await OpenAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using var already = Command(connection, transaction, $"SELECT COUNT(*) FROM {Table("cases")} WHERE quarter = @quarter AND person_key = @person");
            Add(already, "quarter", draft.Quarter);
            Add(already, "person", draft.PersonKey.Value);
            if (Convert.ToInt64(await already.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0)
            {
                return null;
            }

            await using var count = Command(connection, transaction, $"SELECT COUNT(*) FROM {Table("cases")} WHERE quarter = @quarter AND sigungu_code = @sigungu AND origin = '{CaseOrigin.OwnDiscovery}'");
            Add(count, "quarter", draft.Quarter);
            Add(count, "sigungu", draft.SigunguCode);
            var next = Convert.ToInt64(await count.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture) + 1 + attempt;
            var c = draft with
            {
                CaseId = string.Create(CultureInfo.InvariantCulture, $"{draft.Quarter}-{draft.SigunguCode}-{CaseIds.Own}-{next:D6}"),
                Origin = CaseOrigin.OwnDiscovery,
                Status = CaseStatus.Assigned,
            };
            // No conflict target: a taken id and a person already added (cases_own_person) both insert nothing.
            await using var insert = Command(connection, transaction, $"INSERT INTO {Table("cases")} ({Columns}) VALUES (@id, @quarter, @sigungu, @emd, @origin, @person, @variant, @band, @rank, @name, @due, @status, @continued, @reasons, @members, @previous) ON CONFLICT DO NOTHING");
            Set(insert, c);
            if (await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 0)
            {
                await transaction.RollbackAsync(ct).ConfigureAwait(false);
                continue;
            }

            await using var created = Command(connection, transaction, $"INSERT INTO {Table("case_events")} ({EventColumns}) VALUES (@id, 1, @at, @user, '{CaseEvent.Created}', @status, '', @note, @emd)");
            Add(created, "id", c.CaseId);
            Add(created, "at", at.ToUniversalTime());
            Add(created, "user", userName);
            Add(created, "status", c.Status);
            Add(created, "note", reason.Length > CaseEvent.MaxNoteLength ? reason[..CaseEvent.MaxNoteLength] : reason);
            Add(created, "emd", c.EupmyeondongCode);
            await created.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return c;
        }

        throw new InvalidOperationException($"Could not number an own-discovery case of {draft.SigunguCode} in {draft.Quarter} after {OwnAttempts} attempts; try again.");
    }
}
