using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;

namespace BlindSpot.Core.Telemetry;

/// <summary>
/// Every span and metric BlindSpot emits, defined once: the <see cref="Source"/> of traces (one trace per quarter run, a
/// span per job: a stage, a score shard, the reduce) and the <see cref="Meter"/> of counters and histograms. Both are
/// named <see cref="Name"/>; a host collects them with OpenTelemetry (<c>AddSource</c>/<c>AddMeter</c>), and without one
/// they cost nothing. Tags carry stage, feed, variant, quarter and outcome words only, never a person's data.
/// </summary>
public static class BlindSpotTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "BlindSpot";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Seconds a stage took when it ran (not when its checkpoint held); tags stage, quarter.</summary>
    public static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>("blindspot.stage.duration", "s", "Time a pipeline stage took when it ran.");

    /// <summary>Stage executions by outcome (ran, skipped, failed); tags stage, quarter, outcome.</summary>
    public static readonly Counter<long> StageRuns = Meter.CreateCounter<long>("blindspot.stage.runs", "{run}", "Pipeline stage executions by outcome.");

    /// <summary>Data records read from a feed's delivery; tags feed, quarter. Read = accepted + quarantined + duplicates.</summary>
    public static readonly Counter<long> RowsRead = Meter.CreateCounter<long>("blindspot.ingest.rows.read", "{row}", "Records read from a feed delivery.");

    /// <summary>Records accepted into the lake; tags feed, quarter.</summary>
    public static readonly Counter<long> RowsAccepted = Meter.CreateCounter<long>("blindspot.ingest.rows.accepted", "{row}", "Records accepted into the lake.");

    /// <summary>Records rejected into quarantine; tags feed, quarter.</summary>
    public static readonly Counter<long> RowsQuarantined = Meter.CreateCounter<long>("blindspot.ingest.rows.quarantined", "{row}", "Records rejected into quarantine.");

    /// <summary>Exact duplicate records dropped; tags feed, quarter.</summary>
    public static readonly Counter<long> RowsDuplicate = Meter.CreateCounter<long>("blindspot.ingest.rows.duplicate", "{row}", "Exact duplicate records dropped.");

    /// <summary>Dispatch candidates scored with reasons; tags variant, quarter.</summary>
    public static readonly Counter<long> Candidates = Meter.CreateCounter<long>("blindspot.score.candidates", "{person}", "Dispatch candidates scored with reasons.");

    /// <summary>People selected onto the worklists; tags variant, quarter.</summary>
    public static readonly Counter<long> DispatchedEntries = Meter.CreateCounter<long>("blindspot.dispatch.entries", "{person}", "People selected onto the worklists.");

    /// <summary>Portal requests answered; tags method, status (the HTTP code).</summary>
    public static readonly Counter<long> PortalRequests = Meter.CreateCounter<long>("blindspot.portal.requests", "{request}", "Portal requests answered.");

    /// <summary>Portal sign-ins refused; tag reason (wrong-password, unknown-user, locked, disabled, rate-limited …).</summary>
    public static readonly Counter<long> SignInFailures = Meter.CreateCounter<long>("blindspot.portal.signin.failures", "{attempt}", "Portal sign-ins refused.");

    /// <summary>Outcome uploads; tag outcome (ok, or the refusal's reason).</summary>
    public static readonly Counter<long> Uploads = Meter.CreateCounter<long>("blindspot.portal.uploads", "{upload}", "Outcome files uploaded to the portal.");

    /// <summary>
    /// The trace of a quarter run: its trace id is derived from the run id, so the jobs of one run share one trace on
    /// whichever worker they run, without passing anything but the run id between them.
    /// </summary>
    public static ActivityContext RunContext(string runId)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("blindspot-run:" + runId));
        return new ActivityContext(ActivityTraceId.CreateFromBytes(hash.AsSpan(0, 16)), ActivitySpanId.CreateFromBytes(hash.AsSpan(16, 8)), ActivityTraceFlags.Recorded, isRemote: true);
    }

    /// <summary>A span for one job of a run (<paramref name="job"/>: ingest, score-011, dispatch …) in the run's trace; null when nobody listens.</summary>
    public static Activity? StartJob(string job, string quarter, string runId)
    {
        var activity = Source.StartActivity($"job {job}", ActivityKind.Internal, RunContext(runId));
        activity?.SetTag("blindspot.job", job).SetTag("blindspot.quarter", quarter).SetTag("blindspot.run_id", runId);
        return activity;
    }

    /// <summary>Records a stage whose checkpoint held: a skipped run, tagged on the current span too.</summary>
    public static void StageSkipped(string stage, string quarter)
    {
        StageRuns.Add(1, Tag("stage", stage), Tag("quarter", quarter), Tag("outcome", "skipped"));
        Activity.Current?.SetTag("blindspot.stage.outcome", "skipped");
    }

    /// <summary>Records a stage that failed.</summary>
    public static void StageFailed(string stage, string quarter, string errorType)
    {
        StageRuns.Add(1, Tag("stage", stage), Tag("quarter", quarter), Tag("outcome", "failed"));
        Activity.Current?.SetTag("blindspot.stage.outcome", "failed").SetStatus(ActivityStatusCode.Error, errorType);
    }

    /// <summary>
    /// Records a stage that completed: its duration and, when it ran now, the counts of its manifest record that are
    /// metrics (score: <c>&lt;variant&gt;.candidates</c>; dispatch: <c>&lt;variant&gt;.selected</c>), so a rerun that skipped adds nothing.
    /// </summary>
    public static void StageCompleted(string stage, string quarter, bool ranNow, double seconds, IReadOnlyDictionary<string, long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (!ranNow)
        {
            StageSkipped(stage, quarter);
            return;
        }

        StageRuns.Add(1, Tag("stage", stage), Tag("quarter", quarter), Tag("outcome", "ran"));
        StageDuration.Record(seconds, Tag("stage", stage), Tag("quarter", quarter));
        Activity.Current?.SetTag("blindspot.stage.outcome", "ran");
        foreach (var (key, value) in counts)
        {
            Activity.Current?.SetTag("blindspot.count." + key, value);
            if (PerVariant(key, ".candidates") is { } candidates)
            {
                Candidates.Add(value, Tag("variant", candidates), Tag("quarter", quarter));
            }
            else if (PerVariant(key, ".selected") is { } selected)
            {
                DispatchedEntries.Add(value, Tag("variant", selected), Tag("quarter", quarter));
            }
        }
    }

    /// <summary>One feed's reconciliation from the ingest report.</summary>
    public static void FeedRows(string feed, string quarter, long read, long accepted, long quarantined, long duplicates)
    {
        RowsRead.Add(read, Tag("feed", feed), Tag("quarter", quarter));
        RowsAccepted.Add(accepted, Tag("feed", feed), Tag("quarter", quarter));
        RowsQuarantined.Add(quarantined, Tag("feed", feed), Tag("quarter", quarter));
        RowsDuplicate.Add(duplicates, Tag("feed", feed), Tag("quarter", quarter));
    }

    /// <summary>
    /// Counts the portal actions that are metrics, from the audit entry every one of them already writes: refused
    /// sign-ins (by reason) and uploads (by outcome).
    /// </summary>
    public static void PortalAction(string action, string outcome)
    {
        if (action == "sign-in" && outcome != "ok")
        {
            SignInFailures.Add(1, Tag("reason", outcome));
        }
        else if (action == "upload")
        {
            Uploads.Add(1, Tag("outcome", outcome));
        }
    }

    private static string? PerVariant(string key, string suffix) =>
        key.EndsWith(suffix, StringComparison.Ordinal) && key.Length > suffix.Length ? key[..^suffix.Length] : null;

    private static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);
}
