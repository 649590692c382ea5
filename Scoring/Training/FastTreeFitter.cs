using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace BlindSpot.Scoring.Training;

/// <summary>Fits the FastTree binary classifier (its built-in Platt calibrator gives the Probability) on a labelled set.</summary>
internal static class FastTreeFitter
{
    public static ITransformer Fit(MLContext ml, LabelledSet set, TrainingOptions options, out DataViewSchema inputSchema)
    {
        var data = AsDataView(ml, set);
        inputSchema = data.Schema;
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = nameof(TrainingRow.Label),
            FeatureColumnName = nameof(TrainingRow.Features),
            NumberOfTrees = options.Trees,
            NumberOfLeaves = options.Leaves,
            LearningRate = options.LearningRate,
            MinimumExampleCountPerLeaf = options.MinExamplesPerLeaf,
            NumberOfThreads = options.Threads,
            Seed = options.Seed,

            // Bins per feature stay at the default; features are already float (PITFALLS: FastTree bins everything in memory).
        });
        return trainer.Fit(data);
    }

    /// <summary>
    /// A streaming view over the set: rows are made as ML.NET's cursor asks for them and are not kept, so the only full
    /// copy is the row-major matrix.
    /// </summary>
    public static IDataView AsDataView(MLContext ml, LabelledSet set)
    {
        var definition = SchemaDefinition.Create(typeof(TrainingRow));
        definition[nameof(TrainingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, set.Width);
        return ml.Data.LoadFromEnumerable(Rows(set), definition);
    }

    private static IEnumerable<TrainingRow> Rows(LabelledSet set)
    {
        for (var r = 0; r < set.Rows; r++)
        {
            yield return new TrainingRow { Label = set.Labels[r], Features = set.Row(r).ToArray() };
        }
    }
}
