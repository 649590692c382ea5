using System.Net;
using System.Security.Cryptography;
using System.Text;
using BlindSpot.Core.Keys;
using BlindSpot.Portal.Audit;
using BlindSpot.Portal.Tests.TestSupport;
using BlindSpot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BlindSpot.Portal.Tests.Audit;

/// <summary>
/// What the audit missed: wrong-role 403s, antiforgery failures, requests over the size limit and 500s are recorded;
/// targets are the route with only its ids (never a name typed into a crafted URL); unknown sign-in names are keyed hashes.
/// </summary>
[Category("Integration")]
[NonParallelizable]
public sealed class AuditGapsTests
{
    private PostgresTestDatabase database = null!;
    private PortalData data = null!;
    private PortalFactory factory = null!;

    [SetUp]
    public async Task StartPortal()
    {
        database = await PostgresTestDatabase.CreateAsync();
        data = await PortalData.CreateAsync();
        factory = new PortalFactory(data, database, o => o.MaxUploadBytes = 1024);
    }

    [TearDown]
    public async Task StopPortal()
    {
        // Null-safe: NUnit runs this tear-down even after Assert.Ignore in set-up (no PostgreSQL), before the fields are set.
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        data?.Dispose();
        await (database?.DisposeAsync() ?? ValueTask.CompletedTask);
    }

    [Test]
    public async Task WrongRole_Is403AndAudited_WithTheRouteNotTheRequestText()
    {
        using var officer = await factory.SignedInAsync("officer-11110");

        using var response = await officer.GetAsync("/analyst/runs/kim-jiyoung-self-harm");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await AuditRows.CountAsync(database, "denied", "wrong-role", "officer-11110"), Is.EqualTo(1));
        Assert.That(await Targets("denied"), Is.EqualTo(new[] { "/analyst/runs/{quarter}" }));
        Assert.That(await database.ScalarAsync($"SELECT count(*) FROM {database.Schema}.audit_log WHERE target LIKE '%kim%'"), Is.Zero);
    }

    [Test]
    public async Task CraftedOfficerUrl_IsAuditedAsTheRouteWithOnlyItsIds()
    {
        using var officer = await factory.SignedInAsync("officer-11110");

        using var page = await officer.GetAsync("/officer/11110/" + Uri.EscapeDataString("홍길동-자살위험"));
        using var upload = await officer.GetAsync("/officer/uploads/" + Uri.EscapeDataString("박세나 위기가구"));

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await Targets("denied"), Is.EqualTo(new[] { "/officer/11110/{quarter}", "/officer/uploads/{id}" }));
    }

    [Test]
    public async Task FormWithoutAntiforgeryToken_Is400AndAudited()
    {
        using var analyst = await factory.SignedInAsync("analyst");

        using var response = await analyst.Client.PostAsync(new Uri("/analyst/runs", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["quarter"] = "2026Q3" }));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await AuditRows.CountAsync(database, "denied", "antiforgery", "analyst"), Is.EqualTo(1));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("다시 시도해 주세요"), "a page that says what to do, not an empty 400");
        Assert.That(await Targets("denied"), Is.EqualTo(new[] { "/analyst/runs" }));
    }

    [Test]
    public async Task UploadOverTheRequestSizeLimit_IsRefusedAndAudited()
    {
        using var officer = await factory.SignedInAsync("officer-11110");
        var big = new byte[200 * 1024];
        Array.Fill(big, (byte)'a');

        using var response = await officer.UploadAsync(PortalData.Jongno, PortalData.Quarter, "outcomes.csv", big);

        // Kestrel answers 413 before the form is read; the in-memory test server lets the form reader refuse it (400).
        Assert.That((int)response.StatusCode, Is.AnyOf(400, 413));
        Assert.That(await AuditRows.CountAsync(database, "denied", "too-large", "officer-11110"), Is.EqualTo(1));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("파일이 너무 큽니다").And.Contain("1KB 이하"));
        Assert.That(await Targets("denied"), Is.EqualTo(new[] { "/officer/11110/2026Q3/outcomes" }));
    }

    [Test]
    public async Task UnexpectedError_Is500AndAudited()
    {
        File.WriteAllText(Path.Combine(data.ModelsFolder, "household", "live.json"), "{ not json");
        using var analyst = await factory.SignedInAsync("analyst");

        using var response = await analyst.GetAsync("/analyst/models");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("요청을 처리하지 못했습니다").And.Not.Contain("live.json"));
        Assert.That(await AuditRows.CountAsync(database, "error", user: "analyst"), Is.EqualTo(1));
        Assert.That(await Targets("error"), Is.EqualTo(new[] { "/analyst/models" }));
    }

    [Test]
    public async Task UnknownSignInName_IsStoredAsAKeyedHash_NotAPlainOne()
    {
        const string Typed = "correct-horse-battery";
        using var session = factory.Session();

        using var response = await session.SignInAsync(Typed, "whatever-password");

        var stored = (await factory.AuditAsync()).Single(e => e.Action == "sign-in").UserName;
        var plain = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Typed)));
        var otherKey = new AuditTrail(factory.Services.GetRequiredService<IAuditLog>(), TimeProvider.System, new Pseudonymizer(Encoding.UTF8.GetBytes(new string('k', 40))));
        Assert.That(stored, Does.StartWith("unknown:").And.Not.Contain(Typed));
        Assert.That(plain, Does.Not.StartWith(stored["unknown:".Length..]), "not a prefix of the unsalted SHA-256 a word list recovers");
        Assert.That(stored, Is.EqualTo(factory.Services.GetRequiredService<AuditTrail>().UnknownName(Typed)), "the same name gives the same entry");
        Assert.That(otherKey.UnknownName(Typed), Is.Not.EqualTo(stored), "under another server's secret it differs");
    }

    private async Task<string[]> Targets(string action) =>
        [.. (await factory.AuditAsync()).Where(e => e.Action == action).Select(e => e.Target)];
}
