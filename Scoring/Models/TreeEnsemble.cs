using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace BlindSpot.Scoring.Models;

/// <summary>
/// A trained FastTree model as flat arrays: every tree's splits, thresholds, children and (weighted) leaf values, and the
/// Platt calibrator's slope and offset. Evaluated directly because ML.NET's generic IDataView path scores ~90k rows/s per
/// core, too slow for 9M people × 3 variants; ML.NET stays the trainer and the reference (tests hold the two to 1e-5).
/// Immutable and safe to share between threads.
/// </summary>
public sealed class TreeEnsemble
{
    private readonly int[] treeStart;   // first node of each tree in the node arrays
    private readonly int[] leafStart;   // first leaf of each tree in leafValues
    private readonly int[] feature;
    private readonly float[] threshold;
    private readonly int[] left;        // >= 0: node within the tree; < 0: ~leaf within the tree
    private readonly int[] right;
    private readonly double[] leafValues;
    private readonly double bias;
    private readonly BitvectorTrees compiled;

    private TreeEnsemble(RegressionTreeEnsemble ensemble, double slope, double offset)
    {
        var trees = ensemble.Trees;
        treeStart = new int[trees.Count + 1];
        leafStart = new int[trees.Count + 1];
        for (var t = 0; t < trees.Count; t++)
        {
            treeStart[t + 1] = treeStart[t] + trees[t].NumberOfNodes;
            leafStart[t + 1] = leafStart[t] + trees[t].NumberOfLeaves;
        }

        feature = new int[treeStart[^1]];
        threshold = new float[treeStart[^1]];
        left = new int[treeStart[^1]];
        right = new int[treeStart[^1]];
        leafValues = new double[leafStart[^1]];
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            if (tree.CategoricalSplitFlags.Any(flag => flag))
            {
                throw new NotSupportedException("The model has categorical splits; the fast scorer reads numerical splits only.");
            }

            Copy(tree.NumericalSplitFeatureIndexes, feature, treeStart[t]);
            Copy(tree.NumericalSplitThresholds, threshold, treeStart[t]);
            Copy(tree.LeftChild, left, treeStart[t]);
            Copy(tree.RightChild, right, treeStart[t]);
            for (var l = 0; l < tree.NumberOfLeaves; l++)
            {
                leafValues[leafStart[t] + l] = ensemble.TreeWeights[t] * tree.LeafValues[l];
            }
        }

        bias = ensemble.Bias;
        compiled = new BitvectorTrees(
            [.. Enumerable.Range(0, trees.Count).Select(t => (
                feature[treeStart[t]..treeStart[t + 1]],
                threshold[treeStart[t]..treeStart[t + 1]],
                left[treeStart[t]..treeStart[t + 1]],
                right[treeStart[t]..treeStart[t + 1]],
                leafValues[leafStart[t]..leafStart[t + 1]]))],
            bias);
        Slope = slope;
        Offset = offset;
        FeatureCount = feature.Length == 0 ? 0 : feature.Max() + 1;
    }

    public int TreeCount => treeStart.Length - 1;

    /// <summary>
    /// The features any split reads, ascending: the only columns scoring has to read, and the columns
    /// <see cref="RawColumns"/> takes, in this order. Reasons need no others (a feature no split reads contributes nothing).
    /// </summary>
    public IReadOnlyList<int> UsedFeatures => compiled.Features;

    public double Slope { get; }

    public double Offset { get; }

    /// <summary>One more than the highest feature index any split reads.</summary>
    public int FeatureCount { get; }

    /// <summary>Pulls the trees and calibrator out of a trained or loaded FastTree binary model.</summary>
    public static TreeEnsemble From(ITransformer model)
    {
        var last = model is TransformerChain<ITransformer> chain ? chain.LastTransformer : model;
        if (last is not ISingleFeaturePredictionTransformer<object> { Model: CalibratedModelParametersBase<FastTreeBinaryModelParameters, PlattCalibrator> calibrated })
        {
            throw new InvalidDataException($"The model is a {last.GetType().Name}, not a calibrated FastTree binary classifier.");
        }

        return new TreeEnsemble(calibrated.SubModel.TrainedTreeEnsemble, calibrated.Calibrator.Slope, calibrated.Calibrator.Offset);
    }

    /// <summary>The raw score (ML.NET's Score column) of one row: the sum of the leaves the row reaches, as float like ML.NET.</summary>
    public float Raw(ReadOnlySpan<float> row)
    {
        var sum = bias;
        for (var t = 0; t < TreeCount; t++)
        {
            sum += leafValues[leafStart[t] + Leaf(t, Root(t), row)];
        }

        return (float)sum;
    }

    /// <summary>
    /// Raw scores of a row-major block (<paramref name="width"/> features per row): the rows are turned into column blocks
    /// of <see cref="UsedFeatures"/> and evaluated by <see cref="RawColumns"/>. Equal to <see cref="Raw(ReadOnlySpan{float})"/>
    /// bit for bit.
    /// </summary>
    public void Raw(ReadOnlySpan<float> rows, int width, Span<float> raw)
    {
        if (width < FeatureCount || rows.Length < (long)raw.Length * width)
        {
            throw new ArgumentException($"Rows of {width} features are too narrow for trees that read feature {FeatureCount - 1}, or the block is short.", nameof(rows));
        }

        const int Block = 1024;
        var used = UsedFeatures;
        var columns = new float[used.Count * Block];
        for (var start = 0; start < raw.Length; start += Block)
        {
            var count = Math.Min(Block, raw.Length - start);
            for (var r = 0; r < count; r++)
            {
                var row = rows.Slice((start + r) * width, width);
                for (var c = 0; c < used.Count; c++)
                {
                    columns[(c * Block) + r] = row[used[c]];
                }
            }

            compiled.Raw(columns, Block, raw.Slice(start, count));
        }
    }

    /// <summary>
    /// Raw scores of a column-major block: column <c>c</c> holds feature <see cref="UsedFeatures"/>[c] of every row and starts
    /// at <c>c × stride</c>; one raw score per row into <paramref name="raw"/> (at most <paramref name="stride"/> rows).
    /// The batch scorer's path: QuickScorer-style bitvectors (<see cref="BitvectorTrees"/>).
    /// </summary>
    public void RawColumns(ReadOnlySpan<float> columns, int stride, Span<float> raw) => compiled.Raw(columns, stride, raw);

    /// <summary>The calibrated probability of a raw score, exactly as ML.NET's Platt calibrator computes it.</summary>
    public float Probability(float raw) => (float)(1 / (1 + Math.Exp((Slope * raw) + Offset)));

    /// <summary>
    /// Adds each feature's contribution to the raw score of <paramref name="row"/>: for every split on the row's path, the
    /// leaf reached minus the leaf reached had that one decision gone the other way (the rule ML.NET's feature contribution
    /// calculator uses for trees). In score space, not probability.
    /// </summary>
    public void Contributions(ReadOnlySpan<float> row, Span<double> contributions)
    {
        if (row.Length < FeatureCount || contributions.Length < FeatureCount)
        {
            throw new ArgumentException($"The row and the contributions need {FeatureCount} features; they have {row.Length} and {contributions.Length}.", nameof(row));
        }

        compiled.Contributions(row, contributions);
    }

    /// <summary>The leaf (within tree <paramref name="tree"/>) reached from <paramref name="node"/>; a negative node is already a leaf.</summary>
    private int Leaf(int tree, int node, ReadOnlySpan<float> row)
    {
        var start = treeStart[tree];
        while (node >= 0)
        {
            var i = start + node;
            node = row[feature[i]] <= threshold[i] ? left[i] : right[i];
        }

        return ~node;
    }

    /// <summary>Node 0, or leaf 0 (as ~0) for a tree that is a single leaf.</summary>
    private int Root(int tree) => treeStart[tree + 1] > treeStart[tree] ? 0 : -1;

    private static void Copy<T>(IReadOnlyList<T> source, T[] target, int at)
    {
        for (var k = 0; k < source.Count; k++)
        {
            target[at + k] = source[k];
        }
    }
}
