using System.Globalization;
using System.Text.Json;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Hashing;
using BlindSpot.Scoring.Models;
using Microsoft.ML;

namespace BlindSpot.Scoring.Registry;

/// <summary>
/// The models folder: <c>&lt;variant&gt;/&lt;version&gt;/{model.zip, model-card.json}</c> and <c>&lt;variant&gt;/live.json</c>.
/// Every load checks model.zip against the SHA-256 in its card; promote guards the live pointer.
/// </summary>
public sealed class ModelRegistry(string folder)
{
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>Every model card of <paramref name="variant"/> (all variants when null), oldest first.</summary>
    public IReadOnlyList<ModelCard> List(Variant? variant = null)
    {
        var variants = variant is { } one ? [one] : VariantNames.All;
        return [.. variants
            .Select(v => Path.Combine(Folder, v.ToCode()))
            .Where(Directory.Exists)
            .SelectMany(Directory.GetDirectories)
            .Where(d => File.Exists(Path.Combine(d, ModelCard.FileName)))
            .Select(d => ModelCard.Load(Path.Combine(d, ModelCard.FileName)))
            .OrderBy(c => c.Variant, StringComparer.Ordinal).ThenBy(c => c.CreatedAt).ThenBy(c => c.Version, StringComparer.Ordinal)];
    }

    public string VersionFolder(Variant variant, string version) => Path.Combine(Folder, variant.ToCode(), version);

    public ModelCard Card(Variant variant, string version)
    {
        var path = Path.Combine(VersionFolder(variant, version), ModelCard.FileName);
        return File.Exists(path) ? ModelCard.Load(path) : throw new FileNotFoundException($"No model {variant.ToCode()}/{version} under {Folder}; 'blindspot models list' shows what there is.", path);
    }

    public LivePointer? Live(Variant variant)
    {
        var path = Path.Combine(Folder, variant.ToCode(), ModelFiles.Live);
        return File.Exists(path) ? JsonSerializer.Deserialize<LivePointer>(File.ReadAllBytes(path), ModelCard.Json) : null;
    }

    /// <summary>Loads a version after checking its model.zip bytes against the card; a mismatch is refused, never scored.</summary>
    internal LoadedModel Load(Variant variant, string version)
    {
        var card = Card(variant, version);
        var zip = Path.Combine(VersionFolder(variant, version), ModelFiles.Model);
        var actual = FileHash.Sha256(zip);
        if (actual != card.ModelSha256)
        {
            throw new InvalidDataException(
                $"{zip}: SHA-256 {actual[..16]}… does not match {card.ModelSha256[..16]}… recorded in its model card; the file was changed after training. Refusing to load it: restore the file or retrain.");
        }

        // The context's seed does not matter for scoring; it is fixed anyway so nothing here is left to chance.
        var ml = new MLContext(seed: card.Seed);
        var transformer = ml.Model.Load(zip, out _);
        return new LoadedModel(card, VersionFolder(variant, version), transformer, TreeEnsemble.From(transformer));
    }

    /// <summary>The live model of <paramref name="variant"/>, checked like any load, or null when none was promoted.</summary>
    internal LoadedModel? LoadLive(Variant variant)
    {
        var live = Live(variant);
        if (live is null)
        {
            return null;
        }

        var model = Load(variant, live.Version);
        return model.Card.ModelSha256 == live.ModelSha256
            ? model
            : throw new InvalidDataException($"{variant.ToCode()}/live.json names {live.Version} with SHA-256 {live.ModelSha256[..16]}…, but that version's card says {model.Card.ModelSha256[..16]}…; promote it again.");
    }

    /// <summary>
    /// Makes <paramref name="version"/> live. Refused (unless <paramref name="force"/>) when its schema hash differs from
    /// <paramref name="currentSchemaHash"/> (the features it would score) or it is worse than the live model: by
    /// <paramref name="gate"/> (the backtest on the dispatched list, <see cref="Backtest.PromotionGate"/>) when given,
    /// else by the cards' validation metric unless <paramref name="compareCards"/> is false (the gate found the candidate has
    /// the live model's recipe, so neither is worse by construction). A tampered model.zip is refused even with force. The gate's line is kept in
    /// the live pointer's note either way, so a forced promotion records what it overrode.
    /// </summary>
    public LivePointer Promote(Variant variant, string version, string currentSchemaHash, bool force, TimeProvider clock, Backtest.GateDecision? gate = null, bool compareCards = true)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var candidate = Load(variant, version).Card;
        var notes = new List<string>();
        if (candidate.SchemaHash != currentSchemaHash)
        {
            notes.Add($"its feature schema {candidate.SchemaHash[..12]} differs from the current features build {currentSchemaHash[..12]}");
        }

        var live = Live(variant);
        if (gate is not null)
        {
            if (gate.Refuses)
            {
                notes.Add("the " + gate.Text);
            }
        }
        else if (compareCards && live is not null && live.Version != version)
        {
            var current = Card(variant, live.Version);
            var (name, candidateValue, liveValue) = Comparable(candidate, current);
            if (candidateValue < liveValue)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"its {name} {candidateValue:F4} is worse than live {live.Version}'s {liveValue:F4}"));
            }
        }

        if (notes.Count > 0 && !force)
        {
            throw new InvalidOperationException($"Refusing to promote {variant.ToCode()}/{version}: {string.Join("; ", notes)}. Use --force to promote anyway.");
        }

        var note = notes.Count > 0 ? "forced: " + string.Join("; ", notes) : "checks passed";
        if (gate is not null && !gate.Refuses)
        {
            note += "; " + gate.Text;
        }

        var pointer = new LivePointer(version, candidate.ModelSha256, clock.GetUtcNow(), notes.Count > 0, note);
        var path = Path.Combine(Folder, variant.ToCode(), ModelFiles.Live);
        File.WriteAllBytes(path + ".tmp", JsonSerializer.SerializeToUtf8Bytes(pointer, ModelCard.Json));
        File.Move(path + ".tmp", path, overwrite: true);
        return pointer;
    }

    /// <summary>The metric both cards share: the audit AUC when both have it, else the all-rows validation AUC.</summary>
    private static (string Name, double Candidate, double Live) Comparable(ModelCard candidate, ModelCard live) =>
        candidate.Metrics.PromotionMetric == live.Metrics.PromotionMetric
            ? (candidate.Metrics.PromotionMetric, candidate.Metrics.PromotionAuc, live.Metrics.PromotionAuc)
            : ("validAuc", candidate.Metrics.Model.Auc, live.Metrics.Model.Auc);
}
