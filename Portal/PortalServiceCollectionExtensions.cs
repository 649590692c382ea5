using System.Threading.RateLimiting;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Files;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Regions;
using BlindSpot.Dispatch.Postgres;
using BlindSpot.Pipeline;
using BlindSpot.Pipeline.Health;
using BlindSpot.Portal.Accounts;
using BlindSpot.Portal.Audit;
using BlindSpot.Portal.Cases;
using BlindSpot.Portal.Discovery;
using BlindSpot.Portal.Endpoints;
using BlindSpot.Portal.Pages;
using BlindSpot.Portal.Reports;
using BlindSpot.Portal.Runs;
using BlindSpot.Portal.Security;
using BlindSpot.Portal.Storage;
using BlindSpot.Portal.Uploads;
using BlindSpot.Portal.Worklists;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BlindSpot.Portal;

/// <summary>Registration of the portal.</summary>
public static class PortalServiceCollectionExtensions
{
    /// <summary>
    /// Adds the portal: validated <see cref="PortalOptions"/>; accounts, audit log and upload records in PostgreSQL or
    /// the embedded files; cookie sign-in with role policies; the sign-in rate limit; antiforgery; the pipeline (for
    /// triggering runs) and the Hangfire dashboard's services.
    /// </summary>
    public static IServiceCollection AddPortal(this IServiceCollection services, PortalOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(new DataRoot(options.DataRoot));
        services.AddSingleton(_ => RegionRegistry.LoadDefault());
        services.AddStores(options);
        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<SignInService>();
        services.AddSingleton<AccountAdministration>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<ReportedOutcomes>();
        services.AddSingleton<IWorklistSource>(sp => options.WorklistsInPostgres
            ? new PostgresWorklistSource(
                new PostgresWorklistStore(NpgsqlDataSource.Create(options.PostgresConnectionString!), new PostgresOptions { ConnectionString = options.PostgresConnectionString!, Schema = options.WorklistSchema }),
                sp.GetRequiredService<ReportedOutcomes>(), options)
            : new WorklistFiles(sp.GetRequiredService<DataRoot>(), sp.GetRequiredService<ReportedOutcomes>()));
        services.AddSingleton<OutcomeUploads>();
        services.AddSingleton<CaseBook>();
        services.TryAddSingleton(_ => FeedCatalog.LoadDefault());
        services.AddSingleton<DiscoveryIndexCache>();
        services.AddSingleton<OwnDiscoveryBook>();
        services.AddSingleton<ReportIntake>();
        // Reports and API keys live in the case store's database (SqlCaseStore implements all three).
        services.AddSingleton(sp => (IReportStore)sp.GetRequiredService<ICaseStore>());
        services.AddSingleton(sp => (IApiKeyStore)sp.GetRequiredService<ICaseStore>());
        services.AddSingleton<RunSummaries>();
        services.AddSingleton(_ => new ModelFolders(options.ResolvedModelsFolder));
        services.AddHostedService<PortalStartup>();

        services.AddPipeline(pipeline =>
        {
            pipeline.DataRoot = options.DataRoot;
            pipeline.ModelsFolder = options.ResolvedModelsFolder;
            pipeline.PostgresConnectionString = options.JobStorageConnectionString;
            pipeline.PostgresSchema = options.JobStorageSchema;
        });

        services.AddSharedKeys(options);
        services.AddSignIn(options);
        services.AddProxyAndHosts(options);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per client address: the forwarded address when a known proxy is configured, so officers behind it are told apart.
            limiter.AddPolicy(AccountEndpoints.LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                AuditTrail.ClientOf(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.LoginPermitsPerWindow, Window = options.LoginWindow, QueueLimit = 0 }));
            limiter.OnRejected = async (rejected, _) =>
            {
                var context = rejected.HttpContext;
                await context.RequestServices.GetRequiredService<AuditTrail>().RecordAsync(context, "-", "-", null, AuditActions.SignIn, "/login", "rate-limited");
                await AccountEndpoints.TooManyAttempts(context, options.LoginWindow).ExecuteAsync(context);
            };
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "blindspot.antiforgery";
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.Cookie.SecurePolicy = SecurePolicy(options);
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = options.MaxUploadBytes + (64 * 1024));
        services.AddRouting();
        services.AddHealthChecks().AddBlindSpotReadiness(new ReadinessTargets(options.DataRoot, options.ResolvedModelsFolder, options.PostgresConnectionString ?? options.JobStorageConnectionString));
        return services;
    }

    private static CookieSecurePolicy SecurePolicy(PortalOptions options) =>
        options.AllowHttpOnLoopback ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

    private static void AddStores(this IServiceCollection services, PortalOptions options)
    {
        if (options.PostgresConnectionString is { Length: > 0 } connection)
        {
            services.AddSingleton(_ => new PortalDatabase(NpgsqlDataSource.Create(connection), options.PostgresSchema));
            services.AddSingleton<IAccountStore, PostgresAccountStore>();
            services.AddSingleton<IAuditLog, PostgresAuditLog>();
            services.AddSingleton<IUploadStore, PostgresUploadStore>();
            services.AddSingleton<ICaseStore, PostgresCaseStore>();
            return;
        }

        services.AddSingleton<IAccountStore>(_ => new FileAccountStore(Path.Combine(options.PortalFolder, "accounts.json")));
        services.AddSingleton<IAuditLog>(_ => new FileAuditLog(Path.Combine(options.PortalFolder, "audit.jsonl")));
        services.AddSingleton<IUploadStore>(_ => new FileUploadStore(Path.Combine(options.PortalFolder, "uploads")));
        services.AddSingleton<ICaseStore>(_ => new SqliteCaseStore(Path.Combine(options.PortalFolder, "cases.db")));
    }

    /// <summary>Data-protection keys in one place every instance reads (see <see cref="PortalOptions.DataProtectionKeysFolder"/>).</summary>
    private static void AddSharedKeys(this IServiceCollection services, PortalOptions options)
    {
        // One application name: instances installed in different folders must still share one key ring.
        services.AddDataProtection().SetApplicationName("BlindSpot.Portal");
        if (options.DataProtectionKeysFolder is null && options.PostgresConnectionString is { Length: > 0 })
        {
            services.AddOptions<KeyManagementOptions>().Configure<PortalDatabase>((keys, database) => keys.XmlRepository = new PostgresKeyRepository(database));
            return;
        }

        // Made (owner-only) when the key ring is first read, not at registration: registering creates no folder.
        var folder = options.DataProtectionKeysFolder ?? Path.Combine(options.PortalFolder, "keys");
        services.AddOptions<KeyManagementOptions>().Configure<ILoggerFactory>((keys, loggers) => keys.XmlRepository = new FileSystemXmlRepository(PrivateFiles.CreateFolder(folder), loggers));
    }

    private static void AddProxyAndHosts(this IServiceCollection services, PortalOptions options)
    {
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies are believed (the framework's default trusts loopback); one hop, the last one.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in options.KnownProxies)
            {
                forwarded.KnownIPNetworks.Add(ProxyAddresses.TryParse(proxy, out var network) ? network : throw new ArgumentException($"KnownProxies: '{proxy}'."));
            }
        });
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            // The framework leaves out localhost; the portal sends it wherever the request came over HTTPS.
            hsts.ExcludedHosts.Clear();
        });
        services.AddHostFiltering(hosts => hosts.AllowedHosts = [.. options.AllowedHosts]);
    }

    private static void AddSignIn(this IServiceCollection services, PortalOptions options)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = "blindspot.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = SecurePolicy(options);
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = options.SessionIdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/login";
            cookie.LogoutPath = "/logout";
            // Every request: the account still enabled, the session's stamp still the account's, the absolute lifetime not over.
            cookie.Events.OnValidatePrincipal = SessionValidator.ValidateAsync;
            // A relative redirect: the framework's absolute one would carry the request's Host header back to the browser.
            // A page asked for with GET comes back after the new sign-in (local paths only, checked again at sign-in).
            cookie.Events.OnRedirectToLogin = context =>
            {
                var request = context.HttpContext.Request;
                var back = request.Path.Value + request.QueryString.Value;
                context.Response.Redirect(HttpMethods.IsGet(request.Method) && ReturnUrls.IsLocal(back) && back != "/"
                    ? "/login" + QueryString.Create(ReturnUrls.Parameter, back)
                    : "/login");
                return Task.CompletedTask;
            };
            // A signed-in user without the role gets a 403 page (audited by RefusalAuditMiddleware), not a redirect to a page that does not exist.
            cookie.Events.OnRedirectToAccessDenied = context => ErrorPages.Page(context.HttpContext, StatusCodes.Status403Forbidden).ExecuteAsync(context.HttpContext);
        });
        services.AddAuthorizationBuilder()
            // Everything needs a signed-in user unless it says otherwise (the sign-in page and the stylesheet).
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(OfficerEndpoints.Policy, p => p.RequireRole(PortalRole.Officer).RequireClaim(PortalClaims.Sigungu))
            .AddPolicy(CaseEndpoints.Policy, p => p.RequireRole(PortalRole.Officer, PortalRole.Eupmyeondong).RequireClaim(PortalClaims.Sigungu))
            .AddPolicy(AnalystEndpoints.Policy, p => p.RequireRole(PortalRole.Analyst, PortalRole.Admin))
            .AddPolicy(AdminEndpoints.Policy, p => p.RequireRole(PortalRole.Admin));
    }
}
