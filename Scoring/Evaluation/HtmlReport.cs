using System.Globalization;
using System.Net;
using System.Text;
using BlindSpot.Scoring.Metrics;
using BlindSpot.Scoring.Models;

namespace BlindSpot.Scoring.Evaluation;

/// <summary>One self-contained HTML page of an evaluation: headline metrics, baselines, reliability, groups, truth.</summary>
internal static class HtmlReport
{
    public static string Render(EvaluationReport report, ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(card);
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine($"<title>{E(report.Model)} on {E(report.Quarter)}</title>");
        html.AppendLine("<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}th:first-child,td:first-child{text-align:left}.flag{background:#fdd}</style></head><body>");
        html.AppendLine($"<h1>{E(report.Model)} evaluated on {E(report.Quarter)}</h1>");
        html.AppendLine($"<p>Trained on {E(card.TrainQuarters)}, validated on {E(card.ValidQuarter)}; k = quota share {F(report.QuotaShare)} × rows. Synthetic data.</p>");
        html.AppendLine("<h2>Ranking quality</h2><table><tr><th>ranking</th><th>rows</th><th>positives</th><th>AUC</th><th>PR-AUC</th><th>k</th><th>precision@k</th><th>recall@k</th><th>Brier</th></tr>");
        Row(html, "model, all labelled", report.All);
        Row(html, "model, audit sample", report.Audit);
        Row(html, "rule (crisis count), all labelled", report.RuleAll);
        Row(html, "rule (crisis count), audit sample", report.RuleAudit);
        html.AppendLine("</table>");
        html.AppendLine($"<p>Random pick precision {F(report.RandomPrecision)}. Lift at k: {F(report.LiftOverRule)}× the rule baseline, {F(report.LiftOverRandom)}× random. Brier of the rule row is meaningless (a count, not a probability).</p>");
        foreach (var chart in report.Charts)
        {
            html.AppendLine($"<img src=\"{E(chart)}\" alt=\"{E(chart)}\" width=\"480\">");
        }

        html.AppendLine($"<h2>What the score is</h2><p>{E(report.ScoreMeaning)}</p>");
        Reliability(html, $"Calibration on the labelled rows ({ScoreText.Label} against the supported rate)", report.Reliability);
        Reliability(html, "Calibration on the audit rows (a random sample of the eligible)", report.AuditReliability);
        if (report.AuditCalibration is { } audit)
        {
            html.AppendLine($"<p>Population level, from the audit: {audit.Rows:N0} audited people, mean {E(ScoreText.Label)} {F(audit.MeanScore)}, observed supported rate {F(audit.ObservedRate)} [{F(audit.ObservedLow)}, {F(audit.ObservedHigh)}]; observed ÷ predicted {F(audit.Ratio)}. "
                + (audit.Meaningful ? audit.Miscalibrated ? "The interval excludes the mean score: for the eligible population the score is off by that factor.</p>" : "The interval holds the mean score.</p>"
                : $"Too few audited outcomes (fewer than {AuditCalibration.MinimumPerClass} of either) to judge.</p>"));
        }
        html.AppendLine($"<h2>Groups</h2><p>Flagged (red) when the group's AUC is more than {F(EvaluationJob.GapTolerance)} below the overall {F(report.All.Auc)}; AUC blank when a group has fewer than {EvaluationJob.MinimumPerClass} of either outcome.</p>");
        html.AppendLine("<table><tr><th>dimension</th><th>group</th><th>rows</th><th>positives</th><th>AUC</th><th>rule AUC</th><th>precision@k</th></tr>");
        foreach (var group in report.Groups)
        {
            html.AppendLine($"<tr{(group.Flagged ? " class=\"flag\"" : "")}><td>{E(group.Dimension)}</td><td>{E(group.Group)}</td><td>{group.Rows}</td><td>{group.Positives}</td><td>{F(group.Auc)}</td><td>{F(group.RuleAuc)}</td><td>{F(group.PrecisionAtK)}</td></tr>");
        }

        html.AppendLine("</table>");
        if (report.Truth is { } truth)
        {
            html.AppendLine($"<h2>Against the simulator's truth</h2><p>{truth.Eligible:N0} eligible people, {truth.InCrisis:N0} truly in crisis; k = {truth.K:N0}.{(report.TruthUsedSampleKey == true ? " Resident numbers were pseudonymised with the published sample key." : "")}</p>");
            html.AppendLine("<table><tr><th>ranking</th><th>precision@k</th></tr>");
            html.AppendLine($"<tr><td>model</td><td>{F(truth.Model)}</td></tr><tr><td>rule baseline</td><td>{F(truth.Rule)}</td></tr><tr><td>oracle (latent risk)</td><td>{F(truth.Oracle)}</td></tr><tr><td>random</td><td>{F(truth.Random)}</td></tr></table>");
            html.AppendLine($"<p>Model / rule {F(truth.ModelOverRule)}×; model / oracle {F(truth.ModelOverOracle)}.</p>");
        }

        Helped(html, report.Helped);
        Dispatched(html, report);
        Parity(html, report);
        html.AppendLine($"<h2>Model card</h2><p>{E(card.IntendedUse)}</p><p>{E(card.SelectionBias)}</p><ul>");
        foreach (var limit in card.KnownLimits)
        {
            html.AppendLine($"<li>{E(limit)}</li>");
        }

        html.AppendLine("</ul></body></html>");
        return html.ToString();
    }

    private static void Dispatched(StringBuilder html, EvaluationReport report)
    {
        if (report.Dispatched is not { } lists)
        {
            return;
        }

        html.AppendLine("<h2>On the dispatched lists</h2><p>Each ranking goes through Dispatch's own selection (quota per variant, one entry per household, exclusions, the lists chosen in Dispatch's priority order, by default lonely death → child → household, one list per person and one visit per household, with the catalog's rule cohorts beside the model; the model row uses the live models for the other variants; the cohort:&lt;code&gt; rows are the rule cohorts' own part of the model's lists), and each list is checked against the simulator's truth. Precision = share of the list truly in crisis; recall = share of the variant's eligible people in crisis that the list reaches; 95 % Wilson intervals in brackets; precision@k over the first quarter, half and all of the list.");
        html.AppendLine(report.DispatchedWithoutTruth is > 0 ? $" {report.DispatchedWithoutTruth:N0} eligible people were missing from the truth and count as not in crisis.</p>" : "</p>");
        html.AppendLine("<table><tr><th>variant</th><th>ranking</th><th>listed</th><th>in crisis</th><th>precision</th><th>recall</th><th>precision@k</th></tr>");
        foreach (var list in lists)
        {
            var atK = string.Join("; ", list.PrecisionAtK.Select(p => $"@{p.K:N0} {F(p.Precision)}"));
            html.AppendLine($"<tr><td>{E(list.Variant)}</td><td>{E(list.Method)}</td><td>{list.Listed:N0}</td><td>{list.InCrisis:N0}</td><td>{F(list.Precision)} [{F(list.PrecisionLow)}, {F(list.PrecisionHigh)}]</td><td>{F(list.Recall)} [{F(list.RecallLow)}, {F(list.RecallHigh)}] of {list.EligibleInCrisis:N0}</td><td>{E(atK)}</td></tr>");
        }

        html.AppendLine("</table>");
    }

    private static void Reliability(StringBuilder html, string title, IReadOnlyList<ReliabilityBin> bins)
    {
        if (bins.Count == 0)
        {
            return;
        }

        html.AppendLine($"<h2>{E(title)}</h2><table><tr><th>{E(ScoreText.Label)}</th><th>rows</th><th>mean predicted</th><th>observed supported rate</th></tr>");
        foreach (var bin in bins)
        {
            html.AppendLine($"<tr><td>{F(bin.From)}–{F(bin.To)}</td><td>{bin.Rows}</td><td>{F(bin.MeanPredicted)}</td><td>{F(bin.ObservedRate)}</td></tr>");
        }

        html.AppendLine("</table>");
    }

    private static void Parity(StringBuilder html, EvaluationReport report)
    {
        if (report.Fairness is not { } groups || report.ParityBand is not [var low, var high])
        {
            return;
        }

        html.AppendLine($"<h2>Parity on the dispatched lists</h2><p>The model's lists against the truth, per variant and group of the eligible: precision, recall, false discovery rate (FDR) and false omission rate (FOR), and each as a ratio to the reference group (ref: the largest group of the dimension). Red when a ratio leaves [{F(low)}, {F(high)}]; blank when a group has too few people behind the rate to judge. {groups.Count(g => g.Flags.Count > 0):N0} of {groups.Count:N0} groups flagged.</p>");
        html.AppendLine("<table><tr><th>variant</th><th>dimension</th><th>group</th><th>eligible</th><th>listed</th><th>in crisis</th><th>precision (ratio)</th><th>recall (ratio)</th><th>FDR (ratio)</th><th>FOR (ratio)</th><th>flags</th></tr>");
        foreach (var g in groups)
        {
            html.AppendLine($"<tr{(g.Flags.Count > 0 ? " class=\"flag\"" : "")}><td>{E(g.Variant)}</td><td>{E(g.Dimension)}</td><td>{E(g.Group)}{(g.Reference ? " (ref)" : "")}</td><td>{g.Eligible:N0}</td><td>{g.Listed:N0}</td><td>{g.InCrisis:N0}</td><td>{F(g.Precision)} ({F(g.PrecisionRatio)})</td><td>{F(g.Recall)} ({F(g.RecallRatio)})</td><td>{F(g.FalseDiscoveryRate)} ({F(g.FalseDiscoveryRatio)})</td><td>{F(g.FalseOmissionRate)} ({F(g.FalseOmissionRatio)})</td><td>{E(string.Join(", ", g.Flags))}</td></tr>");
        }

        html.AppendLine("</table>");
    }

    private static void Helped(StringBuilder html, PeopleHelped? helped)
    {
        if (helped is null)
        {
            return;
        }

        html.AppendLine($"<h2>People supported last quarter</h2><p>{helped.Supported:N0} people whose household had a supported outcome in the previous quarter's dispatch: {helped.InCrisis:N0} are in crisis now for this variant, {helped.NotInCrisis:N0} are not.</p>");
        if (helped.Counterfactual is { } c)
        {
            html.AppendLine($"<p>In the counterfactual world (same seed, support without effect), {c.InCrisisWithout:N0} of the same {c.Matched:N0} people are in crisis, against {c.InCrisisWithSupport:N0} with support: <strong>{c.Helped:N0} people helped</strong> (95 % interval {F(c.HelpedLow)} to {F(c.HelpedHigh)}, clustered by {c.Households:N0} households){(c.Unmatched > 0 ? $"; {c.Unmatched:N0} supported people are not in the counterfactual's truth and are left out" : "")}.</p>");
        }
    }

    private static void Row(StringBuilder html, string name, BinaryMetrics? m)
    {
        if (m is not null)
        {
            html.AppendLine($"<tr><td>{E(name)}</td><td>{m.Rows}</td><td>{m.Positives}</td><td>{F(m.Auc)}</td><td>{F(m.PrAuc)}</td><td>{m.K}</td><td>{F(m.PrecisionAtK)}</td><td>{F(m.RecallAtK)}</td><td>{F(m.Brier)}</td></tr>");
        }
    }

    private static string F(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
