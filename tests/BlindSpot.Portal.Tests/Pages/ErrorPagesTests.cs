using System.Net;
using BlindSpot.Portal.Cases;
using BlindSpot.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace BlindSpot.Portal.Tests.Pages;

/// <summary>Korean error pages that keep the officer's context, and the way back to the page after signing in again.</summary>
[NonParallelizable]
public sealed class ErrorPagesTests
{
    [Test]
    public async Task UnknownRouteAndUnknownCase_AreKoreanPages_WithTheWayBack()
    {
        using var data = await PortalData.CreateAsync();
        await using var factory = new PortalFactory(data, database: null);
        using var officer = await factory.SignedInAsync("officer-11110");

        using var route = await officer.GetAsync("/no/such/page");
        using var unknownCase = await officer.GetAsync("/cases/2026Q3/2026Q3-11110-H-999999");

        Assert.That((route.StatusCode, unknownCase.StatusCode), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.NotFound)));
        var routeHtml = await route.Content.ReadAsStringAsync();
        Assert.That(routeHtml, Does.Contain("찾을 수 없음").And.Contain("처음 화면으로").And.Contain("officer-11110").And.Contain("종로구"));
        Assert.That(await unknownCase.Content.ReadAsStringAsync(), Does.Contain("href=\"/cases/2026Q3\"").And.Contain("2026Q3 사례 목록으로"));
    }

    [Test]
    public async Task UnexpectedError_IsAKorean500Page_AndAudited()
    {
        using var data = await PortalData.CreateAsync();
        await using var factory = new PortalFactory(data, database: null, services: s => s.AddSingleton<ICaseStore>(new BrokenStore()));
        using var officer = await factory.SignedInAsync("officer-11110");

        using var response = await officer.GetAsync("/cases/2026Q3");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("처리하지 못했습니다").And.Contain("2026Q3 사례 목록으로").And.Not.Contain("InvalidOperationException"));
        Assert.That((await factory.AuditAsync()).Select(a => (a.Action, a.Outcome)), Does.Contain(("error", nameof(InvalidOperationException))));
    }

    [Test]
    public async Task AfterTheSessionEnds_SigningInAgain_ReturnsToThePage()
    {
        using var data = await PortalData.CreateAsync();
        await using var factory = new PortalFactory(data, database: null);
        using var anonymous = factory.Session();

        using var asked = await anonymous.GetAsync("/cases/2026Q3?grade=상&sort=rank");
        var returnUrl = System.Web.HttpUtility.ParseQueryString(asked.Headers.Location!.OriginalString.Split('?', 2)[1])["ReturnUrl"];
        using var signIn = await SignInAsync(anonymous, returnUrl!);

        Assert.That(asked.Headers.Location!.OriginalString, Does.StartWith("/login?ReturnUrl="));
        Assert.That(returnUrl, Is.EqualTo("/cases/2026Q3?grade=%EC%83%81&sort=rank"), "the path and query as the browser sent them");
        Assert.That(signIn.Headers.Location?.OriginalString, Is.EqualTo(returnUrl));
    }

    [TestCase("//evil.example/cases", TestName = "SignIn_WithAProtocolRelativeReturnUrl_GoesToTheStartPage")]
    [TestCase("https://evil.example/", TestName = "SignIn_WithAnAbsoluteReturnUrl_GoesToTheStartPage")]
    [TestCase("/\\evil.example", TestName = "SignIn_WithABackslashReturnUrl_GoesToTheStartPage")]
    public async Task SignIn_WithAForeignReturnUrl_GoesToTheStartPage(string returnUrl)
    {
        using var data = await PortalData.CreateAsync();
        await using var factory = new PortalFactory(data, database: null);
        using var anonymous = factory.Session();

        using var signIn = await SignInAsync(anonymous, returnUrl);

        Assert.That(signIn.Headers.Location?.OriginalString, Is.EqualTo("/"));
    }

    private static async Task<HttpResponseMessage> SignInAsync(PortalSession session, string returnUrl)
    {
        var token = await session.TokenAsync("/login");
        return await session.Client.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["username"] = "officer-11110", ["password"] = PortalFactory.SamplePassword("officer-11110"), ["ReturnUrl"] = returnUrl,
        }));
    }

    /// <summary>A case store that fails every call: an unexpected error on the officer's page.</summary>
    private sealed class BrokenStore : ICaseStore
    {
        private static Task<T> Fail<T>() => Task.FromException<T>(new InvalidOperationException("broken on purpose"));

        public Task<int> AddAsync(IReadOnlyList<CaseRecord> cases, string userName, DateTimeOffset at, CancellationToken ct) => Fail<int>();

        public Task<CaseRecord?> AddOwnAsync(CaseRecord draft, string reason, string userName, DateTimeOffset at, CancellationToken ct) => Fail<CaseRecord?>();

        public Task<int> CountAsync(string quarter, string sigungu, string origin, CancellationToken ct) => Fail<int>();

        public Task<CaseRecord?> FindAsync(string caseId, CancellationToken ct) => Fail<CaseRecord?>();

        public Task<CaseListPage> ListAsync(CaseQuery query, CancellationToken ct) => Fail<CaseListPage>();

        public Task<IReadOnlyList<string>> QuartersAsync(string sigungu, string? eupmyeondong, CancellationToken ct) => Fail<IReadOnlyList<string>>();

        public Task<IReadOnlyList<CaseEvent>> HistoryAsync(string caseId, CancellationToken ct) => Fail<IReadOnlyList<CaseEvent>>();

        public Task<IReadOnlyList<CaseRecord>> OfPersonAsync(long personKey, CancellationToken ct) => Fail<IReadOnlyList<CaseRecord>>();

        public Task<bool> AssignAsync(string caseId, string? eupmyeondong, string userName, DateTimeOffset at, CancellationToken ct) => Fail<bool>();

        public Task<bool> ChangeStatusAsync(string caseId, string from, string to, string channel, string note, string userName, DateTimeOffset at, CancellationToken ct) => Fail<bool>();

        public Task<bool> SetContinuedCareAsync(string caseId, bool continued, string userName, DateTimeOffset at, CancellationToken ct) => Fail<bool>();

        public Task<bool> AttachReportAsync(string caseId, string note, string userName, DateTimeOffset at, CancellationToken ct) => Fail<bool>();

        public Task<bool> SetContactsAsync(string caseId, string address, string phone, CancellationToken ct) => Fail<bool>();

        public Task<(string Address, string Phone)?> ContactsAsync(string caseId, CancellationToken ct) => Fail<(string Address, string Phone)?>();
    }
}
