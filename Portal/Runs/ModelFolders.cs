using BlindSpot.Core.Catalog;
using BlindSpot.Core.Contracts;

namespace BlindSpot.Portal.Runs;

/// <summary>
/// The models folder as analysts browse it: <c>&lt;variant&gt;/&lt;version&gt;/model-card.json</c> and its
/// <c>evaluation/&lt;Q&gt;/</c> reports, in the layout Scoring's registry writes (<see cref="ModelLayout"/>). A request names a variant, version, quarter and file; each is looked up among the
/// names the folder actually lists (ordinal match), so no request text ever becomes part of a path.
/// </summary>
public sealed class ModelFolders(string folder)
{
    /// <summary>(variant code, version, is live) of every model with a card, variant by variant, newest version first.</summary>
    public IReadOnlyList<(string Variant, string Version, bool Live)> List() =>
        [.. VariantNames.All.Select(v => v.ToCode()).SelectMany(v =>
        {
            var live = LiveVersion(v);
            return Children(ModelLayout.VariantFolder(folder, v)).Where(d => File.Exists(ModelLayout.CardPath(ModelLayout.VersionFolder(folder, v, d))))
                .OrderDescending(StringComparer.Ordinal).Select(d => (v, d, d == live));
        })];

    /// <summary>The model's folder when <paramref name="variant"/> and <paramref name="version"/> are listed, else null.</summary>
    public string? Model(string variant, string version)
    {
        var v = VariantNames.All.Select(x => x.ToCode()).FirstOrDefault(x => x == variant);
        var match = v is null ? null : Children(ModelLayout.VariantFolder(folder, v)).FirstOrDefault(d => d == version);
        return match is null ? null : ModelLayout.VersionFolder(folder, v!, match);
    }

    /// <summary>(quarter, file names) of the model's evaluation reports.</summary>
    public static IReadOnlyList<(string Quarter, IReadOnlyList<string> Files)> Evaluations(string modelFolder) =>
        [.. Children(ModelLayout.Evaluations(modelFolder)).Order(StringComparer.Ordinal)
            .Select(q => (q, (IReadOnlyList<string>)[.. Files(Path.Combine(ModelLayout.Evaluations(modelFolder), q)).Order(StringComparer.Ordinal)]))];

    /// <summary>The evaluation file when <paramref name="quarter"/> and <paramref name="file"/> are listed, else null.</summary>
    public static string? EvaluationFile(string modelFolder, string quarter, string file)
    {
        var evaluations = ModelLayout.Evaluations(modelFolder);
        var q = Children(evaluations).FirstOrDefault(x => x == quarter);
        var f = q is null ? null : Files(Path.Combine(evaluations, q)).FirstOrDefault(x => x == file);
        return f is null ? null : Path.Combine(evaluations, q!, f);
    }

    private string? LiveVersion(string variant)
    {
        var path = ModelLayout.LivePath(folder, variant);
        if (!File.Exists(path))
        {
            return null;
        }

        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.TryGetProperty(ModelLayout.LiveVersionProperty, out var version) ? version.GetString() : null;
    }

    private static IEnumerable<string> Children(string path) =>
        Directory.Exists(path) ? Directory.GetDirectories(path).Select(Path.GetFileName).OfType<string>() : [];

    private static IEnumerable<string> Files(string path) =>
        Directory.Exists(path) ? Directory.GetFiles(path).Select(Path.GetFileName).OfType<string>() : [];
}
