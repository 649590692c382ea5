using System.Net;
using System.Text.RegularExpressions;

namespace BlindSpot.Portal.Tests.TestSupport;

/// <summary>A browser-like client of the portal: cookies kept, the antiforgery token read from the page before each form post.</summary>
internal sealed partial class PortalSession(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    public Task<HttpResponseMessage> GetAsync(string path) => Client.GetAsync(new Uri(path, UriKind.Relative));

    public async Task<HttpResponseMessage> SignInAsync(string userName, string password)
    {
        var token = await TokenAsync("/login");
        return await Client.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["username"] = userName, ["password"] = password,
        }));
    }

    /// <summary>Signs out through the form on <paramref name="page"/>.</summary>
    public async Task<HttpResponseMessage> SignOutAsync(string page)
    {
        var token = await TokenAsync(page);
        return await Client.PostAsync(new Uri("/logout", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    /// <summary>Every request of this session seems to come from <paramref name="client"/> through the proxy, over HTTPS.</summary>
    public PortalSession From(string client)
    {
        Client.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        Client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return this;
    }

    /// <summary>The antiforgery token of the first form on <paramref name="page"/>.</summary>
    public async Task<string> TokenAsync(string page)
    {
        var response = await GetAsync(page);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"GET {page}");
        var html = await response.Content.ReadAsStringAsync();
        return TokenField().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new AssertionException($"{page} has no antiforgery token");
    }

    /// <summary>Uploads <paramref name="content"/> as <paramref name="fileName"/> to the worklist page's form (token included unless told not to).</summary>
    public async Task<HttpResponseMessage> UploadAsync(string sigungu, string quarter, string fileName, byte[] content, bool withToken = true, string? tokenPage = null)
    {
        using var form = new MultipartFormDataContent();
        if (withToken)
        {
            form.Add(new StringContent(await TokenAsync(tokenPage ?? $"/officer/{sigungu}/{quarter}")), "__RequestVerificationToken");
        }

        form.Add(new ByteArrayContent(content), "file", fileName);
        return await Client.PostAsync(new Uri($"/officer/{sigungu}/{quarter}/outcomes", UriKind.Relative), form);
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
