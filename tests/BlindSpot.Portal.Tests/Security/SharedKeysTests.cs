using System.Net;
using BlindSpot.Portal.Tests.TestSupport;
using BlindSpot.Testing;

namespace BlindSpot.Portal.Tests.Security;

/// <summary>
/// Two portal instances behind one load balancer: a session cookie made by one is accepted by the other when they share
/// the data-protection keys (the PostgreSQL table, or the keys folder under a shared data root), and refused when they
/// do not, which is what happened before the keys were persisted.
/// </summary>
[NonParallelizable]
public sealed class SharedKeysTests
{
    private PortalData data = null!;

    [SetUp]
    public async Task CreateData() => data = await PortalData.CreateAsync();

    [TearDown]
    public void DeleteData() => data?.Dispose();

    [Test]
    [Category("Integration")]
    public async Task Cookie_TwoInstancesOnOneDatabase_AcceptedByTheOther()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var first = new PortalFactory(data, database);
        await using var second = new PortalFactory(data, database);

        var status = await SignInOnFirstThenAskSecondAsync(first, second);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Cookie_TwoInstancesOnOneDataRoot_AcceptedByTheOther()
    {
        await using var first = new PortalFactory(data, database: null);
        await using var second = new PortalFactory(data, database: null);

        var status = await SignInOnFirstThenAskSecondAsync(first, second);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Cookie_TwoInstancesWithTheirOwnKeys_RefusedByTheOther()
    {
        var elsewhere = Directory.CreateTempSubdirectory("blindspot-keys-").FullName;
        try
        {
            await using var first = new PortalFactory(data, database: null);
            await using var second = new PortalFactory(data, database: null, o => o.DataProtectionKeysFolder = elsewhere);

            var status = await SignInOnFirstThenAskSecondAsync(first, second);

            Assert.That(status, Is.EqualTo(HttpStatusCode.Redirect), "a cookie the second cannot read is no session: back to sign-in");
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    private static async Task<HttpStatusCode> SignInOnFirstThenAskSecondAsync(PortalFactory first, PortalFactory second)
    {
        var cookies = new CookieContainer();
        using var officer = first.Session(cookies);
        using var signIn = await officer.SignInAsync("officer-11110", PortalFactory.SamplePassword("officer-11110"));
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "signed in on the first instance");
        using var elsewhere = second.Session(cookies);
        using var page = await elsewhere.GetAsync("/officer");
        return page.StatusCode;
    }
}
