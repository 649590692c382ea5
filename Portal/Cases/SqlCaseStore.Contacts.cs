namespace BlindSpot.Portal.Cases;

/// <summary>Contacts of cases without a worklist row (<c>case_contacts</c>, migration <c>009_case_contacts.sql</c>).</summary>
public abstract partial class SqlCaseStore
{
    public async Task<bool> SetContactsAsync(string caseId, string address, string phone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(phone);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = Command(connection, null, $"""
            INSERT INTO {Table("case_contacts")} (case_id, address, phone)
            SELECT case_id, @address, @phone FROM {Table("cases")} WHERE case_id = @id
            ON CONFLICT (case_id) DO UPDATE SET address = excluded.address, phone = excluded.phone
            """);
        Add(command, "id", caseId);
        Add(command, "address", address);
        Add(command, "phone", phone);
        return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
    }

    public async Task<(string Address, string Phone)?> ContactsAsync(string caseId, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = Command(connection, null, $"SELECT address, phone FROM {Table("case_contacts")} WHERE case_id = @id");
        Add(command, "id", caseId);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? (reader.GetString(0), reader.GetString(1)) : null;
    }
}
