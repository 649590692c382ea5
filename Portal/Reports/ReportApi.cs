using System.Globalization;
using System.Text.Json;
using BlindSpot.Core.Quarters;
using BlindSpot.Dispatch.Reports;
using BlindSpot.Portal.Audit;
using Microsoft.AspNetCore.Http;

namespace BlindSpot.Portal.Reports;

/// <summary>
/// <c>POST /api/reports</c>: one report as JSON (<c>quarter</c> optional, else the quarter of today in Korea;
/// <c>residentNumber</c>, or <c>name</c> and <c>address</c>; <c>observed</c>, <c>reporterKind</c>, <c>reportedOn</c>), sent
/// with <c>Authorization: Bearer &lt;key&gt;</c>. A missing, unknown or revoked key is 401 and audited; a refused report 400
/// naming the field; a report taken in 202 with its intake id. The answer never says whether or whom it matched: the
/// API is not a way to learn who is on the roster.
/// </summary>
internal static class ReportApi
{
    public static async Task<IResult> SubmitAsync(HttpContext context, IApiKeyStore keys, ReportIntake intake, AuditTrail audit, TimeProvider time)
    {
        if (await KeyAsync(context, keys, audit) is not { } key)
        {
            return Results.Json(new { error = "unauthorized" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        async Task<IResult> Invalid(string field, string message)
        {
            await audit.RecordAsync(context, "api:" + key.Name, "api", null, AuditActions.ApiReport, "/api/reports", "invalid");
            return Results.Json(new { error = "invalid", field, message }, statusCode: StatusCodes.Status400BadRequest);
        }

        Dictionary<string, string> fields;
        try
        {
            using var json = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            fields = json.RootElement.ValueKind == JsonValueKind.Object
                ? json.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
                : throw new JsonException();
        }
        catch (JsonException)
        {
            return await Invalid("body", "send one JSON object");
        }

        var quarterText = fields.GetValueOrDefault("quarter") ?? Quarter.Containing(KoreanTime.Today(time)).ToString();
        if (!Quarter.TryParse(quarterText.Length == 6 ? quarterText : "", CultureInfo.InvariantCulture, out var quarter))
        {
            return await Invalid("quarter", "write the quarter as YYYYQn");
        }

        var byField = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ReportFileReader.Fields.ResidentNumber] = fields.GetValueOrDefault("residentNumber") ?? "",
            [ReportFileReader.Fields.Name] = fields.GetValueOrDefault("name") ?? "",
            [ReportFileReader.Fields.Address] = fields.GetValueOrDefault("address") ?? "",
            [ReportFileReader.Fields.Observed] = fields.GetValueOrDefault("observed") ?? "",
            [ReportFileReader.Fields.ReporterKind] = fields.GetValueOrDefault("reporterKind") ?? "",
            [ReportFileReader.Fields.ReportedOn] = fields.GetValueOrDefault("reportedOn") ?? "",
        };
        ReportIntakeRecord result;
        try
        {
            result = await intake.SubmitAsync(key.Name, quarter, byField, context.RequestAborted);
        }
        catch (FileNotFoundException)
        {
            return await Invalid("quarter", $"{quarter} has no roster to match reports against");
        }

        if (result.Rejections is [var refused])
        {
            return await Invalid(refused.Field, refused.Message);
        }

        await audit.RecordAsync(context, "api:" + key.Name, "api", null, AuditActions.ApiReport, $"/api/reports/{result.IntakeId}", "ok", 1);
        return Results.Json(new { intakeId = result.IntakeId, quarter = result.Quarter }, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>The working key the request carries, or null (after auditing why and asking for a Bearer key).</summary>
    private static async Task<ApiKey?> KeyAsync(HttpContext context, IApiKeyStore keys, AuditTrail audit)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var given = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : "";
        var key = given.StartsWith(ApiKeys.Prefix, StringComparison.Ordinal) && given.Length < 100
            ? await keys.FindApiKeyAsync(ApiKeys.Hash(given), context.RequestAborted)
            : null;
        var outcome = given.Length == 0 ? "no-key" : key is null ? "unknown-key" : key.Revoked ? "revoked" : null;
        if (outcome is null)
        {
            return key;
        }

        await audit.RecordAsync(context, key is null ? "-" : "api:" + key.Name, "api", null, AuditActions.ApiReport, "/api/reports", outcome);
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return null;
    }
}
