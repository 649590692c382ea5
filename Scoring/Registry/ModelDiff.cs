using System.Globalization;
using BlindSpot.Scoring.Models;

namespace BlindSpot.Scoring.Registry;

/// <summary>What differs between two model cards, one line per field, for <c>blindspot models diff</c>.</summary>
public static class ModelDiff
{
    public static IReadOnlyList<string> Lines(ModelCard a, ModelCard b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var lines = new List<string>();
        Compare(lines, "train quarters", a.TrainQuarters, b.TrainQuarters);
        Compare(lines, "valid quarter", a.ValidQuarter, b.ValidQuarter);
        Compare(lines, "schema hash", a.SchemaHash[..12], b.SchemaHash[..12]);
        Compare(lines, "parameters", a.Parameters.ToString(), b.Parameters.ToString());
        Compare(lines, "seed", Text(a.Seed), Text(b.Seed));
        Compare(lines, "train rows", Text(a.TrainSet.Rows), Text(b.TrainSet.Rows));
        Compare(lines, "train positive rate", Text(a.TrainSet.PositiveRate), Text(b.TrainSet.PositiveRate));
        Compare(lines, "valid AUC", Text(a.Metrics.Model.Auc), Text(b.Metrics.Model.Auc));
        Compare(lines, "valid PR-AUC", Text(a.Metrics.Model.PrAuc), Text(b.Metrics.Model.PrAuc));
        Compare(lines, "valid precision@k", Text(a.Metrics.Model.PrecisionAtK), Text(b.Metrics.Model.PrecisionAtK));
        Compare(lines, "valid audit AUC", Text(a.Metrics.ModelAudit?.Auc), Text(b.Metrics.ModelAudit?.Auc));
        Compare(lines, "ML.NET", a.MlNetVersion, b.MlNetVersion);
        Compare(lines, "source commit", a.SourceCommit, b.SourceCommit);
        var added = b.Features.Except(a.Features).ToArray();
        var removed = a.Features.Except(b.Features).ToArray();
        if (added.Length + removed.Length > 0)
        {
            lines.Add($"features: +{string.Join(",", added)} -{string.Join(",", removed)}");
        }

        return lines;
    }

    private static void Compare(List<string> lines, string name, string a, string b)
    {
        if (a != b)
        {
            lines.Add($"{name}: {a} → {b}");
        }
    }

    private static string Text(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "—";
}
