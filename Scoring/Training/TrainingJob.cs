using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Keys;
using BlindSpot.Core.Paths;
using BlindSpot.Scoring.Data;
using BlindSpot.Scoring.Evaluation;
using BlindSpot.Scoring.Metrics;
using BlindSpot.Scoring.Models;
using Microsoft.ML;

namespace BlindSpot.Scoring.Training;

/// <summary>
/// <c>blindspot train</c>: joins labels to features for the training and validation quarters, fits FastTree, measures it
/// against the rule baseline, and writes <c>&lt;models&gt;/&lt;variant&gt;/&lt;version&gt;/model.zip</c> with its card.
/// Version = v + creation date + the first 8 hex of model.zip's SHA-256, so the same model keeps its name. With
/// <paramref name="dispatch"/> (Dispatch's selection, wired by the host) and the validation quarter's truth, the card's
/// metrics also hold the simulated dispatch (<see cref="DispatchedEvaluation"/>), keyed to the truth by <paramref name="truthKeys"/>
/// (the host's configured pseudonym key; without one, the environment's or the sample key).
/// </summary>
public sealed class TrainingJob(TimeProvider clock, IDispatchSimulation? dispatch = null, FeedCatalog? catalog = null, Pseudonymizer? truthKeys = null)
{
    public const string RuleFeature = "p_crisis_count";

    public async Task<TrainingResult> RunAsync(DataRoot root, string modelsFolder, TrainingOptions options, string sourceCommit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var started = Stopwatch.GetTimestamp();
        var build = FeatureBuild.Load(root, options.Valid);
        foreach (var quarter in options.Train)
        {
            var other = FeatureBuild.Load(root, quarter);
            if (other.SchemaHash != build.SchemaHash)
            {
                throw new InvalidDataException($"Features of {quarter} have schema {other.SchemaHash[..12]}, {options.Valid} has {build.SchemaHash[..12]}: rebuild them with one catalog.");
            }
        }

        var names = build.Names;
        var train = await LabelledSetBuilder.BuildAsync(root, options.Train, options.Variant, names, ct).ConfigureAwait(false);
        var valid = await LabelledSetBuilder.BuildAsync(root, [options.Valid], options.Variant, names, ct).ConfigureAwait(false);
        if (train.Positives == 0 || train.Positives == train.Rows)
        {
            throw new InvalidDataException($"The training labels of {options.Variant.ToString().ToLowerInvariant()} in {options.Train} hold {train.Rows} rows and {train.Positives} positives: a model needs both outcomes.");
        }

        // The seed fixes every random choice ML.NET makes; with the FastTree thread count it fixes the model bytes.
        var ml = new MLContext(seed: options.Seed);
        var model = FastTreeFitter.Fit(ml, train, options, out var schema);
        var bytes = Save(ml, model, schema);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var share = options.QuotaShare ?? Quotas.DefaultShare(options.Variant);
        var ensemble = TreeEnsemble.From(model);
        var metrics = Measure(ensemble, valid, names, share);
        string? notDispatched = null;
        if (dispatch is not null && File.Exists(root.Truth(options.Valid)))
        {
            var name = $"the {options.Variant.ToCode()} model in training";
            (var models, notDispatched) = DispatchedEvaluation.WithLiveOthers(new Registry.ModelRegistry(modelsFolder), options.Variant, ensemble, name, names);
            if (models is not null)
            {
                var keys = truthKeys ?? Pseudonymizer.FromEnvironment(allowSampleKey: true);
                var outcome = await DispatchedEvaluation.RunDetailedAsync(root, options.Valid, models, names, catalog ?? FeedCatalog.LoadDefault(), keys, options.Seed, dispatch, ct).ConfigureAwait(false);
                var fairness = await Fairness.ParityEvaluation.RunAsync(root, options.Valid, names, outcome.ModelLists, outcome.InCrisis, new Fairness.ParityOptions(), ct).ConfigureAwait(false);
                metrics = metrics with { Dispatched = outcome.Lists, Fairness = fairness };
            }
        }

        var created = clock.GetUtcNow();
        var version = string.Create(CultureInfo.InvariantCulture, $"v{created:yyyyMMdd}-{sha[..8]}");
        var card = new ModelCard
        {
            Variant = VariantNames.ToCode(options.Variant),
            Version = version,
            CreatedAt = created,
            TrainQuarters = options.Train.ToString(),
            ValidQuarter = options.Valid.ToString(),
            TrainSet = Summary(train),
            ValidSet = Summary(valid),
            SchemaHash = build.SchemaHash,
            Features = names,
            FeedFeatures = [.. build.Features.Where(f => f.IsFeed).Select(f => f.Name)],
            Parameters = new ModelCard.HyperParameters(options.Trees, options.Leaves, options.LearningRate, options.MinExamplesPerLeaf, options.Threads),
            Seed = options.Seed,
            QuotaShare = share,
            Metrics = metrics,
            InputHashes = new SortedDictionary<string, string>(train.InputHashes.Concat(valid.InputHashes).ToDictionary(), StringComparer.Ordinal),
            ModelSha256 = sha,
            MlNetVersion = typeof(MLContext).Assembly.GetName().Version?.ToString() ?? "unknown",
            SourceCommit = sourceCommit,
            IntendedUse = CardText.IntendedUse,
            KnownLimits = CardText.KnownLimits,
            SelectionBias = CardText.SelectionBias,
        };
        var folder = Path.Combine(modelsFolder, card.Variant, version);
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, ModelFiles.Model), bytes, ct).ConfigureAwait(false);
        await File.WriteAllBytesAsync(Path.Combine(folder, ModelCard.FileName), card.ToUtf8Json(), ct).ConfigureAwait(false);
        return new TrainingResult(card, folder, Stopwatch.GetElapsedTime(started), notDispatched);
    }

    /// <summary>Model and rule baseline on all validation rows and on the audit rows; the promotion metric prefers the audit AUC.</summary>
    public static ModelCard.ValidationMetrics Measure(TreeEnsemble ensemble, LabelledSet valid, IReadOnlyList<string> names, double share)
    {
        var model = Evaluate(valid, row => ensemble.Probability(ensemble.Raw(row)), share);
        var audit = valid.AuditOnly();
        var auditUsable = audit.Positives > 0 && audit.Positives < audit.Rows;
        var modelAudit = auditUsable ? Evaluate(audit, row => ensemble.Probability(ensemble.Raw(row)), share) : null;
        var ruleIndex = names.ToList().IndexOf(RuleFeature);
        var rule = ruleIndex < 0 ? null : Evaluate(valid, row => row[ruleIndex], share);
        var ruleAudit = ruleIndex < 0 || !auditUsable ? null : Evaluate(audit, row => row[ruleIndex], share);
        return modelAudit is null
            ? new ModelCard.ValidationMetrics(model, null, rule, null, "validAuc", model.Auc)
            : new ModelCard.ValidationMetrics(model, modelAudit, rule, ruleAudit, "validAuditAuc", modelAudit.Auc);
    }

    private static BinaryMetrics Evaluate(LabelledSet set, ScoreRow score, double share)
    {
        var scores = new float[set.Rows];
        for (var r = 0; r < set.Rows; r++)
        {
            scores[r] = score(set.Row(r));
        }

        return BinaryMetrics.Compute(scores, set.Labels, set.Keys, share);
    }

    private static byte[] Save(MLContext ml, ITransformer model, DataViewSchema schema)
    {
        using var stream = new MemoryStream();
        ml.Model.Save(model, schema, stream);
        return ModelZip.Normalise(stream.ToArray());
    }

    private static ModelCard.SetSummary Summary(LabelledSet set) =>
        new(set.Rows, set.Positives, Math.Round(set.PositiveRate, 6), set.AuditRows, set.Unreachable, set.WithoutFeatures, set.Duplicates, set.NoLabel);

    private delegate float ScoreRow(ReadOnlySpan<float> row);
}
