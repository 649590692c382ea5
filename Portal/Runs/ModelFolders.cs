using BlindSpot.Core.Catalog;

namespace BlindSpot.Portal.Runs;

/// <summary>
/// The models folder as analysts browse it: <c>&lt;variant&gt;/&lt;version&gt;/model-card.json</c> and its
/// <c>evaluation/&lt;Q&gt;/</c> reports. A request names a variant, version, quarter and file; each is looked up among the
/// names the folder actually lists (ordinal match), so no request text ever becomes part of a path.
/// </summary>
public sealed class ModelFolders(string folder)
{
    /// <summary>(variant code, version, is live) of every model with a card, variant by variant, newest version first.</summary>
    public IReadOnlyList<(string Variant, string Version, bool Live)> List() =>
        [.. VariantNames.All.Select(v => v.ToCode()).SelectMany(v =>
        {
            var live = LiveVersion(v);
            return Children(Path.Combine(folder, v)).Where(d => File.Exists(Path.Combine(folder, v, d, "model-card.json")))
                .OrderDescending(StringComparer.Ordinal).Select(d => (v, d, d == live));
        })];

    /// <summary>The model's folder when <paramref name="variant"/> and <paramref name="version"/> are listed, else null.</summary>
    public string? Model(string variant, string version)
    {
        var v = VariantNames.All.Select(x => x.ToCode()).FirstOrDefault(x => x == variant);
        var match = v is null ? null : Children(Path.Combine(folder, v)).FirstOrDefault(d => d == version);
        return match is null ? null : Path.Combine(folder, v!, match);
    }

    /// <summary>(quarter, file names) of the model's evaluation reports.</summary>
    public static IReadOnlyList<(string Quarter, IReadOnlyList<string> Files)> Evaluations(string modelFolder) =>
        [.. Children(Path.Combine(modelFolder, "evaluation")).Order(StringComparer.Ordinal)
            .Select(q => (q, (IReadOnlyList<string>)[.. Files(Path.Combine(modelFolder, "evaluation", q)).Order(StringComparer.Ordinal)]))];

    /// <summary>The evaluation file when <paramref name="quarter"/> and <paramref name="file"/> are listed, else null.</summary>
    public static string? EvaluationFile(string modelFolder, string quarter, string file)
    {
        var q = Children(Path.Combine(modelFolder, "evaluation")).FirstOrDefault(x => x == quarter);
        var f = q is null ? null : Files(Path.Combine(modelFolder, "evaluation", q)).FirstOrDefault(x => x == file);
        return f is null ? null : Path.Combine(modelFolder, "evaluation", q!, f);
    }

    private string? LiveVersion(string variant)
    {
        var path = Path.Combine(folder, variant, "live.json");
        if (!File.Exists(path))
        {
            return null;
        }

        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.TryGetProperty("version", out var version) ? version.GetString() : null;
    }

    private static IEnumerable<string> Children(string path) =>
        Directory.Exists(path) ? Directory.GetDirectories(path).Select(Path.GetFileName).OfType<string>() : [];

    private static IEnumerable<string> Files(string path) =>
        Directory.Exists(path) ? Directory.GetFiles(path).Select(Path.GetFileName).OfType<string>() : [];
}
