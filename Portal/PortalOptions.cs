using BlindSpot.Portal.Security;

namespace BlindSpot.Portal;

/// <summary>
/// Settings of the portal. Mutable only until <see cref="Validate"/> is called at start-up (by
/// <see cref="PortalServiceCollectionExtensions.AddPortal"/>).
/// </summary>
public sealed class PortalOptions
{
    /// <summary>The data root the pipeline writes (worklists/, outcomes/, runs/). Required.</summary>
    public string DataRoot { get; set; } = "";

    /// <summary>The models folder (<c>&lt;variant&gt;/&lt;version&gt;/model-card.json</c>). Default null: <c>&lt;DataRoot&gt;/models</c>.</summary>
    public string? ModelsFolder { get; set; }

    /// <summary>
    /// PostgreSQL for accounts, the audit log and upload records (Npgsql connection string). Default null: the embedded
    /// files <c>&lt;DataRoot&gt;/portal/accounts.json</c>, <c>audit.jsonl</c> and <c>uploads/</c>.
    /// </summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>Schema of the portal's tables, created by versioned migrations. Default "portal"; lower-case letters, digits, underscore.</summary>
    public string PostgresSchema { get; set; } = "portal";

    /// <summary>
    /// Read worklists from Dispatch's PostgreSQL store (<c>blindspot dispatch --postgres</c>, schema
    /// <see cref="WorklistSchema"/>, same connection as <see cref="PostgresConnectionString"/>) instead of the files under
    /// <c>worklists/&lt;Q&gt;/</c>. Default false: the files, which every run-quarter writes.
    /// </summary>
    public bool WorklistsInPostgres { get; set; }

    /// <summary>Schema of Dispatch's worklist tables. Default "blindspot", Dispatch's default.</summary>
    public string WorklistSchema { get; set; } = "blindspot";

    /// <summary>Hangfire job storage in PostgreSQL for triggered runs. Default null: in-memory storage.</summary>
    public string? JobStorageConnectionString { get; set; }

    /// <summary>Schema of the Hangfire tables when <see cref="JobStorageConnectionString"/> is set. Default "hangfire", as <c>blindspot worker</c> uses.</summary>
    public string JobStorageSchema { get; set; } = "hangfire";

    /// <summary>
    /// Run triggered quarters in this process. Default true, which in-memory job storage needs (no other process can
    /// see its jobs); with PostgreSQL job storage, <c>blindspot worker</c> processes run them instead.
    /// </summary>
    public bool RunJobsInProcess { get; set; } = true;

    /// <summary>
    /// Create the documented sample accounts when the account store is empty. Default false; <c>blindspot serve</c>
    /// turns it on only with the published SAMPLE pseudonym key, i.e. on synthetic data.
    /// </summary>
    public bool SeedSampleAccounts { get; set; }

    /// <summary>
    /// Failed sign-ins in a row, from one client address, that lock that address out of the account. Default 5; 1–100.
    /// The lock binds the (account, address) pair, so a stranger who knows an officer's name locks only themselves out.
    /// </summary>
    public int LockoutFailures { get; set; } = 5;

    /// <summary>How long an (account, address) lock-out lasts; it then expires by itself. Default 15 min; 1 min–24 h.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in attempts one client address may make per <see cref="LoginWindow"/>. Default 10; 1–1000.</summary>
    public int LoginPermitsPerWindow { get; set; } = 10;

    /// <summary>
    /// Sign-in attempts on one account name, from all addresses together, per <see cref="LoginWindow"/>: caps guessing
    /// spread over many addresses. Default 20; 1–1000.
    /// </summary>
    public int LoginPermitsPerAccount { get; set; } = 20;

    /// <summary>The sign-in rate limit's fixed window. Default 1 min; 1 s–1 h.</summary>
    public TimeSpan LoginWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Largest outcome upload accepted. Default 10 MiB (a big city's filled-in worklist is well under 1 MiB); 1 KiB–100 MiB.</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Let the session and antiforgery cookies travel over plain HTTP. Default false: they are Secure and need HTTPS.
    /// <c>blindspot serve</c> turns it on only when every URL it listens on is loopback (127.0.0.1, ::1, localhost), where
    /// no network sees the traffic; anything else must be served over TLS.
    /// </summary>
    public bool AllowHttpOnLoopback { get; set; }

    /// <summary>How long a signed-in session lasts without activity. Default 30 min; 1 min–12 h.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long a session lasts after sign-in however active it is (the idle timeout slides, this does not). Default 8 h;
    /// 1 min–24 h, and at least <see cref="SessionIdleTimeout"/>.
    /// </summary>
    public TimeSpan SessionAbsoluteLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> headers are believed: IP addresses
    /// (<c>127.0.0.1</c>) or networks (<c>10.0.0.0/8</c>). Default empty: the headers are ignored and the client is the
    /// connection's peer. Behind the TLS proxy set its address, so officers are told apart by their own addresses and the
    /// cookies stay <c>Secure</c>.
    /// </summary>
    public IList<string> KnownProxies { get; init; } = [];

    /// <summary>
    /// Host names the portal answers to (<c>Host</c> header); others get 400. Default empty: any host (redirects are
    /// relative, so the Host header is never reflected). Entries as ASP.NET Core's host filtering takes them (<c>*.example.kr</c>).
    /// </summary>
    public IList<string> AllowedHosts { get; init; } = [];

    /// <summary>
    /// Where the data-protection keys (which sign and encrypt the session and antiforgery cookies) are kept, so several
    /// portal instances accept each other's cookies and a restart signs nobody out. Default null: the portal's PostgreSQL
    /// schema (table <c>data_protection_keys</c>) when <see cref="PostgresConnectionString"/> is set, else
    /// <c>&lt;DataRoot&gt;/portal/keys</c> (owner-only). A folder given here is used in either mode; share it between instances.
    /// </summary>
    public string? DataProtectionKeysFolder { get; set; }

    /// <summary>The models folder in effect: <see cref="ModelsFolder"/> or <c>&lt;DataRoot&gt;/models</c>.</summary>
    public string ResolvedModelsFolder => ModelsFolder ?? Path.Combine(DataRoot, "models");

    /// <summary>The portal's own embedded-mode folder: <c>&lt;DataRoot&gt;/portal</c>.</summary>
    public string PortalFolder => Path.Combine(DataRoot, "portal");

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting outside its range.</summary>
    public void Validate()
    {
        Check(!string.IsNullOrWhiteSpace(DataRoot), "DataRoot is required.");
        Check(PostgresSchema.Length is > 0 and <= 50 && PostgresSchema.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_') && !char.IsDigit(PostgresSchema[0]),
            $"PostgresSchema must be lower-case letters, digits and underscores; it is '{PostgresSchema}'.");
        Check(!WorklistsInPostgres || PostgresConnectionString is { Length: > 0 }, "WorklistsInPostgres needs PostgresConnectionString.");
        Check(LockoutFailures is >= 1 and <= 100, $"LockoutFailures must be 1–100; it is {LockoutFailures}.");
        Check(LockoutDuration >= TimeSpan.FromMinutes(1) && LockoutDuration <= TimeSpan.FromHours(24), $"LockoutDuration must be 1 min–24 h; it is {LockoutDuration}.");
        Check(LoginPermitsPerWindow is >= 1 and <= 1000, $"LoginPermitsPerWindow must be 1–1000; it is {LoginPermitsPerWindow}.");
        Check(LoginWindow >= TimeSpan.FromSeconds(1) && LoginWindow <= TimeSpan.FromHours(1), $"LoginWindow must be 1 s–1 h; it is {LoginWindow}.");
        Check(MaxUploadBytes is >= 1024 and <= 100 * 1024 * 1024, $"MaxUploadBytes must be 1 KiB–100 MiB; it is {MaxUploadBytes}.");
        Check(LoginPermitsPerAccount is >= 1 and <= 1000, $"LoginPermitsPerAccount must be 1–1000; it is {LoginPermitsPerAccount}.");
        Check(SessionIdleTimeout >= TimeSpan.FromMinutes(1) && SessionIdleTimeout <= TimeSpan.FromHours(12), $"SessionIdleTimeout must be 1 min–12 h; it is {SessionIdleTimeout}.");
        Check(SessionAbsoluteLifetime >= SessionIdleTimeout && SessionAbsoluteLifetime <= TimeSpan.FromHours(24),
            $"SessionAbsoluteLifetime must be from SessionIdleTimeout ({SessionIdleTimeout}) to 24 h; it is {SessionAbsoluteLifetime}.");
        foreach (var proxy in KnownProxies)
        {
            Check(ProxyAddresses.TryParse(proxy, out _), $"KnownProxies: '{proxy}' is neither an IP address nor a network such as 10.0.0.0/8.");
        }

        Check(AllowedHosts.All(h => !string.IsNullOrWhiteSpace(h) && !h.Contains('/', StringComparison.Ordinal)), $"AllowedHosts must be host names; it is '{string.Join(";", AllowedHosts)}'.");
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"Invalid portal options: {message}");
        }
    }
}
