namespace BlindSpot.Simulation.Reporting;

/// <summary>
/// The options a simulation ran with, as recorded in simulation.json so the run can be repeated. The thread count is
/// left out: it is a machine fact and never changes the output.
/// </summary>
public sealed record SettingsEcho(
    int People,
    string Quarters,
    ulong Seed,
    bool Gzip,
    int BurnInQuarters,
    double DuplicateRate,
    double MalformedRate,
    double OutOfRangeRate,
    double BadCheckDigitRate,
    double UnknownKeyRate,
    double HouseholdQuota,
    double ChildQuota,
    double LonelyDeathQuota,
    double AuditShare,
    double InterventionEffect,
    double RegionOutageRate,
    double LateDeliveryShare,
    double RecordLag,
    double InvisibleShare,
    double SidoCoverageSpread,
    IReadOnlyList<string> CoverageGaps)
{
    public static SettingsEcho From(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.People, options.Quarters!.ToString(), options.Seed!.Value, options.Gzip, options.BurnInQuarters, options.DuplicateRate,
            options.MalformedRate, options.OutOfRangeRate, options.BadCheckDigitRate, options.UnknownKeyRate, options.HouseholdQuota,
            options.ChildQuota, options.LonelyDeathQuota, options.AuditShare, options.InterventionEffect, options.RegionOutageRate, options.LateDeliveryShare,
            options.RecordLag, options.InvisibleShare, options.SidoCoverageSpread, [.. options.CoverageGaps.Select(g => g.ToString())]);
    }
}
