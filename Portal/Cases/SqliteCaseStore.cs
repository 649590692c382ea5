using System.Data.Common;
using BlindSpot.Core.Files;
using Microsoft.Data.Sqlite;

namespace BlindSpot.Portal.Cases;

/// <summary>
/// Cases in one SQLite file (<c>&lt;data&gt;/portal/cases.db</c>, owner-only): the quick start's store, no server needed.
/// The same tables and indexes as PostgreSQL's <c>004_cases.sql</c>, <c>007_own_discovery.sql</c>, <c>008_reports.sql</c> and <c>009_case_contacts.sql</c>, created on first use; write-ahead logging so pages
/// read while an officer writes.
/// </summary>
public sealed class SqliteCaseStore : SqlCaseStore
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS cases (
            case_id TEXT PRIMARY KEY, quarter TEXT NOT NULL, sigungu_code TEXT NOT NULL, eupmyeondong_code TEXT NULL,
            origin TEXT NOT NULL, person_key INTEGER NULL, variant TEXT NOT NULL, risk_band TEXT NOT NULL,
            sigungu_rank INTEGER NOT NULL, name TEXT NOT NULL, due TEXT NOT NULL, status TEXT NOT NULL,
            continued INTEGER NOT NULL DEFAULT 0, reasons TEXT NOT NULL, members TEXT NOT NULL, previous TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS cases_list ON cases (quarter, sigungu_code, due, case_id);
        CREATE INDEX IF NOT EXISTS cases_eupmyeondong ON cases (quarter, eupmyeondong_code, due, case_id);
        CREATE INDEX IF NOT EXISTS cases_person ON cases (person_key) WHERE person_key IS NOT NULL;
        CREATE UNIQUE INDEX IF NOT EXISTS cases_own_person ON cases (quarter, person_key) WHERE origin = 'own';
        CREATE TABLE IF NOT EXISTS case_events (
            case_id TEXT NOT NULL REFERENCES cases (case_id), seq INTEGER NOT NULL, at TEXT NOT NULL, user_name TEXT NOT NULL,
            kind TEXT NOT NULL, status TEXT NOT NULL, channel TEXT NOT NULL, note TEXT NOT NULL, eupmyeondong_code TEXT NULL,
            PRIMARY KEY (case_id, seq));
        CREATE TABLE IF NOT EXISTS report_intakes (
            intake_id TEXT PRIMARY KEY, at TEXT NOT NULL, user_name TEXT NOT NULL, channel TEXT NOT NULL, file_name TEXT NOT NULL,
            quarter TEXT NOT NULL, read INTEGER NOT NULL, matched INTEGER NOT NULL, unmatched INTEGER NOT NULL, rejected INTEGER NOT NULL,
            rejections TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS report_intakes_latest ON report_intakes (at DESC);
        CREATE TABLE IF NOT EXISTS reports (
            report_id INTEGER PRIMARY KEY AUTOINCREMENT, intake_id TEXT NOT NULL REFERENCES report_intakes (intake_id), line INTEGER NOT NULL,
            quarter TEXT NOT NULL, reporter_kind TEXT NOT NULL, reported_on TEXT NOT NULL, observed TEXT NOT NULL, name TEXT NOT NULL,
            address TEXT NOT NULL, match TEXT NOT NULL, sigungu_code TEXT NULL, eupmyeondong_code TEXT NULL,
            case_id TEXT NULL REFERENCES cases (case_id));
        CREATE INDEX IF NOT EXISTS reports_by_match ON reports (quarter, match, report_id);
        CREATE INDEX IF NOT EXISTS reports_by_case ON reports (case_id) WHERE case_id IS NOT NULL;
        CREATE TABLE IF NOT EXISTS api_keys (
            name TEXT PRIMARY KEY, key_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, created_by TEXT NOT NULL, revoked_at TEXT NULL);
        CREATE TABLE IF NOT EXISTS case_contacts (
            case_id TEXT PRIMARY KEY REFERENCES cases (case_id), address TEXT NOT NULL, phone TEXT NOT NULL);
        """;

    private readonly string connectionString;
    private readonly SemaphoreSlim gate = new(1, 1);
    private bool created;

    /// <param name="path">The database file; its folder is created when missing.</param>
    public SqliteCaseStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30 }.ToString();
    }

    public string Path { get; }

    protected override string Like => "LIKE";

    protected override string CodePointOrder => "";

    protected override string Table(string name) => name;

    protected override async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (!created && System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) is { } folder && !Directory.Exists(folder))
        {
            PrivateFiles.CreateFolder(folder);
        }

        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        if (!created)
        {
            await CreateAsync(connection, ct).ConfigureAwait(false);
        }

        return connection;
    }

    private async Task CreateAsync(SqliteConnection connection, CancellationToken ct)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (created)
            {
                return;
            }

            await using var command = connection.CreateCommand();
            command.CommandText = Schema;
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            // Names, reasons and notes of people at risk: the file and its WAL companions are the owner's only.
            foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" }.Where(File.Exists))
            {
                PrivateFiles.Restrict(file);
            }

            created = true;
        }
        finally
        {
            gate.Release();
        }
    }
}
