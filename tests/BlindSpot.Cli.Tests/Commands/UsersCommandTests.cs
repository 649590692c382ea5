using System.Text.Json;
using BlindSpot.Testing;

namespace BlindSpot.Cli.Tests.Commands;

/// <summary><c>blindspot users add|disable|reset</c> on the embedded accounts file and on PostgreSQL; <c>serve</c>'s refusal of plain HTTP beyond loopback.</summary>
[NonParallelizable]
public sealed class UsersCommandTests
{
    private string data = null!;

    [SetUp]
    public void CreateDataRoot() => data = Directory.CreateTempSubdirectory("blindspot-users-").FullName;

    [TearDown]
    public void DeleteDataRoot()
    {
        Console.SetIn(new StreamReader(Stream.Null));
        Directory.Delete(data, recursive: true);
    }

    [Test]
    public async Task Add_Officer_StoresAHashNeverThePassword()
    {
        var run = await WithInput("a-long-enough-password\n", "users", "add", "kim.officer", "--role", "officer", "--sigungu", "11110", "--data", data);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var text = await File.ReadAllTextAsync(Path.Combine(data, "portal", "accounts.json"));
        Assert.That(text, Does.Not.Contain("a-long-enough-password"));
        using var json = JsonDocument.Parse(text);
        var account = json.RootElement[0];
        Assert.That(account.GetProperty("userName").GetString(), Is.EqualTo("kim.officer"));
        Assert.That(account.GetProperty("sigunguCode").GetString(), Is.EqualTo("11110"));
        Assert.That(account.GetProperty("passwordHash").GetString(), Does.StartWith("AQAAAA"), "PasswordHasher V3 (PBKDF2)");
    }

    [TestCase("officer", null, "a-long-enough-password", "exactly one 시군구", TestName = "Add_OfficerWithoutSigungu_Fails")]
    [TestCase("analyst", "11110", "a-long-enough-password", "exactly one 시군구", TestName = "Add_AnalystWithSigungu_Fails")]
    [TestCase("officer", "99999", "a-long-enough-password", "not a 시군구 code", TestName = "Add_UnknownSigungu_Fails")]
    [TestCase("eupmyeondong", "11110999", "a-long-enough-password", "not a 읍면동 code", TestName = "Add_EupmyeondongOfficerWithAnUnknownCode_Fails")]
    [TestCase("root", null, "a-long-enough-password", "not a role", TestName = "Add_UnknownRole_Fails")]
    [TestCase("analyst", null, "short", "at least 12 characters", TestName = "Add_ShortPassword_Fails")]
    public async Task Add_BreakingARule_ExitsTwoSayingWhich(string role, string? sigungu, string password, string message)
    {
        string[] args = ["users", "add", "someone", "--role", role, "--data", data, .. sigungu is null ? Array.Empty<string>() : ["--sigungu", sigungu]];

        var run = await WithInput(password + "\n", args);

        // What the user gave breaks a rule: a bad argument, exit 2 (issue 15; it used to exit 1).
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith("error: ").And.Contain(message));
        Assert.That(File.Exists(Path.Combine(data, "portal", "accounts.json")), Is.False);
    }

    [Test]
    [Category("Integration")]
    public async Task AddDisableReset_InPostgres_ChangeTheStoredAccount()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        string[] where = ["--postgres", database.ConnectionString, "--portal-schema", database.Schema];

        var added = await WithInput("first-password-123\n", ["users", "add", "lee.analyst", "--role", "analyst", .. where]);
        var disabled = await WithInput("", ["users", "disable", "lee.analyst", .. where]);
        var afterDisable = await database.ScalarAsync($"SELECT count(*) FROM {database.Schema}.accounts WHERE user_name = 'lee.analyst' AND disabled");
        var hashBefore = await database.ScalarAsync($"SELECT hashtext(password_hash) FROM {database.Schema}.accounts WHERE user_name = 'lee.analyst'");
        var stampBefore = await database.ScalarAsync($"SELECT hashtext(security_stamp) FROM {database.Schema}.accounts WHERE user_name = 'lee.analyst'");
        var reset = await WithInput("second-password-456\n", ["users", "reset", "lee.analyst", .. where]);

        Assert.That((added.ExitCode, disabled.ExitCode, reset.ExitCode), Is.EqualTo((0, 0, 0)), added.Error + disabled.Error + reset.Error);
        Assert.That(afterDisable, Is.EqualTo(1));
        Assert.That(await database.ScalarAsync($"SELECT count(*) FROM {database.Schema}.accounts WHERE user_name = 'lee.analyst' AND NOT disabled"), Is.EqualTo(1));
        Assert.That(await database.ScalarAsync($"SELECT hashtext(security_stamp) FROM {database.Schema}.accounts WHERE user_name = 'lee.analyst'"), Is.Not.EqualTo(stampBefore), "a reset ends the sessions opened with the old password");
        Assert.That(await database.ScalarAsync($"SELECT hashtext(password_hash) FROM {database.Schema}.accounts WHERE user_name = 'lee.analyst'"), Is.Not.EqualTo(hashBefore));
    }

    [Test]
    public async Task Reset_UnknownAccount_ExitsOneNamingIt()
    {
        var run = await WithInput("some-new-password\n", "users", "reset", "ghost", "--data", data);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("No account named 'ghost'"));
    }

    [TestCase("http://0.0.0.0:5080")]
    [TestCase("http://127.0.0.1:5080;http://10.1.2.3:5080")]
    public async Task Serve_PlainHttpBeyondLoopback_IsRefusedBeforeListening(string urls)
    {
        var run = await CliRun.Of("serve", "--urls", urls, "--data", data);

        // A bad argument, exit 2 (issue 15; it used to exit 1).
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("plain HTTP beyond loopback"));
    }

    [Test]
    public async Task Serve_KnownProxyThatIsNoAddress_IsRefusedBeforeListening()
    {
        var run = await CliRun.Of("serve", "--urls", "http://127.0.0.1:0", "--data", data, "--known-proxies", "127.0.0.1,proxy.example");

        Assert.That(run.ExitCode, Is.EqualTo(2), "a bad setting is a bad invocation, wherever it came from");
        Assert.That(run.Error, Does.Contain("KnownProxies: 'proxy.example' is neither an IP address nor a network"));
    }

    private static Task<CliRun> WithInput(string input, params string[] args)
    {
        Console.SetIn(new StringReader(input));
        return CliRun.Of(args);
    }
}
