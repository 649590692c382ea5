using BlindSpot.Portal.Accounts;
using BlindSpot.Portal.Audit;
using BlindSpot.Portal.Endpoints;
using BlindSpot.Portal.Pages;
using BlindSpot.Portal.Security;
using BlindSpot.Portal.Telemetry;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BlindSpot.Portal;

/// <summary>The portal's request pipeline, in the order the checks must run.</summary>
public static class PortalApplicationBuilderExtensions
{
    public static IApplicationBuilder UsePortal(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ApplicationServices.GetRequiredService<PortalOptions>();
        // Outermost, so every answer is counted, refusals by the checks below included.
        app.UseMiddleware<RequestMetricsMiddleware>();
        // First, so the client address, the scheme (cookies' Secure, HSTS) and every check after see the real client.
        if (options.KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        if (options.AllowedHosts.Count > 0)
        {
            app.UseHostFiltering();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseHsts();
        // A generic page for any unhandled error: no stack trace, no path, no data leaves the server; the error is audited.
        app.UseExceptionHandler(error => error.Run(ErrorAsync));
        // Any refusal the framework answers with an empty body (an unknown route, a wrong method …) gets the Korean page.
        app.UseStatusCodePages(pages => ErrorPages.Page(pages.HttpContext, pages.HttpContext.Response.StatusCode).ExecuteAsync(pages.HttpContext));
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<RefusalAuditMiddleware>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        // No static-file or directory-browsing middleware: the only files served are the ones the handlers choose.
        // The dashboard middleware itself, not UseHangfireDashboard: that one needs AddHangfire, which rewires Hangfire's
        // process-wide configuration (its logger) to this host, and a second host in the process then logs to a disposed one.
        var dashboard = new DashboardOptions
        {
            Authorization = [new AnalystDashboardFilter()],
            // Analysts watch; only admins may requeue or delete (and every action is audited by DashboardAuditMiddleware).
            IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(PortalRole.Admin),
            AppPath = "/analyst",
            DisplayStorageConnectionString = false,
        };
        var storage = app.ApplicationServices.GetRequiredService<JobStorage>();
        app.Map("/hangfire", hangfire => hangfire
            .UseMiddleware<DashboardAuditMiddleware>()
            .UseMiddleware<AspNetCoreDashboardMiddleware>(storage, dashboard, DashboardRoutes.Routes));
        app.UseEndpoints(endpoints =>
        {
            HealthEndpoints.Map(endpoints);
            AccountEndpoints.Map(endpoints);
            OfficerEndpoints.Map(endpoints, options);
            CaseEndpoints.Map(endpoints);
            DiscoveryEndpoints.Map(endpoints);
            AnalystEndpoints.Map(endpoints);
            ReportEndpoints.Map(endpoints, options);
            AdminEndpoints.Map(endpoints);
        });
        return app;
    }

    private static async Task ErrorAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerPathFeature>();
        var target = AuditTarget.Of(error?.Endpoint, error?.RouteValues, error is null ? context.Request.Path : new PathString(error.Path));
        var audit = context.RequestServices.GetRequiredService<AuditTrail>();
        // Kestrel's refusal of a body over the route's limit surfaces here when a middleware (antiforgery) reads the form.
        if (error?.Error is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            await audit.RecordAsync(context, AuditActions.Denied, target, "too-large");
            await ErrorPages.Page(context, StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
            return;
        }

        await audit.RecordAsync(context, AuditActions.Error, target, error?.Error.GetType().Name ?? "unknown");
        await ErrorPages.Page(context, StatusCodes.Status500InternalServerError).ExecuteAsync(context);
    }
}
