using BlindSpot.Portal.Endpoints;
using BlindSpot.Portal.Security;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
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
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // A generic page for any unhandled error: no stack trace, no path, no data leaves the server.
        app.UseExceptionHandler(error => error.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync("요청을 처리하지 못했습니다. (internal error)");
        }));
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        // No static-file or directory-browsing middleware: the only files served are the ones the handlers choose.
        // The dashboard middleware itself, not UseHangfireDashboard: that one needs AddHangfire, which rewires Hangfire's
        // process-wide configuration (its logger) to this host, and a second host in the process then logs to a disposed one.
        var dashboard = new DashboardOptions
        {
            Authorization = [new AnalystDashboardFilter()],
            AppPath = "/analyst",
            DisplayStorageConnectionString = false,
        };
        var storage = app.ApplicationServices.GetRequiredService<JobStorage>();
        app.Map("/hangfire", hangfire => hangfire.UseMiddleware<AspNetCoreDashboardMiddleware>(storage, dashboard, DashboardRoutes.Routes));
        app.UseEndpoints(endpoints =>
        {
            AccountEndpoints.Map(endpoints);
            OfficerEndpoints.Map(endpoints, options);
            AnalystEndpoints.Map(endpoints);
            AdminEndpoints.Map(endpoints);
        });
        return app;
    }
}
