using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;
using BlindSpot.Scoring.Data;
using BlindSpot.Scoring.Metrics;
using BlindSpot.Scoring.Registry;
using BlindSpot.Scoring.Training;

namespace BlindSpot.Scoring.Evaluation;

/// <summary>
/// <c>blindspot evaluate --model V/version --quarter Q</c>: the model against Q's reported outcomes (all labelled rows and
/// the random audit rows), against the rule baseline and random, calibrated or not, per 시도, age band and sex, and, when
/// the simulator's truth is there, precision at the quota against the truth for model, rule and oracle. Writes
/// evaluation.json and report.html under the model's <c>evaluation/&lt;Q&gt;/</c>. With <paramref name="dispatch"/> (Dispatch's
/// selection, wired by the host) and the truth, also every variant's simulated worklist under the model, the rules,
/// random and the oracle (<see cref="DispatchedEvaluation"/>). With the truth's <c>supported_last_quarter</c>, how the people
/// supported in the previous quarter stand now, and with <paramref name="counterfactual"/> (a world generated with the same
/// seed and <c>--intervention-effect 0</c>) the people helped (<see cref="PeopleHelped"/>).
/// </summary>
/// Group parity of the model's dispatched lists (<see cref="Fairness.ParityMetrics"/>) is judged against <paramref name="parity"/>'s band.
public sealed class EvaluationJob(Pseudonymizer? truthKeys, IDispatchSimulation? dispatch = null, FeedCatalog? catalog = null, DataRoot? counterfactual = null,
    Fairness.ParityOptions? parity = null)
{
    /// <summary>A group is flagged when its AUC is this much below the overall AUC.</summary>
    public const double GapTolerance = 0.05;

    /// <summary>Fewest positives and negatives a group needs before its AUC is judged.</summary>
    public const int MinimumPerClass = 10;

    public async Task<(EvaluationReport Report, string Folder)> RunAsync(DataRoot root, ModelRegistry registry, Variant variant, string version, Quarter quarter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(registry);
        var model = registry.Load(variant, version);
        var card = model.Card;
        var set = await LabelledSetBuilder.BuildAsync(root, [quarter], variant, card.Features, ct).ConfigureAwait(false);
        if (set.Rows == 0)
        {
            throw new InvalidDataException($"No labelled {variant.ToCode()} rows in {quarter}: nothing to evaluate against.");
        }

        var scores = Score(model, set);
        var ruleIndex = card.Features.ToList().IndexOf(TrainingJob.RuleFeature);
        var rule = ruleIndex < 0 ? null : Column(set, ruleIndex);
        var metrics = TrainingJob.Measure(model.Ensemble, set, card.Features, card.QuotaShare);
        var report = new EvaluationReport
        {
            Model = $"{card.Variant}/{card.Version}",
            Quarter = quarter.ToString(),
            QuotaShare = card.QuotaShare,
            All = metrics.Model,
            Audit = metrics.ModelAudit,
            RuleAll = metrics.Rule,
            RuleAudit = metrics.RuleAudit,
            RandomPrecision = set.PositiveRate,
            Reliability = Reliability(scores, set.Labels, 10),
            AuditReliability = AuditReliability(scores, set),
            AuditCalibration = AuditCalibration.Of(scores, set.Labels, set.Audit),
            Groups = Groups(set, scores, rule, card.Features.ToList(), card.QuotaShare, metrics.Model.Auc),
        };
        var truthPath = root.Truth(quarter);
        if (counterfactual is not null && !File.Exists(truthPath))
        {
            throw new InvalidDataException($"{truthPath}: no truth for {quarter}, so people helped cannot be measured against the counterfactual.");
        }

        if (File.Exists(truthPath))
        {
            var keys = truthKeys ?? Pseudonymizer.FromEnvironment(allowSampleKey: true);
            var truth = await TruthReader.ReadAsync(truthPath, variant, keys, ct).ConfigureAwait(false);
            report = report with { Truth = await TruthEvaluation.RunAsync(root, quarter, model, truth, ct).ConfigureAwait(false), TruthUsedSampleKey = keys.IsSampleKey };
            report = report with { Helped = await PeopleHelpedEvaluation.RunAsync(truthPath, counterfactual?.Truth(quarter), variant, keys, ct).ConfigureAwait(false) };
            if (dispatch is not null)
            {
                var (models, mismatch) = DispatchedEvaluation.WithLiveOthers(registry, variant, model.Ensemble, report.Model, card.Features);
                if (models is null)
                {
                    throw new InvalidDataException(mismatch);
                }

                var outcome = await DispatchedEvaluation.RunDetailedAsync(root, quarter, models, card.Features, catalog ?? FeedCatalog.LoadDefault(), keys, card.Seed, dispatch, ct).ConfigureAwait(false);
                var band = parity ?? new Fairness.ParityOptions();
                band.Validate();
                var fairness = await Fairness.ParityEvaluation.RunAsync(root, quarter, card.Features, outcome.ModelLists, outcome.InCrisis, band, ct).ConfigureAwait(false);
                report = report with { Dispatched = outcome.Lists, DispatchedWithoutTruth = outcome.WithoutTruth, Fairness = fairness, ParityBand = [band.Low, band.High] };
            }
        }

        var folder = Path.Combine(model.Folder, Models.ModelFiles.EvaluationFolder, quarter.ToString());
        Directory.CreateDirectory(folder);
        report = report with { Charts = ChartWriter.Write(folder, scores, rule, set.Labels, report.Reliability) };
        await File.WriteAllBytesAsync(Path.Combine(folder, "evaluation.json"), report.ToUtf8Json(), ct).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.html"), HtmlReport.Render(report, card), ct).ConfigureAwait(false);
        return (report, folder);
    }

    private static float[] Score(LoadedModel model, LabelledSet set)
    {
        var raw = new float[set.Rows];
        model.Ensemble.Raw(set.Features, set.Width, raw);
        return Array.ConvertAll(raw, model.Ensemble.Probability);
    }

    private static IReadOnlyList<ReliabilityBin> AuditReliability(float[] scores, LabelledSet set)
    {
        var rows = Enumerable.Range(0, set.Rows).Where(r => set.Audit[r]).ToArray();
        return rows.Length == 0 ? [] : Reliability([.. rows.Select(r => scores[r])], [.. rows.Select(r => set.Labels[r])], 5);
    }

    private static float[] Column(LabelledSet set, int index)
    {
        var values = new float[set.Rows];
        for (var r = 0; r < set.Rows; r++)
        {
            values[r] = set.Row(r)[index];
        }

        return values;
    }

    public static IReadOnlyList<ReliabilityBin> Reliability(float[] scores, bool[] labels, int bins)
    {
        var result = new List<ReliabilityBin>();
        for (var b = 0; b < bins; b++)
        {
            double from = (double)b / bins, to = (double)(b + 1) / bins;
            var rows = Enumerable.Range(0, scores.Length).Where(i => scores[i] >= from && (scores[i] < to || (b == bins - 1 && scores[i] <= to))).ToArray();
            result.Add(new ReliabilityBin(from, to, rows.Length,
                rows.Length == 0 ? 0 : rows.Average(i => scores[i]),
                rows.Length == 0 ? 0 : rows.Average(i => labels[i] ? 1.0 : 0.0)));
        }

        return result;
    }

    private static List<GroupMetrics> Groups(LabelledSet set, float[] scores, float[]? rule, List<string> names, double share, double overallAuc)
    {
        var age = names.IndexOf("p_age");
        var male = names.IndexOf("p_male");
        var dimensions = new List<(string Dimension, Func<int, string> GroupOf)>();
        if (set.Sido.Length == set.Rows)
        {
            dimensions.Add(("시도", r => set.Sido[r]));
        }

        if (age >= 0)
        {
            dimensions.Add(("age band", r => AgeBand(set.Row(r)[age])));
        }

        if (male >= 0)
        {
            dimensions.Add(("sex", r => set.Row(r)[male] > 0 ? "male" : "female"));
        }

        var result = new List<GroupMetrics>();
        foreach (var (dimension, groupOf) in dimensions)
        {
            foreach (var group in Enumerable.Range(0, set.Rows).GroupBy(groupOf).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var rows = group.ToArray();
                var metrics = BinaryMetrics.Compute([.. rows.Select(r => scores[r])], [.. rows.Select(r => set.Labels[r])], [.. rows.Select(r => set.Keys[r])], share);
                var judged = metrics.Positives >= MinimumPerClass && metrics.Rows - metrics.Positives >= MinimumPerClass;
                var ruleAuc = rule is null || !judged ? (double?)null
                    : BinaryMetrics.Compute([.. rows.Select(r => rule[r])], [.. rows.Select(r => set.Labels[r])], [.. rows.Select(r => set.Keys[r])], share).Auc;
                result.Add(new GroupMetrics(dimension, group.Key, metrics.Rows, metrics.Positives, judged ? metrics.Auc : null, ruleAuc, metrics.PrecisionAtK,
                    judged && metrics.Auc < overallAuc - GapTolerance));
            }
        }

        return result;
    }

    private static string AgeBand(float age) => age switch
    {
        < 18 => "0–17",
        < 40 => "18–39",
        < 65 => "40–64",
        _ => "65+",
    };
}
