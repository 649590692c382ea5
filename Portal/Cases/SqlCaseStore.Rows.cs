using System.Data;
using System.Data.Common;

namespace BlindSpot.Portal.Cases;

/// <summary>Commands, parameters and rows: the plumbing both dialects share.</summary>
public abstract partial class SqlCaseStore
{
    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static void AddIf(DbCommand command, string name, string value)
    {
        if (value.Length > 0)
        {
            Add(command, name, value);
        }
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        if (value is null or string)
        {
            parameter.DbType = DbType.String;
        }

        command.Parameters.Add(parameter);
    }

    private static void Set(DbCommand insert, CaseRecord c)
    {
        insert.Parameters.Clear();
        Add(insert, "id", c.CaseId);
        Add(insert, "quarter", c.Quarter);
        Add(insert, "sigungu", c.SigunguCode);
        Add(insert, "emd", c.EupmyeondongCode);
        Add(insert, "origin", c.Origin);
        var person = insert.CreateParameter();
        person.ParameterName = "person";
        person.DbType = DbType.Int64;
        person.Value = c.PersonKey is { } key ? key : DBNull.Value;
        insert.Parameters.Add(person);
        Add(insert, "variant", c.VariantName);
        Add(insert, "band", c.RiskBand);
        Add(insert, "rank", c.SigunguRank);
        Add(insert, "name", c.Name);
        Add(insert, "due", c.Due);
        Add(insert, "status", c.Status);
        Add(insert, "continued", c.ContinuedCare);
        Add(insert, "reasons", string.Join('\n', c.Reasons));
        Add(insert, "members", string.Join('\n', c.Members));
        Add(insert, "previous", string.Join(',', c.PreviousQuarters));
    }

    private static async Task<List<CaseRecord>> ReadCasesAsync(DbCommand command, CancellationToken ct)
    {
        var cases = new List<CaseRecord>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        static string[] Split(string text, char by) => text.Length == 0 ? [] : text.Split(by);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            cases.Add(new CaseRecord
            {
                CaseId = reader.GetString(0),
                Quarter = reader.GetString(1),
                SigunguCode = reader.GetString(2),
                EupmyeondongCode = reader.IsDBNull(3) ? null : reader.GetString(3),
                Origin = reader.GetString(4),
                PersonKey = reader.IsDBNull(5) ? null : reader.GetInt64(5),
                VariantName = reader.GetString(6),
                RiskBand = reader.GetString(7),
                SigunguRank = reader.GetInt32(8),
                Name = reader.GetString(9),
                Due = reader.GetFieldValue<DateOnly>(10),
                Status = reader.GetString(11),
                ContinuedCare = reader.GetBoolean(12),
                Reasons = Split(reader.GetString(13), '\n'),
                Members = Split(reader.GetString(14), '\n'),
                PreviousQuarters = Split(reader.GetString(15), ','),
            });
        }

        return cases;
    }
}
