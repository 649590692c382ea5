using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace BlindSpot.Portal.Tests.TestSupport;

/// <summary>
/// What every browser test of the portal shares: Debian's Chromium (ignored locally when absent, failed in CI), the
/// Kestrel address, signing in as a seeded account, and full-page screenshots under TestResults/portal-browser/.
/// </summary>
internal static class BrowserPortal
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>Ignores the test without Chromium on a developer's machine; fails it under CI=true, where services.sh installed it.</summary>
    public static void RequireChromium()
    {
        if (File.Exists(Chromium))
        {
            return;
        }

        var message = $"No Chromium at {Chromium}: run 'bash .ci/services.sh' (apt-get install -y chromium).";
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
    }

    /// <summary>TestResults/portal-browser/ of the repository (created), where the screenshots go.</summary>
    public static string ScreenshotFolder()
    {
        var folder = Path.Combine(RepositoryRoot(), "TestResults", "portal-browser");
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>The address Kestrel listens on (a free loopback port).</summary>
    public static string AddressOf(IHost host) =>
        host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

    /// <summary>A new browser context (Korean locale, downloads accepted) signed in as <paramref name="userName"/> with its sample password.</summary>
    public static async Task<IPage> SignInAsync(IBrowser browser, string address, string userName, ViewportSize? viewport = null)
    {
        var context = await browser.NewContextAsync(new() { AcceptDownloads = true, Locale = "ko-KR", ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 720 } });
        // Generous waits: this checks what the pages do, not how fast a loaded 2-core CI machine serves them.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{address}/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", PortalFactory.SamplePassword(userName));
        await page.ClickAsync("button[type=submit]");
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        }
        catch (TimeoutException)
        {
            // Say what the sign-in page answered (a refusal, a rate limit) instead of only that it never moved on.
            Assert.Fail($"{userName} stayed on the sign-in page: {await page.InnerTextAsync("body")}");
        }

        return page;
    }

    /// <summary>A full-page screenshot <paramref name="name"/>.png in <paramref name="folder"/>, attached to the test.</summary>
    public static async Task ShotAsync(IPage page, string folder, string name)
    {
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, name);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BlindSpot.sln")))
            {
                return folder.FullName;
            }
        }

        return TestContext.CurrentContext.WorkDirectory;
    }
}
